#include "models/change/ChangeFields.h"

#include "models/dictionaries/Dictionaries.h"

namespace shebao {

namespace {

using K = AttachmentKind;
using T = ChangeValueType;

ChangeField unitField(const char *member, const char *label, T type, int maxLength, QList<K> proofs = {})
{
    ChangeField f;
    f.target = ChangeTarget::Unit;
    f.member = QString::fromLatin1(member);
    f.label = QString::fromUtf8(label);
    f.key = !proofs.isEmpty();
    f.type = type;
    f.maxLength = maxLength;
    f.proofs = std::move(proofs);
    if (type == T::Code)
        f.dictionary = QStringLiteral("district");
    return f;
}

ChangeField personField(const char *member, const char *label, T type, int maxLength, bool key,
                        const char *dictionary = "")
{
    ChangeField f;
    f.target = ChangeTarget::Person;
    f.member = QString::fromLatin1(member);
    f.label = QString::fromUtf8(label);
    f.key = key;
    f.type = type;
    f.maxLength = maxLength;
    f.dictionary = QString::fromLatin1(dictionary);
    if (key)
        f.proofs = {K::IdCard};
    return f;
}

// research.md §2.2: what changes the unit's identity, legal person, registration or the account
// contributions are collected from is key; how to reach the unit is not.
const QList<ChangeField> &unitFields()
{
    static const QList<ChangeField> fields{
        unitField("name", "单位名称", T::Text, 100, {K::BusinessLicence}),
        unitField("credit_code", "统一社会信用代码", T::CreditCode, 18, {K::BusinessLicence, K::OrgCodeCertificate}),
        unitField("legal_representative", "法定代表人", T::Text, 50, {K::LegalRepId}),
        unitField("legal_rep_id_number", "法定代表人身份证号", T::IdNumber, 18, {K::LegalRepId}),
        unitField("unit_type", "单位类型", T::Text, 50, {K::BusinessLicence}),
        unitField("economic_type", "经济类型", T::Text, 50, {K::BusinessLicence}),
        unitField("affiliation", "隶属关系", T::Text, 50, {K::BusinessLicence}),
        unitField("industry", "行业", T::Text, 50, {K::BusinessLicence}),
        unitField("risk_class", "工伤风险类别", T::RiskClass, 1, {K::BusinessLicence}),
        unitField("address", "注册地址", T::Text, 200, {K::BusinessLicence}),
        unitField("district", "所属区县", T::Code, 6, {K::BusinessLicence}),
        unitField("bank_name", "开户银行", T::Text, 100, {K::BankPermit}),
        unitField("bank_account_name", "开户户名", T::Text, 100, {K::BankPermit}),
        unitField("bank_account", "银行账号", T::Text, 40, {K::BankPermit}),
        unitField("contact_name", "联系人", T::Text, 50),
        unitField("contact_phone", "联系电话", T::Phone, 20),
        unitField("mobile", "手机", T::Phone, 20),
        unitField("postal_code", "邮政编码", T::PostalCode, 6),
        unitField("postal_address", "通讯地址", T::Text, 200),
        unitField("email", "电子邮箱", T::Email, 100),
    };
    return fields;
}

// research.md §2.3: 姓名、公民身份号码、性别、出生日期 are key (本人身份证原件图片); the rest is basic.
const QList<ChangeField> &personFields()
{
    static const QList<ChangeField> fields{
        personField("name", "姓名", T::Text, 50, true),
        personField("id_number", "公民身份号码", T::IdNumber, 18, true),
        personField("gender", "性别", T::Gender, 1, true),
        personField("birth_date", "出生日期", T::Date, 10, true),
        personField("ethnicity", "民族", T::Code, 2, false, "ethnicity"),
        personField("hukou", "户口性质", T::Code, 2, false, "hukou"),
        personField("phone", "联系电话", T::Phone, 20, false),
    };
    return fields;
}

} // namespace

QString changeTargetCode(ChangeTarget target)
{
    return target == ChangeTarget::Unit ? QStringLiteral("unit") : QStringLiteral("person");
}

bool parseChangeTarget(const QString &code, ChangeTarget *target)
{
    if (code == u"unit")
        *target = ChangeTarget::Unit;
    else if (code == u"person")
        *target = ChangeTarget::Person;
    else
        return false;
    return true;
}

QList<AttachmentKind> allAttachmentKinds()
{
    return {K::BusinessLicence, K::OrgCodeCertificate, K::LegalRepId, K::BankPermit, K::IdCard};
}

QString attachmentKindCode(AttachmentKind kind)
{
    switch (kind) {
    case K::BusinessLicence: return QStringLiteral("business_licence");
    case K::OrgCodeCertificate: return QStringLiteral("org_code_certificate");
    case K::LegalRepId: return QStringLiteral("legal_rep_id");
    case K::BankPermit: return QStringLiteral("bank_permit");
    case K::IdCard: return QStringLiteral("id_card");
    }
    return {};
}

QString attachmentKindName(AttachmentKind kind)
{
    switch (kind) {
    case K::BusinessLicence: return QStringLiteral("营业执照");
    case K::OrgCodeCertificate: return QStringLiteral("组织机构代码证");
    case K::LegalRepId: return QStringLiteral("法定代表人身份证");
    case K::BankPermit: return QStringLiteral("开户许可证");
    case K::IdCard: return QStringLiteral("身份证");
    }
    return {};
}

bool parseAttachmentKind(const QString &code, AttachmentKind *kind)
{
    for (AttachmentKind k : allAttachmentKinds()) {
        if (code == attachmentKindCode(k)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

const QList<ChangeField> &ChangeFields::of(ChangeTarget target)
{
    return target == ChangeTarget::Unit ? unitFields() : personFields();
}

const ChangeField *ChangeFields::find(ChangeTarget target, QStringView member)
{
    for (const ChangeField &f : of(target)) {
        if (f.member == member)
            return &f;
    }
    return nullptr;
}

QList<QList<AttachmentKind>> ChangeFields::missingProofs(ChangeTarget target, const QStringList &members,
                                                        const QList<AttachmentKind> &provided)
{
    QList<QList<AttachmentKind>> missing;
    for (const ChangeField &f : of(target)) {
        if (!f.key || !members.contains(f.member) || missing.contains(f.proofs))
            continue;
        const bool proven = std::any_of(f.proofs.begin(), f.proofs.end(),
                                        [&](AttachmentKind k) { return provided.contains(k); });
        if (!proven)
            missing.append(f.proofs);
    }
    return missing;
}

QString ChangeFields::describeProofs(ChangeTarget target, const QList<AttachmentKind> &group, const QStringList &members)
{
    QStringList kinds;
    for (AttachmentKind k : group)
        kinds.append(attachmentKindName(k));
    QStringList labels;
    for (const ChangeField &f : of(target)) {
        if (f.key && f.proofs == group && members.contains(f.member))
            labels.append(f.label);
    }
    return QStringLiteral("请上传%1（变更了%2）").arg(kinds.join(QStringLiteral("或")), labels.join(QStringLiteral("、")));
}

QString ChangeFields::displayValue(const ChangeField &field, const QString &value)
{
    if (value.isEmpty())
        return value;
    if (field.type == ChangeValueType::Gender)
        return value == u"1" ? QStringLiteral("男") : value == u"2" ? QStringLiteral("女") : value;
    if (field.type == ChangeValueType::Code) {
        const QString name = Dictionaries::byId(field.dictionary).nameOf(value);
        return name.isEmpty() ? value : name;
    }
    return value;
}

} // namespace shebao
