#pragma once

#include <QHash>
#include <QString>

#include "server/LoginService.h"

namespace shebao::server {

class AuditLog;
class Clock;
class Database;

struct StaffLoginResult
{
    IssuedToken token;
    QString username;
    QString role;
};

// Staff login (shebao-admin) with the same rules as unit logins: PBKDF2, 5 consecutive
// failures lock the account 15 minutes, unknown usernames answered like wrong passwords, every
// attempt audited as "staff:<username>". Staff sessions are sessions of account kind "staff".
class StaffLoginService
{
public:
    StaffLoginService(Database &db, const Clock &clock, TokenService &tokens, AuditLog &audit);

    bool login(const QString &username, const QString &password, const QString &peer, StaffLoginResult *result,
               LoginFailure *failure);

private:
    struct Counter
    {
        int failed = 0;
        qint64 lockedUntil = 0;
    };

    Database &m_db;
    const Clock &m_clock;
    TokenService &m_tokens;
    AuditLog &m_audit;
    QHash<QString, Counter> m_unknown;
    QString m_dummyHash;
};

} // namespace shebao::server
