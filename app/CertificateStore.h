#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

#include "models/core/Result.h"

namespace shebao {

class SoftwareSigner;

// One imported certificate as 证书管理 lists it.
struct StoredCertificate
{
    QString unitNo;
    QString serial;        // upper-case hex
    QString subject;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QString p12Path;       // <folder>/<unit>-<serial>.p12 (PIN protected)
    QString certificatePath; // <folder>/<unit>-<serial>.pem (public, for listing without the PIN)

    // Whole days until notAfter (negative once expired).
    qint64 daysLeft(const QDateTime &at = QDateTime::currentDateTimeUtc()) const;
    bool isExpired(const QDateTime &at = QDateTime::currentDateTimeUtc()) const;
    // Valid now and expiring within `days` days: the 30-day warning of issue 3.
    bool expiresWithin(int days, const QDateTime &at = QDateTime::currentDateTimeUtc()) const;
};

// 系统管理 → 证书管理 without a window: imports a certificate user's credential (PKCS#12, or
// a PEM key + certificate pair, which is re-wrapped into a PKCS#12 protected by the same PIN)
// into <root>/certificates/<unit_no>-<serial>.p12. The PIN is needed to import and to open,
// and never stored. The certificate itself is kept beside it as PEM so the list needs no PIN.
class CertificateStore
{
public:
    // root empty: QStandardPaths::AppLocalDataLocation.
    explicit CertificateStore(const QString &root = QString());

    QString root() const { return m_root; }
    void setRoot(const QString &root);
    QString folder() const; // <root>/certificates

    // unitNo empty: the certificate's subject serialNumber (sandbox and agency CAs put the unit
    // number there). Errors: cert.pin, cert.format, cert.mismatch, cert.unit (no unit number),
    // cert.expired (an expired certificate is refused at import), file.read, file.write.
    Result<StoredCertificate> importPkcs12(const QString &path, const QByteArray &pin, const QString &unitNo = {});
    Result<StoredCertificate> importPemPair(const QString &keyPath, const QString &certificatePath,
                                            const QByteArray &pin, const QString &unitNo = {});

    // Sorted by unit, then by notAfter descending (the newest first).
    QList<StoredCertificate> list() const;
    QList<StoredCertificate> forUnit(const QString &unitNo) const;
    QList<StoredCertificate> expiringWithin(int days, const QDateTime &at = QDateTime::currentDateTimeUtc()) const;

    Result<std::shared_ptr<SoftwareSigner>> open(const StoredCertificate &certificate, const QByteArray &pin) const;
    Result<void> remove(const StoredCertificate &certificate);

private:
    Result<StoredCertificate> store(const SoftwareSigner &signer, const QByteArray &pin, const QString &unitNo);

    QString m_root;
};

} // namespace shebao
