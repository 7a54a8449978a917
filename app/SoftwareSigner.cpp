#include "app/SoftwareSigner.h"

#include <QFile>

namespace shebao {

SoftwareSigner::SoftwareSigner(crypto::Credential credential) : m_credential(std::move(credential))
{
    if (Result<crypto::Algorithm> algorithm = m_credential.key.algorithm())
        m_algorithm = crypto::algorithmName(algorithm.value());
}

Result<QByteArray> SoftwareSigner::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("file.read"), QStringLiteral("无法读取文件 %1：%2").arg(path, file.errorString()),
                     {}, QStringLiteral("file")};
    return file.readAll();
}

Result<std::shared_ptr<SoftwareSigner>> SoftwareSigner::fromPkcs12(const QByteArray &der, const QByteArray &pin)
{
    Result<crypto::Credential> credential = crypto::readPkcs12(der, pin);
    if (!credential)
        return credential.error();
    auto signer = std::make_shared<SoftwareSigner>(std::move(credential).value());
    if (signer->algorithm().isEmpty())
        return Error{QStringLiteral("cert.algorithm"), QStringLiteral("证书的密钥算法不受支持（仅支持 SM2 与 ECDSA P-256）。"),
                     {}, {}};
    return signer;
}

Result<std::shared_ptr<SoftwareSigner>> SoftwareSigner::fromPkcs12File(const QString &path, const QByteArray &pin)
{
    Result<QByteArray> der = readFile(path);
    if (!der)
        return der.error();
    return fromPkcs12(der.value(), pin);
}

Result<std::shared_ptr<SoftwareSigner>> SoftwareSigner::fromPemFiles(const QString &keyPath,
                                                                     const QString &certificatePath,
                                                                     const QByteArray &pin)
{
    Result<QByteArray> key = readFile(keyPath);
    if (!key)
        return key.error();
    Result<QByteArray> certificate = readFile(certificatePath);
    if (!certificate)
        return certificate.error();
    Result<crypto::Credential> credential = crypto::readPemPair(key.value(), certificate.value(), pin);
    if (!credential) {
        // OpenSSL cannot tell a wrong PIN from a broken key; for an encrypted key the PIN is
        // by far the likelier cause, and the user should hear it in the same words as for .p12.
        if (credential.error().code == QLatin1String("crypto.key") && key.value().contains("ENCRYPTED"))
            return Error{QStringLiteral("cert.pin"), QStringLiteral("PIN 码错误。"), credential.error().detail,
                         QStringLiteral("pin")};
        return credential.error();
    }
    auto signer = std::make_shared<SoftwareSigner>(std::move(credential).value());
    if (signer->algorithm().isEmpty())
        return Error{QStringLiteral("cert.algorithm"), QStringLiteral("证书的密钥算法不受支持（仅支持 SM2 与 ECDSA P-256）。"),
                     {}, {}};
    return signer;
}

QString SoftwareSigner::algorithm() const
{
    return m_algorithm;
}

crypto::Certificate SoftwareSigner::certificate() const
{
    return m_credential.certificate;
}

Result<QByteArray> SoftwareSigner::sign(const QByteArray &bytes) const
{
    return m_credential.key.sign(bytes);
}

} // namespace shebao
