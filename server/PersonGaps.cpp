#include "server/PersonGaps.h"

#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include "models/validation/IdNumber.h"
#include "server/BillStore.h"
#include "server/Database.h"

namespace shebao::server {

Error PersonGaps::notEnrolled()
{
    return Error{QStringLiteral("arrears.not_enrolled"), QStringLiteral("该人员未在本单位参保，请先办理人员增加"), {},
                 QStringLiteral("id_number")};
}

Result<PersonGaps> PersonGaps::load(Database &db, BillStore &bills, const PolicyTable &policy, qint64 unitId,
                                    const QString &idNumber, std::optional<YearMonth> employedFrom, QDate today)
{
    auto id = IdNumber::parse(idNumber, today);
    if (!id)
        return Error{id.error().code, id.error().message, {}, QStringLiteral("id_number")};
    PersonGaps g;
    // The unit's enrolment is part of the look-up: whether the agency knows the person at all
    // is never told to a unit that did not employ them.
    auto person = db.exec(QStringLiteral("SELECT p.id, p.person_no, p.name, p.id_number, p.birth_date FROM persons p"
                                         " WHERE p.id_number IN (?, ?)"
                                         " AND EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id AND e.unit_id = ?)"),
                          {id.value().original(), id.value().number(), unitId});
    if (!person)
        return person.error();
    if (!person.value().next())
        return notEnrolled();
    g.personId = person.value().value(0).toLongLong();
    g.answer.personNo = person.value().value(1).toString();
    g.answer.personName = person.value().value(2).toString();
    g.idNumber = person.value().value(3).toString();
    g.answer.idNumberMasked = IdNumber::mask(g.idNumber);
    g.birthDate = QDate::fromString(person.value().value(4).toString(), Qt::ISODate);
    if (!g.birthDate.isValid())
        g.birthDate = id.value().birthDate();
    person.value().finish();

    UnitGaps unit;
    auto unitRow = db.exec(QStringLiteral("SELECT unit_no, name, risk_class FROM units WHERE id = ?"), {unitId});
    if (!unitRow)
        return unitRow.error();
    if (!unitRow.value().next())
        return notEnrolled();
    unit.unitNo = unitRow.value().value(0).toString();
    unit.unitName = unitRow.value().value(1).toString();
    unit.riskClass = unitRow.value().value(2).toInt();
    unitRow.value().finish();

    // Every period of the person: the unit's make the window, everybody's cover months.
    auto periods = db.exec(QStringLiteral("SELECT unit_id, insurance, start_month, end_month, wage_base_fen FROM enrolments"
                                          " WHERE person_id = ? ORDER BY start_month, id"),
                           {g.personId});
    if (!periods)
        return periods.error();
    QList<GapFinder::Period> list;
    QSet<QString> insurances;
    QString latestStart;
    while (periods.value().next()) {
        const QSqlQuery &r = periods.value();
        GapFinder::Period p;
        p.thisUnit = r.value(0).toLongLong() == unitId;
        p.start = YearMonth::parse(r.value(2).toString()).value_or(YearMonth());
        p.end = YearMonth::parse(r.value(3).toString()).value_or(YearMonth());
        if (!p.start.isValid())
            continue;
        list.append(p);
        if (!p.thisUnit)
            continue;
        if (policy.hasInsurance(r.value(1).toString()))
            insurances.insert(r.value(1).toString());
        // Ordered by start: the last of the unit's periods carries the latest wage base.
        if (r.value(2).toString() >= latestStart) {
            latestStart = r.value(2).toString();
            unit.suggestedWage = Money::fromFen(r.value(4).toLongLong());
        }
    }
    periods.value().finish();
    unit.insurances = QStringList(insurances.cbegin(), insurances.cend());
    unit.insurances.sort();

    const YearMonth firstStart = GapFinder::firstStart(list);
    if (employedFrom) {
        const YearMonth sixteen = YearMonth::ofDate(g.birthDate.addYears(16));
        if (*employedFrom > firstStart || *employedFrom < GapFinder::floorMonth() || (sixteen.isValid() && *employedFrom < sixteen))
            return Error{QStringLiteral("arrears.employed_from"),
                         QStringLiteral("用工起始年月须在1995年1月之后、首次参保之前，且不早于年满16周岁当月"), {},
                         QStringLiteral("employed_from")};
    }

    auto billed = bills.openMonths(g.personId, unitId);
    if (!billed)
        return billed.error();
    const YearMonth current = YearMonth::ofDate(today);
    GapFinder::find(list, billed.value(), current, employedFrom, &unit);
    g.answer.currentMonth = current;
    g.answer.latestEligible = GapFinder::latestEligible(current);
    g.answer.units = {unit};
    return g;
}

} // namespace shebao::server
