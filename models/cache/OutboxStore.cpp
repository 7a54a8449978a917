#include "models/cache/OutboxStore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include "models/cache/CacheTransaction.h"
#include "models/cache/LocalCache.h"
#include "models/declaration/DeclarationJson.h"

namespace shebao {

QString outboxStateCode(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Queued: return QStringLiteral("queued");
    case OutboxEntry::State::Sent: return QStringLiteral("sent");
    case OutboxEntry::State::Refused: return QStringLiteral("refused");
    }
    return QStringLiteral("queued");
}

namespace {

bool parseState(const QString &code, OutboxEntry::State *state)
{
    for (OutboxEntry::State s : {OutboxEntry::State::Queued, OutboxEntry::State::Sent, OutboxEntry::State::Refused}) {
        if (outboxStateCode(s) == code) {
            *state = s;
            return true;
        }
    }
    return false;
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QVariant errorJson(const Error &error)
{
    if (error.code.isEmpty())
        return QVariant(QMetaType(QMetaType::QString)); // NULL
    return compact(QJsonObject{{QStringLiteral("code"), error.code},
                               {QStringLiteral("message"), error.message},
                               {QStringLiteral("detail"), error.detail},
                               {QStringLiteral("field"), error.field}});
}

Error decodeError(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    return Error{o.value(QLatin1String("code")).toString(), o.value(QLatin1String("message")).toString(),
                 o.value(QLatin1String("detail")).toString(), o.value(QLatin1String("field")).toString()};
}

const QString Columns = QStringLiteral("SELECT id, idempotency_key, item, request, state, error, attempts, chunk_key,"
                                       " chunk_pos, created_at, updated_at, kind_open FROM outbox");

Result<OutboxEntry> readEntry(const QSqlQuery &q)
{
    OutboxEntry e;
    e.id = q.value(0).toLongLong();
    e.idempotencyKey = q.value(1).toString();
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(2).toString().toUtf8());
    Result<DeclarationItem> item = json::decodeItem(doc.object());
    if (!doc.isObject() || !item)
        return cache::corruptError(QStringLiteral("outbox entry %1: unreadable item").arg(e.id));
    e.item = std::move(item).value();
    e.request = q.value(3).toString().toUtf8();
    if (!parseState(q.value(4).toString(), &e.state))
        return cache::corruptError(QStringLiteral("outbox entry %1: unknown state").arg(e.id));
    e.error = decodeError(q.value(5).toString());
    e.attempts = q.value(6).toInt();
    e.chunkKey = q.value(7).toString();
    e.chunkPos = q.value(8).toInt();
    e.createdAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
    e.updatedAt = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
    e.kindOpen = q.value(11).toInt() != 0;
    return e;
}

Error noEntry(qint64 id)
{
    return Error{QStringLiteral("outbox.unknown"),
                 QCoreApplication::translate("shebao::OutboxStore", "This saved item is no longer in the outbox."),
                 QStringLiteral("outbox entry %1").arg(id), {}};
}

Error notRefused(qint64 id)
{
    return Error{QStringLiteral("outbox.not_refused"),
                 QCoreApplication::translate("shebao::OutboxStore",
                                             "Only an item the server refused can be corrected and sent again."),
                 QStringLiteral("outbox entry %1").arg(id), {}};
}

// One UPDATE of one row; an id that matched nothing is an error, not a silent success.
Result<void> updateOne(LocalCache &cache, qint64 id, const QString &sql, const QVariantList &values)
{
    cache::Transaction t(cache);
    if (!t.begun())
        return t.begun();
    QSqlQuery q = t.query();
    q.prepare(sql);
    for (const QVariant &value : values)
        q.addBindValue(value);
    q.addBindValue(id);
    if (!q.exec())
        return cache::writeError(q.lastError());
    if (q.numRowsAffected() != 1)
        return noEntry(id);
    return t.commit();
}

Result<OutboxEntry> insertEntry(QSqlQuery &q, const DeclarationItem &item, const QString &chunkKey, int chunkPos,
                                bool kindOpen)
{
    OutboxEntry e;
    e.kindOpen = kindOpen && !item.isReduce();
    e.idempotencyKey = newKey();
    e.item = item;
    e.request = QJsonDocument(json::encodeItemRequest(item)).toJson(QJsonDocument::Compact);
    e.createdAt = QDateTime::currentDateTimeUtc();
    e.updatedAt = e.createdAt;
    e.chunkKey = chunkKey;
    e.chunkPos = chunkPos;
    const QString at = e.createdAt.toString(Qt::ISODateWithMs);
    q.bindValue(0, e.idempotencyKey);
    q.bindValue(1, compact(json::encode(item)));
    q.bindValue(2, QString::fromUtf8(e.request));
    q.bindValue(3, chunkKey.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(chunkKey));
    q.bindValue(4, chunkKey.isEmpty() ? QVariant(QMetaType(QMetaType::Int)) : QVariant(chunkPos));
    q.bindValue(5, at);
    q.bindValue(6, at);
    q.bindValue(7, e.kindOpen ? 1 : 0);
    if (!q.exec())
        return cache::writeError(q.lastError());
    e.id = q.lastInsertId().toLongLong();
    // Read back as stored: times lose nothing (ms), the item is what decodeItem makes of it.
    return e;
}

const QString InsertSql = QStringLiteral(
    "INSERT INTO outbox(idempotency_key, item, request, state, attempts, chunk_key, chunk_pos, created_at, updated_at,"
    " kind_open) VALUES(?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?)");

} // namespace

