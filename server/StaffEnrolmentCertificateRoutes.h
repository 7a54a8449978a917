#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

class QHttpServer;

namespace shebao::server {

class AuditLog;
class Authenticator;
class CertificateService;
class IdempotencyStore;

// The counter's view of issued 参保证明 (docs/certificates.md): list and show (any staff role)
// and revoke (clerk). Under /api/v1/staff/enrolment-certificates because /staff/certificates are
// the units' login certificates.
class StaffEnrolmentCertificateRoutes
{
public:
    StaffEnrolmentCertificateRoutes(Authenticator &auth, CertificateService &service, IdempotencyStore &idempotency,
                                    AuditLog &audit)
        : m_auth(auth), m_service(service), m_idempotency(idempotency), m_audit(audit)
    {
    }
    void registerOn(QHttpServer &server);

private:
    QHttpServerResponse list(const QHttpServerRequest &request);
    QHttpServerResponse show(const QString &number, const QHttpServerRequest &request);
    QHttpServerResponse revoke(const QString &number, const QHttpServerRequest &request);

    Authenticator &m_auth;
    CertificateService &m_service;
    IdempotencyStore &m_idempotency;
    AuditLog &m_audit;
};

} // namespace shebao::server
