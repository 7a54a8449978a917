#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include "models/money/Money.h"

namespace shebao {

// 异动申报 (guide: 单位异动增加（减少）) as the API and both sides of it see it. docs/declarations.md
// describes the workflow, the states and the rules; docs/openapi.yaml the endpoints.

// 新增 (no earlier enrolment anywhere), 续保 (earlier enrolment, none active), 减少 (停保 / 终止).
enum class DeclarationKind { Add, Renew, Reduce };
QString declarationKindCode(DeclarationKind kind);   // "add" | "renew" | "reduce"
QString declarationKindName(DeclarationKind kind);   // "新增" | "续保" | "减少"
bool parseDeclarationKind(const QString &code, DeclarationKind *kind);

// An item's life: saved on the server as 待申报 (pending), part of a batch 已申报 (declared),
// 已生效 (effective) when its batch took effect; withdrawn items are gone from every list.
enum class ItemState { Pending, Declared, Effective, Withdrawn };
QString itemStateCode(ItemState state);   // "pending" | "declared" | "effective" | "withdrawn"
QString itemStateName(ItemState state);   // "待申报" | "已申报" | "已生效" | "已撤销"
bool parseItemState(const QString &code, ItemState *state);

// A batch's life. Authorized units: declared -> awaiting_paper (待交纸质表) until the counter
// records the stamped 人员异动申报表 -> accepted (已受理) -> effective (已生效); or returned (退回,
// with a reason; its items go back to pending). Certificate units' signed batches are accepted
// and take effect at once.
enum class BatchState { Declared, AwaitingPaper, Accepted, Effective, Returned };
QString batchStateCode(BatchState state); // "declared" | "awaiting_paper" | "accepted" | "effective" | "returned"
QString batchStateName(BatchState state); // "已申报" | "待交纸质表" | "已受理" | "已生效" | "退回"
bool parseBatchState(const QString &code, BatchState *state);

// A warning the server (or a local check) attached: the item is accepted all the same.
// Codes are those of shared/domain/import.md (wage.out_of_range, age.over_retirement, ...).
struct DeclarationNotice
{
    QString code;
    QString message; // Chinese, names the field and the rule
    QString field;   // JSON member it is about, e.g. "wage"

    bool operator==(const DeclarationNotice &) const = default;
};

// The person form of 新增 / 续保 (red = required in the wizard; import.md has the rules).
struct DeclarationPerson
{
    QString gender;          // "1" 男 / "2" 女, must agree with the ID number
    QString birthDate;       // "YYYY-MM-DD", from the ID number
    QString ethnicity;       // GB/T 3304 code
    QString hukou;           // 户口性质 code
    QString employmentForm;  // 用工形式 code
    QString identity;        // 个人身份 code, may be empty
    QString workStartDate;   // 参加工作日期 "YYYY-MM-DD"
    QString phone;           // 联系电话, normalized by Phone::parse

    bool operator==(const DeclarationPerson &) const = default;
};

// One 异动 item. Add / Renew use person, insurances, startMonth, wage (and the server's base);
// Reduce uses changeType, changeReason and stopMonth.
struct DeclarationItem
{
    qint64 id = 0;           // server id; 0 until saved
    QString itemNo;          // server's number, e.g. "YD2026120400017"
    DeclarationKind kind = DeclarationKind::Add;
    ItemState state = ItemState::Pending;
    QString name;            // 姓名
    QString idNumber;        // 公民身份号码, 18 characters

    DeclarationPerson person;
    QStringList insurances;  // 险种 codes, sorted; default 110, 210, 410
    QString startMonth;      // 参保开始年月 "YYYY-MM"
    Money wage;              // 工资基数 as declared
    Money base;              // the base that applies (clamped to the policy limits); set by the server

    QString changeType;      // 变更类型 code ("2" 停保, "3" 终止)
    QString changeReason;    // 变更原因 code, a child of changeType
    QString stopMonth;       // 停保年月 "YYYY-MM"

    QString batchNo;         // empty while pending
    QString returnedReason;  // set when a returned batch sent the item back to pending
    QList<DeclarationNotice> warnings;
    QDateTime createdAt;     // UTC

    bool isReduce() const { return kind == DeclarationKind::Reduce; }
    bool operator==(const DeclarationItem &) const = default;
};

// One step of a batch's history, as shown in 申报查询.
struct BatchEvent
{
    BatchState state = BatchState::Declared;
    QDateTime at;            // UTC
    QString actor;           // "unit:43010000001", "staff:clerk"
    QString note;            // the return reason, ...

    bool operator==(const BatchEvent &) const = default;
};

// A declared batch (申报及查询 → 申报). Lists carry no items (itemCount only); the detail does.
struct DeclarationBatch
{
    qint64 id = 0;
    QString batchNo;         // e.g. "SB2026120400003"
    BatchState state = BatchState::Declared;
    QString reporter;        // 报送人
    QString phone;           // 联系电话
    bool isSigned = false;   // a certificate user's signed batch: no paper needed
    QString returnReason;
    QDateTime declaredAt;    // UTC
    int itemCount = 0;
    int addCount = 0;        // 新增 + 续保
    int reduceCount = 0;
    QList<DeclarationItem> items;
    QList<BatchEvent> history;

    bool operator==(const DeclarationBatch &) const = default;
};

// One enrolment period in a looked-up person's history. Periods in other units say only that
// they are elsewhere: one unit never learns another unit's identity.
struct LookupPeriod
{
    QString insurance;
    QString startMonth;
    QString endMonth;        // empty while open
    QString status;          // "active" | "suspended" | "terminated"
    bool thisUnit = false;

    bool operator==(const LookupPeriod &) const = default;
};

// 异动新增 → 查询: the person as the agency knows them and what may be done.
struct PersonLookup
{
    QString idNumber;        // normalized
    bool known = false;      // the agency has a person record for this number
    QString personNo;
    QString name;
    DeclarationPerson person; // the agency's data when known; gender/birth date from the ID otherwise
    DeclarationKind suggestedKind = DeclarationKind::Add; // Renew when any earlier enrolment exists
    bool activeHere = false;
    bool activeElsewhere = false;
    bool pendingKeyChange = false;   // a key-information change awaits review: blocks 续保
    bool pendingItem = false;        // this unit already has a pending item for the person
    QList<LookupPeriod> history;
    QList<DeclarationNotice> blockers; // why nothing can be declared now (person.enrolled, ...)
    QList<DeclarationNotice> warnings; // age.over_retirement, ...

    bool canDeclare() const { return blockers.isEmpty(); }
    bool operator==(const PersonLookup &) const = default;
};

} // namespace shebao
