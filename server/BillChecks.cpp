#include "server/BillChecks.h"

#include <QJsonValue>
#include <QRegularExpression>
#include <QUrl>

#include "models/bill/BillNumber.h"
#include "models/validation/IdNumber.h"
#include "server/GapFinder.h"
#include "server/Problem.h"

namespace shebao::server {

namespace {

Error fieldError(const char *code, const QString &message, const char *field)
{
    return Error{QLatin1String(code), message, {}, QLatin1String(field)};
}

// A month member: absent or null is nullopt; anything else must be "YYYY-MM".
std::optional<YearMonth> month(const QJsonObject &body, const char *member, bool *ok)
{
    const QJsonValue v = body.value(QLatin1String(member));
    *ok = true;
    if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()))
        return std::nullopt;
    const auto parsed = v.isString() ? YearMonth::parse(v.toString().trimmed()) : std::nullopt;
    *ok = parsed.has_value();
    return parsed;
}

Error windowError(const char *field)
{
    return fieldError("arrears.window", QStringLiteral("补缴起止年月格式应为YYYY-MM，且起始不晚于终止"), field);
}

Error employedFromError()
{
    return fieldError("arrears.employed_from",
                      QStringLiteral("用工起始年月须在1995年1月之后、首次参保之前，且不早于年满16周岁当月"), "employed_from");
}

} // namespace

Error BillChecks::wageError()
{
    return fieldError("arrears.wage", QStringLiteral("缴费工资须为大于0的金额，最多两位小数"), "wage");
}

Error BillChecks::numberError()
{
    return fieldError("bill.number", QStringLiteral("业务单据号应为17位数字且校验位正确"), "number");
}

QJsonObject BillChecks::fromQuery(const QUrlQuery &query)
{
    QJsonObject o;
    for (const char *member : {"id_number", "wage", "employed_from", "from", "to", "settlement"}) {
        const QString key = QLatin1String(member);
        if (query.hasQueryItem(key))
            o.insert(key, query.queryItemValue(key, QUrl::FullyDecoded));
    }
    return o;
}

BillRequest BillChecks::request(const QJsonObject &body, QList<Error> *errors, bool withWage) const
{
    BillRequest r;
    const QJsonValue id = body.value(QLatin1String("id_number"));
    const QString idText = id.isString() ? id.toString().trimmed() : QString();
    if (idText.isEmpty()) {
        errors->append(fieldError("required.missing", QStringLiteral("“公民身份号码”是必填项，不能为空"), "id_number"));
    } else if (auto parsed = IdNumber::parse(idText, m_today); !parsed) {
        errors->append(Error{parsed.error().code, parsed.error().message, {}, QStringLiteral("id_number")});
    } else {
        r.idNumber = parsed.value().original();
    }

    if (withWage) {
        const QJsonValue wage = body.value(QLatin1String("wage"));
        // A string of yuan, never a JSON number: 0.1 + 0.2 must not reach a bill.
        const auto money = wage.isString() ? Money::parseYuan(wage.toString().trimmed()) : std::nullopt;
        if (!money || money->fen() <= 0)
            errors->append(wageError());
        else
            r.wage = *money;
    }

    bool ok = true;
    r.employedFrom = month(body, "employed_from", &ok);
    if (!ok || (r.employedFrom && *r.employedFrom < GapFinder::floorMonth()))
        errors->append(employedFromError());
    if (withWage) {
        r.from = month(body, "from", &ok);
        if (!ok)
            errors->append(windowError("from"));
        bool toOk = true;
        r.to = month(body, "to", &toOk);
        if (!toOk)
            errors->append(windowError("to"));
        else if (ok && r.from && r.to && *r.from > *r.to)
            errors->append(windowError("to"));

        const QJsonValue settlement = body.value(QLatin1String("settlement"));
        if (!settlement.isUndefined() && !settlement.isNull()
            && (!settlement.isString() || settlement.toString() != QLatin1String("separate")))
            errors->append(fieldError("arrears.settlement",
                                      QStringLiteral("参与单位结算的补缴随单位月度缴费征收，本系统只能生成不参与单位结算的断档缴费单"),
                                      "settlement"));
    }
    return r;
}

Result<QString> BillChecks::number(const QString &typed)
{
    // A path segment arrives percent-encoded (full-width digits copied from a document).
    const QString number = BillNumber::normalize(QUrl::fromPercentEncoding(typed.toUtf8()));
    if (number.isEmpty() || !BillNumber::isValid(number))
        return numberError();
    return number;
}

