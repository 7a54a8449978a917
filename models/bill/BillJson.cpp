#include "models/bill/BillJson.h"

#include <QJsonArray>

#include "models/domain/JsonReader.h"

namespace shebao::json {

namespace {

QJsonValue monthValue(YearMonth month)
{
    return month.isValid() ? QJsonValue(month.toString()) : QJsonValue(QJsonValue::Null);
}

QJsonValue monthValue(const std::optional<YearMonth> &month)
{
    return month ? monthValue(*month) : QJsonValue(QJsonValue::Null);
}

QJsonValue dateValue(QDate date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

std::optional<QDate> parseDate(QStringView text)
{
    // Exactly YYYY-MM-DD: Qt::ISODate alone would also take a time suffix.
    if (text.size() != 10)
        return std::nullopt;
    const QDate date = QDate::fromString(text.toString(), Qt::ISODate);
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

std::optional<Rate> parseRate(QStringView text)
{
    auto rate = Rate::parse(text);
    return rate ? std::optional<Rate>(rate.value()) : std::nullopt;
}

bool parseClamp(const QString &code, BaseClamp *clamp)
{
    for (BaseClamp c : {BaseClamp::None, BaseClamp::Lower, BaseClamp::Upper}) {
        if (baseClampCode(c) == code) {
            *clamp = c;
            return true;
        }
    }
    return false;
}

} // namespace

QJsonObject encode(const ClampedBase &b)
{
    return QJsonObject{{QStringLiteral("wage"), b.wage.toYuanString()},
                       {QStringLiteral("base"), b.base.toYuanString()},
                       {QStringLiteral("clamp"), baseClampCode(b.clamp)},
                       {QStringLiteral("lower"), b.lower.toYuanString()},
                       {QStringLiteral("upper"), b.upper.toYuanString()},
                       {QStringLiteral("period"), b.period}};
}

QJsonObject encode(const ArrearsItem &i)
{
    return QJsonObject{{QStringLiteral("insurance"), i.insurance},
                       {QStringLiteral("name"), i.name},
                       {QStringLiteral("unit_rate"), i.unitRate.toString()},
                       {QStringLiteral("person_rate"), i.personRate.toString()},
                       {QStringLiteral("unit"), i.unit.toYuanString()},
                       {QStringLiteral("person"), i.person.toYuanString()}};
}

QJsonObject encode(const ArrearsMonth &m)
{
    return QJsonObject{{QStringLiteral("month"), monthValue(m.month)},
                       {QStringLiteral("period"), m.period},
                       {QStringLiteral("base"), encode(m.base)},
                       {QStringLiteral("items"), arrayOf(m.items)},
                       {QStringLiteral("principal"), m.principal.toYuanString()},
                       {QStringLiteral("due_date"), dateValue(m.dueDate)},
                       {QStringLiteral("late_fee_days"), m.lateFeeDays},
                       {QStringLiteral("daily_rate"), m.dailyRate.toString()},
                       {QStringLiteral("late_fee"), m.lateFee.toYuanString()},
                       {QStringLiteral("late_fee_capped"), m.lateFeeCapped}};
}

Result<ClampedBase> decodeClampedBase(const QJsonObject &o, const QString &path)
{
    ClampedBase b;
    Reader r(o, path);
    r.money("wage", &b.wage);
    r.money("base", &b.base);
    r.code("clamp", &b.clamp, parseClamp);
    r.money("lower", &b.lower);
    r.money("upper", &b.upper);
    r.text("period", &b.period);
    return finish(r, b);
}

Result<ArrearsItem> decodeArrearsItem(const QJsonObject &o, const QString &path)
{
    ArrearsItem i;
    Reader r(o, path);
    r.text("insurance", &i.insurance, true);
    r.text("name", &i.name);
    r.parsed("unit_rate", &i.unitRate, parseRate);
    r.parsed("person_rate", &i.personRate, parseRate);
    r.money("unit", &i.unit);
    r.money("person", &i.person);
    return finish(r, i);
}

Result<ArrearsMonth> decodeArrearsMonth(const QJsonObject &o, const QString &path)
{
    ArrearsMonth m;
    Reader r(o, path);
    r.parsed("month", &m.month, YearMonth::parse, true);
    r.text("period", &m.period);
    r.object<ClampedBase>("base", &m.base, decodeClampedBase);
    r.objects<ArrearsItem>("items", &m.items, decodeArrearsItem);
    r.money("principal", &m.principal);
    r.parsed("due_date", &m.dueDate, parseDate);
    r.integer("late_fee_days", &m.lateFeeDays);
    r.parsed("daily_rate", &m.dailyRate, parseRate);
    r.money("late_fee", &m.lateFee);
    r.flag("late_fee_capped", &m.lateFeeCapped);
    return finish(r, m);
}

QJsonObject encode(const ArrearsEstimate &e)
{
    return QJsonObject{{QStringLiteral("policy"),
                        QJsonObject{{QStringLiteral("name"), e.policyName},
                                    {QStringLiteral("region"), e.policyRegion},
                                    {QStringLiteral("source"), e.policySource}}},
                       {QStringLiteral("periods"), QJsonArray::fromStringList(e.periods)},
                       {QStringLiteral("calculation_date"), dateValue(e.calculationDate)},
                       {QStringLiteral("months"), arrayOf(e.months)},
                       {QStringLiteral("principal"), e.principal.toYuanString()},
                       {QStringLiteral("late_fee"), e.lateFee.toYuanString()},
                       {QStringLiteral("total"), e.total.toYuanString()}};
}

QJsonObject encode(const GapRange &g)
{
    QJsonObject o{{QStringLiteral("from"), monthValue(g.from)},
                  {QStringLiteral("to"), monthValue(g.to)},
                  {QStringLiteral("months"), g.months}};
    if (!g.billNumber.isEmpty())
        o.insert(QStringLiteral("bill_number"), g.billNumber);
    return o;
}

QJsonObject encode(const UnitGaps &g)
{
    return QJsonObject{{QStringLiteral("unit_no"), g.unitNo},
                       {QStringLiteral("unit_name"), g.unitName},
                       {QStringLiteral("risk_class"), g.riskClass},
                       {QStringLiteral("insurances"), QJsonArray::fromStringList(g.insurances)},
                       {QStringLiteral("suggested_wage"), g.suggestedWage.toYuanString()},
                       {QStringLiteral("window_from"), monthValue(g.windowFrom)},
                       {QStringLiteral("window_to"), monthValue(g.windowTo)},
                       {QStringLiteral("eligible"), arrayOf(g.eligible)},
                       {QStringLiteral("eligible_months"), g.eligibleMonths()},
                       {QStringLiteral("recent"), arrayOf(g.recent)},
                       {QStringLiteral("billed"), arrayOf(g.billed)}};
}

QJsonObject encode(const ArrearsGaps &g)
{
    return QJsonObject{{QStringLiteral("person_no"), g.personNo},
                       {QStringLiteral("person_name"), g.personName},
                       {QStringLiteral("id_number_masked"), g.idNumberMasked},
                       {QStringLiteral("current_month"), monthValue(g.currentMonth)},
                       {QStringLiteral("latest_eligible"), monthValue(g.latestEligible)},
                       {QStringLiteral("units"), arrayOf(g.units)}};
}

QJsonObject encode(const BillRequest &q)
{
    return QJsonObject{{QStringLiteral("id_number"), q.idNumber},
                       {QStringLiteral("wage"), q.wage.toYuanString()},
                       {QStringLiteral("employed_from"), monthValue(q.employedFrom)},
                       {QStringLiteral("from"), monthValue(q.from)},
                       {QStringLiteral("to"), monthValue(q.to)},
                       {QStringLiteral("settlement"), q.settlement}};
}

QJsonObject encode(const BillPayment &p)
{
    return QJsonObject{{QStringLiteral("bank_id"), p.bankId},
                       {QStringLiteral("transaction_id"), p.transactionId},
                       {QStringLiteral("channel"), p.channel},
                       {QStringLiteral("amount"), p.amount.toYuanString()},
                       {QStringLiteral("paid_at"), timeValue(p.paidAt)}};
}

QJsonObject encode(const Bill &b, bool withEstimate)
{
    QJsonObject o{
        {QStringLiteral("number"), b.number},
        {QStringLiteral("state"), billStateCode(b.state)},
        {QStringLiteral("state_name"), billStateName(b.state)},
        {QStringLiteral("unit_no"), b.unitNo},
        {QStringLiteral("unit_name"), b.unitName},
        {QStringLiteral("person_no"), b.personNo},
        {QStringLiteral("person_name"), b.personName},
        {QStringLiteral("id_number_masked"), b.idNumberMasked},
        {QStringLiteral("insurances"), QJsonArray::fromStringList(b.insurances)},
        {QStringLiteral("risk_class"), b.riskClass},
        {QStringLiteral("wage"), b.wage.toYuanString()},
        {QStringLiteral("first_month"), monthValue(b.firstMonth)},
        {QStringLiteral("last_month"), monthValue(b.lastMonth)},
        {QStringLiteral("month_count"), b.monthCount},
        {QStringLiteral("principal"), b.principal.toYuanString()},
        {QStringLiteral("late_fee"), b.lateFee.toYuanString()},
        {QStringLiteral("total"), b.total.toYuanString()},
        {QStringLiteral("policy_name"), b.policyName},
        {QStringLiteral("calculation_date"), dateValue(b.calculationDate)},
        {QStringLiteral("pay_by"), dateValue(b.payBy)},
        {QStringLiteral("created_at"), timeValue(b.createdAt)},
        {QStringLiteral("expires_at"), timeValue(b.expiresAt)},
        {QStringLiteral("created_by"), b.createdBy},
        {QStringLiteral("payment_url"), orNull(b.paymentUrl)},
        {QStringLiteral("payment"), b.payment ? QJsonValue(encode(*b.payment)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("cancelled_at"), timeValue(b.cancelledAt)},
    };
    if (withEstimate)
        o.insert(QStringLiteral("estimate"), b.hasEstimate ? QJsonValue(encode(b.estimate)) : QJsonValue(QJsonValue::Null));
    return o;
}

QJsonObject encode(const BillPage &p)
{
    QJsonArray bills;
    for (const Bill &bill : p.bills)
        bills.append(encode(bill, false));
    return QJsonObject{{QStringLiteral("bills"), bills}, {QStringLiteral("next_cursor"), orNull(p.nextCursor)}};
}

QJsonObject encode(const BankBill &b)
{
    return QJsonObject{{QStringLiteral("number"), b.number},
                       {QStringLiteral("state"), billStateCode(b.state)},
                       {QStringLiteral("amount"), b.amount.toYuanString()},
                       {QStringLiteral("unit_name"), b.unitName},
                       {QStringLiteral("person_name_masked"), b.personNameMasked},
                       {QStringLiteral("pay_by"), dateValue(b.payBy)}};
}

QJsonObject encode(const BankPayment &p)
{
    return QJsonObject{{QStringLiteral("bill_number"), p.billNumber},
                       {QStringLiteral("amount"), p.amount.toYuanString()},
                       {QStringLiteral("transaction_id"), p.transactionId},
                       {QStringLiteral("channel"), p.channel},
                       {QStringLiteral("paid_at"), timeValue(p.paidAt)}};
}

QJsonObject encode(const BankPaymentAnswer &a)
{
    return QJsonObject{{QStringLiteral("bill_number"), a.billNumber},
                       {QStringLiteral("state"), billStateCode(a.state)},
                       {QStringLiteral("transaction_id"), a.transactionId},
                       {QStringLiteral("repeated"), a.repeated}};
}

Result<ArrearsEstimate> decodeArrearsEstimate(const QJsonObject &o, const QString &path)
{
    ArrearsEstimate e;
    Reader r(o, path);
    struct Policy
    {
        QString name, region, source;
    } policy;
    r.object<Policy>("policy", &policy, [](const QJsonObject &p, const QString &at) -> Result<Policy> {
        Policy value;
        Reader pr(p, at);
        pr.text("name", &value.name, true);
        pr.text("region", &value.region);
        pr.text("source", &value.source);
        return finish(pr, value);
    });
    e.policyName = policy.name;
    e.policyRegion = policy.region;
    e.policySource = policy.source;
    r.strings("periods", &e.periods);
    r.parsed("calculation_date", &e.calculationDate, parseDate);
    r.objects<ArrearsMonth>("months", &e.months, decodeArrearsMonth);
    r.money("principal", &e.principal);
    r.money("late_fee", &e.lateFee);
    r.money("total", &e.total);
    return finish(r, e);
}

Result<GapRange> decodeGapRange(const QJsonObject &o, const QString &path)
{
    GapRange g;
    Reader r(o, path);
    r.parsed("from", &g.from, YearMonth::parse, true);
    r.parsed("to", &g.to, YearMonth::parse, true);
    r.integer("months", &g.months);
    r.text("bill_number", &g.billNumber);
    return finish(r, g);
}

Result<UnitGaps> decodeUnitGaps(const QJsonObject &o, const QString &path)
{
    UnitGaps g;
    Reader r(o, path);
    r.text("unit_no", &g.unitNo, true);
    r.text("unit_name", &g.unitName);
    r.integer("risk_class", &g.riskClass);
    r.strings("insurances", &g.insurances);
    r.money("suggested_wage", &g.suggestedWage);
    r.parsed("window_from", &g.windowFrom, YearMonth::parse);
    r.parsed("window_to", &g.windowTo, YearMonth::parse);
    r.objects<GapRange>("eligible", &g.eligible, decodeGapRange);
    r.objects<GapRange>("recent", &g.recent, decodeGapRange);
    r.objects<GapRange>("billed", &g.billed, decodeGapRange);
    return finish(r, g);
}

Result<ArrearsGaps> decodeArrearsGaps(const QJsonObject &o, const QString &path)
{
    ArrearsGaps g;
    Reader r(o, path);
    r.text("person_no", &g.personNo);
    r.text("person_name", &g.personName);
    r.text("id_number_masked", &g.idNumberMasked);
    r.parsed("current_month", &g.currentMonth, YearMonth::parse);
    r.parsed("latest_eligible", &g.latestEligible, YearMonth::parse);
    r.objects<UnitGaps>("units", &g.units, decodeUnitGaps);
    return finish(r, g);
}

Result<BillRequest> decodeBillRequest(const QJsonObject &o, const QString &path)
{
    BillRequest q;
    Reader r(o, path);
    r.text("id_number", &q.idNumber, true);
    r.money("wage", &q.wage);
    r.parsed("employed_from", &q.employedFrom, YearMonth::parse);
    r.parsed("from", &q.from, YearMonth::parse);
    r.parsed("to", &q.to, YearMonth::parse);
    QString settlement;
    r.text("settlement", &settlement);
    if (!settlement.isEmpty())
        q.settlement = settlement;
    return finish(r, q);
}

Result<BillPayment> decodeBillPayment(const QJsonObject &o, const QString &path)
{
    BillPayment p;
    Reader r(o, path);
    r.text("bank_id", &p.bankId, true);
    r.text("transaction_id", &p.transactionId, true);
    r.text("channel", &p.channel);
    r.money("amount", &p.amount);
    r.time("paid_at", &p.paidAt);
    return finish(r, p);
}

Result<Bill> decodeBill(const QJsonObject &o, const QString &path)
{
    Bill b;
    Reader r(o, path);
    r.text("number", &b.number, true);
    r.code("state", &b.state, parseBillState);
    r.text("unit_no", &b.unitNo);
    r.text("unit_name", &b.unitName);
    r.text("person_no", &b.personNo);
    r.text("person_name", &b.personName);
    r.text("id_number_masked", &b.idNumberMasked);
    r.strings("insurances", &b.insurances);
    r.integer("risk_class", &b.riskClass);
    r.money("wage", &b.wage);
    r.parsed("first_month", &b.firstMonth, YearMonth::parse);
    r.parsed("last_month", &b.lastMonth, YearMonth::parse);
    r.integer("month_count", &b.monthCount);
    r.money("principal", &b.principal);
    r.money("late_fee", &b.lateFee);
    r.money("total", &b.total);
    r.text("policy_name", &b.policyName);
    r.parsed("calculation_date", &b.calculationDate, parseDate);
    r.parsed("pay_by", &b.payBy, parseDate);
    r.time("created_at", &b.createdAt);
    r.time("expires_at", &b.expiresAt);
    r.text("created_by", &b.createdBy);
    r.text("payment_url", &b.paymentUrl);
    BillPayment payment;
    bool hasPayment = false;
    r.object<BillPayment>("payment", &payment, [&hasPayment](const QJsonObject &p, const QString &at) {
        hasPayment = true;
        return decodeBillPayment(p, at);
    });
    if (hasPayment)
        b.payment = payment;
    r.time("cancelled_at", &b.cancelledAt);
    r.object<ArrearsEstimate>("estimate", &b.estimate, [&b](const QJsonObject &e, const QString &at) {
        b.hasEstimate = true;
        return decodeArrearsEstimate(e, at);
    });
    return finish(r, b);
}

Result<BillPage> decodeBillPage(const QJsonObject &o, const QString &path)
{
    BillPage p;
    Reader r(o, path);
    r.objects<Bill>("bills", &p.bills, decodeBill);
    r.text("next_cursor", &p.nextCursor);
    return finish(r, p);
}

Result<BankBill> decodeBankBill(const QJsonObject &o, const QString &path)
{
    BankBill b;
    Reader r(o, path);
    r.text("number", &b.number, true);
    r.code("state", &b.state, parseBillState);
    r.money("amount", &b.amount);
    r.text("unit_name", &b.unitName);
    r.text("person_name_masked", &b.personNameMasked);
    r.parsed("pay_by", &b.payBy, parseDate);
    return finish(r, b);
}

Result<BankPayment> decodeBankPayment(const QJsonObject &o, const QString &path)
{
    BankPayment p;
    Reader r(o, path);
    r.text("bill_number", &p.billNumber, true);
    r.money("amount", &p.amount);
    r.text("transaction_id", &p.transactionId, true);
    r.text("channel", &p.channel, true);
    r.time("paid_at", &p.paidAt);
    return finish(r, p);
}

Result<BankPaymentAnswer> decodeBankPaymentAnswer(const QJsonObject &o, const QString &path)
{
    BankPaymentAnswer a;
    Reader r(o, path);
    r.text("bill_number", &a.billNumber, true);
    r.code("state", &a.state, parseBillState);
    r.text("transaction_id", &a.transactionId);
    r.flag("repeated", &a.repeated);
    return finish(r, a);
}

} // namespace shebao::json
