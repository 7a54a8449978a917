#pragma once

#include "models/money/Money.h"
#include "models/policy/InsuranceRates.h"
#include "models/policy/LateFeeRule.h"
#include "models/policy/YearMonth.h"

#include <QMap>
#include <QString>

#include <optional>

namespace shebao {

// One period of a policy table: the months from..to (inclusive) share the contribution base
// limits, the rates per 险种 and the late-fee rule. A PolicyTable guarantees from <= to,
// lower <= upper and rates for every 险种 the table declares.
struct PolicyPeriod
{
    YearMonth from;
    YearMonth to;
    Money baseLower;
    Money baseUpper;
    QMap<QString, InsuranceRates> rates; // by 险种 code ("110", ...)
    LateFeeRule lateFee;
    QString note; // optional: where this period's figures come from

    bool covers(YearMonth month) const { return from <= month && month <= to; }
    // "2024-01..2024-12", the way bills and the UI name the period they used.
    QString label() const { return from.toString() + QLatin1String("..") + to.toString(); }
    std::optional<InsuranceRates> ratesOf(const QString &insurance) const
    {
        const auto it = rates.constFind(insurance);
        return it == rates.constEnd() ? std::nullopt : std::optional<InsuranceRates>(*it);
    }

    bool operator==(const PolicyPeriod &) const = default;
};

} // namespace shebao
