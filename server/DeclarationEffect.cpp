#include "server/DeclarationEffect.h"

#include <QSqlQuery>
#include <QVariant>

#include "models/policy/YearMonth.h"
#include "server/Database.h"
#include "server/DeclarationStore.h"
#include "server/PersonFacts.h"

namespace shebao::server {

Result<void> DeclarationEffect::check(qint64 unitId, const QList<DeclarationItem> &items)
{
    for (const DeclarationItem &item : items) {
        auto facts = PersonFacts::load(m_db, unitId, item.idNumber);
        if (!facts)
            return facts.error();
        if (item.isReduce() && !facts.value().activeHere)
            return Error{QStringLiteral("person.not_enrolled"),
                         QStringLiteral("%1 %2（%3）已不在本单位参保，不能减少；请退回该批次").arg(item.itemNo, item.name, item.idNumber),
                         {}, {}};
        if (!item.isReduce() && (facts.value().activeHere || facts.value().activeElsewhere))
            return Error{QStringLiteral("person.enrolled"),
                         QStringLiteral("%1 %2（%3）已有在参保记录，一人只能有一条在参保记录；请退回该批次").arg(item.itemNo, item.name, item.idNumber),
                         {}, {}};
    }
    return {};
}

Result<void> DeclarationEffect::apply(qint64 unitId, const QList<DeclarationItem> &items)
{
    for (const DeclarationItem &item : items) {
        auto done = item.isReduce() ? close(unitId, item) : enrol(unitId, item);
        if (!done)
            return done;
        if (auto r = m_store.setItemState(item.id, ItemState::Effective); !r)
            return r;
    }
    return {};
}

Result<void> DeclarationEffect::enrol(qint64 unitId, const DeclarationItem &item)
{
    auto facts = PersonFacts::load(m_db, unitId, item.idNumber);
    if (!facts)
        return facts.error();
    const DeclarationPerson &p = item.person;
    qint64 personId = facts.value().personId;
    if (personId) {
        // 续保 (or a 新增 whose person another unit's batch created meanwhile): the agency's
        // record takes the data the unit just declared.
        auto r = m_db.exec(QStringLiteral("UPDATE persons SET name = ?, gender = ?, birth_date = ?, ethnicity = ?, hukou = ?,"
                                          " employment_form = ?, identity = ?, work_start_date = ?, phone = ? WHERE id = ?"),
                           {item.name, p.gender, p.birthDate, p.ethnicity, p.hukou, p.employmentForm, sqlText(p.identity),
                            p.workStartDate, p.phone, personId});
        if (!r)
            return r.error();
    } else {
        auto personNo = m_store.nextPersonNo();
        if (!personNo)
            return personNo.error();
        auto q = m_db.exec(QStringLiteral("INSERT INTO persons (person_no, name, id_number, gender, birth_date, ethnicity, hukou,"
                                          " employment_form, identity, work_start_date, phone)"
                                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                           {personNo.value(), item.name, item.idNumber, p.gender, p.birthDate, p.ethnicity, p.hukou,
                            p.employmentForm, sqlText(p.identity), p.workStartDate, p.phone});
        if (!q)
            return q.error();
        if (!q.value().next())
            return Database::sqlError(q.value(), QStringLiteral("insert person"));
        personId = q.value().value(0).toLongLong();
        q.value().finish();
    }
    auto linked = m_db.exec(QStringLiteral("UPDATE declaration_items SET person_id = ? WHERE id = ?"), {personId, item.id});
    if (!linked)
        return linked.error();
    for (const QString &insurance : item.insurances) {
        auto r = m_db.exec(QStringLiteral("INSERT INTO enrolments (person_id, unit_id, insurance, start_month, end_month, status,"
                                          " wage_base_fen) VALUES (?, ?, ?, ?, NULL, 'active', ?)"),
                           {personId, unitId, insurance, item.startMonth, item.base.fen()});
        if (!r)
            return r.error();
    }
    return {};
}

Result<void> DeclarationEffect::close(qint64 unitId, const DeclarationItem &item)
{
    auto facts = PersonFacts::load(m_db, unitId, item.idNumber);
    if (!facts)
        return facts.error();
    const qint64 personId = facts.value().personId;
    auto linked = m_db.exec(QStringLiteral("UPDATE declaration_items SET person_id = ? WHERE id = ?"), {personId, item.id});
    if (!linked)
        return linked.error();
    const std::optional<YearMonth> stop = YearMonth::parse(item.stopMonth);
    if (!stop)
        return Error{QStringLiteral("db.error"), QStringLiteral("数据库操作失败。"), QStringLiteral("stop month ") + item.stopMonth, {}};
    const QString lastPaid = stop->addMonths(-1).toString();
    const QString status = item.changeType == QLatin1String("3") ? QStringLiteral("terminated") : QStringLiteral("suspended");
    // "YYYY-MM" texts order as months do: the end is the later of the month before the stop
    // and the period's own start.
    auto r = m_db.exec(QStringLiteral("UPDATE enrolments SET status = ?,"
                                      " end_month = CASE WHEN start_month > ? THEN start_month ELSE ? END"
                                      " WHERE person_id = ? AND unit_id = ? AND status = 'active' AND end_month IS NULL"),
                       {status, lastPaid, lastPaid, personId, unitId});
    if (!r)
        return r.error();
    return {};
}

} // namespace shebao::server
