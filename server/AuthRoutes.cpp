#include "server/AuthRoutes.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QJsonObject>

#include "server/AuditLog.h"
#include "server/Authenticator.h"
#include "server/CertLoginService.h"
#include "server/Clock.h"
#include "server/HttpUtil.h"
#include "server/IdempotencyStore.h"
#include "server/LoginService.h"
#include "server/LoginThrottle.h"
#include "server/Problem.h"

namespace shebao::server {

namespace {

// Unit numbers are 11 digits; anything much longer is refused before it reaches a counter, the
// challenge table or the audit log (each would keep a copy of up to 5 MB).
std::optional<QHttpServerResponse> overlongUnitNo(const QString &unitNo)
{
    if (unitNo.size() <= http::MaxNameLength)
        return std::nullopt;
    return Problem::response(Problem::invalidRequest(QStringLiteral("单位编号不正确。"), QStringLiteral("unit_no")));
}

} // namespace

void AuthRoutes::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/auth/login"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return login(request); });
    server.route(QStringLiteral("/api/v1/auth/logout"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return logout(request); });
    server.route(QStringLiteral("/api/v1/auth/challenge"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return challenge(request); });
    server.route(QStringLiteral("/api/v1/auth/cert-login"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return certLogin(request); });
    server.route(QStringLiteral("/api/v1/auth/password"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return password(request); });
}

QHttpServerResponse AuthRoutes::login(const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    // Before the idempotency record: a throttled attempt is answered but not remembered.
    const auto throttled = [&] { return m_throttle.refusal(request, actorOf(request), QStringLiteral("auth.login")); };
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
        if (auto tooLong = overlongUnitNo(unitNo.toString().trimmed()))
            return std::move(*tooLong);
        if (!password.isString() || password.toString().isEmpty())
            return Problem::response(Problem::invalidRequest(QStringLiteral("请输入登录密码。"), QStringLiteral("password")));

        LoginResult result;
        LoginFailure failure;
        if (!m_login.login(unitNo.toString().trimmed(), password.toString(), http::peer(request), &result, &failure)) {
            if (LoginThrottle::isGuessFailure(failure.error.code))
                m_throttle.recordFailure(request);
            return Problem::response(failure.error, failure.extra);
        }
        return http::json(QJsonObject{{QStringLiteral("token"), result.token.token},
                                      {QStringLiteral("expires_at"), Clock::iso(result.token.expiresAt)},
                                      {QStringLiteral("level"), result.level},
                                      {QStringLiteral("unit_no"), result.unitNo},
                                      {QStringLiteral("unit_name"), result.unitName}});
    }, throttled);
}

QHttpServerResponse AuthRoutes::logout(const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
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
    return Authenticator::withLevel(m_idempotency.handle(request, Authenticator::scopeOf(s), [&]() -> QHttpServerResponse {
        if (auto r = m_auth.tokens().revoke(s.id); !r)
            return Problem::response(r.error());
        if (auto r = m_audit.record(Authenticator::actorOf(s), QStringLiteral("auth.logout"), QStringLiteral("success"),
                                    http::peer(request));
            !r)
            return Problem::response(r.error());
        return QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent);
    }), s);
}

} // namespace shebao::server

