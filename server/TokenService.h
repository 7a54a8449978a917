#pragma once

#include <QByteArray>
#include <QString>

#include "models/core/Result.h"

namespace shebao::server {

class Clock;
class Database;

// A logged-in session as stored (only the SHA-256 of the token is in the database).
struct Session
{
    qint64 id = 0;
    QString accountKind;    // "unit" | "staff"
    qint64 accountId = 0;
    qint64 unitId = 0;      // the caller's unit; 0 for staff
    QString unitNo;         // its 单位编号 (for audit entries)
    QString level;          // the unit's account level, read fresh with every request
    QString username;       // staff only
    QString role;           // staff only: "clerk" | "reviewer"
    QString certSerial;     // the certificate a certificate login used; empty for password logins
    qint64 expiresAt = 0;
    bool revoked = false;
};

struct IssuedToken
{
    QString token;          // 64 hex characters, given to the client once
    qint64 expiresAt = 0;
};

// Issues, resolves and revokes bearer tokens: 256 random bits (RAND_bytes), hex to the client,
// SHA-256 stored, expiry from --token-ttl.
class TokenService
{
public:
    TokenService(Database &db, const Clock &clock, qint64 ttlSeconds);

    Result<IssuedToken> issue(const QString &accountKind, qint64 accountId, qint64 unitId,
                              const QString &certSerial = {});

    // The live session of a token: auth.token_invalid (unknown, malformed, revoked) or
    // auth.token_expired.
    Result<Session> resolve(const QString &token);
    // The session row whatever its state (for replays of an already answered request).
    Result<Session> find(const QString &token);
    Result<void> revoke(qint64 sessionId);

    static QString hashToken(const QString &token);

private:
    Database &m_db;
    const Clock &m_clock;
    qint64 m_ttl;
};

} // namespace shebao::server
