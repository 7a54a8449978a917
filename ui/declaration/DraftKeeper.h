#pragma once

#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <functional>

#include "models/core/Result.h"

class QWidget;

namespace shebao {
class LocalCache;
}

namespace shebao::ui {

// Keeps a wizard's state in the unit's cache (DraftStore) while the clerk types: every change
// restarts a short timer and the state is written when typing pauses, and at once on flush()
// (the wizard closing). So closing the window, a crash or a kill loses at most the last
// DebounceMs of typing, and a keystroke never waits for the disk.
class DraftKeeper : public QObject
{
    Q_OBJECT

public:
    static constexpr int DebounceMs = 400;

    struct Snapshot
    {
        QString title;     // for the drafts list
        QJsonObject state; // the wizard's fields and page
    };

    // `cache` may be null (no session): then nothing is kept.
    DraftKeeper(LocalCache *cache, const QString &kind, std::function<Snapshot()> snapshot, QObject *parent = nullptr);
    ~DraftKeeper() override;

    // Continues an existing draft (a resumed one) instead of starting a new one.
    void setDraftId(qint64 id) { m_draftId = id; }
    qint64 draftId() const { return m_draftId; }

    // Every widget of `root` that the clerk edits (line edits, combo boxes, check boxes) marks
    // the draft changed.
    void watch(QWidget *root);
    void touch();
    // Writes now if anything changed since the last write.
    void flush();
    // The wizard's work is saved elsewhere (the outbox): the draft goes away and stays away.
    void discard();
    // Writes what is pending and ignores every later change: QWizard resets its pages' fields
    // when it is rejected, and that reset must not overwrite the draft.
    void close();
    bool isPending() const { return m_timer.isActive(); }

signals:
    void saveFailed(const shebao::Error &error);
    void saved(qint64 draftId);

private:
    LocalCache *m_cache;
    QString m_kind;
    std::function<Snapshot()> m_snapshot;
    QTimer m_timer;
    qint64 m_draftId = 0;
    bool m_dirty = false;
    bool m_discarded = false;
};

} // namespace shebao::ui
