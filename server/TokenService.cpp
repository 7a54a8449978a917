#include "server/TokenService.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QVariant>

#include "server/Clock.h"
#include "server/Database.h"
#include "server/PasswordHasher.h"

namespace shebao::server {

namespace {

Error tokenInvalid()
{
    return Error{QStringLiteral("auth.token_invalid"), QStringLiteral("未登录或登录凭据无效，请重新登录。"), {}, {}};
}

bool looksLikeToken(const QString &token)
{
    if (token.size() != 64)
        return false;
    for (QChar c : token) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace

TokenService::TokenService(Database &db, const Clock &clock, qint64 ttlSeconds)
    : m_db(db), m_clock(clock), m_ttl(ttlSeconds)
{
}

QString TokenService::hashToken(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256).toHex());
}

Result<IssuedToken> TokenService::issue(const QString &accountKind, qint64 accountId, qint64 unitId,
                                        const QString &certSerial)
{
    IssuedToken issued;
    issued.token = QString::fromLatin1(PasswordHasher::randomBytes(32).toHex());
    const qint64 now = m_clock.now();
    issued.expiresAt = now + m_ttl;
    auto r = m_db.exec(QStringLiteral("INSERT INTO sessions (token_hash, account_kind, account_id, unit_id,"
                                      " created_at, expires_at, revoked, cert_serial) VALUES (?, ?, ?, ?, ?, ?, 0, ?)"),
                       {hashToken(issued.token), accountKind, accountId,
                        unitId > 0 ? QVariant(unitId) : QVariant(QMetaType::fromType<qint64>()), now,
                        issued.expiresAt,
                        certSerial.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(certSerial)});
    if (!r)
        return r.error();
    return issued;
}

Result<Session> TokenService::find(const QString &token)
{
    if (!looksLikeToken(token))
        return tokenInvalid();
    auto q = m_db.exec(
        QStringLiteral("SELECT s.id, s.account_kind, s.account_id, s.unit_id, s.expires_at, s.revoked, u.unit_no,"
                       " u.level, st.username, st.role, s.cert_serial"
                       " FROM sessions s LEFT JOIN units u ON u.id = s.unit_id"
                       " LEFT JOIN staff_accounts st ON s.account_kind = 'staff' AND st.id = s.account_id"
                       " WHERE s.token_hash = ?"),
        {hashToken(token)});
    if (!q)
        return q.error();
    QSqlQuery &query = q.value();
    if (!query.next())
        return tokenInvalid();
    Session s;
    s.id = query.value(0).toLongLong();
    s.accountKind = query.value(1).toString();
    s.accountId = query.value(2).toLongLong();
    s.unitId = query.value(3).toLongLong();
    s.expiresAt = query.value(4).toLongLong();
    s.revoked = query.value(5).toInt() != 0;
    s.unitNo = query.value(6).toString();
    s.level = query.value(7).toString();
    s.username = query.value(8).toString();
    s.role = query.value(9).toString();
    s.certSerial = query.value(10).toString();
    return s;
}

Result<Session> TokenService::resolve(const QString &token)
{
    auto s = find(token);
    if (!s)
        return s;
    if (s.value().revoked)
        return tokenInvalid();
    if (s.value().expiresAt <= m_clock.now())
        return Error{QStringLiteral("auth.token_expired"), QStringLiteral("登录已过期，请重新登录。"), {}, {}};
    return s;
}

Result<void> TokenService::revoke(qint64 sessionId)
{
    auto r = m_db.exec(QStringLiteral("UPDATE sessions SET revoked = 1 WHERE id = ?"), {sessionId});
    if (!r)
        return r.error();
    return {};
}

} // namespace shebao::server
