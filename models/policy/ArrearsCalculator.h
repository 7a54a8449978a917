#pragma once

#include "models/core/Result.h"
#include "models/policy/ArrearsEstimate.h"
#include "models/policy/ArrearsRequest.h"
#include "models/policy/ClampedBase.h"
#include "models/policy/PolicyTable.h"

#include <QStringList>

namespace shebao {

// Contributions, arrears and late fees for one person, exactly as shared/domain/arrears.md
// (and docs/policy.md) prescribes: each month uses its own policy period; each 险种's unit and
// personal share is rounded half-up to the fen on its own; the late fee is
// round_half_up(principal × daily_rate × days), rounded once, optionally capped at the
// principal. Pure and reentrant: the same inputs give the same fen on every machine.
class ArrearsCalculator
{
public:
    explicit ArrearsCalculator(PolicyTable table) : m_table(std::move(table)) {}

    const PolicyTable &table() const { return m_table; }

    // 110, 210, 410: Changsha's 三合一 (pension, unemployment, work injury).
    static QStringList defaultInsurances();

    // The wage clamped to the limits of the period covering `month` (for 确认工资).
    // Errors: policy.month_not_covered, policy.wage_negative.
    Result<ClampedBase> clampBase(YearMonth month, Money wage) const;
    static ClampedBase clampBase(const PolicyPeriod &period, Money wage);

    // The bill for the request's months. Errors (the first found): policy.wage_negative,
    // policy.unknown_insurance, policy.duplicate_insurance, policy.risk_class,
    // policy.date_invalid, policy.month_invalid, policy.duplicate_month,
    // policy.month_not_covered (names the month), money.overflow.
    Result<ArrearsEstimate> estimate(const ArrearsRequest &request) const;

    // Due date and late-fee days of one month under one rule (steps 5–6 of the method).
    static QDate dueDate(YearMonth month, const LateFeeRule &rule);
    static qint64 lateFeeDays(QDate dueDate, QDate calculationDate);

private:
    static ClampedBase clampWithoutLabel(const PolicyPeriod &period, Money wage);
    Result<QStringList> checkRequest(const ArrearsRequest &request) const;

    PolicyTable m_table;
};

} // namespace shebao
