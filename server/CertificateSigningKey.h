#pragma once

#include <QByteArray>
#include <QString>

#include "crypto/Key.h"
#include "models/core/Result.h"

namespace shebao::server {

// The agency's key that signs 参保证明 (docs/certificates.md): ECDSA P-256 in
// DATA/certificate-signing-key.pem, created on the first start (owner-only, 0600, like the TLS
// keys) and reused on every later start, so certificates issued before a restart still verify.
// Kept apart from the TLS and CA keys: rotating the TLS identity must not invalidate paper.
class CertificateSigningKey
{
public:
    explicit CertificateSigningKey(const QString &dataDir);

    Result<void> ensure();

    QString file() const { return m_file; }
    bool created() const { return m_created; }
    const crypto::Key &key() const { return m_key; }
    QByteArray publicPem() const { return m_publicPem; }
    QString keyId() const { return m_keyId; }         // SHA-256 hex of the SubjectPublicKeyInfo DER
    QString algorithm() const;                         // "ECDSA-SHA256"

    Result<QByteArray> sign(const QByteArray &data) const { return m_key.sign(data); }
    bool verify(const QByteArray &data, const QByteArray &signature) const { return m_key.verify(data, signature); }

    // SHA-256 hex of the DER inside a PEM public key (what keyId() is of).
    static QString keyIdOf(const QByteArray &publicPem);

private:
    QString m_file;
    crypto::Key m_key;
    QByteArray m_publicPem;
    QString m_keyId;
    bool m_created = false;
};

} // namespace shebao::server
