#pragma once

#include <QString>

#include <optional>

#include "models/bill/Bill.h"

namespace shebao::ui {

// What the pages of the 断档补缴 wizard share: the gaps found for the ID number, the unit chosen,
// the request the estimate was made for, the estimate, and the bill once generated.
struct ArrearsWizardData
{
    std::optional<ArrearsGaps> gaps;      // the answer for `idNumber` (and `employedFrom`)
    QString idNumber;                     // as looked up, folded
    std::optional<YearMonth> employedFrom;
    int unitIndex = -1;                   // into gaps->units
    QString restoredUnitNo;               // a resumed draft's unit, chosen again once the gaps are back
    BillRequest request;                  // what 缴费工资 / 补缴起止年月 made of it
    std::optional<ArrearsEstimate> estimate;
    std::optional<Bill> bill;

    const UnitGaps *unit() const
    {
        if (!gaps || unitIndex < 0 || unitIndex >= gaps->units.size())
            return nullptr;
        return &gaps->units.at(unitIndex);
    }
};

} // namespace shebao::ui
