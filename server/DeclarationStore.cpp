#include "server/DeclarationStore.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include "models/declaration/DeclarationJson.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "server/NumberSequence.h"
#include "server/DeclarationChecks.h"

namespace shebao::server {

namespace {

const QVariant NullId(QMetaType::fromType<qint64>());

QDateTime utc(const QVariant &secs)
{
    return secs.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(secs.toLongLong(), Qt::UTC);
}

QString warningsText(const QList<DeclarationNotice> &warnings)
{
    QJsonArray array;
    for (const DeclarationNotice &n : warnings)
        array.append(json::encode(n));
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<DeclarationNotice> warningsOf(const QString &text)
{
    QList<DeclarationNotice> list;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array()) {
        if (auto n = json::decodeNotice(v.toObject()))
            list.append(n.value());
    }
    return list;
}

const QString ItemColumns = QStringLiteral(
    "i.id, i.item_no, i.kind, i.state, i.name, i.id_number, i.gender, i.birth_date, i.ethnicity, i.hukou,"
    " i.employment_form, i.identity, i.work_start_date, i.phone, i.insurances, i.start_month, i.wage_fen, i.base_fen,"
    " i.change_type, i.change_reason, i.stop_month, b.batch_no, i.returned_reason, i.warnings, i.created_at"
    " FROM declaration_items i LEFT JOIN declaration_batches b ON b.id = i.batch_id");

DeclarationItem itemOf(const QSqlQuery &q)
{
    DeclarationItem item;
    item.id = q.value(0).toLongLong();
    item.itemNo = q.value(1).toString();
    parseDeclarationKind(q.value(2).toString(), &item.kind);
    parseItemState(q.value(3).toString(), &item.state);
    item.name = q.value(4).toString();
    item.idNumber = q.value(5).toString();
    item.person = DeclarationPerson{q.value(6).toString(), q.value(7).toString(), q.value(8).toString(),
                                    q.value(9).toString(), q.value(10).toString(), q.value(11).toString(),
                                    q.value(12).toString(), q.value(13).toString()};
    const QString insurances = q.value(14).toString();
    item.insurances = insurances.isEmpty() ? QStringList() : insurances.split(u',');
    item.startMonth = q.value(15).toString();
    item.wage = Money::fromFen(q.value(16).toLongLong());
    item.base = Money::fromFen(q.value(17).toLongLong());
    item.changeType = q.value(18).toString();
    item.changeReason = q.value(19).toString();
    item.stopMonth = q.value(20).toString();
    item.batchNo = q.value(21).toString();
    item.returnedReason = q.value(22).toString();
    item.warnings = warningsOf(q.value(23).toString());
    item.createdAt = utc(q.value(24));
    return item;
}

} // namespace

Result<QString> DeclarationStore::nextNumber(const QString &prefix)
{
    const QString day = prefix + DeclarationChecks::beijingDate(m_clock.now()).toString(QStringLiteral("yyyyMMdd"));
    auto sequence = NumberSequence::next(m_db, day);
    if (!sequence)
        return sequence.error();
    return day + QStringLiteral("%1").arg(sequence.value(), 5, 10, QLatin1Char('0'));
}

Result<QString> DeclarationStore::nextPersonNo()
{
    auto sequence = NumberSequence::next(m_db, QStringLiteral("person:438"));
    if (!sequence)
        return sequence.error();
    return QStringLiteral("438%1").arg(sequence.value(), 8, 10, QLatin1Char('0'));
}

Result<void> DeclarationStore::insertItem(qint64 unitId, const QString &actor, qint64 signatureId, DeclarationItem *item)
{
    auto number = nextNumber(QStringLiteral("YD"));
    if (!number)
        return number.error();
    const qint64 now = m_clock.now();
    const DeclarationPerson &p = item->person;
    auto q = m_db.execCached(
        QStringLiteral("INSERT INTO declaration_items (item_no, unit_id, kind, state, name, id_number, gender, birth_date,"
                       " ethnicity, hukou, employment_form, identity, work_start_date, phone, insurances, start_month,"
                       " wage_fen, base_fen, change_type, change_reason, stop_month, warnings, signature_id, created_at, created_by)"
                       " VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {number.value(), unitId, declarationKindCode(item->kind), item->name, item->idNumber, sqlText(p.gender),
         sqlText(p.birthDate), sqlText(p.ethnicity), sqlText(p.hukou), sqlText(p.employmentForm), sqlText(p.identity),
         sqlText(p.workStartDate), sqlText(p.phone), sqlText(item->insurances.join(u',')), sqlText(item->startMonth),
         item->wage.fen(), item->base.fen(), sqlText(item->changeType), sqlText(item->changeReason),
         sqlText(item->stopMonth), warningsText(item->warnings), signatureId ? QVariant(signatureId) : NullId, now, actor});
    if (!q)
        return q.error();
    if (!q.value()->next())
        return Database::sqlError(*q.value(), QStringLiteral("insert item"));
    item->id = q.value()->value(0).toLongLong();
    q.value()->finish();
    item->itemNo = number.value();
    item->state = ItemState::Pending;
    item->createdAt = QDateTime::fromSecsSinceEpoch(now, Qt::UTC);
    return {};
}

Result<QList<DeclarationItem>> DeclarationStore::readItems(const QString &where, const QVariantList &values)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + ItemColumns + QStringLiteral(" WHERE ") + where
                           + QStringLiteral(" ORDER BY i.id DESC"),
                       values);
    if (!q)
        return q.error();
    QList<DeclarationItem> list;
    while (q.value().next())
        list.append(itemOf(q.value()));
    return list;
}

