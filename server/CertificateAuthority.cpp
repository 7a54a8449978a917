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
    const QDir tls(QDir(m_dataDir).filePath(QStringLiteral("tls")));
    auto certPem = readAll(tls.filePath(QStringLiteral("ca.pem")));
    if (!certPem)
        return certPem.error();
    auto keyPem = readAll(tls.filePath(QStringLiteral("ca.key")));
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
