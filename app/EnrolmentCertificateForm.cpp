#include "app/EnrolmentCertificateForm.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

#include "models/cache/LocalCache.h"
#include "models/certificate/CertificateJson.h"
#include "models/export/DeclarationRows.h"
#include "printing/FormRenderer.h"

namespace shebao {

namespace {

// Months stay "YYYY-MM" as in the signed content: verify-pdf compares them as they are.
QString period(const CertificateContent &c)
{
    if (c.periodFrom.isEmpty() && c.periodTo.isEmpty())
        return QString();
    return QStringLiteral("%1 至 %2").arg(c.periodFrom, c.periodTo);
}

QString statusName(const QString &code)
{
    EnrolmentStatus status;
    if (!parseEnrolmentStatus(code, &status))
        return code;
    switch (status) {
    case EnrolmentStatus::Active: return QStringLiteral("参保缴费");
    case EnrolmentStatus::Suspended: return QStringLiteral("暂停缴费");
    case EnrolmentStatus::Terminated: return QStringLiteral("终止缴费");
    }
    return code;
}

QList<QVariantMap> insuranceRows(const CertificateContent &c)
{
    QList<QVariantMap> rows;
    for (const InsuranceSummary &s : c.insurances)
        rows.append({{QStringLiteral("name"), s.insuranceName.isEmpty() ? s.insurance : s.insuranceName},
                     {QStringLiteral("insured"), s.insuredCount},
                     {QStringLiteral("paying"), s.payingCount},
                     {QStringLiteral("first_month"), s.firstMonth},
                     {QStringLiteral("paid_to"), s.paidToMonth},
                     {QStringLiteral("arrears"), s.arrears ? QStringLiteral("是") : QStringLiteral("否")}});
    return rows;
}

QList<QVariantMap> rosterRows(const CertificateContent &c)
{
    QList<QVariantMap> rows;
    rows.reserve(c.roster.size());
    for (const RosterRow &r : c.roster)
        rows.append({{QStringLiteral("index"), r.index},
                     {QStringLiteral("person_no"), r.personNo},
                     {QStringLiteral("name"), r.name},
                     {QStringLiteral("id_number"), r.idNumberMasked},
                     {QStringLiteral("insurances"), DeclarationRows::insuranceNames(r.insurances)},
                     {QStringLiteral("start_month"), r.startMonth}});
    return rows;
}

QList<QVariantMap> periodRows(const CertificateContent &c)
{
    QList<QVariantMap> rows;
    for (const PersonPeriod &p : c.periods)
        rows.append({{QStringLiteral("insurance"), p.insuranceName.isEmpty() ? p.insurance : p.insuranceName},
                     {QStringLiteral("start_month"), p.startMonth},
                     {QStringLiteral("end_month"), p.endMonth.isEmpty() ? QStringLiteral("至今") : p.endMonth},
                     {QStringLiteral("months"), p.months},
                     {QStringLiteral("base"), p.base.toDisplayString()},
                     {QStringLiteral("status"), statusName(p.status)}});
    return rows;
}

Result<CertificateContent> signedContent(const IssuedCertificate &certificate)
{
    const CertificateContent &c = certificate.content;
    if (c.unitName.isEmpty() || c.asOfMonth.isEmpty()) {
        return Error{QStringLiteral("certificate.no_content"),
                     QCoreApplication::translate("shebao::EnrolmentCertificateForm", "The certificate %1 was loaded without its content; it cannot be printed.").arg(c.number),
                     c.number, {}};
    }
    if (certificate.canonical.isEmpty())
        return c;
    Result<CertificateContent> signedOne = json::decodeCanonical(certificate.canonical);
    if (!signedOne)
        return signedOne.error();
    if (!(signedOne.value() == c)) {
        return Error{QStringLiteral("certificate.inconsistent"),
                     QCoreApplication::translate("shebao::EnrolmentCertificateForm", "The content of certificate %1 differs from what the agency signed; it is not printed.")
                         .arg(c.number),
                     c.number, {}};
    }
    return signedOne;
}

Result<PrintedForm> record(const IssuedCertificate &certificate, const printing::FormData &data, int pages,
                           const QString &file, LocalCache *cache)
{
    PrintedForm printed;
    printed.formId = EnrolmentCertificateForm::formId(certificate.content.kind);
    printed.title = QStringLiteral("%1 %2").arg(certificateKindName(certificate.content.kind), certificate.content.number);
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

QString EnrolmentCertificateForm::formId(CertificateKind kind)
{
    switch (kind) {
    case CertificateKind::Unit: return QStringLiteral("unit-certificate");
    case CertificateKind::Roster: return QStringLiteral("roster-certificate");
    case CertificateKind::Person: return QStringLiteral("person-certificate");
    }
    return QString();
}

QString EnrolmentCertificateForm::beijingDate(const QDateTime &utc)
{
    // China keeps UTC+8 all year: a fixed offset needs no time-zone data on the clerk's machine.
    if (!utc.isValid())
        return QString();
    const QDate d = utc.toOffsetFromUtc(8 * 3600).date();
    return QStringLiteral("%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day());
}

QString EnrolmentCertificateForm::verifyAddress(const QString &url)
{
    return QUrl(url).adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

Result<printing::FormData> EnrolmentCertificateForm::data(const IssuedCertificate &certificate)
{
    Result<CertificateContent> content = signedContent(certificate);
    if (!content)
        return content.error();
    const CertificateContent &c = content.value();
    // The QR code is what a phone opens: without the address there is nothing to verify with.
    if (!QUrl(certificate.url).isValid() || !certificate.url.startsWith(QLatin1String("https://"))) {
        return Error{QStringLiteral("certificate.url"),
                     QCoreApplication::translate("shebao::EnrolmentCertificateForm", "The certificate %1 has no valid verification address; it cannot be printed.").arg(c.number),
                     certificate.url, {}};
    }
    const QString code = CertificateCode::grouped(c.code);
    const QString address = verifyAddress(certificate.url);

    printing::FormData data;
    data.values = {
        {QStringLiteral("cert.title"), certificateKindName(c.kind)},
        {QStringLiteral("cert.number"), c.number},
        {QStringLiteral("cert.code"), code},
        {QStringLiteral("cert.url"), certificate.url},
        {QStringLiteral("cert.verify_address"), address},
        {QStringLiteral("cert.verify_text"),
         QStringLiteral("本证明可通过扫描二维码或登录网站输入验证码核验真伪，无须加盖公章。\n核验网址：%1\n验证码：%2")
             .arg(address, code)},
        {QStringLiteral("cert.purpose"), c.purpose},
        {QStringLiteral("cert.issue_date"), EnrolmentCertificateForm::beijingDate(c.issuedAt)},
        {QStringLiteral("cert.valid_until"), EnrolmentCertificateForm::beijingDate(c.validUntil)},
        {QStringLiteral("cert.as_of"), c.asOfMonth},
        {QStringLiteral("cert.period"), period(c)},
        {QStringLiteral("unit.no"), c.unitNo},
        {QStringLiteral("unit.name"), c.unitName},
        {QStringLiteral("unit.credit_code"), c.creditCode},
        {QStringLiteral("unit.agency"), c.agency},
        {QStringLiteral("count.insured"), c.insuredTotal},
        {QStringLiteral("count.paying"), c.payingTotal},
        {QStringLiteral("person.no"), c.personNo},
        {QStringLiteral("person.name"), c.personName},
        {QStringLiteral("person.id_number"), c.personIdNumberMasked},
    };
    data.tables.insert(QStringLiteral("insurances"), insuranceRows(c));
    data.tables.insert(QStringLiteral("roster"), rosterRows(c));
    data.tables.insert(QStringLiteral("periods"), periodRows(c));
    return data;
}

Result<printing::FormTemplate> EnrolmentCertificateForm::form(const IssuedCertificate &certificate)
{
    Result<printing::FormTemplate> form = printing::FormTemplate::load(formId(certificate.content.kind));
    if (!form)
        return form.error();
    printing::FormTemplate t = std::move(form).value();
    t.title = QStringLiteral("%1 %2").arg(certificateKindName(certificate.content.kind), certificate.content.number);
    return t;
}

Result<PrintedForm> EnrolmentCertificateForm::writePdf(const IssuedCertificate &certificate, const QString &path,
                                                       LocalCache *cache)
{
    Result<printing::FormData> filled = data(certificate);
    if (!filled)
        return filled.error();
    Result<printing::FormTemplate> t = form(certificate);
    if (!t)
        return t.error();
    printing::FormRenderer renderer(t.value(), filled.value());
    if (Result<void> written = renderer.renderPdf(path); !written)
        return written.error();
    return record(certificate, filled.value(), renderer.pageCount(), QFileInfo(path).absoluteFilePath(), cache);
}

Result<PrintedForm> EnrolmentCertificateForm::recordPrinted(const IssuedCertificate &certificate, int pages,
                                                            LocalCache *cache)
{
    Result<printing::FormData> filled = data(certificate);
    if (!filled)
        return filled.error();
    return record(certificate, filled.value(), pages, QString(), cache);
}

} // namespace shebao
