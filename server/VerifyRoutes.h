#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include "models/certificate/Certificate.h"
#include "models/core/Result.h"
#include "server/PeerThrottle.h"

class QHttpServer;

namespace shebao::server {

class AuditLog;
class CertificateService;
class Clock;

// Public verification of 参保证明, without login (docs/certificates.md): GET /verify (the form, or
// the HTML answer for ?code=) and GET /api/v1/verify/{code} (the JSON answer with the signed
// bytes, the signature and the agency's public key). Misses are throttled per peer address.
class VerifyRoutes
{
public:
    // 10 misses at once, then 10 a minute: a holder mistyping a code never notices, while
    // trying the 2^80 codes from one address is hopeless.
    static constexpr double ThrottleCapacity = 10;
    static constexpr qint64 ThrottleRefillSeconds = 6;

    VerifyRoutes(CertificateService &service, const Clock &clock, AuditLog &audit)
        : m_service(service), m_clock(clock), m_audit(audit), m_throttle(clock, ThrottleCapacity, ThrottleRefillSeconds)
    {
    }
    void registerOn(QHttpServer &server);

private:
    QHttpServerResponse page(const QHttpServerRequest &request);
    QHttpServerResponse api(const QString &code, const QHttpServerRequest &request);
    // The record for a typed code, counting a miss against the peer.
    Result<IssuedCertificate> lookUp(const QString &typed, const QHttpServerRequest &request);

    CertificateService &m_service;
    const Clock &m_clock;
    AuditLog &m_audit;
    PeerThrottle m_throttle;
};

} // namespace shebao::server
