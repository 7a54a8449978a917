#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

class QHttpServer;

namespace shebao::server {

class AuditLog;
class Authenticator;
class CertLoginService;
class IdempotencyStore;
class LoginService;
class LoginThrottle;

// POST /api/v1/auth/login, /logout, /challenge, /cert-login and /password. Failed logins and
// wrong current passwords count against the caller's address (LoginThrottle).
class AuthRoutes
{
public:
    AuthRoutes(LoginService &login, CertLoginService &certLogin, Authenticator &auth, IdempotencyStore &idempotency,
               AuditLog &audit, LoginThrottle &throttle)
        : m_login(login), m_certLogin(certLogin), m_auth(auth), m_idempotency(idempotency), m_audit(audit),
          m_throttle(throttle)
    {
    }
    void registerOn(QHttpServer &server);

private:
    QHttpServerResponse login(const QHttpServerRequest &request);
    QHttpServerResponse logout(const QHttpServerRequest &request);
    QHttpServerResponse challenge(const QHttpServerRequest &request);
    QHttpServerResponse certLogin(const QHttpServerRequest &request);
    QHttpServerResponse password(const QHttpServerRequest &request);
    static QString actorOf(const QHttpServerRequest &request);

    LoginService &m_login;
    CertLoginService &m_certLogin;
    Authenticator &m_auth;
    IdempotencyStore &m_idempotency;
    AuditLog &m_audit;
    LoginThrottle &m_throttle;
};

} // namespace shebao::server
