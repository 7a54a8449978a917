#include "server/Authenticator.h"

#include "server/HttpUtil.h"

namespace shebao::server {

namespace {

Error tokenInvalid()
{
    return Error{QStringLiteral("auth.token_invalid"), QStringLiteral("未登录或登录凭据无效，请重新登录。"), {}, {}};
}

} // namespace

Result<Session> Authenticator::authenticate(const QHttpServerRequest &request)
{
    auto session = m_tokens.resolve(http::bearerToken(request));
    if (session && session.value().accountKind == QLatin1String("unit") && session.value().unitId <= 0)
        return tokenInvalid();
    return session;
}

Result<Session> Authenticator::authenticateUnit(const QHttpServerRequest &request)
{
    auto session = authenticate(request);
    if (session && session.value().accountKind != QLatin1String("unit"))
        return tokenInvalid();
    return session;
}

Result<Session> Authenticator::authenticateStaff(const QHttpServerRequest &request, const QStringList &roles)
{
    auto session = authenticate(request);
    if (!session)
        return session;
    if (session.value().accountKind != QLatin1String("staff") || session.value().username.isEmpty())
        return tokenInvalid();
    if (!roles.isEmpty() && !roles.contains(session.value().role))
        return Error{QStringLiteral("staff.role"), QStringLiteral("您的岗位（%1）无权办理此项业务。")
                                                       .arg(session.value().role == QLatin1String("clerk")
                                                                ? QStringLiteral("柜员")
                                                                : QStringLiteral("审核员")),
                     {}, {}};
    return session;
}

QString Authenticator::scopeOf(const Session &session)
{
    return session.accountKind + u':' + QString::number(session.accountId);
}

QString Authenticator::actorOf(const Session &session)
{
    if (session.accountKind == QLatin1String("unit") && !session.unitNo.isEmpty())
        return QStringLiteral("unit:") + session.unitNo;
    if (session.accountKind == QLatin1String("staff") && !session.username.isEmpty())
        return QStringLiteral("staff:") + session.username;
    return scopeOf(session);
}

QHttpServerResponse Authenticator::withLevel(QHttpServerResponse &&response, const Session &session)
{
    if (!session.level.isEmpty())
        response.setHeader(QByteArrayLiteral("X-Account-Level"), session.level.toLatin1());
    return std::move(response);
}

} // namespace shebao::server
