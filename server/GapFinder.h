#pragma once

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

#include "models/bill/Bill.h"
#include "models/policy/YearMonth.h"

namespace shebao::server {

// The arithmetic of docs/bills.md "Gaps", without a database: which months of a person's window
// with a unit no enrolment covers, and how they are classified. Every enrolment of the person
// counts, with any unit, any 险种 and any status (a month paid elsewhere cannot be paid twice);
// only the unit's own periods make the window.
class GapFinder
{
public:
    struct Period
    {
        YearMonth start;
        YearMonth end;          // invalid: open (covers up to the current month)
        bool thisUnit = false;
    };

    // 1995-01: no 断档补缴 before it (the guide's system starts there).
    static YearMonth floorMonth();
    // The newest month 断档补缴 may take: three months before the current one. Newer gaps are
    // 异动申报's (参保开始日期 up to two months back), so the two meet without a hole.
    static YearMonth latestEligible(YearMonth currentMonth) { return currentMonth.addMonths(-3); }

    // The first month of the unit's periods, invalid when the person has none with the unit.
    static YearMonth firstStart(const QList<Period> &periods);

    // Fills windowFrom, windowTo, eligible, recent and billed of `gaps`. employedFrom (already
    // checked) moves the window's start back; billedMonths: the months of open bills with their
    // numbers. Months before floorMonth() are not reported at all.
    static void find(const QList<Period> &periods, const QMap<YearMonth, QString> &billedMonths, YearMonth currentMonth,
                     std::optional<YearMonth> employedFrom, UnitGaps *gaps);

    // The months of a set of ranges, ascending.
    static QList<YearMonth> monthsOf(const QList<GapRange> &ranges);
    // Consecutive months as ranges (input ascending, no duplicates).
    static QList<GapRange> rangesOf(const QList<YearMonth> &months);
};

} // namespace shebao::server
