#pragma once

#include "models/policy/Rate.h"

#include <QList>

namespace shebao {

// The rates of one 险种 in one policy period. 工伤 (410) has one unit rate per work-injury risk
// class 1–8 (人社部发〔2015〕71号); every other 险种 has a single unit rate.
struct InsuranceRates
{
    static constexpr int kRiskClasses = 8;

    QList<Rate> unit; // one rate, or kRiskClasses rates indexed by risk class - 1
    Rate person;

    bool byRiskClass() const { return unit.size() > 1; }
    // The unit rate for a risk class (1–8); the class is ignored for a single-rate 险种.
    // Callers validate the class; out of range yields zero.
    Rate unitFor(int riskClass) const
    {
        if (!byRiskClass())
            return unit.value(0);
        return (riskClass >= 1 && riskClass <= unit.size()) ? unit.at(riskClass - 1) : Rate();
    }

    bool operator==(const InsuranceRates &) const = default;
};

} // namespace shebao