Result<std::optional<DeclarationItem>> DeclarationStore::item(qint64 unitId, qint64 itemId)
{
    auto list = readItems(QStringLiteral("i.unit_id = ? AND i.id = ? AND i.state <> 'withdrawn'"), {unitId, itemId});
    if (!list)
        return list.error();
    if (list.value().isEmpty())
        return std::optional<DeclarationItem>();
    return std::optional<DeclarationItem>(list.value().constFirst());
}

Result<QList<DeclarationItem>> DeclarationStore::items(qint64 unitId, std::optional<ItemState> state)
{
    if (state)
        return readItems(QStringLiteral("i.unit_id = ? AND i.state = ?"), {unitId, itemStateCode(*state)});
    return readItems(QStringLiteral("i.unit_id = ? AND i.state <> 'withdrawn'"), {unitId});
}

Result<QList<DeclarationItem>> DeclarationStore::batchItems(qint64 batchId)
{
    return readItems(QStringLiteral("i.id IN (SELECT item_id FROM declaration_batch_items WHERE batch_id = ?)"), {batchId});
}

Result<bool> DeclarationStore::hasOpenItem(qint64 unitId, const QString &idNumber)
{
    auto q = m_db.execCached(QStringLiteral("SELECT 1 FROM declaration_items WHERE id_number = ? AND unit_id = ?"
                                            " AND state IN ('pending', 'declared')"),
                             {idNumber, unitId});
    if (!q)
        return q.error();
    const bool open = q.value()->next();
    q.value()->finish();
    return open;
}

Result<void> DeclarationStore::setItemState(qint64 itemId, ItemState state)
{
    const qint64 now = m_clock.now();
    auto r = m_db.exec(QStringLiteral("UPDATE declaration_items SET state = ?,"
                                      " withdrawn_at = CASE WHEN ? = 'withdrawn' THEN ? ELSE withdrawn_at END WHERE id = ?"),
                       {itemStateCode(state), itemStateCode(state), now, itemId});
    if (!r)
        return r.error();
    return {};
}

Result<void> DeclarationStore::insertBatch(qint64 unitId, const QString &actor, qint64 signatureId,
                                           const QList<qint64> &itemIds, DeclarationBatch *batch)
{
    auto number = nextNumber(QStringLiteral("SB"));
    if (!number)
        return number.error();
    const qint64 now = m_clock.now();
    auto q = m_db.exec(QStringLiteral("INSERT INTO declaration_batches (batch_no, unit_id, state, reporter, phone, signed,"
                                      " signature_id, declared_at, declared_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                       {number.value(), unitId, batchStateCode(batch->state), batch->reporter, batch->phone,
                        batch->isSigned ? 1 : 0, signatureId ? QVariant(signatureId) : NullId, now, actor});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Database::sqlError(q.value(), QStringLiteral("insert batch"));
    batch->id = q.value().value(0).toLongLong();
    batch->batchNo = number.value();
    batch->declaredAt = QDateTime::fromSecsSinceEpoch(now, Qt::UTC);
    q.value().finish();
    for (const qint64 itemId : itemIds) {
        auto link = m_db.exec(QStringLiteral("INSERT INTO declaration_batch_items (batch_id, item_id) VALUES (?, ?)"),
                              {batch->id, itemId});
        if (!link)
            return link.error();
        auto declared = m_db.exec(QStringLiteral("UPDATE declaration_items SET state = 'declared', batch_id = ?,"
                                                 " returned_reason = NULL WHERE id = ?"),
                                  {batch->id, itemId});
        if (!declared)
            return declared.error();
    }
    return {};
}

Result<void> DeclarationStore::addEvent(qint64 batchId, BatchState state, const QString &actor, const QString &note)
{
    auto r = m_db.exec(QStringLiteral("INSERT INTO declaration_batch_events (batch_id, state, at, actor, note) VALUES (?, ?, ?, ?, ?)"),
                       {batchId, batchStateCode(state), m_clock.now(), actor,
                        note.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(note)});
    if (!r)
        return r.error();
    return {};
}

