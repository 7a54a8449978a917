#include "crypto/Certificate.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace shebao::crypto {

namespace {

constexpr char Sm2DistinguishingId[] = "1234567812345678";

struct BioDeleter { void operator()(BIO *b) const { BIO_free(b); } };
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

QDateTime fromAsn1Time(const ASN1_TIME *time)
{
    struct tm t = {};
    if (!time || ASN1_TIME_to_tm(time, &t) != 1)
        return {};
    return QDateTime(QDate(t.tm_year + 1900, t.tm_mon + 1, t.tm_mday), QTime(t.tm_hour, t.tm_min, t.tm_sec), Qt::UTC);
}

QString nameToString(const X509_NAME *name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(bio.get(), name, 0, (XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) | ASN1_STRFLGS_UTF8_CONVERT);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, size);
}

QString nameEntry(const X509_NAME *name, int nid)
{
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0)
        return {};
    unsigned char *utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
    if (len < 0)
        return {};
    const QString s = QString::fromUtf8(reinterpret_cast<const char *>(utf8), len);
    OPENSSL_free(utf8);
    return s;
}

} // namespace

Certificate::Certificate() = default;
Certificate::~Certificate()
{
    X509_free(m_x509);
}
Certificate::Certificate(const Certificate &other) : m_x509(other.m_x509)
{
    if (m_x509)
        X509_up_ref(m_x509);
}
Certificate &Certificate::operator=(const Certificate &other)
{
    if (this != &other) {
        X509_free(m_x509);
        m_x509 = other.m_x509;
        if (m_x509)
            X509_up_ref(m_x509);
    }
    return *this;
}
Certificate::Certificate(Certificate &&other) noexcept : m_x509(std::exchange(other.m_x509, nullptr)) {}
Certificate &Certificate::operator=(Certificate &&other) noexcept
{
    if (this != &other) {
        X509_free(m_x509);
        m_x509 = std::exchange(other.m_x509, nullptr);
    }
    return *this;
}

Certificate Certificate::adopt(X509 *x509)
{
    Certificate c;
    c.m_x509 = x509;
    return c;
}

Result<Certificate> Certificate::fromPem(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    X509 *x509 = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
    if (!x509)
        return Error{QStringLiteral("cert.format"), QStringLiteral("无法读取证书（不是 PEM 格式的 X.509 证书）。"),
                     lastOpenSslError(), {}};
    return adopt(x509);
}

QList<Certificate> Certificate::allFromPem(const QByteArray &pem)
{
    QList<Certificate> list;
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    while (X509 *x509 = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
        list.append(adopt(x509));
    ERR_clear_error(); // the read past the last certificate
    return list;
}

QByteArray Certificate::toPem() const
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!m_x509 || PEM_write_bio_X509(bio.get(), m_x509) != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, size);
}

QString Certificate::serialHex() const
{
    if (!m_x509)
        return {};
    BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(m_x509), nullptr);
    char *hex = BN_bn2hex(bn);
    const QString s = QString::fromLatin1(hex);
    OPENSSL_free(hex);
    BN_free(bn);
    return s;
}

QString Certificate::subject() const
{
    return m_x509 ? nameToString(X509_get_subject_name(m_x509)) : QString();
}

QString Certificate::subjectCommonName() const
{
    return m_x509 ? nameEntry(X509_get_subject_name(m_x509), NID_commonName) : QString();
}

QString Certificate::subjectSerialNumber() const
{
    return m_x509 ? nameEntry(X509_get_subject_name(m_x509), NID_serialNumber) : QString();
}

QString Certificate::issuer() const
{
    return m_x509 ? nameToString(X509_get_issuer_name(m_x509)) : QString();
}

QDateTime Certificate::notBefore() const
{
    return m_x509 ? fromAsn1Time(X509_get0_notBefore(m_x509)) : QDateTime();
}

QDateTime Certificate::notAfter() const
{
    return m_x509 ? fromAsn1Time(X509_get0_notAfter(m_x509)) : QDateTime();
}

QByteArray Certificate::sha256Fingerprint() const
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!m_x509 || X509_digest(m_x509, EVP_sha256(), md, &len) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(md), int(len)).toHex();
}

Key Certificate::publicKey() const
{
    return m_x509 ? Key::adopt(X509_get_pubkey(m_x509)) : Key();
}

