#include "models/change/ChangeJson.h"

#include "models/domain/JsonReader.h"

namespace shebao::json {

QJsonObject encode(const FieldChange &c)
{
    return QJsonObject{{QStringLiteral("member"), c.member}, {QStringLiteral("label"), c.label},
                       {QStringLiteral("key"), c.key},       {QStringLiteral("before"), c.before},
                       {QStringLiteral("after"), c.after}};
}

QJsonObject encode(const ChangeAttachment &a)
{
    return QJsonObject{{QStringLiteral("id"), a.id},
                       {QStringLiteral("kind"), attachmentKindCode(a.kind)},
                       {QStringLiteral("file_name"), a.fileName},
                       {QStringLiteral("mime_type"), a.mimeType},
                       {QStringLiteral("size"), a.size},
                       {QStringLiteral("sha256"), a.sha256}};
}

QJsonObject encode(const ChangeRequest &r)
{
    return QJsonObject{
        {QStringLiteral("id"), r.id},
        {QStringLiteral("request_no"), r.requestNo},
        {QStringLiteral("target"), changeTargetCode(r.target)},
        {QStringLiteral("state"), changeStateCode(r.state)},
        {QStringLiteral("unit_no"), r.unitNo},
        {QStringLiteral("unit_name"), r.unitName},
        {QStringLiteral("person_no"), orNull(r.personNo)},
        {QStringLiteral("person_name"), orNull(r.personName)},
        {QStringLiteral("person_id_number"), orNull(r.personIdNumber)},
        {QStringLiteral("fields"), arrayOf(r.fields)},
        {QStringLiteral("attachments"), arrayOf(r.attachments)},
        {QStringLiteral("key"), r.key},
        {QStringLiteral("signed"), r.signed_},
        {QStringLiteral("credit_code_overridden"), r.creditCodeOverridden},
        {QStringLiteral("id_upgrade"), r.idUpgrade},
        {QStringLiteral("reject_reason"), orNull(r.rejectReason)},
        {QStringLiteral("created_at"), timeValue(r.createdAt)},
        {QStringLiteral("created_by"), r.createdBy},
        {QStringLiteral("decided_at"), timeValue(r.decidedAt)},
        {QStringLiteral("decided_by"), orNull(r.decidedBy)},
    };
}

QJsonObject encode(const ChangeSubmission &s)
{
    QJsonObject changes;
    for (const auto &[member, value] : s.after)
        changes.insert(member, value);
    QJsonArray attachments;
    for (qint64 id : s.attachmentIds)
        attachments.append(id);
    QJsonObject o{{QStringLiteral("target"), changeTargetCode(s.target)},
                  {QStringLiteral("changes"), changes},
                  {QStringLiteral("attachments"), attachments},
                  {QStringLiteral("credit_code_override"), s.creditCodeOverride}};
    if (s.target == ChangeTarget::Person)
        o.insert(QStringLiteral("person_no"), s.personNo);
    return o;
}

Result<FieldChange> decodeFieldChange(const QJsonObject &o, const QString &path)
{
    FieldChange c;
    Reader r(o, path);
    r.text("member", &c.member, true);
    r.text("label", &c.label);
    r.flag("key", &c.key);
    r.text("before", &c.before);
    r.text("after", &c.after);
    return finish(r, c);
}

Result<ChangeAttachment> decodeAttachment(const QJsonObject &o, const QString &path)
{
    ChangeAttachment a;
    Reader r(o, path);
    r.integer("id", &a.id);
    r.code("kind", &a.kind, &parseAttachmentKind);
    r.text("file_name", &a.fileName);
    r.text("mime_type", &a.mimeType);
    r.integer("size", &a.size);
    r.text("sha256", &a.sha256);
    return finish(r, a);
}

Result<ChangeRequest> decodeChangeRequest(const QJsonObject &o, const QString &path)
{
    ChangeRequest c;
    Reader r(o, path);
    r.integer("id", &c.id);
    r.text("request_no", &c.requestNo, true);
    r.code("target", &c.target, &parseChangeTarget);
    r.code("state", &c.state, &parseChangeState);
    r.text("unit_no", &c.unitNo);
    r.text("unit_name", &c.unitName);
    r.text("person_no", &c.personNo);
    r.text("person_name", &c.personName);
    r.text("person_id_number", &c.personIdNumber);
    r.objects<FieldChange>("fields", &c.fields, &decodeFieldChange);
    r.objects<ChangeAttachment>("attachments", &c.attachments, &decodeAttachment);
    r.flag("key", &c.key);
    r.flag("signed", &c.signed_);
    r.flag("credit_code_overridden", &c.creditCodeOverridden);
    r.flag("id_upgrade", &c.idUpgrade);
    r.text("reject_reason", &c.rejectReason);
    r.time("created_at", &c.createdAt);
    r.text("created_by", &c.createdBy);
    r.time("decided_at", &c.decidedAt);
    r.text("decided_by", &c.decidedBy);
    return finish(r, c);
}

} // namespace shebao::json
