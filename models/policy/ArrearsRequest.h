#pragma once

#include "models/money/Money.h"
#include "models/policy/YearMonth.h"

#include <QDate>
#include <QList>
#include <QStringList>

namespace shebao {

// What ArrearsCalculator::estimate needs for one person.
struct ArrearsRequest
{
    Money monthlyWage;            // declared 月工资; clamped per month to that month's limits
    int riskClass = 0;            // 工伤 risk class 1–8; required when 410 is selected
    QStringList insurances;       // 险种 codes in bill order; empty = ArrearsCalculator::defaultInsurances()
    QList<YearMonth> months;      // any order, no duplicates; see YearMonth::range
    QDate calculationDate;        // late fees run up to and including this day
};

} // namespace shebao
