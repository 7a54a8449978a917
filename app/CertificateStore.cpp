#include "app/CertificateStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

#include "app/SoftwareSigner.h"
#include "crypto/Certificate.h"

namespace shebao {

namespace {

Error writeError(const QString &path, const QString &why)
{
    return Error{QStringLiteral("file.write"), QStringLiteral("无法写入文件 %1：%2").arg(path, why), {}, {}};
}

bool isPlainCode(const QString &text)
{
    return !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
    });
}

Result<void> writeFile(const QString &path, const QByteArray &bytes, bool secret)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file.errorString());
    if (secret)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(bytes);
    if (!file.commit())
        return writeError(path, file.errorString());
    return {};
}

StoredCertificate describe(const crypto::Certificate &c, const QString &unitNo, const QString &p12Path,
                           const QString &pemPath)
{
    return StoredCertificate{unitNo,      c.serialHex(), c.subject(), c.issuer(), c.notBefore(), c.notAfter(),
                             p12Path, pemPath};
}

} // namespace

qint64 StoredCertificate::daysLeft(const QDateTime &at) const
{
    return at.secsTo(notAfter) / 86400;
}

bool StoredCertificate::isExpired(const QDateTime &at) const
{
    return at >= notAfter;
}

bool StoredCertificate::expiresWithin(int days, const QDateTime &at) const
{
    return !isExpired(at) && at.addDays(days) >= notAfter;
}

CertificateStore::CertificateStore(const QString &root)
{
    setRoot(root);
}

void CertificateStore::setRoot(const QString &root)
{
    m_root = root.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) : root;
}

QString CertificateStore::folder() const
{
    return QDir(m_root).filePath(QStringLiteral("certificates"));
}

Result<StoredCertificate> CertificateStore::importPkcs12(const QString &path, const QByteArray &pin,
                                                         const QString &unitNo)
{
    Result<QByteArray> der = SoftwareSigner::readFile(path);
    if (!der)
        return der.error();
    // Opened once with the PIN: a wrong PIN or a broken file is refused now, not at login.
    Result<std::shared_ptr<SoftwareSigner>> signer = SoftwareSigner::fromPkcs12(der.value(), pin);
    if (!signer)
        return signer.error();
    return store(*signer.value(), pin, unitNo);
}

Result<StoredCertificate> CertificateStore::importPemPair(const QString &keyPath, const QString &certificatePath,
                                                          const QByteArray &pin, const QString &unitNo)
{
    Result<std::shared_ptr<SoftwareSigner>> signer = SoftwareSigner::fromPemFiles(keyPath, certificatePath, pin);
    if (!signer)
        return signer.error();
    return store(*signer.value(), pin, unitNo);
}

Result<StoredCertificate> CertificateStore::store(const SoftwareSigner &signer, const QByteArray &pin,
                                                  const QString &unitNo)
{
    const crypto::Certificate certificate = signer.certificate();
    const QString unit = unitNo.isEmpty() ? certificate.subjectSerialNumber() : unitNo;
    if (!isPlainCode(unit))
        return Error{QStringLiteral("cert.unit"),
                     QStringLiteral("证书中没有单位编号，请指定该证书所属的单位编号。"), certificate.subject(),
                     QStringLiteral("unit_no")};
    if (certificate.notAfter() <= QDateTime::currentDateTimeUtc())
        return Error{QStringLiteral("cert.expired"),
                     QStringLiteral("证书已于 %1 过期，不能导入。")
                         .arg(certificate.notAfter().toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
                     {}, {}};
    if (pin.isEmpty())
        return Error{QStringLiteral("cert.pin"), QStringLiteral("请为证书文件设置 PIN 码。"), {}, QStringLiteral("pin")};
    // Always written as a PKCS#12 under the same PIN: one format to open, whatever was imported.
    Result<QByteArray> p12 = crypto::writePkcs12(signer.credential(), pin, unit + u' ' + certificate.serialHex());
    if (!p12)
        return p12.error();
    if (!QDir().mkpath(folder()))
        return writeError(folder(), QStringLiteral("cannot create the folder"));
    const QString base = QDir(folder()).filePath(unit + u'-' + certificate.serialHex());
    const QString p12Path = base + QStringLiteral(".p12");
    const QString pemPath = base + QStringLiteral(".pem");
    if (Result<void> written = writeFile(p12Path, p12.value(), true); !written)
        return written.error();
    if (Result<void> written = writeFile(pemPath, certificate.toPem(), false); !written)
        return written.error();
    return describe(certificate, unit, p12Path, pemPath);
}

QList<StoredCertificate> CertificateStore::list() const
{
    QList<StoredCertificate> list;
    const QDir dir(folder());
    for (const QFileInfo &info : dir.entryInfoList({QStringLiteral("*.p12")}, QDir::Files, QDir::Name)) {
        const QString base = info.completeBaseName();
        const QString pemPath = dir.filePath(base + QStringLiteral(".pem"));
        QFile pem(pemPath);
        if (!pem.open(QIODevice::ReadOnly))
            continue;
        Result<crypto::Certificate> certificate = crypto::Certificate::fromPem(pem.readAll());
        if (!certificate)
            continue;
        list.append(describe(certificate.value(), base.section(u'-', 0, 0), info.absoluteFilePath(), pemPath));
    }
    std::sort(list.begin(), list.end(), [](const StoredCertificate &a, const StoredCertificate &b) {
        return a.unitNo != b.unitNo ? a.unitNo < b.unitNo : a.notAfter > b.notAfter;
    });
    return list;
}

QList<StoredCertificate> CertificateStore::forUnit(const QString &unitNo) const
{
    QList<StoredCertificate> result;
    for (const StoredCertificate &c : list()) {
        if (c.unitNo == unitNo)
            result.append(c);
    }
    return result;
}

QList<StoredCertificate> CertificateStore::expiringWithin(int days, const QDateTime &at) const
{
    QList<StoredCertificate> result;
    for (const StoredCertificate &c : list()) {
        if (c.expiresWithin(days, at))
            result.append(c);
    }
    return result;
}

Result<std::shared_ptr<SoftwareSigner>> CertificateStore::open(const StoredCertificate &certificate,
                                                               const QByteArray &pin) const
{
    return SoftwareSigner::fromPkcs12File(certificate.p12Path, pin);
}

Result<void> CertificateStore::remove(const StoredCertificate &certificate)
{
    if (!QFile::remove(certificate.p12Path) && QFile::exists(certificate.p12Path))
        return writeError(certificate.p12Path, QStringLiteral("cannot remove"));
    QFile::remove(certificate.certificatePath);
    return {};
}

} // namespace shebao
