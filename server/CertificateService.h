#pragma once

#include <QList>
#include <QString>

#include "models/certificate/Certificate.h"
#include "models/core/Result.h"

namespace shebao::server {

class CertificateSigningKey;
class Clock;
class Database;

// 参保证明 (docs/certificates.md): issues a certificate as a signed record, finds it again (by
// number for its unit and staff, by verification code for anybody), derives its state and
// revokes it. Writes run inside the caller's transaction (IdempotencyStore::handle).
class CertificateService
{
public:
    static constexpr qint64 ValidSeconds = 90 * 24 * 3600;
    static constexpr int MaxPurposeLength = 60;
    static constexpr int MaxReasonLength = 200;

    CertificateService(Database &db, const Clock &clock, const CertificateSigningKey &key);

    // "https://localhost:8443": the verification page is `<base>/verify?code=…`.
    void setPublicBase(const QString &base) { m_publicBase = base; }
    QString verificationUrl(const QString &code) const;

    // Validates the request, computes the content from the database, numbers, signs and stores it.
    Result<IssuedCertificate> issue(qint64 unitId, const CertificateRequest &request, const QString &actor);

    // History rows (no content), newest first; unitId 0: every unit (staff), else that unit's.
    Result<QList<IssuedCertificate>> list(qint64 unitId, const QString &unitNo = {});
    // The full record; unitId 0: any unit (staff). Another unit's number is certificate.unknown.
    Result<IssuedCertificate> find(const QString &number, qint64 unitId);
    // By verification code (already normalized); unknown codes are certificate.unknown.
    Result<IssuedCertificate> findByCode(const QString &code);
    Result<IssuedCertificate> revoke(const QString &number, const QString &reason, const QString &actor);
    // A certificate user's request was signed: the record points at the stored signature.
    Result<void> linkRequestSignature(const QString &number, qint64 signatureId);

    // Whether the stored signature holds over the stored bytes with the agency's key.
    bool signatureHolds(const IssuedCertificate &certificate) const;
    const CertificateSigningKey &signingKey() const { return m_key; }

    static Error unknown();
    // 打印用途 after trimming, or certificate.purpose.
    static Result<QString> checkPurpose(const QString &purpose);

private:
    Result<QString> nextNumber();
    Result<QString> newCode();
    Result<IssuedCertificate> load(const QString &where, const QVariantList &values, const Error &notFound);
    CertificateState stateAt(qint64 validUntil, bool revoked) const;

    Database &m_db;
    const Clock &m_clock;
    const CertificateSigningKey &m_key;
    QString m_publicBase;
};

} // namespace shebao::server
