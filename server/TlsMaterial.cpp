#include "server/TlsMaterial.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSslCipher>
#include <QSslCertificate>
#include <QSslKey>

#include <memory>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace shebao::server {

namespace {

struct Deleter
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); }
    void operator()(BIGNUM *p) const { BN_free(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, Deleter>;
using Cert = std::unique_ptr<X509, Deleter>;
using Bio = std::unique_ptr<BIO, Deleter>;

Error tlsError(const QString &detail)
{
    return Error{QStringLiteral("tls.setup"), QStringLiteral("无法创建或读取服务器证书。"), detail, {}};
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    std::unique_ptr<X509_EXTENSION, Deleter> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

// A certificate for `key`, signed by issuerKey (self-signed when issuer is null).
Cert makeCertificate(EVP_PKEY *key, const char *commonName, X509 *issuer, EVP_PKEY *issuerKey, long days,
                     bool isCa)
{
    Cert cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return {};
    std::unique_ptr<BIGNUM, Deleter> serial(BN_new());
    if (!serial || BN_rand(serial.get(), 128, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return {};
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), days * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("shebao-desk"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0);
    X509 *signer = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
    bool ok = addExtension(cert.get(), signer, NID_subject_key_identifier, "hash")
              && addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid:always");
    if (isCa) {
        ok = ok && addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE,pathlen:0")
             && addExtension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        ok = ok && addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE")
             && addExtension(cert.get(), signer, NID_key_usage, "critical,digitalSignature,keyAgreement")
             && addExtension(cert.get(), signer, NID_ext_key_usage, "serverAuth")
             && addExtension(cert.get(), signer, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1");
    }
    if (!ok || X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        return {};
    return cert;
}

QByteArray certPem(X509 *cert)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(size));
}

QByteArray keyPem(EVP_PKEY *key)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(size));
}

Bio fileBio(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    Bio bio(BIO_new(BIO_s_mem()));
    if (bio)
        BIO_write(bio.get(), bytes.constData(), int(bytes.size()));
    return bio;
}

Cert readCertificate(const QString &path)
{
    Bio bio = fileBio(path);
    return Cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

PKey readKey(const QString &path)
{
    Bio bio = fileBio(path);
    return PKey(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

// Whole days from `from` to `to` (null: now), negative when `to` is earlier.
int daysBetween(const ASN1_TIME *from, const ASN1_TIME *to)
{
    int days = 0, seconds = 0;
    if (ASN1_TIME_diff(&days, &seconds, from, to) != 1)
        return 0;
    return days;
}

// TLS 1.3's suites (all AEAD) and, for TLS 1.2, only ECDHE key exchange with AES-GCM or
// ChaCha20-Poly1305: forward secrecy and no CBC (Lucky13), no RSA key exchange, no PSK, no
// SHA-1 MACs. Every client of 2016 or later (Qt, browsers, Java 8, Windows 7's IE 11) has them.
QList<QSslCipher> modernCiphers()
{
    QList<QSslCipher> kept;
    for (const QSslCipher &cipher : QSslConfiguration::supportedCiphers()) {
        const QString name = cipher.name();
        const bool tls13 = name.startsWith(QLatin1String("TLS_"));
        const bool aead = name.contains(QLatin1String("-GCM-")) || name.contains(QLatin1String("CHACHA20-POLY1305"));
        const bool ecdhe = name.startsWith(QLatin1String("ECDHE-ECDSA-")) || name.startsWith(QLatin1String("ECDHE-RSA-"));
        if (tls13 || (ecdhe && aead))
            kept.append(cipher);
    }
    return kept;
}

bool writeFile(const QString &path, const QByteArray &data, bool secret)
{
    QFile::remove(path);
    QFile file(path);
    // Secret files are created with owner-only permissions from the start, never widened.
    const QFileDevice::Permissions perms = secret
        ? (QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        : (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, perms))
        return false;
    return file.write(data) == data.size() && file.flush();
}

} // namespace

TlsMaterial::TlsMaterial(const QString &dataDir) : m_dir(QDir(dataDir).filePath(QStringLiteral("tls"))) {}

QString TlsMaterial::caFile() const { return QDir(m_dir).filePath(QStringLiteral("ca.pem")); }
QString TlsMaterial::caKeyFile() const { return QDir(m_dir).filePath(QStringLiteral("ca.key")); }
QString TlsMaterial::certFile() const { return QDir(m_dir).filePath(QStringLiteral("server.pem")); }
QString TlsMaterial::keyFile() const { return QDir(m_dir).filePath(QStringLiteral("server.key")); }

Result<void> TlsMaterial::ensure()
{
    m_created = false;
    // server.pem, server.key and ca.pem are what serving needs; ca.key exists only when this
    // server made the set. An agency that supplies its own certificate (docs/deploy.md) leaves
    // ca.key out, and its files are used as they are.
    if (!QFile::exists(caFile()) || !QFile::exists(certFile()) || !QFile::exists(keyFile())) {
        if (auto r = create(); !r)
            return r;
        m_created = true;
    } else if (QFile::exists(caKeyFile())) {
        if (auto r = renewIfDue(); !r)
            return r;
    }
    return load();
}

Result<void> TlsMaterial::renewIfDue()
{
    m_renewed = false;
    Cert current = readCertificate(certFile());
    if (!current)
        return tlsError(QStringLiteral("cannot read %1").arg(certFile()));
    const int left = daysBetween(nullptr, X509_get0_notAfter(current.get()));
    const int validity = daysBetween(X509_get0_notBefore(current.get()), X509_get0_notAfter(current.get()));
    if (left > RenewWithinDays && validity <= MaxValidityDays)
        return {};
    // The same server key under a new certificate from the same CA: clients that trust ca.pem
    // notice nothing, and a crash before the rename leaves the old, matching certificate.
    Cert ca = readCertificate(caFile());
    PKey caKey = readKey(caKeyFile());
    PKey serverKey = readKey(keyFile());
    if (!ca || !caKey || !serverKey)
        return tlsError(QStringLiteral("cannot read the sandbox CA or the server key in %1").arg(m_dir));
    Cert renewed = makeCertificate(serverKey.get(), "localhost", ca.get(), caKey.get(), ServerCertificateDays, false);
    if (!renewed)
        return tlsError(QStringLiteral("server certificate renewal failed"));
    QSaveFile out(certFile());
    const QByteArray pem = certPem(renewed.get());
    if (!out.open(QIODevice::WriteOnly) || out.write(pem) != pem.size() || !out.commit())
        return tlsError(QStringLiteral("cannot write %1").arg(certFile()));
    m_renewed = true;
    return {};
}

Result<void> TlsMaterial::create()
{
    if (!QDir().mkpath(m_dir))
        return tlsError(QStringLiteral("cannot create %1").arg(m_dir));
    QFile(m_dir).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    PKey caKey(EVP_EC_gen("P-256"));
    PKey serverKey(EVP_EC_gen("P-256"));
    if (!caKey || !serverKey)
        return tlsError(QStringLiteral("EC key generation failed"));
    Cert ca = makeCertificate(caKey.get(), "shebao-desk sandbox CA", nullptr, nullptr, 3650, true);
    if (!ca)
        return tlsError(QStringLiteral("CA certificate creation failed"));
    Cert server = makeCertificate(serverKey.get(), "localhost", ca.get(), caKey.get(), ServerCertificateDays, false);
    if (!server)
        return tlsError(QStringLiteral("server certificate creation failed"));
    // Keys first, certificates last: a crash in between leaves the set incomplete, and the
    // next start recreates it instead of serving a certificate without its key.
    if (!writeFile(caKeyFile(), keyPem(caKey.get()), true) || !writeFile(keyFile(), keyPem(serverKey.get()), true)
        || !writeFile(certFile(), certPem(server.get()), false) || !writeFile(caFile(), certPem(ca.get()), false))
        return tlsError(QStringLiteral("cannot write the TLS files in %1").arg(m_dir));
    return {};
}

Result<void> TlsMaterial::load()
{
    const auto cas = QSslCertificate::fromPath(caFile(), QSsl::Pem);
    const auto certs = QSslCertificate::fromPath(certFile(), QSsl::Pem);
    QFile keyIn(keyFile());
    if (cas.isEmpty() || certs.isEmpty() || !keyIn.open(QIODevice::ReadOnly))
        return tlsError(QStringLiteral("cannot read the TLS files in %1").arg(m_dir));
    const QByteArray keyBytes = keyIn.readAll();
    // The server's own keys are EC; a certificate from the agency's CA may have an RSA key.
    QSslKey key(keyBytes, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        key = QSslKey(keyBytes, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        return tlsError(QStringLiteral("cannot read %1").arg(keyFile()));
    // server.pem may carry intermediates after the server's certificate; the CA closes the chain.
    QList<QSslCertificate> chain = certs;
    if (!chain.contains(cas.constFirst()))
        chain.append(cas.constFirst());
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificateChain(chain);
    conf.setPrivateKey(key);
    conf.setProtocol(QSsl::TlsV1_2OrLater);
    conf.setCiphers(modernCiphers());
    conf.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_configuration = conf;
    return {};
}

} // namespace shebao::server
