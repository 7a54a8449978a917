#include "models/certificate/CertificateJson.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include "models/domain/JsonReader.h"

namespace shebao::json {

QJsonObject encode(const InsuranceSummary &s)
{
    return QJsonObject{{QStringLiteral("insurance"), s.insurance},
                       {QStringLiteral("insurance_name"), s.insuranceName},
                       {QStringLiteral("insured_count"), s.insuredCount},
                       {QStringLiteral("paying_count"), s.payingCount},
                       {QStringLiteral("first_month"), orNull(s.firstMonth)},
                       {QStringLiteral("paid_to_month"), orNull(s.paidToMonth)},
                       {QStringLiteral("arrears"), s.arrears}};
}

QJsonObject encode(const RosterRow &r)
{
    return QJsonObject{{QStringLiteral("index"), r.index},
                       {QStringLiteral("person_no"), r.personNo},
                       {QStringLiteral("name"), r.name},
                       {QStringLiteral("id_number_masked"), r.idNumberMasked},
                       {QStringLiteral("insurances"), QJsonArray::fromStringList(r.insurances)},
                       {QStringLiteral("start_month"), orNull(r.startMonth)}};
}

QJsonObject encode(const PersonPeriod &p)
{
    return QJsonObject{{QStringLiteral("insurance"), p.insurance},
                       {QStringLiteral("insurance_name"), p.insuranceName},
                       {QStringLiteral("start_month"), p.startMonth},
                       {QStringLiteral("end_month"), orNull(p.endMonth)},
                       {QStringLiteral("status"), p.status},
                       {QStringLiteral("months"), p.months},
                       {QStringLiteral("base"), p.base.toYuanString()}};
}

QJsonObject encode(const CertificateContent &c)
{
    return QJsonObject{
        {QStringLiteral("number"), c.number},
        {QStringLiteral("code"), c.code},
        {QStringLiteral("kind"), certificateKindCode(c.kind)},
        {QStringLiteral("title"), certificateKindName(c.kind)},
        {QStringLiteral("purpose"), c.purpose},
        {QStringLiteral("issued_at"), timeValue(c.issuedAt)},
        {QStringLiteral("valid_until"), timeValue(c.validUntil)},
        {QStringLiteral("as_of_month"), c.asOfMonth},
        {QStringLiteral("unit_no"), c.unitNo},
        {QStringLiteral("unit_name"), c.unitName},
        {QStringLiteral("credit_code"), orNull(c.creditCode)},
        {QStringLiteral("agency"), orNull(c.agency)},
        {QStringLiteral("period_from"), orNull(c.periodFrom)},
        {QStringLiteral("period_to"), orNull(c.periodTo)},
        {QStringLiteral("insurances"), arrayOf(c.insurances)},
        {QStringLiteral("insured_total"), c.insuredTotal},
        {QStringLiteral("paying_total"), c.payingTotal},
        {QStringLiteral("roster"), arrayOf(c.roster)},
        {QStringLiteral("person_no"), orNull(c.personNo)},
        {QStringLiteral("person_name"), orNull(c.personName)},
        {QStringLiteral("person_id_number_masked"), orNull(c.personIdNumberMasked)},
        {QStringLiteral("periods"), arrayOf(c.periods)},
    };
}

QJsonObject encode(const IssuedCertificate &i, bool withContent)
{
    const CertificateContent &c = i.content;
    QJsonObject o{
        {QStringLiteral("number"), c.number},
        {QStringLiteral("code"), c.code},
        {QStringLiteral("kind"), certificateKindCode(c.kind)},
        {QStringLiteral("state"), certificateStateCode(i.state)},
        {QStringLiteral("state_name"), certificateStateName(i.state)},
        {QStringLiteral("purpose"), c.purpose},
        {QStringLiteral("issued_at"), timeValue(c.issuedAt)},
        {QStringLiteral("valid_until"), timeValue(c.validUntil)},
        {QStringLiteral("person_no"), orNull(c.personNo)},
        {QStringLiteral("person_name"), orNull(c.personName)},
        {QStringLiteral("url"), i.url},
        {QStringLiteral("algorithm"), i.algorithm},
        {QStringLiteral("key_id"), i.keyId},
        {QStringLiteral("revoked_at"), timeValue(i.revokedAt)},
        {QStringLiteral("revoked_by"), orNull(i.revokedBy)},
        {QStringLiteral("revoke_reason"), orNull(i.revokeReason)},
    };
    if (withContent) {
        o.insert(QStringLiteral("content"), encode(c));
        o.insert(QStringLiteral("canonical"), QString::fromUtf8(i.canonical));
        o.insert(QStringLiteral("signature"), QString::fromLatin1(i.signature.toBase64()));
    }
    return o;
}

QJsonObject encode(const CertificateRequest &r)
{
    QJsonObject o{{QStringLiteral("kind"), certificateKindCode(r.kind)}, {QStringLiteral("purpose"), r.purpose}};
    if (r.kind == CertificateKind::Person)
        o.insert(QStringLiteral("person_no"), r.personNo);
    return o;
}

QJsonObject encode(const VerificationAnswer &a)
{
    return QJsonObject{{QStringLiteral("state"), certificateStateCode(a.state)},
                       {QStringLiteral("state_name"), certificateStateName(a.state)},
                       {QStringLiteral("checked_at"), timeValue(a.checkedAt)},
                       {QStringLiteral("certificate"), encode(a.certificate, true)},
                       {QStringLiteral("public_key"), QString::fromLatin1(a.publicKeyPem)}};
}

Result<InsuranceSummary> decodeInsuranceSummary(const QJsonObject &o, const QString &path)
{
    InsuranceSummary s;
    Reader r(o, path);
    r.text("insurance", &s.insurance, true);
    r.text("insurance_name", &s.insuranceName);
    r.integer("insured_count", &s.insuredCount);
    r.integer("paying_count", &s.payingCount);
    r.text("first_month", &s.firstMonth);
    r.text("paid_to_month", &s.paidToMonth);
    r.flag("arrears", &s.arrears);
    return finish(r, s);
}

Result<RosterRow> decodeRosterRow(const QJsonObject &o, const QString &path)
{
    RosterRow row;
    Reader r(o, path);
    r.integer("index", &row.index);
    r.text("person_no", &row.personNo, true);
    r.text("name", &row.name, true);
    r.text("id_number_masked", &row.idNumberMasked);
    r.strings("insurances", &row.insurances);
    r.text("start_month", &row.startMonth);
    return finish(r, row);
}

Result<PersonPeriod> decodePersonPeriod(const QJsonObject &o, const QString &path)
{
    PersonPeriod p;
    Reader r(o, path);
    r.text("insurance", &p.insurance, true);
    r.text("insurance_name", &p.insuranceName);
    r.text("start_month", &p.startMonth, true);
    r.text("end_month", &p.endMonth);
    r.text("status", &p.status);
    r.integer("months", &p.months);
    r.money("base", &p.base);
    return finish(r, p);
}

Result<CertificateContent> decodeCertificateContent(const QJsonObject &o, const QString &path)
{
    CertificateContent c;
    Reader r(o, path);
    r.text("number", &c.number, true);
    r.text("code", &c.code, true);
    r.code("kind", &c.kind, parseCertificateKind);
    r.text("purpose", &c.purpose, true);
    r.time("issued_at", &c.issuedAt);
    r.time("valid_until", &c.validUntil);
    r.text("as_of_month", &c.asOfMonth);
    r.text("unit_no", &c.unitNo, true);
    r.text("unit_name", &c.unitName, true);
    r.text("credit_code", &c.creditCode);
    r.text("agency", &c.agency);
    r.text("period_from", &c.periodFrom);
    r.text("period_to", &c.periodTo);
    r.objects<InsuranceSummary>("insurances", &c.insurances, decodeInsuranceSummary);
    r.integer("insured_total", &c.insuredTotal);
    r.integer("paying_total", &c.payingTotal);
    r.objects<RosterRow>("roster", &c.roster, decodeRosterRow);
    r.text("person_no", &c.personNo);
    r.text("person_name", &c.personName);
    r.text("person_id_number_masked", &c.personIdNumberMasked);
    r.objects<PersonPeriod>("periods", &c.periods, decodePersonPeriod);
    return finish(r, c);
}

Result<IssuedCertificate> decodeIssuedCertificate(const QJsonObject &o, const QString &path)
{
    IssuedCertificate i;
    Reader r(o, path);
    if (o.contains(QLatin1String("content"))) {
        r.object<CertificateContent>("content", &i.content, decodeCertificateContent);
    } else {
        // A history row: the top-level members stand for the content.
        r.text("number", &i.content.number, true);
        r.text("code", &i.content.code, true);
        r.code("kind", &i.content.kind, parseCertificateKind);
        r.text("purpose", &i.content.purpose);
        r.time("issued_at", &i.content.issuedAt);
        r.time("valid_until", &i.content.validUntil);
        r.text("person_no", &i.content.personNo);
        r.text("person_name", &i.content.personName);
    }
    r.code("state", &i.state, parseCertificateState);
    r.text("url", &i.url);
    r.text("algorithm", &i.algorithm);
    r.text("key_id", &i.keyId);
    r.time("revoked_at", &i.revokedAt);
    r.text("revoked_by", &i.revokedBy);
    r.text("revoke_reason", &i.revokeReason);
    QString canonicalText, signature;
    r.text("canonical", &canonicalText);
    r.text("signature", &signature);
    i.canonical = canonicalText.toUtf8();
    if (r.ok() && !signature.isEmpty()) {
        auto decoded = QByteArray::fromBase64Encoding(signature.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return Reader::fieldError(r.path("signature"), QStringLiteral("not base64"));
        i.signature = *decoded;
    }
    return finish(r, i);
}

Result<CertificateRequest> decodeCertificateRequest(const QJsonObject &o, const QString &path)
{
    CertificateRequest q;
    Reader r(o, path);
    r.code("kind", &q.kind, parseCertificateKind);
    r.text("person_no", &q.personNo);
    r.text("purpose", &q.purpose);
    return finish(r, q);
}

Result<VerificationAnswer> decodeVerificationAnswer(const QJsonObject &o, const QString &path)
{
    VerificationAnswer a;
    Reader r(o, path);
    r.code("state", &a.state, parseCertificateState);
    r.time("checked_at", &a.checkedAt);
    r.object<IssuedCertificate>("certificate", &a.certificate, decodeIssuedCertificate);
    QString pem;
    r.text("public_key", &pem, true);
    a.publicKeyPem = pem.toLatin1();
    return finish(r, a);
}

QByteArray canonical(const CertificateContent &content)
{
    return QJsonDocument(encode(content)).toJson(QJsonDocument::Compact);
}

Result<CertificateContent> decodeCanonical(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Reader::fieldError(QStringLiteral("$.canonical"), QStringLiteral("not a JSON object: %1").arg(error.errorString()));
    return decodeCertificateContent(doc.object(), QStringLiteral("$.canonical"));
}

} // namespace shebao::json
