#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

#include "models/core/Result.h"

namespace shebao {

class LocalCache;

// A wizard's state as the user left it (异动新增, 异动减少, ...): saved to the unit's cache as the
// user types, so closing the window, a crash or a kill loses at most the last second. The
// wizard owns the meaning of `state`; the store keeps it whole and transactionally.
struct Draft
{
    qint64 id = 0;            // assigned by save(); 0 for a new draft
    QString kind;             // "declaration.add", "declaration.reduce", ...
    QString title;            // for the drafts list, e.g. "张三 430102…1234"
    QJsonObject state;        // the wizard's fields and the page it was on
    QDateTime updatedAt;      // UTC, set by save()

    bool operator==(const Draft &) const = default;
};

// The drafts table of a LocalCache (same file, same connection). Every call is one transaction.
class DraftStore
{
public:
    explicit DraftStore(LocalCache &cache);

    // Inserts when draft.id is 0, otherwise replaces that draft; returns the id.
    Result<qint64> save(const Draft &draft);
    Result<std::optional<Draft>> load(qint64 id) const;
    // Newest first; `kind` empty lists all.
    Result<QList<Draft>> list(const QString &kind = QString()) const;
    Result<void> remove(qint64 id);

private:
    LocalCache &m_cache;
};

} // namespace shebao
