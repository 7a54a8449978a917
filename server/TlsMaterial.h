#pragma once

#include <QSslConfiguration>
#include <QString>

#include "models/core/Result.h"

namespace shebao::server {

// The server's TLS identity in DIR/tls/: a local CA ("shebao-desk sandbox CA", ECDSA P-256)
// and a server certificate it signed for localhost, 127.0.0.1 and ::1. Created on the first
// start with OpenSSL's EVP API (keys written 0600), reused on every later start, so clients
// can trust ca.pem once. Its server certificate lives ServerCertificateDays (what browsers and
// testssl.sh accept) and is renewed with the same key at a start within RenewWithinDays of its
// end (or when an older set made it longer). An agency's own set (server.pem with its intermediates, server.key RSA
// or EC, ca.pem its root, and no ca.key) is used as it is (docs/deploy.md).
class TlsMaterial
{
public:
    static constexpr long ServerCertificateDays = 397;
    static constexpr int RenewWithinDays = 30;
    static constexpr int MaxValidityDays = 398;

    explicit TlsMaterial(const QString &dataDir);

    // Creates the files when any of them is missing, then loads them.
    Result<void> ensure();

    // TLS 1.2 or later with forward-secret AEAD ciphers only, server certificate + CA chain,
    // no client certificates requested.
    QSslConfiguration serverConfiguration() const { return m_configuration; }

    QString caFile() const;
    QString caKeyFile() const;
    QString certFile() const;
    QString keyFile() const;
    bool created() const { return m_created; }
    bool renewed() const { return m_renewed; }

private:
    Result<void> create();
    Result<void> load();
    Result<void> renewIfDue();

    QString m_dir;
    QSslConfiguration m_configuration;
    bool m_created = false;
    bool m_renewed = false;
};

} // namespace shebao::server