OutboxStore::OutboxStore(LocalCache &cache) : m_cache(cache) {}

Result<OutboxEntry> OutboxStore::enqueue(const DeclarationItem &item)
{
    Result<QList<OutboxEntry>> entries = enqueueMany({item});
    if (!entries)
        return entries.error();
    return entries.value().first();
}

Result<QList<OutboxEntry>> OutboxStore::enqueueMany(const QList<DeclarationItem> &items, int chunkSize, bool kindOpen)
{
    cache::Transaction t(m_cache);
    if (!t.begun())
        return t.begun().error();
    QSqlQuery q = t.query();
    q.prepare(InsertSql);
    QList<OutboxEntry> entries;
    entries.reserve(items.size());
    QString chunkKey;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const int pos = chunkSize > 0 ? int(i % chunkSize) : 0;
        if (chunkSize > 0 && pos == 0)
            chunkKey = newKey();
        Result<OutboxEntry> entry = insertEntry(q, items.at(i), chunkKey, pos, kindOpen);
        if (!entry)
            return entry.error();
        entries.append(std::move(entry).value());
    }
    if (auto committed = t.commit(); !committed)
        return committed.error();
    return entries;
}

Result<void> OutboxStore::markSending(const QList<qint64> &ids)
{
    cache::Transaction t(m_cache);
    if (!t.begun())
        return t.begun();
    QSqlQuery q = t.query();
    q.prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'queued'"));
    const QString now = nowText();
    for (qint64 id : ids) {
        q.bindValue(0, now);
        q.bindValue(1, id);
        if (!q.exec())
            return cache::writeError(q.lastError());
        if (q.numRowsAffected() != 1)
            return noEntry(id);
    }
    return t.commit();
}

Result<void> OutboxStore::markAttempt(qint64 id, const Error &networkError)
{
    return updateOne(m_cache, id,
                     QStringLiteral("UPDATE outbox SET error = ?, updated_at = ?"
                                    " WHERE id = ? AND state = 'queued'"),
                     {errorJson(networkError), nowText()});
}

Result<void> OutboxStore::markSent(qint64 id, const DeclarationItem &serverItem)
{
    return updateOne(m_cache, id,
                     QStringLiteral("UPDATE outbox SET state = 'sent', item = ?, error = NULL,"
                                    " chunk_key = NULL, chunk_pos = NULL, updated_at = ? WHERE id = ?"),
                     {compact(json::encode(serverItem)), nowText()});
}

