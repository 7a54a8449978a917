#pragma once

#include <QByteArray>
#include <QJsonObject>

#include "models/certificate/Certificate.h"
#include "models/core/Result.h"

// The JSON of 参保证明 (docs/certificates.md, docs/openapi.yaml), in the style of ChangeJson:
// snake_case members, times ISO 8601 UTC ("2026-12-04T03:15:00Z"), amounts as yuan strings,
// decoding that names the JSON path of a problem.
namespace shebao::json {

QJsonObject encode(const InsuranceSummary &summary);
QJsonObject encode(const RosterRow &row);
QJsonObject encode(const PersonPeriod &period);
// Every member, also the ones of the other kinds (empty arrays, null texts): one shape to sign.
QJsonObject encode(const CertificateContent &content);
// With content, canonical (a string) and signature (base64); withContent false gives the history
// list's shape (no content, canonical, signature).
QJsonObject encode(const IssuedCertificate &certificate, bool withContent = true);
QJsonObject encode(const CertificateRequest &request);
QJsonObject encode(const VerificationAnswer &answer);

Result<InsuranceSummary> decodeInsuranceSummary(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<RosterRow> decodeRosterRow(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<PersonPeriod> decodePersonPeriod(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<CertificateContent> decodeCertificateContent(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<IssuedCertificate> decodeIssuedCertificate(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<CertificateRequest> decodeCertificateRequest(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<VerificationAnswer> decodeVerificationAnswer(const QJsonObject &object, const QString &path = QStringLiteral("$"));

// The bytes the agency signs: encode(content) as compact UTF-8 JSON, members sorted by name
// (QJsonObject keeps them sorted), no white space, integers without a fraction, strings escaped
// only where JSON requires it. For these values (ASCII names, integers, strings without control
// characters — the server refuses them in 打印用途) this is RFC 8785 (JCS), so a verifier in any
// language can rebuild or simply check the bytes it was given.
QByteArray canonical(const CertificateContent &content);
// The content from canonical bytes; an error unless they are a JSON object of the content's shape.
Result<CertificateContent> decodeCanonical(const QByteArray &bytes);

} // namespace shebao::json
