#pragma once

#include <QString>

#include "models/core/Result.h"

namespace shebao::server {

class CertificateAuthority;
class CertificateStore;
class Database;

// The sandbox certificate of demo unit 43010000003 (--demo): an SM2 key and a certificate
// issued by the server CA, registered to the unit, written as DATA/demo/43010000003.p12 with
// its PIN in DATA/demo/43010000003.pin.txt and a README.txt saying that both are sandbox-only.
// Idempotent: an existing file whose certificate still chains to the CA is reused (and
// registered again if the database is new).
class DemoCertificate
{
public:
    static constexpr const char *UnitNo = "43010000003";

    DemoCertificate(const QString &dataDir, Database &db, CertificateAuthority &authority, CertificateStore &certificates)
        : m_dataDir(dataDir), m_db(db), m_authority(authority), m_certificates(certificates)
    {
    }

    Result<void> ensure();

    QString p12File() const;
    QString pinFile() const;

private:
    Result<void> create(qint64 unitId, const QString &unitName);

    QString m_dataDir;
    Database &m_db;
    CertificateAuthority &m_authority;
    CertificateStore &m_certificates;
};

} // namespace shebao::server
