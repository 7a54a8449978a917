#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

class QHttpServer;

namespace shebao::server {

class AuditLog;
class Authenticator;
class IdempotencyStore;
class LoginService;

// POST /api/v1/auth/login and POST /api/v1/auth/logout.
class AuthRoutes
{
public:
    AuthRoutes(LoginService &login, Authenticator &auth, IdempotencyStore &idempotency, AuditLog &audit)
        : m_login(login), m_auth(auth), m_idempotency(idempotency), m_audit(audit)
    {
    }
    void registerOn(QHttpServer &server);

private:
    QHttpServerResponse login(const QHttpServerRequest &request);
    QHttpServerResponse logout(const QHttpServerRequest &request);

    LoginService &m_login;
    Authenticator &m_auth;
    IdempotencyStore &m_idempotency;
    AuditLog &m_audit;
};

} // namespace shebao::server
