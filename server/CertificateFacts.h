#pragma once

#include <QString>

#include "models/certificate/Certificate.h"
#include "models/core/Result.h"

namespace shebao::server {

class Database;

// What a 参保证明 certifies, read from units, persons and enrolments (docs/certificates.md, "How
// the server computes it"). Fills the unit part and the kind's part of a CertificateContent; the
// caller sets number, code, purpose and the times. Runs inside the caller's transaction, so the
// snapshot is consistent with the record written after it.
class CertificateFacts
{
public:
    explicit CertificateFacts(Database &db) : m_db(db) {}

    // asOfMonth "YYYY-MM": the issue month in Beijing time.
    Result<CertificateContent> unitCertificate(qint64 unitId, const QString &asOfMonth);
    Result<CertificateContent> roster(qint64 unitId, const QString &asOfMonth);
    // personRef: the 个人编号 or the 公民身份号码 of a person ever enrolled with this unit;
    // anybody else is certificate.person (404), exactly as if the person did not exist.
    Result<CertificateContent> person(qint64 unitId, const QString &personRef, const QString &asOfMonth);

    // Months from..to inclusive ("YYYY-MM"); 0 when to is before from or either is malformed.
    static int monthsBetween(const QString &from, const QString &to);

private:
    Result<CertificateContent> unitPart(qint64 unitId, CertificateKind kind, const QString &asOfMonth);
    Result<void> totals(qint64 unitId, const QString &asOfMonth, CertificateContent *content);

    Database &m_db;
};

} // namespace shebao::server
