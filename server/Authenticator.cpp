#include "server/Authenticator.h"

#include "server/HttpUtil.h"

namespace shebao::server {

Result<Session> Authenticator::authenticate(const QHttpServerRequest &request)
{
    auto session = m_tokens.resolve(http::bearerToken(request));
    if (session && session.value().accountKind == QLatin1String("unit") && session.value().unitId <= 0)
        return Error{QStringLiteral("auth.token_invalid"), QStringLiteral("未登录或登录凭据无效，请重新登录。"), {}, {}};
    return session;
}

QString Authenticator::scopeOf(const Session &session)
{
    return session.accountKind + u':' + QString::number(session.accountId);
}

} // namespace shebao::server

namespace shebao::server {

QString Authenticator::actorOf(const Session &session)
{
    if (session.accountKind == QLatin1String("unit") && !session.unitNo.isEmpty())
        return QStringLiteral("unit:") + session.unitNo;
    return scopeOf(session);
}

} // namespace shebao::server
