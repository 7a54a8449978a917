#pragma once

#include <QList>
#include <QString>

#include "models/money/Money.h"

namespace shebao {

// 个人缴费状态 (AAC031): 1 参保缴费, 2 暂停缴费, 3 终止缴费.
enum class EnrolmentStatus { Active, Suspended, Terminated };

QString enrolmentStatusCode(EnrolmentStatus status); // "active" | "suspended" | "terminated"
bool parseEnrolmentStatus(const QString &code, EnrolmentStatus *status);

// One period of one 险种 of one person in the caller's unit.
struct Enrolment
{
    QString insurance;   // 险种 code: 110, 210, 310, 410, 510
    QString startMonth;  // "YYYY-MM"
    QString endMonth;    // "YYYY-MM", empty while open
    EnrolmentStatus status = EnrolmentStatus::Active;
    Money wageBase;      // 缴费工资基数

    bool operator==(const Enrolment &) const = default;
};

// A person as the agency knows them, with the enrolments in the caller's unit only.
struct Person
{
    qint64 id = 0;           // server id, stable
    QString personNo;        // 个人编号
    QString name;            // 姓名
    QString idNumber;        // 公民身份号码, 18 characters
    QString gender;          // GB/T 2261.1: "1" 男, "2" 女
    QString birthDate;       // "YYYY-MM-DD"
    QString ethnicity;       // GB/T 3304 code, "01" 汉族
    QString hukou;           // 户口性质 dictionary code
    QString employmentForm;  // 用工形式 dictionary code
    QString identity;        // 个人身份 dictionary code (工人 / 干部)
    QString workStartDate;   // 参加工作日期 "YYYY-MM-DD"
    QString phone;           // 联系电话
    QList<Enrolment> enrolments;

    // The status of one 险种 in this unit: the open period's status, else Terminated if any
    // period existed, else nullopt-like: returns false when the person never had that 险种.
    bool statusOf(const QString &insurance, EnrolmentStatus *status) const;

    bool operator==(const Person &) const = default;
};

} // namespace shebao
