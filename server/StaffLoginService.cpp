#include "server/StaffLoginService.h"

#include <QSqlQuery>
#include <QVariant>

#include "server/AuditLog.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "server/PasswordHasher.h"

namespace shebao::server {

StaffLoginService::StaffLoginService(Database &db, const Clock &clock, TokenService &tokens, AuditLog &audit)
    : m_db(db), m_clock(clock), m_tokens(tokens), m_audit(audit)
{
}

bool StaffLoginService::login(const QString &username, const QString &password, const QString &peer,
                              StaffLoginResult *result, LoginFailure *failure)
{
    const QString actor = QStringLiteral("staff:") + username;
    const qint64 now = m_clock.now();
    auto found = m_db.exec(QStringLiteral("SELECT id, role, password_hash, failed_count, locked_until FROM staff_accounts"
                                          " WHERE username = ?"),
                           {username});
    if (!found) {
        *failure = LoginFailure{found.error(), {}};
        return false;
    }
    QSqlQuery &q = found.value();
    const bool known = q.next();
    Counter counter;
    qint64 accountId = 0;
    QString role, storedHash;
    if (known) {
        accountId = q.value(0).toLongLong();
        role = q.value(1).toString();
        storedHash = q.value(2).toString();
        counter.failed = q.value(3).toInt();
        counter.lockedUntil = q.value(4).isNull() ? 0 : q.value(4).toLongLong();
    } else {
        counter = m_unknown.value(username);
    }
    q.finish();

    if (counter.lockedUntil > now) {
        m_audit.record(actor, QStringLiteral("staff.login"), QStringLiteral("rejected_locked"), peer);
        *failure = LoginService::lockedFailure(counter.lockedUntil);
        return false;
    }
    if (counter.lockedUntil != 0)
        counter = Counter{};
    if (m_dummyHash.isEmpty())
        m_dummyHash = PasswordHasher::hash(QStringLiteral("timing-equaliser"));
    const bool ok = PasswordHasher::verify(password, known ? storedHash : m_dummyHash) && known;
    if (ok) {
        counter = Counter{};
    } else {
        ++counter.failed;
        if (counter.failed >= LoginService::MaxFailures)
            counter.lockedUntil = now + LoginService::LockSeconds;
    }
    if (known) {
        auto saved = m_db.exec(QStringLiteral("UPDATE staff_accounts SET failed_count = ?, locked_until = ? WHERE id = ?"),
                               {counter.failed,
                                counter.lockedUntil ? QVariant(counter.lockedUntil) : QVariant(QMetaType::fromType<qint64>()),
                                accountId});
        if (!saved) {
            *failure = LoginFailure{saved.error(), {}};
            return false;
        }
    } else {
        if (m_unknown.size() >= 10000)
            m_unknown.clear();
        m_unknown.insert(username, counter);
    }
    if (!ok) {
        m_audit.record(actor, QStringLiteral("staff.login"), QStringLiteral("failure"), peer);
        if (counter.lockedUntil) {
            m_audit.record(actor, QStringLiteral("auth.lock"), QStringLiteral("locked"), peer, {},
                           QStringLiteral("locked until %1").arg(Clock::iso(counter.lockedUntil)));
            *failure = LoginService::lockedFailure(counter.lockedUntil);
        } else {
            *failure = LoginService::wrongFailure(LoginService::MaxFailures - counter.failed,
                                                  QStringLiteral("用户名或密码错误，还可尝试 %1 次。"));
        }
        return false;
    }
    auto token = m_tokens.issue(QStringLiteral("staff"), accountId, 0);
    if (!token) {
        *failure = LoginFailure{token.error(), {}};
        return false;
    }
    if (auto r = m_audit.record(actor, QStringLiteral("staff.login"), QStringLiteral("success"), peer); !r) {
        *failure = LoginFailure{r.error(), {}};
        return false;
    }
    result->token = token.value();
    result->username = username;
    result->role = role;
    return true;
}

} // namespace shebao::server
