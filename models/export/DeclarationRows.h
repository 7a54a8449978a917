#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "models/declaration/Declaration.h"

namespace shebao {

// One 异动 item as people read it on the 申报表 and in the batch export: dictionary names instead
// of codes (汉族, 城镇, 合同制, 停保, 辞职, 养老、失业、工伤), the month that applies (参保 for 增,
// 停保 for 减) and the base. Cells that do not apply to the kind are empty (a 减少 row has no
// 工资基数); 性别 and 出生日期 of a 减少 row come from the ID number.
struct DeclarationRow
{
    QString name;           // 姓名
    QString idNumber;       // 公民身份号码, in full
    QString gender;         // 性别 男 / 女
    QString birthDate;      // 出生日期 YYYY-MM-DD
    QString ethnicity;      // 民族
    QString hukou;          // 户口性质
    QString employmentForm; // 用工形式
    QString workStartDate;  // 参加工作日期
    QString kind;           // 异动类型 新增 / 续保 / 减少
    QString month;          // 参保(停保)年月 YYYY-MM
    QString changeType;     // 变更类型 停保 / 终止
    QString changeReason;   // 变更原因
    QString base;           // 工资基数 "5,000.00": the base that applies, the declared wage before the server set it
    QString insurances;     // 参保险种 "养老、失业、工伤"
    QString phone;          // 联系电话
    QString state;          // 待申报 / 已申报 / 已生效
};

class DeclarationRows
{
public:
    // 增 (新增 and 续保) before 减 (减少), each group in the batch's order: the agency's forms
    // list the people who join first.
    static QList<DeclarationItem> ordered(const QList<DeclarationItem> &items);
    static DeclarationRow row(const DeclarationItem &item);
    // The amount that applies to an 增 item: the server's base once set, else the declared wage.
    static Money appliedBase(const DeclarationItem &item);

    // 险种 codes as their short names in the portal's order (养老、失业、工伤).
    static QString insuranceNames(const QStringList &codes);
    // GB/T 2261.1 "1" / "2" as 男 / 女; anything else as it is.
    static QString genderName(const QString &code);

    // How many items of each kind.
    struct Counts
    {
        int add = 0;
        int renew = 0;
        int reduce = 0;
        int total() const { return add + renew + reduce; }
    };
    static Counts count(const QList<DeclarationItem> &items);
};

} // namespace shebao