namespace shebao::server {

namespace {

QString stringMember(const QJsonObject &o, const char *name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    return v.isString() ? v.toString().trimmed() : QString();
}

} // namespace

QString AuthRoutes::actorOf(const QHttpServerRequest &request)
{
    // For the audit record of a throttled login: the unit it was for, when the body says.
    auto body = http::jsonObject(request);
    const QString unitNo = body ? stringMember(body.value(), "unit_no") : QString();
    return unitNo.isEmpty() ? QStringLiteral("anonymous") : QStringLiteral("unit:") + unitNo.left(http::MaxNameLength);
}

QHttpServerResponse AuthRoutes::challenge(const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    return m_idempotency.handle(request, QStringLiteral("anonymous"), [&]() -> QHttpServerResponse {
        auto body = http::jsonObject(request);
        if (!body)
            return Problem::response(body.error());
        const QString unitNo = stringMember(body.value(), "unit_no");
        if (unitNo.isEmpty())
            return Problem::response(Problem::invalidRequest(QStringLiteral("请输入单位编号。"), QStringLiteral("unit_no")));
        if (auto tooLong = overlongUnitNo(unitNo))
            return std::move(*tooLong);
        auto c = m_certLogin.challenge(unitNo, http::peer(request));
        if (!c)
            return Problem::response(c.error());
        return http::json(QJsonObject{{QStringLiteral("challenge"), QString::fromLatin1(c.value().bytes.toBase64())},
                                      {QStringLiteral("expires_at"), Clock::iso(c.value().expiresAt)}});
    });
}

QHttpServerResponse AuthRoutes::certLogin(const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    const auto throttled = [&] { return m_throttle.refusal(request, actorOf(request), QStringLiteral("auth.cert_login")); };
    return m_idempotency.handle(request, QStringLiteral("anonymous"), [&]() -> QHttpServerResponse {
        auto body = http::jsonObject(request);
        if (!body)
            return Problem::response(body.error());
        const QJsonObject o = body.value();
        CertLoginRequest r;
        r.unitNo = stringMember(o, "unit_no");
        r.certificatePem = stringMember(o, "certificate_pem").toLatin1();
        r.algorithm = stringMember(o, "algorithm");
        const auto challenge = QByteArray::fromBase64Encoding(stringMember(o, "challenge").toLatin1(),
                                                              QByteArray::AbortOnBase64DecodingErrors);
        const auto signature = QByteArray::fromBase64Encoding(stringMember(o, "signature").toLatin1(),
                                                              QByteArray::AbortOnBase64DecodingErrors);
        for (const char *member : {"unit_no", "challenge", "certificate_pem", "signature", "algorithm"}) {
            if (stringMember(o, member).isEmpty())
                return Problem::response(Problem::invalidRequest(QStringLiteral("证书登录请求缺少 %1。").arg(QLatin1String(member)),
                                                                 QLatin1String(member)));
        }
        if (auto tooLong = overlongUnitNo(r.unitNo))
            return std::move(*tooLong);
        if (!challenge || !signature)
            return Problem::response(Problem::invalidRequest(QStringLiteral("challenge 和 signature 须为 Base64 编码。")));
        r.challenge = *challenge;
        r.signature = *signature;
        auto result = m_certLogin.login(r, http::peer(request));
        if (!result) {
            if (LoginThrottle::isGuessFailure(result.error().code))
                m_throttle.recordFailure(request);
            return Problem::response(result.error());
        }
        return http::json(QJsonObject{{QStringLiteral("token"), result.value().token.token},
                                      {QStringLiteral("expires_at"), Clock::iso(result.value().token.expiresAt)},
                                      {QStringLiteral("level"), result.value().level},
                                      {QStringLiteral("unit_no"), result.value().unitNo},
                                      {QStringLiteral("unit_name"), result.value().unitName}});
    }, throttled);
}

QHttpServerResponse AuthRoutes::password(const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    auto session = m_auth.authenticateUnit(request);
    if (!session)
        return Problem::response(session.error());
    const Session s = session.value();
    auto action = [&]() -> QHttpServerResponse {
        auto body = http::jsonObject(request);
        if (!body)
            return Problem::response(body.error());
        const QJsonValue current = body.value().value(QLatin1String("current_password"));
        const QJsonValue next = body.value().value(QLatin1String("new_password"));
        if (!current.isString() || current.toString().isEmpty())
            return Problem::response(Problem::invalidRequest(QStringLiteral("请输入当前密码。"), QStringLiteral("current_password")));
        if (!next.isString() || next.toString().isEmpty())
            return Problem::response(Problem::invalidRequest(QStringLiteral("请输入新密码。"), QStringLiteral("new_password")));
        LoginFailure failure;
        if (!m_login.changePassword(s.unitId, s.unitNo, current.toString(), next.toString(), http::peer(request), &failure)) {
            if (LoginThrottle::isGuessFailure(failure.error.code))
                m_throttle.recordFailure(request);
            return Problem::response(failure.error, failure.extra);
        }
        return QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent);
    };
    const auto throttled = [&] {
        return m_throttle.refusal(request, Authenticator::actorOf(s), QStringLiteral("auth.password"));
    };
    return Authenticator::withLevel(m_idempotency.handle(request, Authenticator::scopeOf(s), action, throttled), s);
}

} // namespace shebao::server
