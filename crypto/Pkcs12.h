#pragma once

#include <QByteArray>
#include <QList>

#include "crypto/Certificate.h"
#include "crypto/Key.h"
#include "models/core/Result.h"

namespace shebao::crypto {

// A certificate user's credential file: the private key and its certificate (and any chain),
// protected by the PIN (PKCS#12, AES-256 with PBKDF2 as OpenSSL 3 writes it).
struct Credential
{
    Key key;
    Certificate certificate;
    QList<Certificate> chain;
};

Result<QByteArray> writePkcs12(const Credential &credential, const QByteArray &pin, const QString &friendlyName);
// Error codes: cert.pin (wrong PIN), cert.format (not a PKCS#12 file), cert.mismatch.
Result<Credential> readPkcs12(const QByteArray &der, const QByteArray &pin);
// PEM private key (optionally PIN-encrypted) plus a PEM certificate.
Result<Credential> readPemPair(const QByteArray &keyPem, const QByteArray &certificatePem, const QByteArray &pin);

} // namespace shebao::crypto