Result<void> OutboxStore::markRefused(qint64 id, const Error &error)
{
    return updateOne(m_cache, id,
                     QStringLiteral("UPDATE outbox SET state = 'refused', error = ?,"
                                    " chunk_key = NULL, chunk_pos = NULL, updated_at = ? WHERE id = ?"),
                     {errorJson(error), nowText()});
}

Result<void> OutboxStore::requeue(qint64 id, const DeclarationItem &item)
{
    Result<QList<OutboxEntry>> requeued = requeueMany({{id, item}});
    if (!requeued)
        return requeued.error();
    return {};
}

Result<QList<OutboxEntry>> OutboxStore::requeueMany(const QList<std::pair<qint64, DeclarationItem>> &corrections,
                                                    int chunkSize)
{
    cache::Transaction t(m_cache);
    if (!t.begun())
        return t.begun().error();
    QSqlQuery check = t.query();
    check.prepare(QStringLiteral("SELECT state FROM outbox WHERE id = ?"));
    QSqlQuery update = t.query();
    update.prepare(QStringLiteral("UPDATE outbox SET idempotency_key = ?, item = ?, request = ?, state = 'queued',"
                                  " error = NULL, attempts = 0, chunk_key = ?, chunk_pos = ?, kind_open = 0, updated_at = ?"
                                  " WHERE id = ?"));
    QString chunkKey;
    for (qsizetype i = 0; i < corrections.size(); ++i) {
        const qint64 id = corrections.at(i).first;
        const DeclarationItem &item = corrections.at(i).second;
        check.bindValue(0, id);
        if (!check.exec())
            return cache::readError(check.lastError());
        if (!check.next())
            return noEntry(id);
        if (check.value(0).toString() != outboxStateCode(OutboxEntry::State::Refused))
            return notRefused(id);
        check.finish();
        const int pos = chunkSize > 0 ? int(i % chunkSize) : 0;
        if (chunkSize > 0 && pos == 0)
            chunkKey = newKey();
        update.bindValue(0, newKey());
        update.bindValue(1, compact(json::encode(item)));
        update.bindValue(2, QString::fromUtf8(QJsonDocument(json::encodeItemRequest(item)).toJson(QJsonDocument::Compact)));
        update.bindValue(3, chunkKey.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(chunkKey));
        update.bindValue(4, chunkKey.isEmpty() ? QVariant(QMetaType(QMetaType::Int)) : QVariant(pos));
        update.bindValue(5, nowText());
        update.bindValue(6, id);
        if (!update.exec())
            return cache::writeError(update.lastError());
    }
    QSqlQuery read = t.query();
    read.prepare(Columns + QStringLiteral(" WHERE id = ?"));
    QList<OutboxEntry> entries;
    for (const auto &correction : corrections) {
        read.bindValue(0, correction.first);
        if (!read.exec() || !read.next())
            return cache::readError(read.lastError());
        Result<OutboxEntry> e = readEntry(read);
        if (!e)
            return e.error();
        entries.append(std::move(e).value());
        read.finish();
    }
    if (auto committed = t.commit(); !committed)
        return committed.error();
    return entries;
}

