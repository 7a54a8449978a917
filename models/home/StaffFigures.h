#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "models/domain/Person.h"
#include "models/policy/YearMonth.h"

namespace shebao {

// 首页's figures of the unit's people, computed from the cached people and their enrolment
// periods with this unit (no server): who pays into each 险种 now, and who came and went in each
// of the last twelve months. Ids are the people's server ids, so every figure leads to its list.
struct StaffFigures
{
    struct Insurance
    {
        QString code;            // 险种: 110, 210, 310, 410, 510
        QList<qint64> enrolled;  // people with an open 参保缴费 period of it
    };
    struct Month
    {
        YearMonth month;
        // People whose enrolment with the unit (any 险种) begins this month after a month
        // without any: 新增 and 续保.
        QList<qint64> added;
        // People enrolled last month with no period covering this month: the month a 减少
        // (停保) takes effect, i.e. the month after their last paid month.
        QList<qint64> removed;
    };

    QList<Insurance> insurances;   // in code order; only 险种 someone of the unit ever had
    QList<qint64> enrolledPeople;  // people with at least one open 参保缴费 period
    QList<Month> months;           // oldest first, the last one is `current`

    static constexpr int MonthCount = 12;

    // `current`: this month. Periods still open count as covering every month up to it.
    static StaffFigures compute(const QList<Person> &persons, YearMonth current);
};

} // namespace shebao
