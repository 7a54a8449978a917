#include "models/home/MonthlyDeadline.h"

#include <algorithm>

namespace shebao {

namespace {

QDate deadlineIn(QDate anyDayOfMonth, int day)
{
    const QDate first(anyDayOfMonth.year(), anyDayOfMonth.month(), 1);
    return first.addDays(std::clamp(day, 1, first.daysInMonth()) - 1);
}

} // namespace

MonthlyDeadline MonthlyDeadline::next(QDate today, int day, int reminderDays)
{
    MonthlyDeadline deadline;
    deadline.date = deadlineIn(today, day);
    if (deadline.date < today)
        deadline.date = deadlineIn(today.addMonths(1), day);
    deadline.daysLeft = int(today.daysTo(deadline.date));
    deadline.near = deadline.daysLeft <= reminderDays;
    return deadline;
}

} // namespace shebao
