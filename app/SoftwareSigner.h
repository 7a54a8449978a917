#pragma once

#include <QList>
#include <QString>

#include <memory>

#include "app/Signer.h"
#include "crypto/Pkcs12.h"

namespace shebao {

// A Signer over a key held in this process: loaded from a PKCS#12 file or a PEM key + PEM
// certificate pair, decrypted with the PIN the user typed. The PIN itself is not kept; the
// decrypted key lives in memory for the session only (the object dies at logout).
class SoftwareSigner : public Signer
{
public:
    explicit SoftwareSigner(crypto::Credential credential);

    // Errors: cert.pin (wrong PIN), cert.format, cert.mismatch, file.read.
    static Result<std::shared_ptr<SoftwareSigner>> fromPkcs12(const QByteArray &der, const QByteArray &pin);
    static Result<std::shared_ptr<SoftwareSigner>> fromPkcs12File(const QString &path, const QByteArray &pin);
    static Result<std::shared_ptr<SoftwareSigner>> fromPemFiles(const QString &keyPath, const QString &certificatePath,
                                                                 const QByteArray &pin);

    QString algorithm() const override;
    crypto::Certificate certificate() const override;
    Result<QByteArray> sign(const QByteArray &bytes) const override;

    QList<crypto::Certificate> chain() const { return m_credential.chain; }
    const crypto::Credential &credential() const { return m_credential; }

    // Reads a whole file (error file.read with a Chinese message naming it).
    static Result<QByteArray> readFile(const QString &path);

private:
    crypto::Credential m_credential;
    QString m_algorithm;
};

} // namespace shebao
