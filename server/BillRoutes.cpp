#include "server/BillRoutes.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QUrlQuery>

#include "models/bill/BillJson.h"
#include "models/validation/IdNumber.h"
#include "server/AuditLog.h"
#include "server/Authenticator.h"
#include "server/BillService.h"
#include "server/BusinessGuard.h"
#include "server/HttpUtil.h"
#include "server/Problem.h"

namespace shebao::server {

namespace {

using Status = QHttpServerResponse::StatusCode;

QString maskedId(const QJsonObject &body)
{
    return IdNumber::mask(body.value(QLatin1String("id_number")).toString().trimmed());
}

} // namespace

void BillRoutes::registerOn(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/arrears/gaps"), Method::Get,
                 [this](const QHttpServerRequest &request) { return gaps(request); });
    server.route(QStringLiteral("/api/v1/arrears/estimate"), Method::Get,
                 [this](const QHttpServerRequest &request) { return estimate(request); });
    server.route(QStringLiteral("/api/v1/bills"), Method::Post,
                 [this](const QHttpServerRequest &request) { return create(request); });
    server.route(QStringLiteral("/api/v1/bills"), Method::Get,
                 [this](const QHttpServerRequest &request) { return list(request); });
    server.route(QStringLiteral("/api/v1/bills/<arg>"), Method::Get,
                 [this](const QString &number, const QHttpServerRequest &request) { return show(number, request); });
    server.route(QStringLiteral("/api/v1/bills/<arg>/cancel"), Method::Post,
                 [this](const QString &number, const QHttpServerRequest &request) { return cancel(number, request); });
}

QHttpServerResponse BillRoutes::refusal(const Error &error, const QList<Error> &fieldErrors)
{
    if (error.code == QLatin1String("bill.open")) {
        QJsonObject body = Problem::body(error, QJsonObject{{QStringLiteral("bill_number"), error.detail}});
        return QHttpServerResponse(QByteArrayLiteral("application/problem+json"), QJsonDocument(body).toJson(QJsonDocument::Compact),
                                   Problem::status(error.code));
    }
    return Problem::fieldResponse(error, fieldErrors);
}

std::optional<QHttpServerResponse> BillRoutes::admit(const QHttpServerRequest &request, Session *session)
{
    auto s = m_auth.authenticateUnit(request);
    if (!s)
        return Problem::response(s.error());
    *session = s.value();
    if (session->level != QLatin1String("authorized") && session->level != QLatin1String("certificate"))
        return Authenticator::withLevel(Problem::response(BusinessGuard::notAuthorized()), *session);
    return std::nullopt;
}

QHttpServerResponse BillRoutes::gaps(const QHttpServerRequest &request)
{
    Session s;
    if (auto refused = admit(request, &s))
        return std::move(*refused);
    const QJsonObject query = BillChecks::fromQuery(request.query());
    QList<Error> errors;
    auto found = m_service.gaps(s.unitId, query, &errors);
    m_audit.record(Authenticator::actorOf(s), QStringLiteral("arrears.gaps"), found ? QStringLiteral("success") : found.error().code,
                   http::peer(request), maskedId(query));
    if (!found)
        return Authenticator::withLevel(refusal(found.error(), errors), s);
    return Authenticator::withLevel(http::json(json::encode(found.value())), s);
}

QHttpServerResponse BillRoutes::estimate(const QHttpServerRequest &request)
{
    Session s;
    if (auto refused = admit(request, &s))
        return std::move(*refused);
    const QJsonObject query = BillChecks::fromQuery(request.query());
    QList<Error> errors;
    auto plan = m_service.plan(s.unitId, query, &errors);
    m_audit.record(Authenticator::actorOf(s), QStringLiteral("arrears.estimate"), plan ? QStringLiteral("success") : plan.error().code,
                   http::peer(request), maskedId(query));
    if (!plan)
        return Authenticator::withLevel(refusal(plan.error(), errors), s);
    return Authenticator::withLevel(http::json(json::encode(plan.value().estimate)), s);
}

QHttpServerResponse BillRoutes::create(const QHttpServerRequest &request)
{
    return m_post.handle(request, [&](const Session &s, BusinessPost::Signed &signature) -> QHttpServerResponse {
        auto body = http::jsonObject(request);
        if (!body)
            return Problem::response(body.error());
        QList<Error> errors;
        auto plan = m_service.plan(s.unitId, body.value(), &errors);
        if (!plan) {
            m_audit.record(Authenticator::actorOf(s), QStringLiteral("bill.create"), plan.error().code, http::peer(request),
                           maskedId(body.value()));
            return refusal(plan.error(), errors);
        }
        auto signatureId = signature.record();
        if (!signatureId)
            return Problem::response(signatureId.error());
        auto bill = m_service.create(s.unitId, Authenticator::actorOf(s), signatureId.value(), plan.value());
        if (!bill)
            return refusal(bill.error());
        const Bill &b = bill.value();
        if (auto r = m_audit.record(Authenticator::actorOf(s), QStringLiteral("bill.create"), QStringLiteral("success"),
                                    http::peer(request), b.number,
                                    QStringLiteral("%1 %2 months %3").arg(b.idNumberMasked).arg(b.monthCount).arg(b.total.toYuanString()));
            !r)
            return Problem::response(r.error());
        return http::json(json::encode(b), Status::Created);
    });
}

QHttpServerResponse BillRoutes::list(const QHttpServerRequest &request)
{
    Session s;
    if (auto refused = admit(request, &s))
        return std::move(*refused);
    auto page = m_service.list(s.unitId, request.query());
    if (!page)
        return Authenticator::withLevel(refusal(page.error()), s);
    return Authenticator::withLevel(http::json(json::encode(page.value())), s);
}

QHttpServerResponse BillRoutes::show(const QString &number, const QHttpServerRequest &request)
{
    Session s;
    if (auto refused = admit(request, &s))
        return std::move(*refused);
    // Another unit's bill is unknown here, exactly like a number never issued.
    auto bill = m_service.bill(s.unitId, number,
                               request.query().queryItemValue(QStringLiteral("id_number"), QUrl::FullyDecoded));
    if (!bill)
        return Authenticator::withLevel(refusal(bill.error()), s);
    return Authenticator::withLevel(http::json(json::encode(bill.value())), s);
}

QHttpServerResponse BillRoutes::cancel(const QString &number, const QHttpServerRequest &request)
{
    return m_post.handle(request, [&, number](const Session &s, BusinessPost::Signed &signature) -> QHttpServerResponse {
        auto cancelled = m_service.cancel(s.unitId, Authenticator::actorOf(s), number);
        m_audit.record(Authenticator::actorOf(s), QStringLiteral("bill.cancel"),
                       cancelled ? QStringLiteral("success") : cancelled.error().code, http::peer(request),
                       cancelled ? cancelled.value().number : number.left(20));
        if (!cancelled)
            return refusal(cancelled.error());
        // 作废 changes what the unit owes: a certificate user's signature is kept with it.
        if (auto r = signature.record(); !r)
            return Problem::response(r.error());
        return http::json(json::encode(cancelled.value()));
    });
}

} // namespace shebao::server
