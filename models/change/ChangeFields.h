#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include "models/core/Result.h"

namespace shebao {

// Whose registration a 信息维护 request changes.
enum class ChangeTarget { Unit, Person };

QString changeTargetCode(ChangeTarget target); // "unit" | "person"
bool parseChangeTarget(const QString &code, ChangeTarget *target);

// The papers the agency accepts as proof of a key change (guide: 工商营业执照、组织机构代码证照或
// 法人身份证原件图片; 身份证原件图片), uploaded as JPEG, PNG or PDF of at most 5 MB.
enum class AttachmentKind { BusinessLicence, OrgCodeCertificate, LegalRepId, BankPermit, IdCard };

QString attachmentKindCode(AttachmentKind kind); // "business_licence", "org_code_certificate", "legal_rep_id", "bank_permit", "id_card"
QString attachmentKindName(AttachmentKind kind); // "营业执照", "组织机构代码证", "法定代表人身份证", "开户许可证", "身份证"
bool parseAttachmentKind(const QString &code, AttachmentKind *kind);
QList<AttachmentKind> allAttachmentKinds();

// How a field's value is written and shown.
enum class ChangeValueType {
    Text,       // free text
    Code,       // a dictionary code (`dictionary` names it); shown by name
    Gender,     // "1" 男 / "2" 女
    Date,       // "YYYY-MM-DD"
    RiskClass,  // 1..8 as text
    IdNumber,   // GB 11643, 18 characters
    CreditCode, // GB 32100
    Phone,
    Email,
    PostalCode, // six digits
};

// One changeable field of the 单位信息变更 or 个人信息变更 form. Key fields (蓝色, 关键信息) go to the
// agency's review with proofs; the others (黑色) apply at once.
struct ChangeField
{
    ChangeTarget target = ChangeTarget::Unit;
    QString member;        // the JSON member and database column, e.g. "credit_code"
    QString label;         // the form's words, e.g. "统一社会信用代码"
    bool key = false;
    ChangeValueType type = ChangeValueType::Text;
    QString dictionary;    // for Code: a Dictionaries id ("district", "ethnicity", "hukou")
    int maxLength = 100;
    // Key fields: any one of these proves the change (one group per field). Empty for non-key.
    QList<AttachmentKind> proofs;
};

// The catalogue of changeable fields, in form order, shared by the server (which enforces it)
// and the client (which lays the form out from it). docs/changes.md lists it.
class ChangeFields
{
public:
    static const QList<ChangeField> &of(ChangeTarget target);
    static const ChangeField *find(ChangeTarget target, QStringView member);

    // One group per touched key field that is not yet satisfied by `provided`; each group
    // lists kinds of which any one will do. Fields sharing the same group are reported once.
    static QList<QList<AttachmentKind>> missingProofs(ChangeTarget target, const QStringList &members,
                                                     const QList<AttachmentKind> &provided);
    // "请上传营业执照（单位名称、单位类型）" style Chinese text for one missing group and the fields
    // that need it; used by server messages and the client's attachment page alike.
    static QString describeProofs(ChangeTarget target, const QList<AttachmentKind> &group, const QStringList &members);

    // A stored value as the form shows it: dictionary codes and genders by name, everything
    // else unchanged.
    static QString displayValue(const ChangeField &field, const QString &value);
};

} // namespace shebao
