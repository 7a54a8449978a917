#include "app/ChangeForm.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

#include "models/cache/LocalCache.h"
#include "printing/FormRenderer.h"
#include "printing/FormTemplate.h"

namespace shebao {

namespace {

QString printedDate(const QDateTime &at)
{
    if (!at.isValid())
        return QString();
    const QDate date = at.toLocalTime().date();
    return QStringLiteral("%1年%2月%3日").arg(date.year()).arg(date.month()).arg(date.day());
}

// A value as the form shows it; an empty one is written out, so that "no value" is never read
// as "left blank by mistake" (a cleared e-mail, a 法定代表人身份证号 the agency never had).
QString shown(ChangeTarget target, const FieldChange &change, const QString &value)
{
    if (value.isEmpty())
        return QStringLiteral("（空）");
    if (const ChangeField *field = ChangeFields::find(target, change.member))
        return ChangeFields::displayValue(*field, value);
    return value;
}

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return QStringLiteral("%1 MB").arg(QLocale::c().toString(double(bytes) / (1024 * 1024), 'f', 1));
    return QStringLiteral("%1 KB").arg(qMax<qint64>(1, (bytes + 1023) / 1024));
}

QString typeText(const QString &mimeType)
{
    if (mimeType == u"image/jpeg")
        return QStringLiteral("JPEG");
    if (mimeType == u"image/png")
        return QStringLiteral("PNG");
    if (mimeType == u"application/pdf")
        return QStringLiteral("PDF");
    return mimeType;
}

// "营业执照（单位名称、注册地址）；法定代表人身份证（法定代表人）": per proof group the key fields of
// the request that it proves, in form order (ChangeFields' catalogue).
QString requiredProofs(const ChangeRequest &request)
{
    QStringList members;
    for (const FieldChange &c : request.fields) {
        if (c.key)
            members << c.member;
    }
    QList<QList<AttachmentKind>> groups;
    QStringList parts;
    for (const ChangeField &f : ChangeFields::of(request.target)) {
        if (!f.key || !members.contains(f.member) || groups.contains(f.proofs))
            continue;
        groups << f.proofs;
        QStringList kinds, labels;
        for (AttachmentKind k : f.proofs)
            kinds << attachmentKindName(k);
        for (const ChangeField &g : ChangeFields::of(request.target)) {
            if (g.key && g.proofs == f.proofs && members.contains(g.member))
                labels << g.label;
        }
        parts << QStringLiteral("%1（%2）").arg(kinds.join(QStringLiteral("或")), labels.join(QStringLiteral("、")));
    }
    if (parts.isEmpty())
        return request.idUpgrade ? QStringLiteral("无（身份证号码 15 位升 18 位）") : QStringLiteral("无（仅非关键信息）");
    return parts.join(QStringLiteral("；"));
}

QString notes(const ChangeRequest &request)
{
    QStringList notes;
    if (request.creditCodeOverridden)
        notes << QStringLiteral("新统一社会信用代码未通过 GB 32100 校验，经单位确认后仍申报，请经办机构核对营业执照。");
    if (request.idUpgrade)
        notes << QStringLiteral("公民身份号码由 15 位升为 18 位（同一号码）。");
    return notes.join(QString());
}

QString instructions(const ChangeRequest &request)
{
    const QString paper = request.target == ChangeTarget::Unit ? QStringLiteral("本登记表") : QStringLiteral("本修改表");
    if (request.signed_) {
        return QStringLiteral("本申请已由单位数字证书签名提交，无需加盖单位公章，无需报送纸质表；关键信息仍须经社会保险经办机构审核后生效。");
    }
    if (!request.key)
        return QStringLiteral("以上信息为非关键信息，提交后已直接生效，%1仅供单位留存。").arg(paper);
    return QStringLiteral("%1打印后由经办人签字并加盖单位公章，连同证明材料原件交社会保险经办机构窗口审核，审核通过后生效。")
        .arg(paper);
}

QString opinion(const ChangeRequest &request)
{
    // A decided request prints the decision; an open one leaves the box to the reviewer's pen.
    const QString signature = QStringLiteral("\n\n\n\n审核人：　　　　　　　　审核日期：　　　年　　月　　日");
    if (request.state == ChangeState::Approved)
        return QStringLiteral("审核通过（%1，%2）").arg(request.decidedBy, printedDate(request.decidedAt));
    if (request.state == ChangeState::Rejected)
        return QStringLiteral("退回：%1（%2，%3）").arg(request.rejectReason, request.decidedBy, printedDate(request.decidedAt));
    return signature;
}

Result<PrintedForm> record(const ChangeRequest &request, const printing::FormData &data, int pages,
                           const QString &file, LocalCache *cache)
{
    PrintedForm printed;
    printed.formId = ChangeForm::formId(request.target);
    printed.title = ChangeForm::title(request.target);
    printed.at = QDateTime::currentDateTimeUtc();
    printed.pages = pages;
    printed.file = file;
    printed.dataSha256 = data.sha256();
    if (cache) {
        Result<qint64> id = cache->recordPrinted(printed);
        if (!id)
            return id.error();
        printed.id = id.value();
    }
    return printed;
}

} // namespace