Result<QString> BillChecks::optionalIdNumber(const QString &typed) const
{
    if (typed.trimmed().isEmpty())
        return QString();
    auto parsed = IdNumber::parse(typed, m_today);
    if (!parsed)
        return Error{parsed.error().code, parsed.error().message, {}, QStringLiteral("id_number")};
    return parsed.value().original();
}

Result<BillQuery> BillChecks::query(const QUrlQuery &query) const
{
    BillQuery q;
    const QString state = query.queryItemValue(QStringLiteral("state"));
    if (!state.isEmpty()) {
        BillState parsed;
        if (!parseBillState(state, &parsed))
            return Problem::invalidRequest(QStringLiteral("state 须为 unpaid、paid、expired 或 cancelled。"), QStringLiteral("state"));
        q.state = parsed;
    }
    for (const char *member : {"from", "to"}) {
        const QString text = query.queryItemValue(QLatin1String(member));
        if (text.isEmpty())
            continue;
        const QDate date = text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate();
        if (!date.isValid())
            return Problem::invalidRequest(QStringLiteral("%1 须为日期 YYYY-MM-DD。").arg(QLatin1String(member)),
                                           QLatin1String(member));
        (member[0] == 'f' ? q.from : q.to) = date;
    }
    if (q.from.isValid() && q.to.isValid() && q.from > q.to)
        return Problem::invalidRequest(QStringLiteral("起始日期不能晚于终止日期。"), QStringLiteral("to"));
    auto id = optionalIdNumber(query.queryItemValue(QStringLiteral("id_number"), QUrl::FullyDecoded));
    if (!id)
        return id.error();
    q.idNumber = id.value();
    const QString limit = query.queryItemValue(QStringLiteral("limit"));
    if (!limit.isEmpty()) {
        bool ok = false;
        q.limit = limit.toInt(&ok);
        if (!ok || q.limit < 1 || q.limit > 200)
            return Problem::invalidRequest(QStringLiteral("limit 须为 1 到 200 之间的整数。"), QStringLiteral("limit"));
    }
    q.cursor = query.queryItemValue(QStringLiteral("cursor"));
    if (!q.cursor.isEmpty()) {
        bool ok = false;
        if (q.cursor.toLongLong(&ok) <= 0 || !ok)
            return Problem::invalidRequest(QStringLiteral("cursor 无效，请从第一页重新查询。"), QStringLiteral("cursor"));
    }
    return q;
}

Result<BankPayment> BillChecks::payment(const QJsonObject &body)
{
    BankPayment p;
    auto member = [&](const char *name) { return body.value(QLatin1String(name)); };
    auto invalid = [](const QString &message, const char *field) {
        return Problem::invalidRequest(message, QLatin1String(field));
    };
    const QString number = member("bill_number").toString();
    auto checked = BillChecks::number(number);
    if (!checked)
        return Error{QStringLiteral("bill.unknown"), QStringLiteral("没有找到该业务单据号的缴费单"), {}, QStringLiteral("bill_number")};
    p.billNumber = checked.value();
    const auto amount = member("amount").isString() ? Money::parseYuan(member("amount").toString()) : std::nullopt;
    if (!amount || amount->fen() <= 0)
        return invalid(QStringLiteral("amount 须为以元为单位、最多两位小数的正数金额字符串。"), "amount");
    p.amount = *amount;
    static const QRegularExpression transaction(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    p.transactionId = member("transaction_id").toString();
    if (!transaction.match(p.transactionId).hasMatch())
        return invalid(QStringLiteral("transaction_id 须为 1–64 个字母、数字、“-”或“_”。"), "transaction_id");
    p.channel = member("channel").toString();
    if (p.channel != QLatin1String("online") && p.channel != QLatin1String("counter"))
        return invalid(QStringLiteral("channel 须为 online 或 counter。"), "channel");
    p.paidAt = QDateTime::fromString(member("paid_at").toString(), Qt::ISODate);
    if (!p.paidAt.isValid() || p.paidAt.timeSpec() == Qt::LocalTime)
        return invalid(QStringLiteral("paid_at 须为 ISO 8601 时间（含时区）。"), "paid_at");
    p.paidAt = p.paidAt.toUTC();
    return p;
}

} // namespace shebao::server
