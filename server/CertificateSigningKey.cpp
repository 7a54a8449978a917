#include "server/CertificateSigningKey.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace shebao::server {

namespace {

Error keyError(const QString &detail)
{
    return Error{QStringLiteral("server.signing_key"), QStringLiteral("无法准备参保证明的签名密钥。"), detail, {}};
}

} // namespace

CertificateSigningKey::CertificateSigningKey(const QString &dataDir)
    : m_file(QDir(dataDir).filePath(QStringLiteral("certificate-signing-key.pem")))
{
}

QString CertificateSigningKey::algorithm() const
{
    return crypto::algorithmName(crypto::Algorithm::EcdsaP256Sha256);
}

QString CertificateSigningKey::keyIdOf(const QByteArray &publicPem)
{
    QByteArray base64;
    for (const QByteArray &line : publicPem.split('\n')) {
        const QByteArray l = line.trimmed();
        if (!l.isEmpty() && !l.startsWith("-----"))
            base64 += l;
    }
    return QString::fromLatin1(QCryptographicHash::hash(QByteArray::fromBase64(base64), QCryptographicHash::Sha256).toHex());
}

Result<void> CertificateSigningKey::ensure()
{
    m_created = false;
    if (!QFile::exists(m_file)) {
        auto generated = crypto::Key::generate(crypto::Algorithm::EcdsaP256Sha256);
        if (!generated)
            return generated.error();
        auto pem = generated.value().privatePem();
        if (!pem)
            return pem.error();
        // Created owner-only from the start (never widened afterwards), and only if absent: two
        // servers on one data directory cannot overwrite each other's key.
        QFile out(m_file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return keyError(QStringLiteral("%1: %2").arg(m_file, out.errorString()));
        if (out.write(pem.value()) != pem.value().size() || !out.flush()) {
            out.close();
            QFile::remove(m_file);
            return keyError(QStringLiteral("%1: write failed").arg(m_file));
        }
        out.close();
        m_created = true;
    }
    QFile in(m_file);
    if (!in.open(QIODevice::ReadOnly))
        return keyError(QStringLiteral("%1: %2").arg(m_file, in.errorString()));
    auto key = crypto::Key::fromPrivatePem(in.readAll());
    if (!key)
        return keyError(QStringLiteral("%1: %2").arg(m_file, key.error().detail));
    auto algorithm = key.value().algorithm();
    if (!algorithm || algorithm.value() != crypto::Algorithm::EcdsaP256Sha256)
        return keyError(QStringLiteral("%1: not an ECDSA P-256 key").arg(m_file));
    m_key = std::move(key.value());
    m_publicPem = m_key.publicPem();
    m_keyId = keyIdOf(m_publicPem);
    return {};
}

} // namespace shebao::server
