#pragma once

#include <QJsonArray>
#include <QString>

#include "crypto/Certificate.h"
#include "models/core/Result.h"

namespace shebao::server {

class Clock;
class Database;

// One certificate bound to a unit (table certificates).
struct CertificateRecord
{
    QString serial;          // upper-case hex, as crypto::Certificate::serialHex()
    qint64 unitId = 0;
    QString unitNo;
    QString subject;
    QString pem;
    QString fingerprint;     // SHA-256 of the DER, hex
    qint64 notBefore = 0;
    qint64 notAfter = 0;
    qint64 revokedAt = 0;    // 0: not revoked
    QString reason;
};

// The certificates registered at the counter (or issued by the sandbox CA) and their binding
// to units. Binding a certificate makes the unit a certificate user.
class CertificateStore
{
public:
    CertificateStore(Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

    static QString normalizeSerial(const QString &serial);

    // not_found when no certificate has this serial.
    Result<CertificateRecord> find(const QString &serial);
    // certificate.conflict when the serial is already bound to another unit; binding the same
    // certificate to the same unit again changes nothing.
    Result<void> bind(const crypto::Certificate &certificate, qint64 unitId, const QString &registeredBy);
    // Returns revoked_at (the first revocation's when revoked before).
    Result<qint64> revoke(const QString &serial, const QString &reason);
    // [{serial, unit_no, subject, not_before, not_after, revoked_at}], all units when unitNo is empty.
    Result<QJsonArray> list(const QString &unitNo);

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace shebao::server
