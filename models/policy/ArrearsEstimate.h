#pragma once

#include "models/money/Money.h"
#include "models/policy/ClampedBase.h"
#include "models/policy/Rate.h"
#include "models/policy/YearMonth.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace shebao {

// The result of ArrearsCalculator::estimate: plain values, kept together because they are only
// ever produced and read as one bill.

// One 险种 of one month.
struct ArrearsItem
{
    QString insurance; // "110"
    QString name;      // as the table names it
    Rate unitRate;
    Rate personRate;
    Money unit;        // round_half_up(base × unitRate)
    Money person;      // round_half_up(base × personRate)

    Money total() const { return unit + person; }
    bool operator==(const ArrearsItem &) const = default;
};

// One month of the bill.
struct ArrearsMonth
{
    YearMonth month;
    QString period;      // label of the policy period used, "2024-01..2024-12"
    ClampedBase base;    // declared wage, applied base, which limit, the limits
    QList<ArrearsItem> items;
    Money principal;     // Σ unit + person
    QDate dueDate;       // day due_day of the following month
    qint64 lateFeeDays = 0;
    Rate dailyRate;
    Money lateFee;       // after the cap, when the period has one
    bool lateFeeCapped = false;

    Money total() const { return principal + lateFee; }
    bool operator==(const ArrearsMonth &) const = default;
};

// The whole estimate, with what it was computed from.
struct ArrearsEstimate
{
    QString policyName;
    QString policyRegion;
    QString policySource;
    QStringList periods;   // labels of the policy periods used, in month order, each once
    QDate calculationDate;
    QList<ArrearsMonth> months; // ascending
    Money principal;
    Money lateFee;
    Money total;           // principal + lateFee

    bool operator==(const ArrearsEstimate &) const = default;
};

} // namespace shebao
