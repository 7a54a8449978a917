#include "server/CertLoginService.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

#include "crypto/Certificate.h"
#include "server/AuditLog.h"
#include "server/CertificateAuthority.h"
#include "server/CertificateStore.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "server/PasswordHasher.h"

namespace shebao::server {

namespace {

QString challengeHash(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

Error error(const char *code, const QString &message)
{
    return Error{QString::fromLatin1(code), message, {}, {}};
}

} // namespace

Result<Challenge> CertLoginService::challenge(const QString &unitNo, const QString &peer)
{
    // Issued for any unit number: whether a unit exists is not revealed here either.
    Challenge c{PasswordHasher::randomBytes(32), m_clock.now() + ChallengeSeconds};
    if (auto r = m_db.exec(QStringLiteral("DELETE FROM auth_challenges WHERE expires_at < ?"), {m_clock.now() - 3600}); !r)
        return r.error();
    auto r = m_db.exec(QStringLiteral("INSERT INTO auth_challenges (challenge_hash, unit_no, created_at, expires_at, used)"
                                      " VALUES (?, ?, ?, ?, 0)"),
                       {challengeHash(c.bytes), unitNo, m_clock.now(), c.expiresAt});
    if (!r)
        return r.error();
    m_audit.record(QStringLiteral("unit:") + unitNo, QStringLiteral("auth.challenge"), QStringLiteral("success"), peer);
    return c;
}

Result<LoginResult> CertLoginService::login(const CertLoginRequest &request, const QString &peer)
{
    QString serial;
    auto result = check(request, &serial);
    const QString actor = QStringLiteral("unit:") + request.unitNo;
    if (!result) {
        m_audit.record(actor, QStringLiteral("auth.cert_login"), result.error().code, peer, serial);
        return result;
    }
    if (auto r = m_audit.record(actor, QStringLiteral("auth.cert_login"), QStringLiteral("success"), peer, serial); !r)
        return r.error();
    return result;
}

Result<LoginResult> CertLoginService::check(const CertLoginRequest &request, QString *serial)
{
    const qint64 now = m_clock.now();
    // The challenge first, and consumed whatever happens next.
    auto found = m_db.exec(QStringLiteral("SELECT id, unit_no, expires_at, used FROM auth_challenges WHERE challenge_hash = ?"),
                           {challengeHash(request.challenge)});
    if (!found)
        return found.error();
    const bool known = found.value().next();
    const qint64 challengeId = known ? found.value().value(0).toLongLong() : 0;
    const bool usable = known && found.value().value(1).toString() == request.unitNo
                        && found.value().value(2).toLongLong() >= now && found.value().value(3).toInt() == 0;
    found.value().finish();
    if (known) {
        if (auto r = m_db.exec(QStringLiteral("UPDATE auth_challenges SET used = 1 WHERE id = ?"), {challengeId}); !r)
            return r.error();
    }
    if (!usable)
        return error("auth.challenge_invalid", QStringLiteral("登录验证码无效、已使用或已过期，请重新登录。"));

    auto certificate = crypto::Certificate::fromPem(request.certificatePem);
    if (!certificate)
        return error("cert.untrusted", QStringLiteral("无法读取证书，请检查证书文件。"));
    const crypto::Certificate &cert = certificate.value();
    *serial = CertificateStore::normalizeSerial(cert.serialHex());
    if (auto chain = cert.verifyChain(m_authority.trustedBundle(), QDateTime::fromSecsSinceEpoch(now)); !chain) {
        if (chain.error().code == QLatin1String("cert.expired"))
            return error("cert.expired", chain.error().message);
        if (chain.error().code == QLatin1String("cert.not_yet_valid"))
            return error("cert.expired", QStringLiteral("证书尚未生效，请在有效期开始后再登录。"));
        return error("cert.untrusted", QStringLiteral("证书不是由受信任的证书机构签发的，不能登录。"));
    }
    auto record = m_certificates.find(*serial);
    if (!record && record.error().code != QLatin1String("not_found"))
        return record.error();
    if (record && record.value().revokedAt)
        return error("cert.revoked", QStringLiteral("证书已被注销，不能登录，请到经办机构办理新证书。"));
    if (!record || record.value().unitNo != request.unitNo
        || record.value().fingerprint != QString::fromLatin1(cert.sha256Fingerprint()))
        return error("cert.not_bound", QStringLiteral("该证书未登记到单位 %1，请到经办机构登记证书。").arg(request.unitNo));

    crypto::Algorithm algorithm;
    auto keyAlgorithm = cert.publicKey().algorithm();
    if (!crypto::parseAlgorithm(request.algorithm, &algorithm) || !keyAlgorithm || keyAlgorithm.value() != algorithm
        || !cert.publicKey().verify(request.challenge, request.signature))
        return error("cert.bad_signature", QStringLiteral("证书签名验证失败，请重新登录。"));

    auto account = m_db.exec(QStringLiteral("SELECT a.id, u.id, u.name, u.level FROM unit_accounts a"
                                            " JOIN units u ON u.id = a.unit_id WHERE u.unit_no = ?"),
                             {request.unitNo});
    if (!account)
        return account.error();
    if (!account.value().next())
        return error("cert.not_bound", QStringLiteral("该证书未登记到单位 %1，请到经办机构登记证书。").arg(request.unitNo));
    const qint64 accountId = account.value().value(0).toLongLong();
    const qint64 unitId = account.value().value(1).toLongLong();
    LoginResult result;
    result.unitNo = request.unitNo;
    result.unitName = account.value().value(2).toString();
    result.level = account.value().value(3).toString();
    account.value().finish();
    auto token = m_tokens.issue(QStringLiteral("unit"), accountId, unitId, *serial);
    if (!token)
        return token.error();
    result.token = token.value();
    return result;
}

} // namespace shebao::server