Result<void> DeclarationStore::setBatchState(qint64 batchId, BatchState state, const QString &actor, const QString &returnReason)
{
    auto r = m_db.exec(QStringLiteral("UPDATE declaration_batches SET state = ?, decided_at = ?, decided_by = ?,"
                                      " return_reason = ? WHERE id = ?"),
                       {batchStateCode(state), m_clock.now(), actor,
                        returnReason.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(returnReason), batchId});
    if (!r)
        return r.error();
    return {};
}

Result<void> DeclarationStore::returnItems(qint64 batchId, const QString &reason)
{
    auto r = m_db.exec(QStringLiteral("UPDATE declaration_items SET state = 'pending', batch_id = NULL, returned_reason = ?"
                                      " WHERE batch_id = ?"),
                       {reason, batchId});
    if (!r)
        return r.error();
    return {};
}

Result<QList<StaffBatch>> DeclarationStore::readBatches(const QString &where, const QVariantList &values)
{
    const QString count = QStringLiteral("(SELECT COUNT(*) FROM declaration_batch_items l JOIN declaration_items i"
                                         " ON i.id = l.item_id WHERE l.batch_id = b.id%1)");
    auto q = m_db.exec(QStringLiteral("SELECT b.id, b.batch_no, b.state, b.reporter, b.phone, b.signed, b.return_reason,"
                                      " b.declared_at, ")
                           + count.arg(QString()) + QStringLiteral(", ") + count.arg(QStringLiteral(" AND i.kind = 'reduce'"))
                           + QStringLiteral(", b.unit_id, u.unit_no, u.name FROM declaration_batches b"
                                            " JOIN units u ON u.id = b.unit_id WHERE ")
                           + where + QStringLiteral(" ORDER BY b.id DESC"),
                       values);
    if (!q)
        return q.error();
    QList<StaffBatch> list;
    QHash<qint64, qsizetype> byId;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        StaffBatch s;
        DeclarationBatch &b = s.batch;
        b.id = r.value(0).toLongLong();
        b.batchNo = r.value(1).toString();
        parseBatchState(r.value(2).toString(), &b.state);
        b.reporter = r.value(3).toString();
        b.phone = r.value(4).toString();
        b.isSigned = r.value(5).toInt() != 0;
        b.returnReason = r.value(6).toString();
        b.declaredAt = utc(r.value(7));
        b.itemCount = r.value(8).toInt();
        b.reduceCount = r.value(9).toInt();
        b.addCount = b.itemCount - b.reduceCount;
        s.unitId = r.value(10).toLongLong();
        s.unitNo = r.value(11).toString();
        s.unitName = r.value(12).toString();
        byId.insert(b.id, list.size());
        list.append(s);
    }
    q.value().finish();
    if (list.isEmpty())
        return list;
    // The history of every listed batch in one query.
    auto events = m_db.exec(QStringLiteral("SELECT e.batch_id, e.state, e.at, e.actor, e.note FROM declaration_batch_events e"
                                           " JOIN declaration_batches b ON b.id = e.batch_id JOIN units u ON u.id = b.unit_id"
                                           " WHERE ")
                                + where + QStringLiteral(" ORDER BY e.id"),
                            values);
    if (!events)
        return events.error();
    while (events.value().next()) {
        const QSqlQuery &r = events.value();
        const auto at = byId.constFind(r.value(0).toLongLong());
        if (at == byId.constEnd())
            continue;
        BatchEvent e;
        parseBatchState(r.value(1).toString(), &e.state);
        e.at = utc(r.value(2));
        e.actor = r.value(3).toString();
        e.note = r.value(4).toString();
        list[*at].batch.history.append(e);
    }
    return list;
}

Result<std::optional<StaffBatch>> DeclarationStore::batch(qint64 unitId, const QString &batchNo, bool withItems)
{
    auto list = unitId ? readBatches(QStringLiteral("b.unit_id = ? AND b.batch_no = ?"), {unitId, batchNo})
                       : readBatches(QStringLiteral("b.batch_no = ?"), {batchNo});
    if (!list)
        return list.error();
    if (list.value().isEmpty())
        return std::optional<StaffBatch>();
    StaffBatch found = list.value().constFirst();
    if (withItems) {
        auto items = batchItems(found.batch.id);
        if (!items)
            return items.error();
        found.batch.items = items.value();
    }
    return std::optional<StaffBatch>(found);
}

Result<QList<StaffBatch>> DeclarationStore::batches(qint64 unitId, std::optional<BatchState> state)
{
    QStringList where;
    QVariantList values;
    if (unitId) {
        where << QStringLiteral("b.unit_id = ?");
        values << unitId;
    }
    if (state) {
        where << QStringLiteral("b.state = ?");
        values << batchStateCode(*state);
    }
    if (where.isEmpty())
        where << QStringLiteral("1 = 1");
    return readBatches(where.join(QStringLiteral(" AND ")), values);
}

} // namespace shebao::server
