#include "server/CertificateFacts.h"

#include <QMap>
#include <QSqlQuery>
#include <QVariant>

#include "models/dictionaries/Dictionaries.h"
#include "models/validation/IdNumber.h"
#include "models/validation/TextFold.h"
#include "server/BillStore.h"
#include "server/Database.h"

namespace shebao::server {

namespace {

// An enrolment pays in the month M (bound twice) when it is active and its period covers M;
// `alias` qualifies the columns in a join ("e.").
QString paysIn(const QString &alias = {})
{
    return QStringLiteral("%1status = 'active' AND %1start_month <= ? AND (%1end_month IS NULL OR %1end_month >= ?)").arg(alias);
}

Error emptyError(const QString &message)
{
    return Error{QStringLiteral("certificate.empty"), message, {}, QStringLiteral("kind")};
}

} // namespace

int CertificateFacts::monthsBetween(const QString &from, const QString &to)
{
    auto index = [](const QString &ym) -> int {
        if (ym.size() != 7 || ym.at(4) != u'-')
            return -1;
        bool y = false, m = false;
        const int year = ym.left(4).toInt(&y);
        const int month = ym.mid(5).toInt(&m);
        return y && m && month >= 1 && month <= 12 ? year * 12 + month - 1 : -1;
    };
    const int a = index(from);
    const int b = index(to);
    return a < 0 || b < a ? 0 : b - a + 1;
}

Result<CertificateContent> CertificateFacts::unitPart(qint64 unitId, CertificateKind kind, const QString &asOfMonth)
{
    auto q = m_db.exec(QStringLiteral("SELECT unit_no, name, credit_code, agency,"
                                      " (SELECT MIN(start_month) FROM enrolments WHERE unit_id = units.id)"
                                      " FROM units WHERE id = ?"),
                       {unitId});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Database::sqlError(q.value(), QStringLiteral("certificate unit"));
    CertificateContent c;
    c.kind = kind;
    c.asOfMonth = asOfMonth;
    c.unitNo = q.value().value(0).toString();
    c.unitName = q.value().value(1).toString();
    c.creditCode = q.value().value(2).toString();
    c.agency = q.value().value(3).toString();
    c.periodFrom = q.value().value(4).toString();
    c.periodTo = asOfMonth;
    if (c.periodFrom.isEmpty() && kind != CertificateKind::Person)
        return emptyError(QStringLiteral("本单位没有参保记录，无法出具%1。").arg(certificateKindName(kind)));
    return c;
}

Result<void> CertificateFacts::totals(qint64 unitId, const QString &asOfMonth, CertificateContent *c)
{
    auto q = m_db.exec(QStringLiteral("SELECT COUNT(DISTINCT CASE WHEN status IN ('active','suspended') THEN person_id END),"
                                      " COUNT(DISTINCT CASE WHEN %1 THEN person_id END)"
                                      " FROM enrolments WHERE unit_id = ?")
                           .arg(paysIn()),
                       {asOfMonth, asOfMonth, unitId});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Database::sqlError(q.value(), QStringLiteral("certificate totals"));
    c->insuredTotal = q.value().value(0).toInt();
    c->payingTotal = q.value().value(1).toInt();
    return {};
}

Result<CertificateContent> CertificateFacts::unitCertificate(qint64 unitId, const QString &asOfMonth)
{
    auto content = unitPart(unitId, CertificateKind::Unit, asOfMonth);
    if (!content)
        return content;
    CertificateContent c = std::move(content).value();
    // 欠费: a 断档缴费单 of the unit with that 险种 not paid (open or past its 限缴日期, not 作废).
    auto owed = BillStore::unpaidInsurances(m_db, unitId);
    if (!owed)
        return owed.error();
    auto q = m_db.exec(QStringLiteral("SELECT insurance,"
                                      " COUNT(DISTINCT CASE WHEN status IN ('active','suspended') THEN person_id END),"
                                      " COUNT(DISTINCT CASE WHEN %1 THEN person_id END),"
                                      " MIN(start_month), MAX(end_month)"
                                      " FROM enrolments WHERE unit_id = ? GROUP BY insurance ORDER BY insurance")
                           .arg(paysIn()),
                       {asOfMonth, asOfMonth, unitId});
    if (!q)
        return q.error();
    while (q.value().next()) {
        InsuranceSummary s;
        s.insurance = q.value().value(0).toString();
        s.insuranceName = Dictionaries::insurance().nameOf(s.insurance);
        s.insuredCount = q.value().value(1).toInt();
        s.payingCount = q.value().value(2).toInt();
        s.firstMonth = q.value().value(3).toString();
        // Nobody pays: contributions stopped with the last period that ended.
        s.paidToMonth = s.payingCount > 0 ? asOfMonth : q.value().value(4).toString();
        s.arrears = owed.value().contains(s.insurance);
        c.insurances.append(s);
    }
    if (auto r = totals(unitId, asOfMonth, &c); !r)
        return r.error();
    return c;
}

Result<CertificateContent> CertificateFacts::roster(qint64 unitId, const QString &asOfMonth)
{
    auto content = unitPart(unitId, CertificateKind::Roster, asOfMonth);
    if (!content)
        return content;
    CertificateContent c = std::move(content).value();
    auto q = m_db.exec(QStringLiteral("SELECT p.person_no, p.name, p.id_number, e.insurance, e.start_month"
                                      " FROM enrolments e JOIN persons p ON p.id = e.person_id"
                                      " WHERE e.unit_id = ? AND %1"
                                      " ORDER BY p.person_no, e.insurance")
                           .arg(paysIn(QStringLiteral("e."))),
                       {unitId, asOfMonth, asOfMonth});
    if (!q)
        return q.error();
    while (q.value().next()) {
        const QString personNo = q.value().value(0).toString();
        if (c.roster.isEmpty() || c.roster.constLast().personNo != personNo) {
            RosterRow row;
            row.index = int(c.roster.size()) + 1;
            row.personNo = personNo;
            row.name = q.value().value(1).toString();
            row.idNumberMasked = IdNumber::mask(q.value().value(2).toString());
            row.startMonth = q.value().value(4).toString();
            c.roster.append(row);
        }
        RosterRow &row = c.roster.last();
        const QString insurance = q.value().value(3).toString();
        if (!row.insurances.contains(insurance))
            row.insurances.append(insurance);
        row.startMonth = qMin(row.startMonth, q.value().value(4).toString());
    }
    if (c.roster.isEmpty())
        return emptyError(QStringLiteral("本单位 %1 月没有正常缴费的参保人员，无法出具参保人员名单。").arg(asOfMonth));
    if (auto r = totals(unitId, asOfMonth, &c); !r)
        return r.error();
    return c;
}

Result<CertificateContent> CertificateFacts::person(qint64 unitId, const QString &personRef, const QString &asOfMonth)
{
    const QString ref = TextFold::foldTrimmed(personRef).toUpper();
    if (ref.isEmpty())
        return Error{QStringLiteral("required.missing"), QStringLiteral("请填写要出具证明的人员的个人编号或公民身份号码。"), {},
                     QStringLiteral("person_no")};
    auto content = unitPart(unitId, CertificateKind::Person, asOfMonth);
    if (!content)
        return content;
    CertificateContent c = std::move(content).value();
    // Only a person with an enrolment of this unit: the same answer for "no such person" and
    // "someone else's person", so the API cannot be used to probe other units' staff.
    auto q = m_db.exec(QStringLiteral("SELECT p.id, p.person_no, p.name, p.id_number FROM persons p"
                                      " WHERE (p.person_no = ? OR p.id_number = ?)"
                                      " AND EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id AND e.unit_id = ?)"),
                       {ref, ref, unitId});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error{QStringLiteral("certificate.person"),
                     QStringLiteral("本单位没有个人编号或公民身份号码为 %1 的参保人员。").arg(personRef.trimmed()), {},
                     QStringLiteral("person_no")};
    const qint64 personId = q.value().value(0).toLongLong();
    c.personNo = q.value().value(1).toString();
    c.personName = q.value().value(2).toString();
    c.personIdNumberMasked = IdNumber::mask(q.value().value(3).toString());
    q.value().finish();

    auto periods = m_db.exec(QStringLiteral("SELECT insurance, start_month, end_month, status, wage_base_fen FROM enrolments"
                                            " WHERE unit_id = ? AND person_id = ? ORDER BY start_month, insurance, id"),
                             {unitId, personId});
    if (!periods)
        return periods.error();
    while (periods.value().next()) {
        PersonPeriod p;
        p.insurance = periods.value().value(0).toString();
        p.insuranceName = Dictionaries::insurance().nameOf(p.insurance);
        p.startMonth = periods.value().value(1).toString();
        p.endMonth = periods.value().value(2).toString();
        p.status = periods.value().value(3).toString();
        const QString last = p.endMonth.isEmpty() ? asOfMonth : qMin(p.endMonth, asOfMonth);
        p.months = monthsBetween(p.startMonth, last);
        p.base = Money::fromFen(periods.value().value(4).toLongLong());
        c.periods.append(p);
    }
    c.periodFrom = c.periods.isEmpty() ? QString() : c.periods.constFirst().startMonth;
    return c;
}

} // namespace shebao::server
