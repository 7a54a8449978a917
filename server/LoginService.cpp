#include "server/LoginService.h"

#include <QSqlQuery>
#include <QVariant>

#include "server/AuditLog.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "server/PasswordHasher.h"

namespace shebao::server {

LoginService::LoginService(Database &db, const Clock &clock, TokenService &tokens, AuditLog &audit)
    : m_db(db), m_clock(clock), m_tokens(tokens), m_audit(audit)
{
}

LoginFailure LoginService::lockedFailure(qint64 lockedUntil)
{
    return LoginFailure{Error{QStringLiteral("auth.locked"),
                              QStringLiteral("登录失败次数过多，账户已锁定，请于 %1 后再试。").arg(Clock::hhmm(lockedUntil)),
                              {}, {}},
                        QJsonObject{{QStringLiteral("locked_until"), Clock::iso(lockedUntil)}}};
}

LoginFailure LoginService::wrongFailure(int triesLeft, const QString &pattern)
{
    return LoginFailure{Error{QStringLiteral("auth.invalid_credentials"), pattern.arg(triesLeft), {}, {}},
                        QJsonObject{{QStringLiteral("tries_left"), triesLeft}}};
}

LoginFailure LoginService::internalFailure(const Error &error) const
{
    return LoginFailure{error, {}};
}

bool LoginService::login(const QString &unitNo, const QString &password, const QString &peer, LoginResult *result,
                         LoginFailure *failure)
{
    const QString actor = QStringLiteral("unit:") + unitNo;
    const qint64 now = m_clock.now();
    auto found = m_db.exec(QStringLiteral("SELECT a.id, a.unit_id, a.password_hash, a.failed_count, a.locked_until,"
                                          " u.name, u.level FROM unit_accounts a JOIN units u ON u.id = a.unit_id"
                                          " WHERE u.unit_no = ?"),
                           {unitNo});
    if (!found) {
        *failure = internalFailure(found.error());
        return false;
    }
    QSqlQuery &q = found.value();
    const bool known = q.next();

    Counter counter;
    qint64 accountId = 0, unitId = 0;
    QString storedHash, unitName, level;
    if (known) {
        accountId = q.value(0).toLongLong();
        unitId = q.value(1).toLongLong();
        storedHash = q.value(2).toString();
        counter.failed = q.value(3).toInt();
        counter.lockedUntil = q.value(4).isNull() ? 0 : q.value(4).toLongLong();
        unitName = q.value(5).toString();
        level = q.value(6).toString();
    } else {
        counter = m_unknownUnits.value(unitNo);
    }
    q.finish();

    if (counter.lockedUntil > now) {
        m_audit.record(actor, QStringLiteral("auth.login"), QStringLiteral("rejected_locked"), peer);
        *failure = lockedFailure(counter.lockedUntil);
        return false;
    }
    if (counter.lockedUntil != 0)
        counter = Counter{};   // the lock has expired: a fresh start

    if (m_dummyHash.isEmpty())
        m_dummyHash = PasswordHasher::hash(QStringLiteral("timing-equaliser"));
    // Unknown units still pay for one PBKDF2 so response time does not tell them apart.
    const bool ok = PasswordHasher::verify(password, known ? storedHash : m_dummyHash) && known;

    if (ok) {
        counter = Counter{};
    } else {
        ++counter.failed;
        if (counter.failed >= MaxFailures)
            counter.lockedUntil = now + LockSeconds;
    }
    if (known) {
        auto saved = m_db.exec(QStringLiteral("UPDATE unit_accounts SET failed_count = ?, locked_until = ? WHERE id = ?"),
                               {counter.failed,
                                counter.lockedUntil ? QVariant(counter.lockedUntil) : QVariant(QMetaType::fromType<qint64>()),
                                accountId});
        if (!saved) {
            *failure = internalFailure(saved.error());
            return false;
        }
    } else {
        // Bounded: a flood of invented unit numbers must not grow memory without limit.
        if (m_unknownUnits.size() >= 10000)
            m_unknownUnits.clear();
        m_unknownUnits.insert(unitNo, counter);
    }

    if (!ok) {
        if (counter.lockedUntil) {
            m_audit.record(actor, QStringLiteral("auth.login"), QStringLiteral("failure"), peer);
            m_audit.record(actor, QStringLiteral("auth.lock"), QStringLiteral("locked"), peer, {},
                           QStringLiteral("locked until %1").arg(Clock::iso(counter.lockedUntil)));
            *failure = lockedFailure(counter.lockedUntil);
        } else {
            m_audit.record(actor, QStringLiteral("auth.login"), QStringLiteral("failure"), peer);
            *failure = wrongFailure(MaxFailures - counter.failed);
        }
        return false;
    }

    auto token = m_tokens.issue(QStringLiteral("unit"), accountId, unitId);
    if (!token) {
        *failure = internalFailure(token.error());
        return false;
    }
    if (auto r = m_audit.record(actor, QStringLiteral("auth.login"), QStringLiteral("success"), peer); !r) {
        *failure = internalFailure(r.error());
        return false;
    }
    result->token = token.value();
    result->unitNo = unitNo;
    result->unitName = unitName;
    result->level = level;
    return true;
}

QString LoginService::passwordRuleBroken(const QString &password, const QString &unitNo)
{
    if (password.size() < 8)
        return QStringLiteral("新密码至少 8 位。");
    bool letter = false, digit = false;
    for (QChar c : password) {
        if (c >= u'0' && c <= u'9')
            digit = true;
        else if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'))
            letter = true;
    }
    if (!letter || !digit)
        return QStringLiteral("新密码须同时包含字母和数字。");
    if (!unitNo.isEmpty() && password.contains(unitNo))
        return QStringLiteral("新密码不能是单位编号，也不能包含单位编号。");
    return {};
}

bool LoginService::changePassword(qint64 unitId, const QString &unitNo, const QString &current, const QString &next,
                                  const QString &peer, LoginFailure *failure)
{
    const QString actor = QStringLiteral("unit:") + unitNo;
    const qint64 now = m_clock.now();
    auto found = m_db.exec(QStringLiteral("SELECT id, password_hash, failed_count, locked_until FROM unit_accounts"
                                          " WHERE unit_id = ?"),
                           {unitId});
    if (!found) {
        *failure = internalFailure(found.error());
        return false;
    }
    QSqlQuery &q = found.value();
    if (!q.next()) {
        *failure = internalFailure(Error{QStringLiteral("db.error"), QStringLiteral("单位账户不存在。"), unitNo, {}});
        return false;
    }
    const qint64 accountId = q.value(0).toLongLong();
    const QString storedHash = q.value(1).toString();
    Counter counter{q.value(2).toInt(), q.value(3).isNull() ? 0 : q.value(3).toLongLong()};
    q.finish();
    if (counter.lockedUntil > now) {
        m_audit.record(actor, QStringLiteral("auth.password"), QStringLiteral("rejected_locked"), peer);
        *failure = lockedFailure(counter.lockedUntil);
        return false;
    }
    if (counter.lockedUntil != 0)
        counter = Counter{};
    if (!PasswordHasher::verify(current, storedHash)) {
        ++counter.failed;
        if (counter.failed >= MaxFailures)
            counter.lockedUntil = now + LockSeconds;
        auto saved = m_db.exec(QStringLiteral("UPDATE unit_accounts SET failed_count = ?, locked_until = ? WHERE id = ?"),
                               {counter.failed,
                                counter.lockedUntil ? QVariant(counter.lockedUntil) : QVariant(QMetaType::fromType<qint64>()),
                                accountId});
        if (!saved) {
            *failure = internalFailure(saved.error());
            return false;
        }
        m_audit.record(actor, QStringLiteral("auth.password"), QStringLiteral("failure"), peer);
        if (counter.lockedUntil) {
            m_audit.record(actor, QStringLiteral("auth.lock"), QStringLiteral("locked"), peer, {},
                           QStringLiteral("locked until %1").arg(Clock::iso(counter.lockedUntil)));
            *failure = lockedFailure(counter.lockedUntil);
        } else {
            *failure = wrongFailure(MaxFailures - counter.failed, QStringLiteral("当前密码错误，还可尝试 %1 次。"));
        }
        return false;
    }
    if (const QString broken = passwordRuleBroken(next, unitNo); !broken.isEmpty()) {
        m_audit.record(actor, QStringLiteral("auth.password"), QStringLiteral("password.weak"), peer);
        *failure = LoginFailure{Error{QStringLiteral("password.weak"), broken, {}, QStringLiteral("new_password")}, {}};
        return false;
    }
    auto saved = m_db.exec(QStringLiteral("UPDATE unit_accounts SET password_hash = ?, failed_count = 0, locked_until = NULL"
                                          " WHERE id = ?"),
                           {PasswordHasher::hash(next), accountId});
    if (!saved) {
        *failure = internalFailure(saved.error());
        return false;
    }
    if (auto r = m_audit.record(actor, QStringLiteral("auth.password"), QStringLiteral("success"), peer); !r) {
        *failure = internalFailure(r.error());
        return false;
    }
    return true;
}

} // namespace shebao::server