Result<void> OutboxStore::flipKinds(const QList<qint64> &ids, int chunkSize)
{
    cache::Transaction t(m_cache);
    if (!t.begun())
        return t.begun();
    QSqlQuery read = t.query();
    read.prepare(Columns + QStringLiteral(" WHERE id = ?"));
    QSqlQuery update = t.query();
    update.prepare(QStringLiteral("UPDATE outbox SET idempotency_key = ?, item = ?, request = ?, error = NULL,"
                                  " chunk_key = ?, chunk_pos = ?, kind_open = 0, updated_at = ?"
                                  " WHERE id = ?"));
    QString chunkKey;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        read.bindValue(0, ids.at(i));
        if (!read.exec())
            return cache::readError(read.lastError());
        if (!read.next())
            return noEntry(ids.at(i));
        Result<OutboxEntry> e = readEntry(read);
        read.finish();
        if (!e)
            return e.error();
        if (e.value().state != OutboxEntry::State::Queued || !e.value().kindOpen || e.value().item.isReduce())
            return Error{QStringLiteral("outbox.kind_fixed"),
                         QCoreApplication::translate("shebao::OutboxStore", "The kind of this item was chosen by the user."),
                         QStringLiteral("outbox entry %1").arg(ids.at(i)), {}};
        DeclarationItem item = e.value().item;
        item.kind = item.kind == DeclarationKind::Add ? DeclarationKind::Renew : DeclarationKind::Add;
        const int pos = chunkSize > 0 ? int(i % chunkSize) : 0;
        if (chunkSize > 0 && pos == 0)
            chunkKey = newKey();
        update.bindValue(0, newKey());
        update.bindValue(1, compact(json::encode(item)));
        update.bindValue(2, QString::fromUtf8(QJsonDocument(json::encodeItemRequest(item)).toJson(QJsonDocument::Compact)));
        update.bindValue(3, chunkKey.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(chunkKey));
        update.bindValue(4, chunkKey.isEmpty() ? QVariant(QMetaType(QMetaType::Int)) : QVariant(pos));
        update.bindValue(5, nowText());
        update.bindValue(6, ids.at(i));
        if (!update.exec())
            return cache::writeError(update.lastError());
    }
    return t.commit();
}

Result<void> OutboxStore::leaveChunk(qint64 id)
{
    return updateOne(m_cache, id,
                     QStringLiteral("UPDATE outbox SET chunk_key = NULL, chunk_pos = NULL, updated_at = ? WHERE id = ?"),
                     {nowText()});
}

Result<std::optional<OutboxEntry>> OutboxStore::entry(qint64 id) const
{
    return cache::selectRow(m_cache, Columns + QStringLiteral(" WHERE id = ?"), {id}, readEntry);
}

Result<QList<OutboxEntry>> OutboxStore::entries(std::optional<OutboxEntry::State> state) const
{
    const QString sql = Columns + (state ? QStringLiteral(" WHERE state = ?") : QString()) + QStringLiteral(" ORDER BY id");
    return cache::selectRows(m_cache, sql, state ? QVariantList{outboxStateCode(*state)} : QVariantList(), readEntry);
}

Result<std::optional<OutboxEntry>> OutboxStore::nextQueued(qint64 after) const
{
    return cache::selectRow(m_cache, Columns + QStringLiteral(" WHERE state = 'queued' AND id > ? ORDER BY id"), {after},
                            readEntry);
}

Result<QList<OutboxEntry>> OutboxStore::chunk(const QString &chunkKey) const
{
    return cache::selectRows(m_cache, Columns + QStringLiteral(" WHERE chunk_key = ? AND state = 'queued' ORDER BY chunk_pos"),
                             {chunkKey}, readEntry);
}

Result<int> OutboxStore::purgeSent(const QDateTime &before)
{
    cache::Transaction t(m_cache);
    if (!t.begun())
        return t.begun().error();
    QSqlQuery q = t.query();
    // updated_at is ISO 8601 UTC with milliseconds throughout: text order is time order.
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE state = 'sent' AND updated_at < ?"));
    q.addBindValue(before.toUTC().toString(Qt::ISODateWithMs));
    if (!q.exec())
        return cache::writeError(q.lastError());
    const int removed = q.numRowsAffected();
    if (auto committed = t.commit(); !committed)
        return committed.error();
    return removed;
}

Result<void> OutboxStore::remove(qint64 id)
{
    cache::Transaction t(m_cache);
    if (!t.begun())
        return t.begun();
    QSqlQuery q = t.query();
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return cache::writeError(q.lastError());
    return t.commit();
}

} // namespace shebao
