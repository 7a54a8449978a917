#pragma once

#include <QSslConfiguration>
#include <QString>

#include "models/core/Result.h"

namespace shebao::server {

// The server's TLS identity in DIR/tls/: a local CA ("shebao-desk sandbox CA", ECDSA P-256)
// and a server certificate it signed for localhost, 127.0.0.1 and ::1. Created on the first
// start with OpenSSL's EVP API (keys written 0600), reused on every later start, so clients
// can trust ca.pem once. An agency's own set (server.pem with its intermediates, server.key RSA
// or EC, ca.pem its root, and no ca.key) is used as it is (docs/deploy.md).
class TlsMaterial
{
public:
    explicit TlsMaterial(const QString &dataDir);

    // Creates the files when any of them is missing, then loads them.
    Result<void> ensure();

    // TLS 1.2 or later, server certificate + CA chain, no client certificates requested.
    QSslConfiguration serverConfiguration() const { return m_configuration; }

    QString caFile() const;
    QString caKeyFile() const;
    QString certFile() const;
    QString keyFile() const;
    bool created() const { return m_created; }

private:
    Result<void> create();
    Result<void> load();

    QString m_dir;
    QSslConfiguration m_configuration;
    bool m_created = false;
};

} // namespace shebao::server
