#include "server/LoginThrottle.h"

#include "server/AuditLog.h"
#include "server/HttpUtil.h"
#include "server/Problem.h"

namespace shebao::server {

std::optional<QHttpServerResponse> LoginThrottle::refusal(const QHttpServerRequest &request, const QString &actor,
                                                          const QString &action)
{
    const QString peer = http::peer(request);
    const qint64 wait = m_throttle.retryAfter(peer);
    if (wait == 0)
        return std::nullopt;
    m_audit.record(actor, action, QStringLiteral("rejected_throttled"), peer, {},
                   QStringLiteral("retry after %1 s").arg(wait));
    return http::tooMany(Error{QStringLiteral("auth.too_many"),
                               QStringLiteral("本机所在网络的登录失败次数过多，请 %1 秒后再试。").arg(wait), {}, {}},
                         wait);
}

void LoginThrottle::recordFailure(const QHttpServerRequest &request)
{
    m_throttle.recordFailure(http::peer(request));
}

bool LoginThrottle::isGuessFailure(const QString &code)
{
    return code == QLatin1String("auth.invalid_credentials") || code == QLatin1String("auth.locked")
        || code == QLatin1String("auth.challenge_invalid") || code.startsWith(QLatin1String("cert."));
}

} // namespace shebao::server
