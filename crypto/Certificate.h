#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include "crypto/Key.h"
#include "models/core/Result.h"

typedef struct x509_st X509;

namespace shebao::crypto {

// An X.509 certificate. Certificate users' certificates carry the unit number in the
// subject's serialNumber attribute (issued by the sandbox CA) or are bound to a unit at the
// counter (registered certificates from the agency's CA).
class Certificate
{
public:
    Certificate();
    ~Certificate();
    Certificate(const Certificate &other);
    Certificate &operator=(const Certificate &other);
    Certificate(Certificate &&) noexcept;
    Certificate &operator=(Certificate &&) noexcept;

    static Result<Certificate> fromPem(const QByteArray &pem);
    static QList<Certificate> allFromPem(const QByteArray &pem); // a bundle
    static Certificate adopt(X509 *x509);

    bool isNull() const { return m_x509 == nullptr; }
    QByteArray toPem() const;
    QString serialHex() const;          // upper-case hex, no separators
    QString subject() const;            // "CN=..., O=..." one line, UTF-8
    QString subjectCommonName() const;
    QString subjectSerialNumber() const; // the subject's serialNumber attribute (unit number)
    QString issuer() const;
    QDateTime notBefore() const;
    QDateTime notAfter() const;
    QByteArray sha256Fingerprint() const; // hex
    Key publicKey() const;

    // Checks the chain to one of the trusted CAs at time `at`, validity included.
    // Error codes: cert.untrusted, cert.expired, cert.not_yet_valid.
    Result<void> verifyChain(const QList<Certificate> &trusted, const QDateTime &at) const;

    X509 *handle() const { return m_x509; }

private:
    X509 *m_x509 = nullptr;
};

// A small certificate authority: the server's sandbox CA issuing certificate users'
// certificates (the agency uses its real CA in production and registers those instead).
struct IssueRequest
{
    QString commonName;     // the unit's name
    QString unitNo;         // into subject serialNumber
    QDateTime notBefore;
    QDateTime notAfter;
};

// A self-signed CA certificate (the sandbox CA, and tests).
Result<Certificate> makeCaCertificate(const Key &key, const QString &commonName, const QDateTime &notBefore,
                                      const QDateTime &notAfter);

Result<Certificate> issueCertificate(const Certificate &caCertificate, const Key &caKey, const Key &subjectPublicKey,
                                     const IssueRequest &request);

} // namespace shebao::crypto
