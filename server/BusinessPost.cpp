#include "server/BusinessPost.h"

#include "server/AuditLog.h"
#include "server/Authenticator.h"
#include "server/HttpUtil.h"
#include "server/IdempotencyStore.h"
#include "server/Problem.h"

namespace shebao::server {

Result<qint64> BusinessPost::Signed::record()
{
    if (m_id < 0) {
        auto r = m_guard.record(m_request, m_session, m_admission);
        if (!r)
            return r;
        m_id = r.value();
    }
    return m_id;
}

QHttpServerResponse BusinessPost::handle(const QHttpServerRequest &request, const Action &action)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    auto session = m_auth.authenticateUnit(request);
    if (!session)
        return Problem::response(session.error());
    const Session s = session.value();
    Signed signature(m_guard, request, s);
    // Before the idempotency record: a refused admission is not remembered as the answer.
    auto precheck = [&]() -> std::optional<QHttpServerResponse> {
        auto admitted = m_guard.admit(request, s);
        if (!admitted) {
            m_audit.record(Authenticator::actorOf(s), m_area + QStringLiteral(".admit"), admitted.error().code,
                           http::peer(request), request.url().path(), {});
            return Problem::response(admitted.error());
        }
        signature.m_admission = admitted.value();
        return std::nullopt;
    };
    auto run = [&]() -> QHttpServerResponse { return action(s, signature); };
    return Authenticator::withLevel(m_idempotency.handle(request, Authenticator::scopeOf(s), run, precheck), s);
}

} // namespace shebao::server
