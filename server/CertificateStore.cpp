#include "server/CertificateStore.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

#include "server/Clock.h"
#include "server/Database.h"
#include "server/Problem.h"

namespace shebao::server {

namespace {

const QString Columns = QStringLiteral("c.serial, c.unit_id, u.unit_no, c.subject, c.pem, c.fingerprint,"
                                       " c.not_before, c.not_after, c.revoked_at, c.reason");

CertificateRecord fromRow(const QSqlQuery &q)
{
    CertificateRecord r;
    r.serial = q.value(0).toString();
    r.unitId = q.value(1).toLongLong();
    r.unitNo = q.value(2).toString();
    r.subject = q.value(3).toString();
    r.pem = q.value(4).toString();
    r.fingerprint = q.value(5).toString();
    r.notBefore = q.value(6).toLongLong();
    r.notAfter = q.value(7).toLongLong();
    r.revokedAt = q.value(8).isNull() ? 0 : q.value(8).toLongLong();
    r.reason = q.value(9).toString();
    return r;
}

} // namespace

QString CertificateStore::normalizeSerial(const QString &serial)
{
    QString s = serial.trimmed().toUpper();
    s.remove(u':');
    return s;
}

Result<CertificateRecord> CertificateStore::find(const QString &serial)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + Columns
                           + QStringLiteral(" FROM certificates c JOIN units u ON u.id = c.unit_id WHERE c.serial = ?"),
                       {normalizeSerial(serial)});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Problem::notFound();
    return fromRow(q.value());
}

Result<void> CertificateStore::bind(const crypto::Certificate &certificate, qint64 unitId, const QString &registeredBy)
{
    const QString serial = normalizeSerial(certificate.serialHex());
    auto existing = find(serial);
    if (existing) {
        if (existing.value().unitId != unitId || existing.value().fingerprint != QString::fromLatin1(certificate.sha256Fingerprint()))
            return Error{QStringLiteral("certificate.conflict"),
                         QStringLiteral("该证书（序列号 %1）已登记到其他单位。").arg(serial), {}, {}};
    } else if (existing.error().code != QLatin1String("not_found")) {
        return existing.error();
    } else {
        auto inserted = m_db.exec(
            QStringLiteral("INSERT INTO certificates (serial, unit_id, subject, pem, fingerprint, not_before, not_after,"
                           " registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {serial, unitId, sqlText(certificate.subject()), QString::fromLatin1(certificate.toPem()),
             QString::fromLatin1(certificate.sha256Fingerprint()), certificate.notBefore().toSecsSinceEpoch(),
             certificate.notAfter().toSecsSinceEpoch(), registeredBy, m_clock.now()});
        if (!inserted)
            return inserted.error();
    }
    auto level = m_db.exec(QStringLiteral("UPDATE units SET level = 'certificate' WHERE id = ?"), {unitId});
    if (!level)
        return level.error();
    return {};
}

Result<qint64> CertificateStore::revoke(const QString &serial, const QString &reason)
{
    auto record = find(serial);
    if (!record)
        return record.error();
    if (record.value().revokedAt)
        return record.value().revokedAt;
    const qint64 now = m_clock.now();
    auto r = m_db.exec(QStringLiteral("UPDATE certificates SET revoked_at = ?, reason = ? WHERE serial = ?"),
                       {now, sqlText(reason), record.value().serial});
    if (!r)
        return r.error();
    return now;
}

Result<QJsonArray> CertificateStore::list(const QString &unitNo)
{
    QString sql = QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM certificates c JOIN units u ON u.id = c.unit_id");
    QVariantList values;
    if (!unitNo.isEmpty()) {
        sql += QStringLiteral(" WHERE u.unit_no = ?");
        values << unitNo;
    }
    sql += QStringLiteral(" ORDER BY c.id");
    auto q = m_db.exec(sql, values);
    if (!q)
        return q.error();
    QJsonArray items;
    while (q.value().next()) {
        const CertificateRecord r = fromRow(q.value());
        items.append(QJsonObject{{QStringLiteral("serial"), r.serial},
                                 {QStringLiteral("unit_no"), r.unitNo},
                                 {QStringLiteral("subject"), r.subject},
                                 {QStringLiteral("not_before"), Clock::iso(r.notBefore)},
                                 {QStringLiteral("not_after"), Clock::iso(r.notAfter)},
                                 {QStringLiteral("revoked_at"), r.revokedAt ? QJsonValue(Clock::iso(r.revokedAt)) : QJsonValue()}});
    }
    return items;
}

} // namespace shebao::server
