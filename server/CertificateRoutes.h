#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include "server/BusinessPost.h"

class QHttpServer;

namespace shebao::server {

class AuditLog;
class Authenticator;
class BusinessGuard;
class CertificateService;
class IdempotencyStore;

// The unit's 单位查询 → 参保证明 (docs/certificates.md): POST /api/v1/certificates issues one,
// GET lists the unit's history, GET /{number} gives one record for reprinting. Business: an
// ordinary unit is refused all three; a certificate user's POST is signed (BusinessGuard).
class CertificateRoutes
{
public:
    CertificateRoutes(Authenticator &auth, CertificateService &service, IdempotencyStore &idempotency,
                      BusinessGuard &guard, AuditLog &audit)
        : m_auth(auth), m_service(service), m_audit(audit)
        , m_post(auth, guard, idempotency, audit, QStringLiteral("certificate"))
    {
    }
    void registerOn(QHttpServer &server);

private:
    QHttpServerResponse issue(const QHttpServerRequest &request);
    QHttpServerResponse list(const QHttpServerRequest &request);
    QHttpServerResponse show(const QString &number, const QHttpServerRequest &request);

    Authenticator &m_auth;
    CertificateService &m_service;
    AuditLog &m_audit;
    BusinessPost m_post;
};

} // namespace shebao::server
