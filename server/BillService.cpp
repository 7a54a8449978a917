#include "server/BillService.h"

#include <QSqlQuery>
#include <QUrlQuery>
#include <QVariant>

#include "models/validation/IdNumber.h"
#include "server/Clock.h"
#include "server/Database.h"

namespace shebao::server {

namespace {

Error noGaps()
{
    return Error{QStringLiteral("arrears.no_gaps"), QStringLiteral("该人员在本单位没有可补缴的断档月份（三个月以前）"), {}, {}};
}

Error openBill(const QString &number)
{
    return Error{QStringLiteral("bill.open"),
                 QStringLiteral("所选月份已在未缴费的缴费单 %1 中，请先缴费或作废").arg(number), number, {}};
}

// Whether a typed 公民身份号码 names the stored one (as stored, or its 18-character form).
bool samePerson(const QString &typed, const QString &stored)
{
    if (typed.isEmpty())
        return true;
    auto t = IdNumber::parse(typed);
    auto s = IdNumber::parse(stored);
    return t && s ? t.value().number() == s.value().number() : typed == stored;
}

} // namespace

BillService::BillService(Database &db, const Clock &clock, PolicyTable policy)
    : m_db(db), m_clock(clock), m_calculator(std::move(policy)), m_store(db, clock)
{
}

QDate BillService::today() const
{
    return Clock::beijingDate(m_clock.now());
}

BillChecks BillService::checks() const
{
    return BillChecks(today());
}

Error BillService::unknown()
{
    return Error{QStringLiteral("bill.unknown"), QStringLiteral("没有找到该业务单据号的缴费单"), {}, QStringLiteral("number")};
}

Error BillService::mismatch()
{
    return Error{QStringLiteral("bill.unknown"), QStringLiteral("身份证号与业务单据号不匹配"), {}, QStringLiteral("number")};
}

Error BillService::stateError(BillState state)
{
    switch (state) {
    case BillState::Paid: return Error{QStringLiteral("bill.paid"), QStringLiteral("缴费单已缴费"), {}, {}};
    case BillState::Expired:
        return Error{QStringLiteral("bill.expired"), QStringLiteral("缴费单已过期，请作废后重新生成断档缴费单"), {}, {}};
    case BillState::Cancelled: return Error{QStringLiteral("bill.cancelled"), QStringLiteral("缴费单已作废"), {}, {}};
    case BillState::Unpaid: break;
    }
    return Error{QStringLiteral("internal"), QStringLiteral("服务器内部错误，请稍后重试。"), QStringLiteral("unpaid"), {}};
}

void BillService::setPaymentPage(const QString &publicBase, bool sandbox, const QString &payUrlTemplate)
{
    m_publicBase = publicBase;
    m_sandbox = sandbox;
    m_payUrlTemplate = payUrlTemplate;
}

QString BillService::paymentUrl(const Bill &bill) const
{
    // Only a bill that can still be paid has somewhere to pay it.
    if (bill.state != BillState::Unpaid)
        return {};
    if (!m_payUrlTemplate.isEmpty())
        return QString(m_payUrlTemplate).replace(QLatin1String("{number}"), bill.number);
    if (m_sandbox && !m_publicBase.isEmpty())
        return m_publicBase + QStringLiteral("/bank-sandbox/pay?bill=") + bill.number;
    return {};
}

Bill BillService::withUrl(Bill bill) const
{
    bill.paymentUrl = paymentUrl(bill);
    return bill;
}

Result<ArrearsGaps> BillService::gaps(qint64 unitId, const QJsonObject &body, QList<Error> *fieldErrors)
{
    const BillRequest request = checks().request(body, fieldErrors, false);
    if (!fieldErrors->isEmpty())
        return fieldErrors->constFirst();
    auto gaps = PersonGaps::load(m_db, m_store, policy(), unitId, request.idNumber, request.employedFrom, today());
    if (!gaps)
        return gaps.error();
    return gaps.value().answer;
}

Result<BillService::Plan> BillService::plan(qint64 unitId, const QJsonObject &body, QList<Error> *fieldErrors)
{
    Plan plan;
    plan.request = checks().request(body, fieldErrors);
    if (!fieldErrors->isEmpty())
        return fieldErrors->constFirst();
    const QDate day = today();
    auto gaps = PersonGaps::load(m_db, m_store, policy(), unitId, plan.request.idNumber, plan.request.employedFrom, day);
    if (!gaps)
        return gaps.error();
    plan.gaps = std::move(gaps).value();
    const UnitGaps &unit = plan.gaps.unit();
    const YearMonth lo = plan.request.from.value_or(GapFinder::floorMonth());
    const YearMonth hi = plan.request.to.value_or(GapFinder::latestEligible(YearMonth::ofDate(day)));
    // One open bill per month: the request's gap months may not meet one.
    for (const GapRange &held : unit.billed) {
        if (held.from <= hi && held.to >= lo)
            return openBill(held.billNumber);
    }
    for (const YearMonth m : GapFinder::monthsOf(unit.eligible)) {
        if (m >= lo && m <= hi)
            plan.months.append(m);
    }
    if (plan.months.isEmpty() || unit.insurances.isEmpty())
        return noGaps();
    ArrearsRequest arrears;
    arrears.monthlyWage = plan.request.wage;
    arrears.riskClass = unit.riskClass;
    arrears.insurances = unit.insurances;
    arrears.months = plan.months;
    arrears.calculationDate = day;
    auto estimate = m_calculator.estimate(arrears);
    if (!estimate)
        return estimate.error();
    plan.estimate = std::move(estimate).value();
    return plan;
}

Result<Bill> BillService::create(qint64 unitId, const QString &actor, qint64 signatureId, const Plan &plan)
{
    if (m_db.dialect() == Database::Dialect::Postgres) {
        // Two requests for the same person (two clerks, two server processes) queue here; the
        // second then sees the first one's bill below.
        auto locked = m_db.exec(QStringLiteral("SELECT id FROM persons WHERE id = ? FOR UPDATE"), {plan.gaps.personId});
        if (!locked)
            return locked.error();
    }
    auto open = m_store.openMonths(plan.gaps.personId, unitId);
    if (!open)
        return open.error();
    for (const YearMonth m : plan.months) {
        if (open.value().contains(m))
            return openBill(open.value().value(m));
    }
    NewBill n;
    n.unitId = unitId;
    n.personId = plan.gaps.personId;
    n.actor = actor;
    n.signatureId = signatureId;
    n.insurances = plan.gaps.unit().insurances;
    n.riskClass = plan.gaps.unit().riskClass;
    n.wage = plan.request.wage;
    n.months = plan.months;
    n.estimate = plan.estimate;
    auto record = m_store.insert(n);
    if (!record)
        return record.error();
    return withUrl(record.value().bill);
}

Result<Bill> BillService::bill(qint64 unitId, const QString &typedNumber, const QString &typedId)
{
    auto number = BillChecks::number(typedNumber);
    if (!number)
        return number.error();
    auto id = checks().optionalIdNumber(typedId);
    if (!id)
        return id.error();
    auto found = m_store.find(number.value(), unitId, true);
    if (!found)
        return found.error();
    if (!found.value())
        return unknown();
    if (!samePerson(id.value(), found.value()->personIdNumber))
        return mismatch();
    return withUrl(found.value()->bill);
}

Result<BillPage> BillService::list(qint64 unitId, const QUrlQuery &query)
{
    auto q = checks().query(query);
    if (!q)
        return q.error();
    auto page = m_store.list(unitId, {}, q.value());
    if (!page)
        return page;
    for (Bill &b : page.value().bills)
        b.paymentUrl = paymentUrl(b);
    return page;
}

Result<Bill> BillService::cancel(qint64 unitId, const QString &actor, const QString &typedNumber)
{
    auto number = BillChecks::number(typedNumber);
    if (!number)
        return number.error();
    auto found = m_store.find(number.value(), unitId, false, true);
    if (!found)
        return found.error();
    if (!found.value())
        return unknown();
    const BillRecord &record = *found.value();
    if (record.bill.state == BillState::Paid || record.bill.state == BillState::Cancelled)
        return stateError(record.bill.state);
    if (auto r = m_store.cancel(record.id, actor); !r)
        return r.error();
    auto reread = m_store.find(number.value(), unitId, true);
    if (!reread)
        return reread.error();
    if (!reread.value())
        return unknown();
    return withUrl(reread.value()->bill);
}

Result<BillPage> BillService::staffList(const QUrlQuery &query)
{
    auto q = checks().query(query);
    if (!q)
        return q.error();
    auto page = m_store.list(0, query.queryItemValue(QStringLiteral("unit_no")).trimmed(), q.value());
    if (!page)
        return page;
    for (Bill &b : page.value().bills)
        b.paymentUrl = paymentUrl(b);
    return page;
}

Result<Bill> BillService::staffBill(const QString &typedNumber)
{
    auto number = BillChecks::number(typedNumber);
    if (!number)
        return number.error();
    auto found = m_store.find(number.value(), 0, true);
    if (!found)
        return found.error();
    if (!found.value())
        return unknown();
    return withUrl(found.value()->bill);
}

} // namespace shebao::server
