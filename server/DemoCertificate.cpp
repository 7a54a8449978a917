#include "server/DemoCertificate.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QVariant>

#include "crypto/Pkcs12.h"
#include "server/CertificateAuthority.h"
#include "server/CertificateStore.h"
#include "server/Database.h"
#include "server/PasswordHasher.h"

namespace shebao::server {

namespace {

Error demoError(const QString &detail)
{
    return Error{QStringLiteral("demo.certificate"), QStringLiteral("无法准备演示证书。"), detail, {}};
}

bool writeFile(const QString &path, const QByteArray &data, bool secret)
{
    QFile::remove(path);
    QFile file(path);
    const QFileDevice::Permissions perms = secret
        ? (QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        : (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, perms))
        return false;
    return file.write(data) == data.size() && file.flush();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const char Readme[] =
    "shebao-desk sandbox (--demo) - NOT FOR PRODUCTION\n"
    "\n"
    "43010000003.p12      the demo certificate user's key and certificate (SM2 with SM3),\n"
    "                     issued by this server's sandbox CA (../tls/ca.pem) and registered\n"
    "                     to unit 43010000003.\n"
    "43010000003.pin.txt  its PIN.\n"
    "\n"
    "Both exist only so the sandbox can be tried end to end: anyone who can read this\n"
    "directory can log in as the demo unit. Real certificates come from the agency's CA and\n"
    "their PINs are never written to disk.\n";

} // namespace

QString DemoCertificate::p12File() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("demo/%1.p12").arg(QLatin1String(UnitNo)));
}

QString DemoCertificate::pinFile() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("demo/%1.pin.txt").arg(QLatin1String(UnitNo)));
}

Result<void> DemoCertificate::ensure()
{
    auto q = m_db.exec(QStringLiteral("SELECT id, name FROM units WHERE unit_no = ?"), {QLatin1String(UnitNo)});
    if (!q)
        return q.error();
    if (!q.value().next())
        return demoError(QStringLiteral("unit %1 missing").arg(QLatin1String(UnitNo)));
    const qint64 unitId = q.value().value(0).toLongLong();
    const QString unitName = q.value().value(1).toString();
    q.value().finish();

    const QByteArray pin = readFile(pinFile()).trimmed();
    const QByteArray p12 = readFile(p12File());
    if (!pin.isEmpty() && !p12.isEmpty()) {
        auto credential = crypto::readPkcs12(p12, pin);
        if (credential
            && credential.value().certificate.verifyChain({m_authority.caCertificate()}, QDateTime::currentDateTimeUtc())) {
            // Reused: a new database (or one where it was revoked) still knows it.
            auto bound = m_certificates.bind(credential.value().certificate, unitId, QStringLiteral("demo"));
            if (bound || bound.error().code != QLatin1String("certificate.conflict"))
                return bound;
        }
    }
    return create(unitId, unitName);
}

Result<void> DemoCertificate::create(qint64 unitId, const QString &unitName)
{
    if (!QDir().mkpath(QFileInfo(p12File()).absolutePath()))
        return demoError(QStringLiteral("cannot create %1").arg(QFileInfo(p12File()).absolutePath()));
    auto key = crypto::Key::generate(crypto::Algorithm::Sm2Sm3);
    if (!key)
        return key.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto cert = m_authority.issue(key.value(), unitName, QLatin1String(UnitNo), now.addSecs(-300), now.addDays(2 * 365));
    if (!cert)
        return cert.error();
    // Eight random digits: typed once into the client's import dialog.
    const QByteArray random = PasswordHasher::randomBytes(8);
    QByteArray pin;
    for (char c : random)
        pin += char('0' + (uchar(c) % 10));
    crypto::Credential credential{std::move(key.value()), cert.value(), {m_authority.caCertificate()}};
    auto p12 = crypto::writePkcs12(credential, pin, QStringLiteral("%1 demo").arg(QLatin1String(UnitNo)));
    if (!p12)
        return p12.error();
    const QString readme = QDir(QFileInfo(p12File()).absolutePath()).filePath(QStringLiteral("README.txt"));
    if (!writeFile(pinFile(), pin + '\n', true) || !writeFile(p12File(), p12.value(), true)
        || !writeFile(readme, QByteArray(Readme), false))
        return demoError(QStringLiteral("cannot write %1").arg(p12File()));
    return m_certificates.bind(cert.value(), unitId, QStringLiteral("demo"));
}

} // namespace shebao::server
