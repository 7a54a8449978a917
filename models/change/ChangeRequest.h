#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include "models/change/ChangeFields.h"

namespace shebao {

// docs/changes.md: a request is `applied` at once when it touches non-key fields only; with any
// key field it is `pending` until the agency's reviewer approves (→ approved, the values are
// written) or rejects it (→ rejected, with the reason), or the unit withdraws it.
enum class ChangeState { Applied, Pending, Approved, Rejected, Withdrawn };

QString changeStateCode(ChangeState state); // "applied" | "pending" | "approved" | "rejected" | "withdrawn"
bool parseChangeState(const QString &code, ChangeState *state);
// The guide's words for the clerk: 已生效 (applied, approved), 待审核, 已退回, 已撤回.
QString changeStateName(ChangeState state);
bool isEffective(ChangeState state);

// One field of a request: the agency's value when the request was made and the new one (both as
// stored: codes, "YYYY-MM-DD").
struct FieldChange
{
    QString member;
    QString label;
    bool key = false;
    QString before;
    QString after;

    bool operator==(const FieldChange &) const = default;
};

// A proof uploaded by the unit (POST /changes/attachments); the content stays on the server.
struct ChangeAttachment
{
    qint64 id = 0;
    AttachmentKind kind = AttachmentKind::BusinessLicence;
    QString fileName;
    QString mimeType; // detected from the content
    qint64 size = 0;
    QString sha256;   // hex

    bool operator==(const ChangeAttachment &) const = default;
};

// What the unit sends: the new values of the fields it changes and the proofs.
struct ChangeSubmission
{
    ChangeTarget target = ChangeTarget::Unit;
    QString personNo;                  // 个人编号; person requests only
    QList<QPair<QString, QString>> after; // member → new value, in form order
    QList<qint64> attachmentIds;
    bool creditCodeOverride = false;   // the clerk confirmed a credit code failing GB 32100
};

struct ChangeRequest
{
    qint64 id = 0;
    QString requestNo;   // "BG" + yyyyMMdd + 6 digits
    ChangeTarget target = ChangeTarget::Unit;
    ChangeState state = ChangeState::Pending;
    QString unitNo;
    QString unitName;
    QString personNo;    // person requests: whom it changes
    QString personName;  // the name before the change
    QString personIdNumber; // the 公民身份号码 before the change (full: the unit's own staff)
    QList<FieldChange> fields;
    QList<ChangeAttachment> attachments;
    bool key = false;                 // touches a key field: reviewed
    bool signed_ = false;             // a certificate user's signed request: no printed form
    bool creditCodeOverridden = false;
    bool idUpgrade = false;           // 15 → 18 升位 of the same number
    QString rejectReason;
    QDateTime createdAt;
    QString createdBy;
    QDateTime decidedAt;
    QString decidedBy;

    bool operator==(const ChangeRequest &) const = default;
};

} // namespace shebao
