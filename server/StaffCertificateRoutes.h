#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QString>

#include "models/core/Result.h"

class QHttpServer;

namespace shebao::server {

class AuditLog;
class Authenticator;
class CertificateAuthority;
class CertificateStore;
class Clock;
class Database;
class IdempotencyStore;

// The counter's certificate work (clerks): issue from the sandbox CA, register a certificate
// of a trusted CA, revoke, list. Issuing or registering binds the certificate to the unit and
// makes the unit a certificate user. Audited as "staff:<username>".
class StaffCertificateRoutes
{
public:
    StaffCertificateRoutes(Authenticator &auth, Database &db, const Clock &clock, CertificateAuthority &authority,
                           CertificateStore &certificates, IdempotencyStore &idempotency, AuditLog &audit)
        : m_auth(auth), m_db(db), m_clock(clock), m_authority(authority), m_certificates(certificates),
          m_idempotency(idempotency), m_audit(audit)
    {
    }
    void registerOn(QHttpServer &server);

private:
    struct UnitRef
    {
        qint64 id = 0;
        QString name;
    };

    QHttpServerResponse issue(const QHttpServerRequest &request);
    QHttpServerResponse registerCertificate(const QHttpServerRequest &request);
    QHttpServerResponse revoke(const QString &serial, const QHttpServerRequest &request);
    QHttpServerResponse list(const QHttpServerRequest &request);
    Result<UnitRef> unit(const QString &unitNo);

    Authenticator &m_auth;
    Database &m_db;
    const Clock &m_clock;
    CertificateAuthority &m_authority;
    CertificateStore &m_certificates;
    IdempotencyStore &m_idempotency;
    AuditLog &m_audit;
};

} // namespace shebao::server
