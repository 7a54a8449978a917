#include "ui/declaration/DraftKeeper.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>

#include "models/cache/DraftStore.h"

namespace shebao::ui {

DraftKeeper::DraftKeeper(LocalCache *cache, const QString &kind, std::function<Snapshot()> snapshot, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_kind(kind)
    , m_snapshot(std::move(snapshot))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(DebounceMs);
    connect(&m_timer, &QTimer::timeout, this, &DraftKeeper::flush);
}

// No flush here: the snapshot asks the wizard, which is already gone when its children are
// destroyed. Owners flush in done() and their own destructor.
DraftKeeper::~DraftKeeper() = default;

void DraftKeeper::watch(QWidget *root)
{
    for (QLineEdit *edit : root->findChildren<QLineEdit *>()) {
        // A combo box's own line edit reports through the combo box.
        if (!qobject_cast<QComboBox *>(edit->parentWidget()))
            connect(edit, &QLineEdit::textChanged, this, &DraftKeeper::touch);
    }
    for (QComboBox *combo : root->findChildren<QComboBox *>())
        connect(combo, &QComboBox::currentIndexChanged, this, &DraftKeeper::touch);
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        if (button->isCheckable())
            connect(button, &QAbstractButton::toggled, this, &DraftKeeper::touch);
    }
    for (QPlainTextEdit *edit : root->findChildren<QPlainTextEdit *>())
        connect(edit, &QPlainTextEdit::textChanged, this, &DraftKeeper::touch);
}

void DraftKeeper::touch()
{
    if (m_discarded || !m_cache)
        return;
    m_dirty = true;
    m_timer.start();
}

void DraftKeeper::flush()
{
    m_timer.stop();
    if (!m_dirty || m_discarded || !m_cache)
        return;
    m_dirty = false;
    const Snapshot snapshot = m_snapshot();
    Draft draft;
    draft.id = m_draftId;
    draft.kind = m_kind;
    draft.title = snapshot.title;
    draft.state = snapshot.state;
    Result<qint64> id = DraftStore(*m_cache).save(draft);
    if (!id) {
        m_dirty = true;
        emit saveFailed(id.error());
        return;
    }
    m_draftId = id.value();
    emit saved(m_draftId);
}

void DraftKeeper::close()
{
    flush();
    m_discarded = true;
}

void DraftKeeper::discard()
{
    m_timer.stop();
    m_discarded = true;
    m_dirty = false;
    if (m_cache && m_draftId != 0) {
        if (Result<void> removed = DraftStore(*m_cache).remove(m_draftId); !removed)
            emit saveFailed(removed.error());
    }
    m_draftId = 0;
}

} // namespace shebao::ui
