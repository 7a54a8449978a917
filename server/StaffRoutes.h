#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include <functional>

#include "server/TokenService.h"

class QHttpServer;

namespace shebao::server {

class AuditLog;
class Authenticator;
class AuthorizationService;
class IdempotencyStore;
class LoginThrottle;
class StaffLoginService;

// The agency's side (shebao-admin): POST /api/v1/staff/login and the counter's
// /api/v1/staff/authorizations routes (list, show, scan bytes, activate, reject). Clerks only;
// every action, reads included, is audited as "staff:<username>". Failed staff logins count
// against the caller's address like unit logins (LoginThrottle).
class StaffRoutes
{
public:
    StaffRoutes(StaffLoginService &login, Authenticator &auth, AuthorizationService &authorizations,
                IdempotencyStore &idempotency, AuditLog &audit, LoginThrottle &throttle)
        : m_login(login), m_auth(auth), m_authorizations(authorizations), m_idempotency(idempotency), m_audit(audit),
          m_throttle(throttle)
    {
    }
    void registerOn(QHttpServer &server);

private:
    QHttpServerResponse login(const QHttpServerRequest &request);
    QHttpServerResponse list(const QHttpServerRequest &request);
    QHttpServerResponse show(qint64 id, const QHttpServerRequest &request);
    QHttpServerResponse scan(qint64 id, const QHttpServerRequest &request);
    QHttpServerResponse activate(qint64 id, const QHttpServerRequest &request);
    QHttpServerResponse reject(qint64 id, const QHttpServerRequest &request);
    // Staff POST on one application: role check, idempotency, audit, application answer.
    QHttpServerResponse decide(qint64 id, const QHttpServerRequest &request, const QString &action,
                               const std::function<Result<void>(const Session &)> &step);

    StaffLoginService &m_login;
    Authenticator &m_auth;
    AuthorizationService &m_authorizations;
    IdempotencyStore &m_idempotency;
    AuditLog &m_audit;
    LoginThrottle &m_throttle;
};

} // namespace shebao::server
