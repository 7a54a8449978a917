#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include <functional>

#include "models/core/Result.h"

#include "server/TokenService.h"

class QHttpServer;

namespace shebao::server {

class AuditLog;
class Authenticator;
class AuthorizationService;
class IdempotencyStore;

// The unit's side of 授权申请: GET/POST /api/v1/authorization, POST .../confirm and
// POST .../scan (the stamped 用户承诺书, checked by content with shebao::checkUpload; nothing
// is stored when it is refused).
class AuthorizationRoutes
{
public:
    AuthorizationRoutes(Authenticator &auth, AuthorizationService &service, IdempotencyStore &idempotency, AuditLog &audit)
        : m_auth(auth), m_service(service), m_idempotency(idempotency), m_audit(audit)
    {
    }
    void registerOn(QHttpServer &server);

private:
    using Step = std::function<Result<qint64>(const Session &)>;

    QHttpServerResponse show(const QHttpServerRequest &request);
    QHttpServerResponse save(const QHttpServerRequest &request);
    QHttpServerResponse confirm(const QHttpServerRequest &request);
    QHttpServerResponse scan(const QHttpServerRequest &request);
    // Authenticates, refuses accounts that are already authorized, runs `step` idempotently and
    // answers the application.
    QHttpServerResponse transition(const QHttpServerRequest &request, const QString &action, const Step &step);

    Authenticator &m_auth;
    AuthorizationService &m_service;
    IdempotencyStore &m_idempotency;
    AuditLog &m_audit;
};

} // namespace shebao::server
