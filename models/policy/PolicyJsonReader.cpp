#include "models/policy/PolicyJsonReader.h"

#include <QJsonArray>

namespace shebao {

namespace {

const QString kWorkInjury = QStringLiteral("410");

QString member(const QString &path, const QString &name)
{
    return path + u'.' + name;
}

QString element(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

} // namespace

Error PolicyJsonReader::malformed(const QString &path, const QString &what) const
{
    return Error{QStringLiteral("policy.malformed"),
                 QStringLiteral("政策参数表格式错误：%1 %2").arg(path, what),
                 m_origin.isEmpty() ? path : m_origin + QLatin1String(": ") + path, path};
}

Result<void> PolicyJsonReader::onlyMembers(const QJsonObject &object, const QString &path,
                                           std::initializer_list<const char *> allowed) const
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool known = false;
        for (const char *name : allowed)
            known = known || it.key() == QLatin1String(name);
        if (!known)
            return malformed(member(path, it.key()), QStringLiteral("是未知的字段"));
    }
    return {};
}

Result<QJsonObject> PolicyJsonReader::object(const QJsonValue &value, const QString &path) const
{
    if (!value.isObject())
        return malformed(path, value.isUndefined() ? QStringLiteral("缺失") : QStringLiteral("应为对象"));
    return value.toObject();
}

Result<QString> PolicyJsonReader::string(const QJsonObject &object, const QString &name,
                                         const QString &path) const
{
    const QJsonValue v = object.value(name);
    if (!v.isString() || v.toString().trimmed().isEmpty())
        return malformed(member(path, name), v.isUndefined() ? QStringLiteral("缺失")
                                                             : QStringLiteral("应为非空字符串"));
    return v.toString().trimmed();
}

Result<Rate> PolicyJsonReader::rate(const QJsonValue &value, const QString &path) const
{
    // A JSON number would already have gone through a double; rates must be strings.
    if (!value.isString())
        return malformed(path, value.isUndefined() ? QStringLiteral("缺失")
                                                   : QStringLiteral("应为费率字符串，如 \"0.16\""));
    Result<Rate> r = Rate::parse(value.toString());
    if (!r)
        return malformed(path, QStringLiteral("不是有效的费率：“%1”").arg(value.toString()));
    return r;
}

Result<Money> PolicyJsonReader::amount(const QJsonValue &value, const QString &path) const
{
    if (!value.isString())
        return malformed(path, value.isUndefined() ? QStringLiteral("缺失")
                                                   : QStringLiteral("应为金额字符串，如 \"4000.00\""));
    const std::optional<Money> m = Money::parseYuan(value.toString());
    if (!m || m->fen() < 0)
        return malformed(path, QStringLiteral("不是有效的非负金额：“%1”").arg(value.toString()));
    return *m;
}

Result<YearMonth> PolicyJsonReader::month(const QJsonValue &value, const QString &path) const
{
    const std::optional<YearMonth> m = value.isString() ? YearMonth::parse(value.toString()) : std::nullopt;
    if (!m)
        return malformed(path, value.isUndefined() ? QStringLiteral("缺失")
                                                   : QStringLiteral("应为 \"YYYY-MM\" 格式的月份"));
    return *m;
}

