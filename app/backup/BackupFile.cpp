#include "app/backup/BackupFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QtEndian>

#include "crypto/Aes256Gcm.h"

namespace shebao {

namespace {

constexpr int PrefixBytes = 8 + 2 + 4; // magic, format version, header length
constexpr int MaxHeaderBytes = 64 * 1024;
constexpr int SaltBytes = 16;
const QString KdfName = QStringLiteral("pbkdf2-hmac-sha256");
const QString CipherName = QStringLiteral("aes-256-gcm");
const QString Compression = QStringLiteral("zlib");

Error notABackup(const QString &detail)
{
    return Error{QStringLiteral("backup.not_backup"),
                 QCoreApplication::translate("shebao::BackupFile", "The file is not a data backup of this program."),
                 detail, {}};
}

Error damaged(const QString &detail)
{
    return Error{QStringLiteral("backup.damaged"),
                 QCoreApplication::translate("shebao::BackupFile",
                                             "The backup file is damaged (incomplete or changed) and cannot be "
                                             "restored. Nothing was changed."),
                 detail, {}};
}

Error wrongPassword()
{
    return Error{QStringLiteral("backup.password"),
                 QCoreApplication::translate("shebao::BackupFile",
                                             "The backup password is wrong. Nothing was changed."),
                 {}, QStringLiteral("password")};
}

QByteArray passwordBytes(const QString &password)
{
    // The same password typed on another system (another input method) gives the same bytes.
    return password.normalized(QString::NormalizationForm_C).toUtf8();
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

// The derived 64 bytes: the AES key, then a key whose SHA-256 the header carries so that a
// wrong password is told apart from a damaged file without decrypting anything.
struct Keys
{
    QByteArray cipherKey;
    QByteArray check;
};

Result<Keys> deriveKeys(const QString &password, const QByteArray &salt, int iterations)
{
    Result<QByteArray> derived = crypto::pbkdf2Sha256(passwordBytes(password), salt, iterations, 64);
    if (!derived)
        return derived.error();
    return Keys{derived.value().left(32),
                QCryptographicHash::hash(derived.value().mid(32), QCryptographicHash::Sha256)};
}

struct ParsedHeader
{
    BackupHeader header;
    QByteArray salt;
    QByteArray nonce;
    QByteArray keyCheck;
    qsizetype sealedAt = 0; // where the sealed part starts: the associated data ends there
};

Result<ParsedHeader> parse(const QByteArray &file)
{
    if (file.size() < 8 || !file.startsWith(BackupFile::magic()))
        return notABackup(QStringLiteral("no magic"));
    if (file.size() < PrefixBytes)
        return damaged(QStringLiteral("cut in the prefix"));
    const auto *bytes = reinterpret_cast<const uchar *>(file.constData());
    const int version = qFromBigEndian<quint16>(bytes + 8);
    if (version != BackupFile::FormatVersion) {
        if (version > BackupFile::FormatVersion) {
            return Error{QStringLiteral("backup.version"),
                         QCoreApplication::translate("shebao::BackupFile",
                                                     "The backup was written in format version %1 by a newer version "
                                                     "of this program; this program reads version %2 only. Update the "
                                                     "program, then restore again.")
                             .arg(version)
                             .arg(BackupFile::FormatVersion),
                         {}, {}};
        }
        return damaged(QStringLiteral("format version %1").arg(version));
    }
    const quint32 headerBytes = qFromBigEndian<quint32>(bytes + 10);
    if (headerBytes == 0 || headerBytes > quint32(MaxHeaderBytes))
        return damaged(QStringLiteral("header length %1").arg(headerBytes));
    const qsizetype sealedAt = PrefixBytes + qsizetype(headerBytes);
    if (file.size() < sealedAt + crypto::aes256gcm::TagBytes)
        return damaged(QStringLiteral("cut: %1 bytes").arg(file.size()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.mid(PrefixBytes, headerBytes), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return damaged(QStringLiteral("header: ") + error.errorString());
    const QJsonObject o = doc.object();
    ParsedHeader parsed;
    BackupHeader &h = parsed.header;
    h.formatVersion = version;
    h.server = o.value(QStringLiteral("server")).toString();
    h.unitNo = o.value(QStringLiteral("unit_no")).toString();
    h.createdAt = QDateTime::fromString(o.value(QStringLiteral("created_at")).toString(), Qt::ISODate);
    h.program = o.value(QStringLiteral("program")).toString();
    const double iterations = o.value(QStringLiteral("iterations")).toDouble(-1);
    parsed.salt = QByteArray::fromBase64(o.value(QStringLiteral("salt")).toString().toLatin1());
    parsed.nonce = QByteArray::fromBase64(o.value(QStringLiteral("nonce")).toString().toLatin1());
    parsed.keyCheck = QByteArray::fromBase64(o.value(QStringLiteral("key_check")).toString().toLatin1());
    if (o.value(QStringLiteral("kdf")).toString() != KdfName || o.value(QStringLiteral("cipher")).toString() != CipherName
        || o.value(QStringLiteral("compression")).toString() != Compression)
        return damaged(QStringLiteral("unknown kdf, cipher or compression"));
    if (iterations < BackupFile::MinIterations || iterations > BackupFile::MaxIterations)
        return damaged(QStringLiteral("iterations %1").arg(iterations));
    h.iterations = int(iterations);
    if (parsed.salt.size() != SaltBytes || parsed.nonce.size() != crypto::aes256gcm::NonceBytes
        || parsed.keyCheck.size() != 32)
        return damaged(QStringLiteral("salt, nonce or key check of the wrong size"));
    if (h.unitNo.isEmpty() || h.server.isEmpty() || !h.createdAt.isValid())
        return damaged(QStringLiteral("unit, server or date missing"));
    parsed.sealedAt = sealedAt;
    return parsed;
}

} // namespace

QByteArray BackupFile::magic()
{
    return QByteArrayLiteral("SHEBAOBK");
}

Result<void> BackupFile::checkPassword(const QString &password)
{
    if (password.size() < MinPasswordLength) {
        return Error{QStringLiteral("backup.password_short"),
                     QCoreApplication::translate("shebao::BackupFile",
                                                 "The backup password must have at least %1 characters.")
                         .arg(MinPasswordLength),
                     {}, QStringLiteral("password")};
    }
    return {};
}

Result<QByteArray> BackupFile::write(BackupHeader header, const BackupContents &contents, const QString &password,
                                     int iterations)
{
    if (Result<void> ok = checkPassword(password); !ok)
        return ok.error();
    if (iterations < MinIterations || iterations > MaxIterations)
        return damaged(QStringLiteral("iterations %1 out of range").arg(iterations));
    Result<QByteArray> salt = crypto::randomBytes(SaltBytes);
    Result<QByteArray> nonce = crypto::randomBytes(crypto::aes256gcm::NonceBytes);
    if (!salt)
        return salt.error();
    if (!nonce)
        return nonce.error();
    Result<Keys> keys = deriveKeys(password, salt.value(), iterations);
    if (!keys)
        return keys.error();
    header.formatVersion = FormatVersion;
    header.iterations = iterations;
    const QJsonObject headerJson{
        {QStringLiteral("server"), header.server},
        {QStringLiteral("unit_no"), header.unitNo},
        {QStringLiteral("created_at"), header.createdAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("program"), header.program},
        {QStringLiteral("kdf"), KdfName},
        {QStringLiteral("iterations"), iterations},
        {QStringLiteral("salt"), QString::fromLatin1(salt.value().toBase64())},
        {QStringLiteral("key_check"), QString::fromLatin1(keys.value().check.toBase64())},
        {QStringLiteral("cipher"), CipherName},
        {QStringLiteral("nonce"), QString::fromLatin1(nonce.value().toBase64())},
        {QStringLiteral("compression"), Compression},
    };
    const QByteArray headerBytes = QJsonDocument(headerJson).toJson(QJsonDocument::Compact);
    QByteArray prefix = magic();
    prefix.resize(PrefixBytes);
    auto *bytes = reinterpret_cast<uchar *>(prefix.data());
    qToBigEndian<quint16>(quint16(FormatVersion), bytes + 8);
    qToBigEndian<quint32>(quint32(headerBytes.size()), bytes + 10);
    const QByteArray associated = prefix + headerBytes;
    const QJsonObject content{{QStringLiteral("cache"), contents.cache.toJson()},
                              {QStringLiteral("settings"), contents.settings}};
    const QByteArray plain = qCompress(QJsonDocument(content).toJson(QJsonDocument::Compact), 9);
    Result<QByteArray> sealed = crypto::aes256gcm::seal(keys.value().cipherKey, nonce.value(), associated, plain);
    if (!sealed)
        return sealed.error();
    return associated + sealed.value();
}

Result<BackupHeader> BackupFile::readHeader(const QByteArray &file)
{
    Result<ParsedHeader> parsed = parse(file);
    if (!parsed)
        return parsed.error();
    return parsed.value().header;
}

Result<BackupContents> BackupFile::read(const QByteArray &file, const QString &password)
{
    Result<ParsedHeader> parsed = parse(file);
    if (!parsed)
        return parsed.error();
    const ParsedHeader &p = parsed.value();
    Result<Keys> keys = deriveKeys(password, p.salt, p.header.iterations);
    if (!keys)
        return keys.error();
    if (!constantTimeEquals(keys.value().check, p.keyCheck))
        return wrongPassword();
    Result<QByteArray> plain =
        crypto::aes256gcm::open(keys.value().cipherKey, p.nonce, file.left(p.sealedAt), file.mid(p.sealedAt));
    if (!plain)
        return plain.error().code == u"crypto.auth" ? damaged(QStringLiteral("authentication failed")) : plain.error();
    const QByteArray json = qUncompress(plain.value());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (json.isEmpty() || error.error != QJsonParseError::NoError || !doc.isObject())
        return damaged(QStringLiteral("content: ") + error.errorString());
    const QJsonObject content = doc.object();
    Result<CacheSnapshot> cache = CacheSnapshot::fromJson(content.value(QStringLiteral("cache")).toObject());
    if (!cache)
        return cache.error();
    if (cache.value().unitNo != p.header.unitNo)
        return damaged(QStringLiteral("header and content name different units"));
    return BackupContents{std::move(cache).value(), content.value(QStringLiteral("settings")).toObject()};
}

} // namespace shebao
