#include "server/CertificateAuthority.h"

#include <QDir>
#include <QFile>

namespace shebao::server {

namespace {

Result<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cert.ca"), QStringLiteral("无法读取证书机构文件。"), path, {}};
    return file.readAll();
}

} // namespace

CertificateAuthority::CertificateAuthority(const QString &dataDir) : m_dataDir(dataDir) {}

QString CertificateAuthority::trustedDir() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("trusted-ca"));
}

Result<void> CertificateAuthority::load()
{
    // The sandbox uses one CA for TLS and for certificate users (DATA/tls). When the agency
    // supplies its own TLS certificate there is no tls/ca.key, and the certificates of
    // certificate users come from a CA of their own in DATA/ca, made here on the first start.
    const QDir tls(QDir(m_dataDir).filePath(QStringLiteral("tls")));
    const QDir own(QDir(m_dataDir).filePath(QStringLiteral("ca")));
    QDir dir = own;
    if (!QFile::exists(own.filePath(QStringLiteral("ca.key")))) {
        if (QFile::exists(tls.filePath(QStringLiteral("ca.key"))))
            dir = tls;
        else if (auto created = createOwn(own.path()); !created)
            return created.error();
    }
    auto certPem = readAll(dir.filePath(QStringLiteral("ca.pem")));
    if (!certPem)
        return certPem.error();
    auto keyPem = readAll(dir.filePath(QStringLiteral("ca.key")));
    if (!keyPem)
        return keyPem.error();
    auto cert = crypto::Certificate::fromPem(certPem.value());
    if (!cert)
        return cert.error();
    auto key = crypto::Key::fromPrivatePem(keyPem.value());
    if (!key)
        return key.error();
    m_caCertificate = cert.value();
    m_caKey = std::move(key.value());
    return {};
}

Result<void> CertificateAuthority::createOwn(const QString &dir)
{
    const auto fail = [&](const QString &detail) {
        return Error{QStringLiteral("cert.ca"), QStringLiteral("无法创建证书机构文件。"), detail, {}};
    };
    if (!QDir().mkpath(dir))
        return fail(dir);
    QFile(dir).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    auto key = crypto::Key::generate(crypto::Algorithm::EcdsaP256Sha256);
    if (!key)
        return key.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto cert = crypto::makeCaCertificate(key.value(), QStringLiteral("shebao-desk 数字证书 CA"), now.addDays(-1),
                                          now.addYears(10));
    if (!cert)
        return cert.error();
    auto pem = key.value().privatePem();
    if (!pem)
        return pem.error();
    // The key is written first, owner-only and only if absent; the certificate after it.
    QFile keyOut(QDir(dir).filePath(QStringLiteral("ca.key")));
    if (!keyOut.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || keyOut.write(pem.value()) != pem.value().size() || !keyOut.flush())
        return fail(keyOut.fileName());
    keyOut.close();
    QFile certOut(QDir(dir).filePath(QStringLiteral("ca.pem")));
    if (!certOut.open(QIODevice::WriteOnly | QIODevice::Truncate) || certOut.write(cert.value().toPem()) < 0)
        return fail(certOut.fileName());
    return {};
}

QList<crypto::Certificate> CertificateAuthority::trustedBundle() const
{
    QList<crypto::Certificate> bundle{m_caCertificate};
    const QDir dir(trustedDir());
    const QStringList files = dir.entryList({QStringLiteral("*.pem")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            bundle += crypto::Certificate::allFromPem(file.readAll());
    }
    return bundle;
}

Result<crypto::Certificate> CertificateAuthority::issue(const crypto::Key &subjectPublicKey, const QString &commonName,
                                                        const QString &unitNo, const QDateTime &notBefore,
                                                        const QDateTime &notAfter) const
{
    return crypto::issueCertificate(m_caCertificate, m_caKey, subjectPublicKey,
                                    crypto::IssueRequest{commonName, unitNo, notBefore, notAfter});
}

} // namespace shebao::server
