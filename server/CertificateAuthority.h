#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include "crypto/Certificate.h"
#include "crypto/Key.h"
#include "models/core/Result.h"

namespace shebao::server {

// The CA that issues certificate users' certificates — DATA/ca/ca.pem + ca.key when present
// (made on the first start when the TLS certificate was supplied by the agency, docs/deploy.md),
// otherwise the sandbox TLS CA (DATA/tls/ca.pem + ca.key, made by TlsMaterial) — and the trusted bundle certificate chains are checked
// against: that CA plus every *.pem in DATA/trusted-ca/ (the agency's real CAs). The bundle is
// read on every use so a CA dropped into trusted-ca/ counts without a restart.
class CertificateAuthority
{
public:
    explicit CertificateAuthority(const QString &dataDir);

    Result<void> load();

    const crypto::Certificate &caCertificate() const { return m_caCertificate; }
    QList<crypto::Certificate> trustedBundle() const;
    QString trustedDir() const;

    Result<crypto::Certificate> issue(const crypto::Key &subjectPublicKey, const QString &commonName,
                                      const QString &unitNo, const QDateTime &notBefore,
                                      const QDateTime &notAfter) const;

private:
    static Result<void> createOwn(const QString &dir);

    QString m_dataDir;
    crypto::Certificate m_caCertificate;
    crypto::Key m_caKey;
};

} // namespace shebao::server
