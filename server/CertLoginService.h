#pragma once

#include <QByteArray>
#include <QString>

#include "models/core/Result.h"
#include "server/LoginService.h"

namespace shebao::server {

class AuditLog;
class CertificateAuthority;
class CertificateStore;
class Clock;
class Database;

struct Challenge
{
    QByteArray bytes;       // 32 random bytes (base64 on the wire)
    qint64 expiresAt = 0;
};

struct CertLoginRequest
{
    QString unitNo;
    QByteArray challenge;   // decoded
    QByteArray certificatePem;
    QByteArray signature;   // DER, decoded
    QString algorithm;      // "SM2-SM3" | "ECDSA-SHA256"
};

// Certificate login: a one-use challenge (120 s, stored hashed) signed with the certificate's
// key. Checked in order, each with its own code: challenge (auth.challenge_invalid), chain to
// the trusted bundle (cert.untrusted), validity (cert.expired), revocation (cert.revoked),
// binding to the unit (cert.not_bound), signature (cert.bad_signature). Any attempt consumes
// the challenge; every attempt is audited. The session remembers the certificate's serial.
class CertLoginService
{
public:
    static constexpr qint64 ChallengeSeconds = 120;

    CertLoginService(Database &db, const Clock &clock, TokenService &tokens, AuditLog &audit,
                     CertificateAuthority &authority, CertificateStore &certificates)
        : m_db(db), m_clock(clock), m_tokens(tokens), m_audit(audit), m_authority(authority),
          m_certificates(certificates)
    {
    }

    Result<Challenge> challenge(const QString &unitNo, const QString &peer);
    Result<LoginResult> login(const CertLoginRequest &request, const QString &peer);

private:
    Result<LoginResult> check(const CertLoginRequest &request, QString *serial);

    Database &m_db;
    const Clock &m_clock;
    TokenService &m_tokens;
    AuditLog &m_audit;
    CertificateAuthority &m_authority;
    CertificateStore &m_certificates;
};

} // namespace shebao::server
