#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QString>

#include <functional>

#include "models/core/Result.h"
#include "server/BusinessGuard.h"
#include "server/TokenService.h"

namespace shebao::server {

class AuditLog;
class Authenticator;
class IdempotencyStore;

// A unit's business POST, the same for 异动申报, 信息维护 and 参保证明: the body's size, the token,
// the guard's admission (ordinary accounts refused, certificate bodies signed; a refusal is
// audited as "<area>.admit"), the idempotency record around the action, and the account level
// header on the answer.
class BusinessPost
{
public:
    // The guard's admission of one request. The signature row is written once, by the first
    // write that needs it, so a request refused on its merits leaves none behind.
    class Signed
    {
    public:
        Signed(BusinessGuard &guard, const QHttpServerRequest &request, const Session &session)
            : m_guard(guard), m_request(request), m_session(session)
        {
        }
        bool isSigned() const { return m_admission.isSigned; }
        // The signatures row id (0 when unsigned), written on the first call.
        Result<qint64> record();

    private:
        friend class BusinessPost;

        BusinessGuard &m_guard;
        const QHttpServerRequest &m_request;
        const Session &m_session;
        BusinessGuard::Admission m_admission;
        qint64 m_id = -1;
    };
    using Action = std::function<QHttpServerResponse(const Session &, Signed &)>;

    BusinessPost(Authenticator &auth, BusinessGuard &guard, IdempotencyStore &idempotency, AuditLog &audit, QString area)
        : m_auth(auth), m_guard(guard), m_idempotency(idempotency), m_audit(audit), m_area(std::move(area))
    {
    }

    QHttpServerResponse handle(const QHttpServerRequest &request, const Action &action);

private:
    Authenticator &m_auth;
    BusinessGuard &m_guard;
    IdempotencyStore &m_idempotency;
    AuditLog &m_audit;
    QString m_area;
};

} // namespace shebao::server
