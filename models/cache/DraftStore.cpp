#include "models/cache/DraftStore.h"

#include <QJsonDocument>
#include <QSqlQuery>

#include "models/cache/CacheTransaction.h"
#include "models/cache/LocalCache.h"

namespace shebao {

namespace {

QString nowText(QDateTime *at)
{
    *at = QDateTime::currentDateTimeUtc();
    return at->toString(Qt::ISODateWithMs);
}

// QtSql binds a null QString as SQL NULL; the columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

Result<Draft> readDraft(const QSqlQuery &q)
{
    Draft draft;
    draft.id = q.value(0).toLongLong();
    draft.kind = q.value(1).toString();
    draft.title = q.value(2).toString();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(3).toString().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return cache::corruptError(QStringLiteral("draft %1: %2").arg(draft.id).arg(error.errorString()));
    draft.state = doc.object();
    draft.updatedAt = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
    return draft;
}

const QString Columns = QStringLiteral("SELECT id, kind, title, state, updated_at FROM drafts");

} // namespace

DraftStore::DraftStore(LocalCache &cache) : m_cache(cache) {}

Result<qint64> DraftStore::save(const Draft &draft)
{
    cache::Transaction t(m_cache);
    if (!t.begun())
        return t.begun().error();
    QSqlQuery q = t.query();
    QDateTime at;
    const QString state = QString::fromUtf8(QJsonDocument(draft.state).toJson(QJsonDocument::Compact));
    if (draft.id == 0) {
        q.prepare(QStringLiteral("INSERT INTO drafts(kind, title, state, updated_at) VALUES(?, ?, ?, ?)"));
    } else {
        // Replacing a draft that another window discarded meanwhile brings it back under its id:
        // what the user typed last wins over a stale delete.
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO drafts(id, kind, title, state, updated_at)"
                                 " VALUES(?, ?, ?, ?, ?)"));
        q.addBindValue(draft.id);
    }
    q.addBindValue(text(draft.kind));
    q.addBindValue(text(draft.title));
    q.addBindValue(state);
    q.addBindValue(nowText(&at));
    if (!q.exec())
        return cache::writeError(q.lastError());
    const qint64 id = draft.id == 0 ? q.lastInsertId().toLongLong() : draft.id;
    if (auto committed = t.commit(); !committed)
        return committed.error();
    return id;
}

Result<std::optional<Draft>> DraftStore::load(qint64 id) const
{
    cache::Transaction t(m_cache);
    if (!t.begun())
        return t.begun().error();
    QSqlQuery q = t.query();
    q.prepare(Columns + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return cache::readError(q.lastError());
    if (!q.next())
        return std::optional<Draft>();
    Result<Draft> draft = readDraft(q);
    if (!draft)
        return draft.error();
    return std::optional<Draft>(std::move(draft).value());
}

Result<QList<Draft>> DraftStore::list(const QString &kind) const
{
    cache::Transaction t(m_cache);
    if (!t.begun())
        return t.begun().error();
    QSqlQuery q = t.query();
    q.prepare(Columns + (kind.isEmpty() ? QString() : QStringLiteral(" WHERE kind = ?"))
              + QStringLiteral(" ORDER BY updated_at DESC, id DESC"));
    if (!kind.isEmpty())
        q.addBindValue(kind);
    if (!q.exec())
        return cache::readError(q.lastError());
    QList<Draft> drafts;
    while (q.next()) {
        Result<Draft> draft = readDraft(q);
        if (!draft)
            return draft.error();
        drafts.append(std::move(draft).value());
    }
    return drafts;
}

Result<void> DraftStore::remove(qint64 id)
{
    cache::Transaction t(m_cache);
    if (!t.begun())
        return t.begun();
    QSqlQuery q = t.query();
    q.prepare(QStringLiteral("DELETE FROM drafts WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return cache::writeError(q.lastError());
    return t.commit();
}

} // namespace shebao
