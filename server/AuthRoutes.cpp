#include "server/AuthRoutes.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QJsonObject>

#include "server/AuditLog.h"
#include "server/Authenticator.h"
#include "server/Clock.h"
#include "server/HttpUtil.h"
#include "server/IdempotencyStore.h"
#include "server/LoginService.h"
#include "server/Problem.h"

namespace shebao::server {

void AuthRoutes::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/auth/login"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return login(request); });
    server.route(QStringLiteral("/api/v1/auth/logout"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return logout(request); });
}

QHttpServerResponse AuthRoutes::login(const QHttpServerRequest &request)
{
    // Before login there is no account: keys are scoped to the anonymous caller.
    return m_idempotency.handle(request, QStringLiteral("anonymous"), [&]() -> QHttpServerResponse {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return Problem::response(Problem::invalidRequest(QStringLiteral("请求内容不是有效的 JSON 对象。")));
        const QJsonObject body = doc.object();
        const QJsonValue unitNo = body.value(QLatin1String("unit_no"));
        const QJsonValue password = body.value(QLatin1String("password"));
        if (!unitNo.isString() || unitNo.toString().trimmed().isEmpty())
            return Problem::response(Problem::invalidRequest(QStringLiteral("请输入单位编号。"), QStringLiteral("unit_no")));
        if (!password.isString() || password.toString().isEmpty())
            return Problem::response(Problem::invalidRequest(QStringLiteral("请输入登录密码。"), QStringLiteral("password")));

        LoginResult result;
        LoginFailure failure;
        if (!m_login.login(unitNo.toString().trimmed(), password.toString(), http::peer(request), &result, &failure))
            return Problem::response(failure.error, failure.extra);
        return http::json(QJsonObject{{QStringLiteral("token"), result.token.token},
                                      {QStringLiteral("expires_at"), Clock::iso(result.token.expiresAt)},
                                      {QStringLiteral("level"), result.level},
                                      {QStringLiteral("unit_no"), result.unitNo},
                                      {QStringLiteral("unit_name"), result.unitName}});
    });
}

QHttpServerResponse AuthRoutes::logout(const QHttpServerRequest &request)
{
    // A retried logout arrives with a token that the first attempt already revoked; its
    // stored answer is replayed before the token is checked again.
    const QString key = http::idempotencyKey(request);
    if (!key.isEmpty()) {
        auto existing = m_auth.tokens().find(http::bearerToken(request));
        if (existing) {
            const QString scope = Authenticator::scopeOf(existing.value());
            if (m_idempotency.hasRecord(scope, key))
                return m_idempotency.handle(request, scope, [] { return QHttpServerResponse(QHttpServerResponse::StatusCode::InternalServerError); });
        }
    }
    auto session = m_auth.authenticate(request);
    if (!session)
        return Problem::response(session.error());
    const Session s = session.value();
    return m_idempotency.handle(request, Authenticator::scopeOf(s), [&]() -> QHttpServerResponse {
        if (auto r = m_auth.tokens().revoke(s.id); !r)
            return Problem::response(r.error());
        if (auto r = m_audit.record(Authenticator::actorOf(s), QStringLiteral("auth.logout"), QStringLiteral("success"),
                                    http::peer(request));
            !r)
            return Problem::response(r.error());
        return QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent);
    });
}

} // namespace shebao::server
