#include "models/policy/ArrearsCalculator.h"

#include "models/policy/RateMath.h"

#include <algorithm>
#include <limits>

namespace shebao {

namespace {

Error requestError(const char *code, const QString &message, const QString &field, const QString &detail = QString())
{
    return Error{QLatin1String(code), message, detail, field};
}

// Money's operators do not check; sums of a crafted table's amounts could wrap.
bool addChecked(Money &sum, Money amount)
{
    const qint64 a = sum.fen();
    const qint64 b = amount.fen();
    if ((b > 0 && a > std::numeric_limits<qint64>::max() - b) || (b < 0 && a < std::numeric_limits<qint64>::min() - b))
        return false;
    sum = Money::fromFen(a + b);
    return true;
}

Error sumOverflow(YearMonth month)
{
    return Error{QStringLiteral("money.overflow"), QStringLiteral("金额超出可计算的范围"), month.toString(), QString()};
}

} // namespace

QStringList ArrearsCalculator::defaultInsurances()
{
    return {QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")};
}

ClampedBase ArrearsCalculator::clampBase(const PolicyPeriod &period, Money wage)
{
    ClampedBase out = clampWithoutLabel(period, wage);
    out.period = period.label();
    return out;
}

ClampedBase ArrearsCalculator::clampWithoutLabel(const PolicyPeriod &period, Money wage)
{
    ClampedBase out{wage, wage, BaseClamp::None, period.baseLower, period.baseUpper, QString()};
    if (wage < period.baseLower) {
        out.base = period.baseLower;
        out.clamp = BaseClamp::Lower;
    } else if (wage > period.baseUpper) {
        out.base = period.baseUpper;
        out.clamp = BaseClamp::Upper;
    }
    return out;
}

Result<ClampedBase> ArrearsCalculator::clampBase(YearMonth month, Money wage) const
{
    if (wage.fen() < 0)
        return requestError("policy.wage_negative", QStringLiteral("工资不能为负数"), QStringLiteral("wage"), wage.toYuanString());
    const Result<PolicyPeriod> period = m_table.periodFor(month);
    if (!period)
        return period.error();
    return clampBase(period.value(), wage);
}

QDate ArrearsCalculator::dueDate(YearMonth month, const LateFeeRule &rule)
{
    return month.addMonths(1).day(rule.dueDay);
}

qint64 ArrearsCalculator::lateFeeDays(QDate dueDate, QDate calculationDate)
{
    // The first day of the fee is the day after the due date, the last the calculation date.
    return std::max<qint64>(0, dueDate.daysTo(calculationDate));
}

Result<QStringList> ArrearsCalculator::checkRequest(const ArrearsRequest &request) const
{
    if (request.monthlyWage.fen() < 0)
        return requestError("policy.wage_negative", QStringLiteral("工资不能为负数"), QStringLiteral("wage"),
                            request.monthlyWage.toYuanString());
    const QStringList insurances = request.insurances.isEmpty() ? defaultInsurances() : request.insurances;
    bool needsRiskClass = false;
    for (qsizetype i = 0; i < insurances.size(); ++i) {
        const QString &code = insurances.at(i);
        if (!m_table.hasInsurance(code))
            return requestError("policy.unknown_insurance",
                                QStringLiteral("政策参数表“%1”中没有险种 %2").arg(m_table.name(), code),
                                QStringLiteral("insurances"), code);
        if (insurances.indexOf(code) != i)
            return requestError("policy.duplicate_insurance", QStringLiteral("险种 %1 重复").arg(code),
                                QStringLiteral("insurances"), code);
        // Rates by risk class are a property of the data (410 in every shebao-policy/1 table).
        const std::optional<InsuranceRates> rates = m_table.isEmpty() ? std::nullopt : m_table.periods().constFirst().ratesOf(code);
        needsRiskClass = needsRiskClass || (rates && rates->byRiskClass());
    }
    if (needsRiskClass && (request.riskClass < 1 || request.riskClass > InsuranceRates::kRiskClasses))
        return requestError("policy.risk_class",
                            QStringLiteral("工伤风险类别应为 1–%1").arg(InsuranceRates::kRiskClasses),
                            QStringLiteral("risk_class"), QString::number(request.riskClass));
    if (!request.calculationDate.isValid())
        return requestError("policy.date_invalid", QStringLiteral("计算日期无效"), QStringLiteral("on"));
    return insurances;
}

Result<ArrearsEstimate> ArrearsCalculator::estimate(const ArrearsRequest &request) const
{
    const Result<QStringList> checked = checkRequest(request);
    if (!checked)
        return checked.error();
    const QStringList &insurances = checked.value();

    QList<YearMonth> months = request.months;
    std::sort(months.begin(), months.end());
    for (qsizetype i = 0; i < months.size(); ++i) {
        if (!months.at(i).isValid())
            return requestError("policy.month_invalid", QStringLiteral("月份无效"), QStringLiteral("months"));
        if (i > 0 && months.at(i) == months.at(i - 1))
            return requestError("policy.duplicate_month", QStringLiteral("月份 %1 重复").arg(months.at(i).toString()),
                                QStringLiteral("months"), months.at(i).toString());
    }

    ArrearsEstimate out;
    out.policyName = m_table.name();
    out.policyRegion = m_table.region();
    out.policySource = m_table.source();
    out.calculationDate = request.calculationDate;
    out.months.reserve(months.size());
    // Per period, not per month: the label and the rates of the selected 险种 (the map lookups
    // by code) change only when the period does.
    QStringList names;
    for (const QString &code : insurances)
        names.append(m_table.insurances().value(code));
    qsizetype lastPeriod = -1;
    QString label;
    QList<const InsuranceRates *> selected(insurances.size(), nullptr);
    for (const YearMonth month : months) {
        const qsizetype index = m_table.indexOf(month);
        if (index < 0)
            return m_table.periodFor(month).error();
        const PolicyPeriod &period = m_table.periods().at(index);
        if (index != lastPeriod) {
            label = period.label();
            out.periods.append(label);
            for (qsizetype i = 0; i < insurances.size(); ++i)
                selected[i] = &*period.rates.constFind(insurances.at(i)); // complete: PolicyTable checked
            lastPeriod = index;
        }

        ArrearsMonth m;
        m.month = month;
        m.period = label;
        m.base = clampWithoutLabel(period, request.monthlyWage);
        m.base.period = label;
        m.items.reserve(insurances.size());
        for (qsizetype i = 0; i < insurances.size(); ++i) {
            const InsuranceRates &rates = *selected.at(i);
            ArrearsItem item;
            item.insurance = insurances.at(i);
            item.name = names.at(i);
            item.unitRate = rates.unitFor(request.riskClass);
            item.personRate = rates.person;
            const Result<Money> unit = RateMath::apply(m.base.base, item.unitRate);
            if (!unit)
                return unit.error();
            const Result<Money> person = RateMath::apply(m.base.base, item.personRate);
            if (!person)
                return person.error();
            item.unit = unit.value();
            item.person = person.value();
            if (!addChecked(m.principal, item.unit) || !addChecked(m.principal, item.person))
                return sumOverflow(month);
            m.items.append(std::move(item));
        }

        m.dueDate = dueDate(month, period.lateFee);
        m.lateFeeDays = lateFeeDays(m.dueDate, request.calculationDate);
        m.dailyRate = period.lateFee.dailyRate;
        const Result<Money> fee = RateMath::apply(m.principal, m.dailyRate, m.lateFeeDays);
        if (!fee)
            return fee.error();
        m.lateFee = fee.value();
        if (period.lateFee.capAtPrincipal && m.lateFee > m.principal) {
            m.lateFee = m.principal;
            m.lateFeeCapped = true;
        }

        if (!addChecked(out.principal, m.principal) || !addChecked(out.lateFee, m.lateFee))
            return sumOverflow(month);
        out.months.append(std::move(m));
    }
    out.total = out.principal;
    if (!addChecked(out.total, out.lateFee))
        return sumOverflow(months.isEmpty() ? YearMonth() : months.constLast());
    return out;
}

} // namespace shebao
