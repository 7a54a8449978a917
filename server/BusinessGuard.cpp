#include "server/BusinessGuard.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QVariant>

#include "crypto/Certificate.h"
#include "server/CertificateStore.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "server/HttpUtil.h"

namespace shebao::server {

namespace {

Error signatureInvalid(const QString &message)
{
    return Error{QStringLiteral("signature.invalid"), message, {}, {}};
}

} // namespace

Error BusinessGuard::notAuthorized()
{
    return Error{QStringLiteral("auth.not_authorized"),
                 QStringLiteral("本单位尚未开通网上经办权限（普通用户），不能办理此业务。请在“系统管理 → 授权申请”中提交申请，"
                                "打印《用户承诺书》加盖单位公章并上传，再到天心区人社局二楼社保征缴中心单位业务窗口开通权限。"),
                 {}, {}};
}

Result<BusinessGuard::Admission> BusinessGuard::admit(const QHttpServerRequest &request, const Session &session)
{
    if (session.level == QLatin1String("authorized"))
        return Admission{};
    if (session.level != QLatin1String("certificate"))
        return notAuthorized();

    const QByteArray signatureB64 = http::header(request, QByteArrayLiteral("X-Signature")).trimmed();
    const QString serial =
        CertificateStore::normalizeSerial(QString::fromLatin1(http::header(request, QByteArrayLiteral("X-Signature-Serial"))));
    if (signatureB64.isEmpty() || serial.isEmpty())
        return signatureInvalid(QStringLiteral("证书用户提交业务须附数字签名，请使用数字证书登录后重新提交。"));
    if (session.certSerial.isEmpty() || serial != CertificateStore::normalizeSerial(session.certSerial))
        return signatureInvalid(QStringLiteral("签名所用证书与本次登录的证书不一致，请使用登录时的证书签名。"));
    auto record = m_certificates.find(serial);
    if (!record) {
        if (record.error().code == QLatin1String("not_found"))
            return signatureInvalid(QStringLiteral("签名证书未登记，请联系经办机构。"));
        return record.error();
    }
    if (record.value().unitId != session.unitId)
        return signatureInvalid(QStringLiteral("签名证书未登记到本单位。"));
    if (record.value().revokedAt)
        return Error{QStringLiteral("cert.revoked"), QStringLiteral("证书已被注销，不能再用于签名，请到经办机构办理新证书。"), {}, {}};
    const qint64 now = m_clock.now();
    if (now < record.value().notBefore || now > record.value().notAfter)
        return Error{QStringLiteral("cert.expired"), QStringLiteral("证书不在有效期内，请到经办机构更新证书。"), {}, {}};
    auto certificate = crypto::Certificate::fromPem(record.value().pem.toLatin1());
    if (!certificate)
        return certificate.error();
    const auto decoded = QByteArray::fromBase64Encoding(signatureB64, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty() || !certificate.value().publicKey().verify(request.body(), *decoded))
        return signatureInvalid(QStringLiteral("数字签名验证失败：提交内容与签名不符，请重新签名提交。"));
    return Admission{true, record.value().serial, *decoded};
}

Result<qint64> BusinessGuard::record(const QHttpServerRequest &request, const Session &session, const Admission &admission)
{
    if (!admission.isSigned)
        return qint64(0);
    auto q = m_db.exec(QStringLiteral("INSERT INTO signatures (unit_id, serial, method, path, body_sha256, signature, at)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                       {session.unitId, admission.serial, QString::fromLatin1(http::methodName(request.method())),
                        request.url().path(),
                        QString::fromLatin1(QCryptographicHash::hash(request.body(), QCryptographicHash::Sha256).toHex()),
                        QString::fromLatin1(admission.signature.toBase64()), m_clock.now()});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Database::sqlError(q.value(), QStringLiteral("insert signature"));
    return q.value().value(0).toLongLong();
}

} // namespace shebao::server
