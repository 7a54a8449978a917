#include "server/StaffRoutes.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QUrlQuery>

#include "server/AuditLog.h"
#include "server/Authenticator.h"
#include "server/AuthorizationService.h"
#include "server/Clock.h"
#include "server/HttpUtil.h"
#include "server/IdempotencyStore.h"
#include "server/LoginThrottle.h"
#include "server/Problem.h"
#include "server/StaffLoginService.h"

namespace shebao::server {

namespace {

const QStringList Clerks{QStringLiteral("clerk")};

} // namespace

void StaffRoutes::registerOn(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/staff/login"), Method::Post,
                 [this](const QHttpServerRequest &request) { return login(request); });
    server.route(QStringLiteral("/api/v1/staff/authorizations"), Method::Get,
                 [this](const QHttpServerRequest &request) { return list(request); });
    server.route(QStringLiteral("/api/v1/staff/authorizations/<arg>"), Method::Get,
                 [this](qint64 id, const QHttpServerRequest &request) { return show(id, request); });
    server.route(QStringLiteral("/api/v1/staff/authorizations/<arg>/scan"), Method::Get,
                 [this](qint64 id, const QHttpServerRequest &request) { return scan(id, request); });
    server.route(QStringLiteral("/api/v1/staff/authorizations/<arg>/activate"), Method::Post,
                 [this](qint64 id, const QHttpServerRequest &request) { return activate(id, request); });
    server.route(QStringLiteral("/api/v1/staff/authorizations/<arg>/reject"), Method::Post,
                 [this](qint64 id, const QHttpServerRequest &request) { return reject(id, request); });
}

QHttpServerResponse StaffRoutes::login(const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    const auto throttled = [&] {
        auto body = http::jsonObject(request);
        const QJsonValue username = body ? body.value().value(QLatin1String("username")) : QJsonValue();
        const QString actor = username.isString() ? QStringLiteral("staff:") + username.toString().trimmed().left(http::MaxNameLength)
                                                  : QStringLiteral("anonymous");
        return m_throttle.refusal(request, actor, QStringLiteral("staff.login"));
    };
    return m_idempotency.handle(request, QStringLiteral("anonymous"), [&]() -> QHttpServerResponse {
        auto body = http::jsonObject(request);
        if (!body)
            return Problem::response(body.error());
        const QJsonValue username = body.value().value(QLatin1String("username"));
        const QJsonValue password = body.value().value(QLatin1String("password"));
        if (!username.isString() || username.toString().trimmed().isEmpty())
            return Problem::response(Problem::invalidRequest(QStringLiteral("请输入用户名。"), QStringLiteral("username")));
        if (username.toString().trimmed().size() > http::MaxNameLength)
            return Problem::response(Problem::invalidRequest(QStringLiteral("用户名不正确。"), QStringLiteral("username")));
        if (!password.isString() || password.toString().isEmpty())
            return Problem::response(Problem::invalidRequest(QStringLiteral("请输入密码。"), QStringLiteral("password")));
        StaffLoginResult result;
        LoginFailure failure;
        if (!m_login.login(username.toString().trimmed(), password.toString(), http::peer(request), &result, &failure)) {
            if (LoginThrottle::isGuessFailure(failure.error.code))
                m_throttle.recordFailure(request);
            return Problem::response(failure.error, failure.extra);
        }
        return http::json(QJsonObject{{QStringLiteral("token"), result.token.token},
                                      {QStringLiteral("expires_at"), Clock::iso(result.token.expiresAt)},
                                      {QStringLiteral("role"), result.role},
                                      {QStringLiteral("username"), result.username}});
    }, throttled);
}

