#include "server/GapFinder.h"

#include <algorithm>

namespace shebao::server {

YearMonth GapFinder::floorMonth()
{
    return *YearMonth::of(1995, 1);
}

YearMonth GapFinder::firstStart(const QList<Period> &periods)
{
    YearMonth first;
    for (const Period &p : periods) {
        if (p.thisUnit && p.start.isValid() && (!first.isValid() || p.start < first))
            first = p.start;
    }
    return first;
}

QList<GapRange> GapFinder::rangesOf(const QList<YearMonth> &months)
{
    QList<GapRange> ranges;
    for (const YearMonth m : months) {
        if (!ranges.isEmpty() && ranges.last().to.addMonths(1) == m) {
            ranges.last().to = m;
            ++ranges.last().months;
        } else {
            ranges.append(GapRange{m, m, 1, {}});
        }
    }
    return ranges;
}

QList<YearMonth> GapFinder::monthsOf(const QList<GapRange> &ranges)
{
    QList<YearMonth> months;
    for (const GapRange &r : ranges)
        months += YearMonth::range(r.from, r.to);
    std::sort(months.begin(), months.end());
    return months;
}

void GapFinder::find(const QList<Period> &periods, const QMap<YearMonth, QString> &billedMonths, YearMonth currentMonth,
                     std::optional<YearMonth> employedFrom, UnitGaps *gaps)
{
    gaps->eligible.clear();
    gaps->recent.clear();
    gaps->billed.clear();
    YearMonth from = firstStart(periods);
    if (!from.isValid())
        return;
    YearMonth to = from;
    for (const Period &p : periods) {
        if (!p.thisUnit)
            continue;
        const YearMonth end = p.end.isValid() ? p.end : std::max(currentMonth, p.start);
        to = std::max(to, end);
    }
    if (employedFrom && *employedFrom < from)
        from = *employedFrom;
    gaps->windowFrom = from;
    gaps->windowTo = to;

    // One flag per month of the window: a 30-year history is 360 months, whatever the number
    // of periods.
    const int length = from.monthsTo(to) + 1;
    QList<bool> covered(length, false);
    for (const Period &p : periods) {
        const YearMonth end = p.end.isValid() ? p.end : std::max(currentMonth, to);
        const int first = std::max(0, from.monthsTo(p.start));
        const int last = std::min(length - 1, from.monthsTo(end));
        for (int i = first; i <= last; ++i)
            covered[i] = true;
    }

    const YearMonth floor = floorMonth();
    const YearMonth latest = latestEligible(currentMonth);
    QList<YearMonth> eligible;
    QList<YearMonth> recent;
    for (int i = 0; i < length; ++i) {
        if (covered.at(i))
            continue;
        const YearMonth m = from.addMonths(i);
        if (m < floor)
            continue;
        if (m > latest) {
            recent.append(m);
            continue;
        }
        const auto billed = billedMonths.constFind(m);
        if (billed == billedMonths.cend()) {
            eligible.append(m);
            continue;
        }
        // Billed months: one range per run of the same bill.
        if (!gaps->billed.isEmpty() && gaps->billed.last().to.addMonths(1) == m
            && gaps->billed.last().billNumber == billed.value()) {
            gaps->billed.last().to = m;
            ++gaps->billed.last().months;
        } else {
            gaps->billed.append(GapRange{m, m, 1, billed.value()});
        }
    }
    gaps->eligible = rangesOf(eligible);
    gaps->recent = rangesOf(recent);
}

} // namespace shebao::server
