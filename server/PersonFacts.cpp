#include "server/PersonFacts.h"

#include <QSqlQuery>
#include <QVariant>

#include "server/Database.h"

namespace shebao::server {

Result<PersonFacts> PersonFacts::load(Database &db, qint64 unitId, const QString &idNumber)
{
    PersonFacts facts;
    // Cached statements: a bulk of 5,000 items asks this 5,000 times.
    auto person = db.execCached(QStringLiteral("SELECT id, person_no, name, gender, birth_date, ethnicity, hukou, employment_form,"
                                         " identity, work_start_date, phone FROM persons WHERE id_number = ?"),
                          {idNumber});
    if (!person)
        return person.error();
    QSqlQuery &p = *person.value();
    if (!p.next()) {
        p.finish();
        return facts;
    }
    facts.personId = p.value(0).toLongLong();
    facts.personNo = p.value(1).toString();
    facts.name = p.value(2).toString();
    facts.person = DeclarationPerson{p.value(3).toString(), p.value(4).toString(), p.value(5).toString(),
                                     p.value(6).toString(), p.value(7).toString(), p.value(8).toString(),
                                     p.value(9).toString(), p.value(10).toString()};
    p.finish();

    auto periods = db.execCached(QStringLiteral("SELECT insurance, start_month, end_month, status, unit_id FROM enrolments"
                                          " WHERE person_id = ? ORDER BY start_month, insurance"),
                           {facts.personId});
    if (!periods)
        return periods.error();
    QSqlQuery &e = *periods.value();
    while (e.next()) {
        LookupPeriod period{e.value(0).toString(), e.value(1).toString(), e.value(2).toString(), e.value(3).toString(),
                            e.value(4).toLongLong() == unitId};
        facts.hasEnrolment = true;
        // Open and active: what "enrolled" means for 新增 / 续保 (one active enrolment per person)
        // and for 减少 (only of a person active in this unit).
        if (period.status == QLatin1String("active") && period.endMonth.isEmpty())
            (period.thisUnit ? facts.activeHere : facts.activeElsewhere) = true;
        facts.history.append(period);
    }
    e.finish();

    // 信息维护: a key change of this person waiting for review, from any unit (docs/changes.md).
    auto change = db.execCached(QStringLiteral("SELECT 1 FROM change_requests WHERE person_id = ? AND target = 'person'"
                                               " AND state = 'pending'"),
                          {facts.personId});
    if (!change)
        return change.error();
    facts.pendingChange = change.value()->next();
    change.value()->finish();
    return facts;
}

} // namespace shebao::server