QString ChangeForm::formId(ChangeTarget target)
{
    return QString::fromLatin1(target == ChangeTarget::Unit ? UnitFormId : PersonFormId);
}

QString ChangeForm::title(ChangeTarget target)
{
    return target == ChangeTarget::Unit ? QStringLiteral("长沙市社会保险单位信息变更登记表")
                                        : QStringLiteral("长沙市社会保险个人信息修改表");
}

Result<printing::FormData> ChangeForm::data(const ChangeRequest &request, const Unit &unit)
{
    // A form without rows would tell the counter that nothing changes.
    if (request.fields.isEmpty()) {
        return Error{QStringLiteral("change.no_fields"),
                     QCoreApplication::translate("shebao::ChangeForm",
                                                 "The request %1 has no changed fields; its form cannot be printed.")
                         .arg(request.requestNo),
                     request.requestNo, {}};
    }
    printing::FormData data;
    data.values = {
        {QStringLiteral("unit.name"), request.unitName.isEmpty() ? unit.name : request.unitName},
        {QStringLiteral("unit.no"), request.unitNo.isEmpty() ? unit.unitNo : request.unitNo},
        {QStringLiteral("unit.credit_code"), unit.creditCode},
        {QStringLiteral("unit.contact_phone"), unit.contactPhone},
        {QStringLiteral("person.no"), request.personNo},
        {QStringLiteral("person.name"), request.personName},
        {QStringLiteral("person.id_number"), request.personIdNumber},
        {QStringLiteral("request.no"), request.requestNo},
        {QStringLiteral("request.date"), printedDate(request.createdAt)},
        {QStringLiteral("request.state"), changeStateName(request.state)},
        {QStringLiteral("request.notes"), notes(request)},
        {QStringLiteral("request.instructions"), instructions(request)},
        {QStringLiteral("proofs.required"), requiredProofs(request)},
        {QStringLiteral("review.opinion"), opinion(request)},
        {QStringLiteral("stamp.note"), request.signed_ ? QStringLiteral("：无需盖章") : QString()},
    };
    QList<QVariantMap> rows;
    for (const FieldChange &c : request.fields) {
        rows.append({{QStringLiteral("label"), c.label},
                     {QStringLiteral("mark"), c.key ? QStringLiteral("★关键") : QStringLiteral("一般")},
                     {QStringLiteral("before"), shown(request.target, c, c.before)},
                     {QStringLiteral("after"), shown(request.target, c, c.after)}});
    }
    data.tables.insert(QStringLiteral("fields"), rows);
    QList<QVariantMap> attachments;
    for (const ChangeAttachment &a : request.attachments) {
        attachments.append({{QStringLiteral("kind"), attachmentKindName(a.kind)},
                            {QStringLiteral("file_name"), a.fileName},
                            {QStringLiteral("type"), typeText(a.mimeType)},
                            {QStringLiteral("size"), sizeText(a.size)}});
    }
    data.tables.insert(QStringLiteral("attachments"), attachments);
    return data;
}

Result<PrintedForm> ChangeForm::writePdf(const ChangeRequest &request, const Unit &unit, const QString &path,
                                         LocalCache *cache)
{
    Result<printing::FormData> filled = data(request, unit);
    if (!filled)
        return filled.error();
    Result<printing::FormTemplate> form = printing::FormTemplate::load(formId(request.target));
    if (!form)
        return form.error();
    printing::FormRenderer renderer(form.value(), filled.value());
    if (Result<void> written = renderer.renderPdf(path); !written)
        return written.error();
    return record(request, filled.value(), renderer.pageCount(), QFileInfo(path).absoluteFilePath(), cache);
}

Result<PrintedForm> ChangeForm::recordPrinted(const ChangeRequest &request, const Unit &unit, int pages,
                                              LocalCache *cache)
{
    Result<printing::FormData> filled = data(request, unit);
    if (!filled)
        return filled.error();
    return record(request, filled.value(), pages, QString(), cache);
}

} // namespace shebao