QHttpServerResponse StaffRoutes::list(const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateStaff(request, Clerks);
    if (!session)
        return Problem::response(session.error());
    const QString state = request.query().queryItemValue(QStringLiteral("state"));
    static const QStringList states{QStringLiteral("saved"), QStringLiteral("confirmed"), QStringLiteral("uploaded"),
                                    QStringLiteral("activated"), QStringLiteral("rejected")};
    if (!state.isEmpty() && !states.contains(state))
        return Problem::response(Problem::invalidRequest(
            QStringLiteral("state 须为 saved、confirmed、uploaded、activated 或 rejected。"), QStringLiteral("state")));
    auto items = m_authorizations.list(state);
    if (!items)
        return Problem::response(items.error());
    m_audit.record(Authenticator::actorOf(session.value()), QStringLiteral("staff.authorizations.list"),
                   QStringLiteral("success"), http::peer(request), state);
    return http::json(QJsonObject{{QStringLiteral("items"), items.value()}});
}

QHttpServerResponse StaffRoutes::show(qint64 id, const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateStaff(request, Clerks);
    if (!session)
        return Problem::response(session.error());
    auto application = m_authorizations.application(id, true);
    m_audit.record(Authenticator::actorOf(session.value()), QStringLiteral("staff.authorizations.show"),
                   application ? QStringLiteral("success") : application.error().code, http::peer(request),
                   QString::number(id));
    if (!application)
        return Problem::response(application.error());
    return http::json(application.value());
}

QHttpServerResponse StaffRoutes::scan(qint64 id, const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateStaff(request, Clerks);
    if (!session)
        return Problem::response(session.error());
    auto scan = m_authorizations.scan(id);
    m_audit.record(Authenticator::actorOf(session.value()), QStringLiteral("staff.authorizations.scan"),
                   scan ? QStringLiteral("success") : scan.error().code, http::peer(request), QString::number(id));
    if (!scan)
        return Problem::response(scan.error());
    QHttpServerResponse response(scan.value().mimeType.toLatin1(), scan.value().data);
    response.setHeader(QByteArrayLiteral("Content-Disposition"),
                       QByteArrayLiteral("attachment; filename*=UTF-8''") + QUrl::toPercentEncoding(scan.value().fileName));
    return response;
}

QHttpServerResponse StaffRoutes::decide(qint64 id, const QHttpServerRequest &request, const QString &action,
                                        const std::function<Result<void>(const Session &)> &step)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    auto session = m_auth.authenticateStaff(request, Clerks);
    if (!session)
        return Problem::response(session.error());
    const Session s = session.value();
    return m_idempotency.handle(request, Authenticator::scopeOf(s), [&]() -> QHttpServerResponse {
        auto done = step(s);
        if (!done) {
            m_audit.record(Authenticator::actorOf(s), action, done.error().code, http::peer(request), QString::number(id));
            return Problem::response(done.error());
        }
        auto application = m_authorizations.application(id, true);
        if (!application)
            return Problem::response(application.error());
        if (auto r = m_audit.record(Authenticator::actorOf(s), action, QStringLiteral("success"), http::peer(request),
                                    QString::number(id),
                                    application.value().value(QLatin1String("application_no")).toString());
            !r)
            return Problem::response(r.error());
        return http::json(application.value());
    });
}

QHttpServerResponse StaffRoutes::activate(qint64 id, const QHttpServerRequest &request)
{
    return decide(id, request, QStringLiteral("staff.authorizations.activate"), [&](const Session &s) {
        return m_authorizations.activate(id, Authenticator::actorOf(s));
    });
}

QHttpServerResponse StaffRoutes::reject(qint64 id, const QHttpServerRequest &request)
{
    return decide(id, request, QStringLiteral("staff.authorizations.reject"), [&](const Session &s) -> Result<void> {
        auto body = http::jsonObject(request);
        if (!body)
            return body.error();
        const QJsonValue reason = body.value().value(QLatin1String("reason"));
        if (!reason.isString() || reason.toString().trimmed().isEmpty())
            return Problem::invalidRequest(QStringLiteral("退回须填写原因。"), QStringLiteral("reason"));
        return m_authorizations.reject(id, reason.toString().trimmed(), Authenticator::actorOf(s));
    });
}

} // namespace shebao::server
