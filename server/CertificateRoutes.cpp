#include "server/CertificateRoutes.h"

#include <QHttpServer>
#include <QJsonArray>

#include "models/certificate/CertificateJson.h"
#include "server/AuditLog.h"
#include "server/Authenticator.h"
#include "server/BusinessGuard.h"
#include "server/CertificateService.h"
#include "server/HttpUtil.h"
#include "server/IdempotencyStore.h"
#include "server/Problem.h"

namespace shebao::server {

using Status = QHttpServerResponse::StatusCode;

void CertificateRoutes::registerOn(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/certificates"), Method::Post,
                 [this](const QHttpServerRequest &request) { return issue(request); });
    server.route(QStringLiteral("/api/v1/certificates"), Method::Get,
                 [this](const QHttpServerRequest &request) { return list(request); });
    server.route(QStringLiteral("/api/v1/certificates/<arg>"), Method::Get,
                 [this](const QString &number, const QHttpServerRequest &request) { return show(number, request); });
}

QHttpServerResponse CertificateRoutes::issue(const QHttpServerRequest &request)
{
    return m_post.handle(request, [&](const Session &s, BusinessPost::Signed &signature) -> QHttpServerResponse {
        auto body = http::jsonObject(request);
        if (!body)
            return Problem::response(body.error());
        const QJsonValue kind = body.value().value(QLatin1String("kind"));
        CertificateRequest wanted;
        if (!kind.isString() || !parseCertificateKind(kind.toString(), &wanted.kind))
            return Problem::response(Error{QStringLiteral("certificate.kind"),
                                           QStringLiteral("请选择要打印的证明：单位参保证明（unit）、参保人员名单（roster）或个人参保缴费证明（person）。"),
                                           {}, QStringLiteral("kind")});
        const QJsonValue purpose = body.value().value(QLatin1String("purpose"));
        const QJsonValue personNo = body.value().value(QLatin1String("person_no"));
        wanted.purpose = purpose.isString() ? purpose.toString() : QString();
        wanted.personNo = personNo.isString() ? personNo.toString() : QString();
        // Issued first, the signature stored after: a refusal (purpose, person, nothing to
        // certify) leaves no signature row; a failure storing it is a 500 and rolls both back.
        auto issued = m_service.issue(s.unitId, wanted, Authenticator::actorOf(s));
        if (!issued)
            return Problem::response(issued.error());
        auto signatureId = signature.record();
        if (!signatureId)
            return Problem::response(signatureId.error());
        if (auto r = m_service.linkRequestSignature(issued.value().content.number, signatureId.value()); !r)
            return Problem::response(r.error());
        const CertificateContent &c = issued.value().content;
        if (auto r = m_audit.record(Authenticator::actorOf(s), QStringLiteral("certificate.issue"), QStringLiteral("success"),
                                    http::peer(request), c.number,
                                    certificateKindCode(c.kind) + (c.personNo.isEmpty() ? QString() : u' ' + c.personNo));
            !r)
            return Problem::response(r.error());
        IssuedCertificate shown = issued.value();
        shown.revokedBy.clear();
        return http::json(json::encode(shown), Status::Created);
    });
}

QHttpServerResponse CertificateRoutes::list(const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateUnit(request);
    if (!session)
        return Problem::response(session.error());
    const Session &s = session.value();
    if (s.level != QLatin1String("authorized") && s.level != QLatin1String("certificate"))
        return Authenticator::withLevel(Problem::response(BusinessGuard::notAuthorized()), s);
    auto rows = m_service.list(s.unitId);
    if (!rows)
        return Problem::response(rows.error());
    QJsonArray array;
    for (IssuedCertificate row : rows.value()) {
        row.revokedBy.clear();
        array.append(json::encode(row, false));
    }
    return Authenticator::withLevel(http::json(QJsonObject{{QStringLiteral("certificates"), array}}), s);
}

QHttpServerResponse CertificateRoutes::show(const QString &number, const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateUnit(request);
    if (!session)
        return Problem::response(session.error());
    const Session &s = session.value();
    if (s.level != QLatin1String("authorized") && s.level != QLatin1String("certificate"))
        return Authenticator::withLevel(Problem::response(BusinessGuard::notAuthorized()), s);
    auto found = m_service.find(number, s.unitId);
    if (!found)
        return Authenticator::withLevel(Problem::response(found.error()), s);
    IssuedCertificate shown = found.value();
    shown.revokedBy.clear();
    return Authenticator::withLevel(http::json(json::encode(shown)), s);
}

} // namespace shebao::server
