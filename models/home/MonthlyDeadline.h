#pragma once

#include <QDate>

namespace shebao {

// 首页's monthly deadline: the day of the month by which the month's declarations are due
// (configurable, Settings::deadlineDay) and whether it is near enough to remind the clerk.
struct MonthlyDeadline
{
    QDate date;        // the next deadline: this month's, or next month's once it has passed
    int daysLeft = 0;  // 0 on the day itself
    bool near = false; // daysLeft <= the reminder days

    // `day` 1–31 (in a shorter month its last day); `reminderDays` 0–15.
    static MonthlyDeadline next(QDate today, int day, int reminderDays);
};

} // namespace shebao
