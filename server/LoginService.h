#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

#include "models/core/Result.h"
#include "server/TokenService.h"

namespace shebao::server {

class AuditLog;
class Clock;
class Database;

// The answer to a unit login: a token and the unit's facts, or an error with the members the
// problem body carries (tries_left / locked_until).
struct LoginResult
{
    IssuedToken token;
    QString unitNo;
    QString unitName;
    QString level;
};

struct LoginFailure
{
    Error error;
    QJsonObject extra;
};

// Unit login with lockout: 5 consecutive failures lock the account for 15 minutes; a success
// resets the counter. Unknown unit numbers behave exactly like wrong passwords (own counters
// in memory, same timing) so the API never reveals which unit numbers exist. Every attempt is
// audited.
class LoginService
{
public:
    static constexpr int MaxFailures = 5;
    static constexpr qint64 LockSeconds = 15 * 60;

    LoginService(Database &db, const Clock &clock, TokenService &tokens, AuditLog &audit);

    // Returns the result or a LoginFailure via the out parameter (ok == false).
    bool login(const QString &unitNo, const QString &password, const QString &peer, LoginResult *result,
               LoginFailure *failure);

    // 修改密码 of a unit session. Rules (password.weak): at least 8 characters, letters and
    // digits, not the unit number nor containing it. A wrong current password is
    // auth.invalid_credentials and counts toward the lockout like a failed login. Other
    // sessions of the unit stay valid. Audited.
    bool changePassword(qint64 unitId, const QString &unitNo, const QString &current, const QString &next,
                        const QString &peer, LoginFailure *failure);
    // The rule a new password breaks, or an empty string.
    static QString passwordRuleBroken(const QString &password, const QString &unitNo);

    static LoginFailure lockedFailure(qint64 lockedUntil);
    static LoginFailure wrongFailure(int triesLeft,
                                     const QString &pattern = QStringLiteral("单位编号或登录密码错误，还可尝试 %1 次。"));

private:
    struct Counter
    {
        int failed = 0;
        qint64 lockedUntil = 0;
    };

    LoginFailure internalFailure(const Error &error) const;

    Database &m_db;
    const Clock &m_clock;
    TokenService &m_tokens;
    AuditLog &m_audit;
    QHash<QString, Counter> m_unknownUnits;
    QString m_dummyHash;
};

} // namespace shebao::server
