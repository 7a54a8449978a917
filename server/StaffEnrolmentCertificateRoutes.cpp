#include "server/StaffEnrolmentCertificateRoutes.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QUrlQuery>

#include "models/certificate/CertificateJson.h"
#include "server/AuditLog.h"
#include "server/Authenticator.h"
#include "server/CertificateService.h"
#include "server/HttpUtil.h"
#include "server/IdempotencyStore.h"
#include "server/Problem.h"

namespace shebao::server {

void StaffEnrolmentCertificateRoutes::registerOn(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/staff/enrolment-certificates"), Method::Get,
                 [this](const QHttpServerRequest &request) { return list(request); });
    server.route(QStringLiteral("/api/v1/staff/enrolment-certificates/<arg>"), Method::Get,
                 [this](const QString &number, const QHttpServerRequest &request) { return show(number, request); });
    server.route(QStringLiteral("/api/v1/staff/enrolment-certificates/<arg>/revoke"), Method::Post,
                 [this](const QString &number, const QHttpServerRequest &request) { return revoke(number, request); });
}

QHttpServerResponse StaffEnrolmentCertificateRoutes::list(const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateStaff(request);
    if (!session)
        return Problem::response(session.error());
    const QString unitNo = request.query().queryItemValue(QStringLiteral("unit_no"), QUrl::FullyDecoded).trimmed();
    auto rows = m_service.list(0, unitNo);
    if (!rows)
        return Problem::response(rows.error());
    QJsonArray array;
    for (const IssuedCertificate &row : rows.value()) {
        QJsonObject o = json::encode(row, false);
        // Staff see whose certificate it is; the unit's own list does not need to say.
        o.insert(QStringLiteral("unit_no"), row.content.unitNo);
        o.insert(QStringLiteral("unit_name"), row.content.unitName);
        array.append(o);
    }
    return http::json(QJsonObject{{QStringLiteral("certificates"), array}});
}

QHttpServerResponse StaffEnrolmentCertificateRoutes::show(const QString &number, const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateStaff(request);
    if (!session)
        return Problem::response(session.error());
    auto found = m_service.find(number, 0);
    if (!found)
        return Problem::response(found.error());
    return http::json(json::encode(found.value()));
}

QHttpServerResponse StaffEnrolmentCertificateRoutes::revoke(const QString &number, const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    auto session = m_auth.authenticateStaff(request, {QStringLiteral("clerk")});
    if (!session)
        return Problem::response(session.error());
    const Session s = session.value();
    return m_idempotency.handle(request, Authenticator::scopeOf(s), [&]() -> QHttpServerResponse {
        auto body = http::jsonObject(request);
        if (!body)
            return Problem::response(body.error());
        const QJsonValue reason = body.value().value(QLatin1String("reason"));
        auto revoked = m_service.revoke(number, reason.isString() ? reason.toString() : QString(), Authenticator::actorOf(s));
        if (!revoked)
            return Problem::response(revoked.error());
        if (auto r = m_audit.record(Authenticator::actorOf(s), QStringLiteral("certificate.revoke"), QStringLiteral("success"),
                                    http::peer(request), number, revoked.value().revokeReason);
            !r)
            return Problem::response(r.error());
        return http::json(json::encode(revoked.value()));
    });
}

} // namespace shebao::server