Result<void> Certificate::verifyChain(const QList<Certificate> &trusted, const QDateTime &at) const
{
    if (!m_x509)
        return Error{QStringLiteral("cert.format"), QStringLiteral("没有证书。"), {}, {}};
    // OpenSSL 3.0 verifies an SM2-with-SM3 signature with an empty distinguishing ID unless the
    // certificate carries one; issuers sign with the standard ID, so give it to the leaf.
    if (X509_get_signature_nid(m_x509) == NID_SM2_with_SM3 && !X509_get0_distinguishing_id(m_x509)) {
        ASN1_OCTET_STRING *id = ASN1_OCTET_STRING_new();
        ASN1_OCTET_STRING_set(id, reinterpret_cast<const unsigned char *>(Sm2DistinguishingId),
                              int(sizeof Sm2DistinguishingId - 1));
        X509_set0_distinguishing_id(m_x509, id);
    }
    std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(), &X509_STORE_free);
    for (const Certificate &ca : trusted)
        X509_STORE_add_cert(store.get(), ca.handle());
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> ctx(X509_STORE_CTX_new(), &X509_STORE_CTX_free);
    X509_STORE_CTX_init(ctx.get(), store.get(), m_x509, nullptr);
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx.get()), time_t(at.toSecsSinceEpoch()));
    const int ok = X509_verify_cert(ctx.get());
    const int error = X509_STORE_CTX_get_error(ctx.get());
    ERR_clear_error();
    if (ok == 1)
        return {};
    const QString detail = QString::fromLatin1(X509_verify_cert_error_string(error));
    if (error == X509_V_ERR_CERT_HAS_EXPIRED)
        return Error{QStringLiteral("cert.expired"),
                     QStringLiteral("证书已于 %1 过期，请到经办机构更新证书。").arg(notAfter().toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))),
                     detail, {}};
    if (error == X509_V_ERR_CERT_NOT_YET_VALID)
        return Error{QStringLiteral("cert.not_yet_valid"), QStringLiteral("证书尚未生效。"), detail, {}};
    return Error{QStringLiteral("cert.untrusted"), QStringLiteral("证书不是由受信任的证书机构签发的。"), detail, {}};
}

namespace {

Error issueError()
{
    return Error{QStringLiteral("cert.issue"), QStringLiteral("无法签发证书。"), lastOpenSslError(), {}};
}

// Serial, validity and subject common to CA and end-entity certificates.
X509 *newCertificate(const QString &commonName, const QString &unitNo, const QDateTime &notBefore, const QDateTime &notAfter)
{
    X509 *x = X509_new();
    if (!x)
        return nullptr;
    X509_set_version(x, X509_VERSION_3);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    // Positive, and never a leading zero byte: always 16 octets, 32 hex digits (126 random bits).
    serial[0] = (serial[0] & 0x7F) | 0x40;
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(x));
    BN_free(bn);
    ASN1_TIME_set(X509_getm_notBefore(x), time_t(notBefore.toSecsSinceEpoch()));
    ASN1_TIME_set(X509_getm_notAfter(x), time_t(notAfter.toSecsSinceEpoch()));
    X509_NAME *name = X509_get_subject_name(x);
    const QByteArray cn = commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "C", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>("CN"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0);
    if (!unitNo.isEmpty()) {
        const QByteArray serialNumber = unitNo.toUtf8();
        X509_NAME_add_entry_by_txt(name, "serialNumber", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(serialNumber.constData()), -1, -1, 0);
    }
    return x;
}

bool addExtensions(X509 *issuer, X509 *x, std::initializer_list<std::pair<int, const char *>> extensions)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, x, nullptr, nullptr, 0);
    for (const auto &[nid, value] : extensions) {
        X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
        if (!ext)
            return false;
        X509_add_ext(x, ext, -1);
        X509_EXTENSION_free(ext);
    }
    return true;
}

// Signs x with the issuer's key: SHA-256 for ECDSA, SM3 with the standard distinguishing ID for
// SM2 (X509_sign would pick neither the digest nor the ID right for SM2).
bool signWith(X509 *x, const Key &key)
{
    if (!EVP_PKEY_is_a(key.handle(), "SM2"))
        return X509_sign(x, key.handle(), EVP_sha256()) > 0;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    EVP_PKEY_CTX *pctx = nullptr; // owned by ctx
    return EVP_DigestSignInit_ex(ctx.get(), &pctx, "SM3", nullptr, nullptr, key.handle(), nullptr) == 1
        && EVP_PKEY_CTX_set1_id(pctx, Sm2DistinguishingId, int(sizeof Sm2DistinguishingId - 1)) == 1
        && X509_sign_ctx(x, ctx.get()) > 0;
}

} // namespace

Result<Certificate> makeCaCertificate(const Key &key, const QString &commonName, const QDateTime &notBefore,
                                      const QDateTime &notAfter)
{
    X509 *x = newCertificate(commonName, {}, notBefore, notAfter);
    if (!x)
        return issueError();
    Certificate cert = Certificate::adopt(x);
    X509_set_issuer_name(x, X509_get_subject_name(x));
    X509_set_pubkey(x, key.handle());
    if (!addExtensions(x, x, {{NID_basic_constraints, "critical,CA:TRUE"},
                              {NID_key_usage, "critical,keyCertSign,cRLSign"},
                              {NID_subject_key_identifier, "hash"}})
        || !signWith(x, key))
        return issueError();
    return cert;
}

Result<Certificate> issueCertificate(const Certificate &caCertificate, const Key &caKey, const Key &subjectPublicKey,
                                     const IssueRequest &request)
{
    X509 *x = newCertificate(request.commonName, request.unitNo, request.notBefore, request.notAfter);
    if (!x)
        return issueError();
    Certificate cert = Certificate::adopt(x);
    X509_set_issuer_name(x, X509_get_subject_name(caCertificate.handle()));
    X509_set_pubkey(x, subjectPublicKey.handle());
    if (!addExtensions(caCertificate.handle(), x,
                       {{NID_basic_constraints, "critical,CA:FALSE"},
                        {NID_key_usage, "critical,digitalSignature,nonRepudiation"},
                        {NID_ext_key_usage, "clientAuth"},
                        {NID_subject_key_identifier, "hash"},
                        {NID_authority_key_identifier, "keyid"}}))
        return issueError();
    if (!signWith(x, caKey))
        return issueError();
    return cert;
}

} // namespace shebao::crypto