Result<PolicyPeriod> PolicyJsonReader::period(const QJsonValue &value, const QString &path,
                                              const QStringList &insurances) const
{
    const Result<QJsonObject> o = object(value, path);
    if (!o)
        return o.error();
    const QJsonObject &p = o.value();
    PolicyPeriod out;

    const Result<YearMonth> from = month(p.value(QLatin1String("from")), member(path, QStringLiteral("from")));
    if (!from)
        return from.error();
    const Result<YearMonth> to = month(p.value(QLatin1String("to")), member(path, QStringLiteral("to")));
    if (!to)
        return to.error();
    if (to.value() < from.value())
        return malformed(member(path, QStringLiteral("to")), QStringLiteral("早于 from（%1）").arg(from.value().toString()));
    out.from = from.value();
    out.to = to.value();

    const QString basePath = member(path, QStringLiteral("base"));
    const Result<QJsonObject> base = object(p.value(QLatin1String("base")), basePath);
    if (!base)
        return base.error();
    const Result<Money> lower = amount(base.value().value(QLatin1String("lower")), member(basePath, QStringLiteral("lower")));
    if (!lower)
        return lower.error();
    const Result<Money> upper = amount(base.value().value(QLatin1String("upper")), member(basePath, QStringLiteral("upper")));
    if (!upper)
        return upper.error();
    if (lower.value() > upper.value())
        return malformed(member(basePath, QStringLiteral("lower")),
                         QStringLiteral("高于上限 upper（%1 > %2）").arg(lower.value().toYuanString(), upper.value().toYuanString()));
    if (Result<void> r = onlyMembers(base.value(), basePath, {"lower", "upper"}); !r)
        return r.error();
    out.baseLower = lower.value();
    out.baseUpper = upper.value();

    const QString ratesPath = member(path, QStringLiteral("rates"));
    const Result<QJsonObject> rates = object(p.value(QLatin1String("rates")), ratesPath);
    if (!rates)
        return rates.error();
    for (auto it = rates.value().begin(); it != rates.value().end(); ++it) {
        if (!insurances.contains(it.key()))
            return malformed(member(ratesPath, it.key()), QStringLiteral("是未在 insurances 中声明的险种"));
        Result<InsuranceRates> r = insuranceRates(it.key(), it.value(), member(ratesPath, it.key()));
        if (!r)
            return r.error();
        out.rates.insert(it.key(), std::move(r).value());
    }
    for (const QString &code : insurances) {
        if (!out.rates.contains(code))
            return malformed(member(ratesPath, code), QStringLiteral("缺失：每个期间都要给出所有已声明险种的费率"));
    }

    Result<LateFeeRule> fee = lateFee(p.value(QLatin1String("late_fee")), member(path, QStringLiteral("late_fee")));
    if (!fee)
        return fee.error();
    out.lateFee = fee.value();

    const QJsonValue note = p.value(QLatin1String("note"));
    if (!note.isUndefined() && !note.isString())
        return malformed(member(path, QStringLiteral("note")), QStringLiteral("应为字符串"));
    out.note = note.toString();

    if (Result<void> r = onlyMembers(p, path, {"from", "to", "base", "rates", "late_fee", "note"}); !r)
        return r.error();
    return out;
}

Result<InsuranceRates> PolicyJsonReader::insuranceRates(const QString &code, const QJsonValue &value,
                                                        const QString &path) const
{
    const Result<QJsonObject> o = object(value, path);
    if (!o)
        return o.error();
    InsuranceRates out;
    const QString unitPath = member(path, QStringLiteral("unit"));
    const QJsonValue unit = o.value().value(QLatin1String("unit"));
    if (code == kWorkInjury) {
        if (!unit.isArray() || unit.toArray().size() != InsuranceRates::kRiskClasses)
            return malformed(unitPath, QStringLiteral("应为 %1 个费率的列表（风险类别 1–%1）")
                                           .arg(InsuranceRates::kRiskClasses));
        const QJsonArray list = unit.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const Result<Rate> r = rate(list.at(i), element(unitPath, i));
            if (!r)
                return r.error();
            out.unit.append(r.value());
        }
    } else {
        const Result<Rate> r = rate(unit, unitPath);
        if (!r)
            return r.error();
        out.unit.append(r.value());
    }
    const Result<Rate> person = rate(o.value().value(QLatin1String("person")), member(path, QStringLiteral("person")));
    if (!person)
        return person.error();
    out.person = person.value();
    if (Result<void> r = onlyMembers(o.value(), path, {"unit", "person"}); !r)
        return r.error();
    return out;
}

Result<LateFeeRule> PolicyJsonReader::lateFee(const QJsonValue &value, const QString &path) const
{
    const Result<QJsonObject> o = object(value, path);
    if (!o)
        return o.error();
    LateFeeRule out;
    const Result<Rate> daily = rate(o.value().value(QLatin1String("daily_rate")), member(path, QStringLiteral("daily_rate")));
    if (!daily)
        return daily.error();
    out.dailyRate = daily.value();

    const QJsonValue due = o.value().value(QLatin1String("due_day"));
    const qint64 day = due.isDouble() ? due.toInteger(-1) : -1;
    if (day < 1 || day > LateFeeRule::kMaxDueDay)
        return malformed(member(path, QStringLiteral("due_day")),
                         QStringLiteral("应为 1–%1 的整数").arg(LateFeeRule::kMaxDueDay));
    out.dueDay = int(day);

    const QJsonValue cap = o.value().value(QLatin1String("cap_at_principal"));
    if (!cap.isBool())
        return malformed(member(path, QStringLiteral("cap_at_principal")), QStringLiteral("应为 true 或 false"));
    out.capAtPrincipal = cap.toBool();

    if (Result<void> r = onlyMembers(o.value(), path, {"daily_rate", "due_day", "cap_at_principal"}); !r)
        return r.error();
    return out;
}

} // namespace shebao
