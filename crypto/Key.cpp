#include "crypto/Key.h"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cstring>

namespace shebao::crypto {

namespace {

// GB/T 32918 / GM/T 0009 default distinguishing identifier.
constexpr char Sm2DistId[] = "1234567812345678";

Error cryptoError(const QString &code, const QString &message)
{
    return Error{code, message, lastOpenSslError(), {}};
}

struct BioDeleter
{
    void operator()(BIO *b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

QByteArray readBio(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

int pinCallback(char *buffer, int size, int, void *userdata)
{
    const auto *pin = static_cast<const QByteArray *>(userdata);
    const int n = int(qMin<qsizetype>(pin->size(), size));
    memcpy(buffer, pin->constData(), size_t(n));
    return n;
}

// Initialises ctx for signing or verifying with the key's algorithm: SM3 and the SM2
// distinguishing ID for SM2 keys, SHA-256 for ECDSA. OpenSSL 3.0 refuses the ID as an init
// parameter but takes it on the signature context right after init (checked: a signature made
// this way verifies only with the same ID, as GB/T 32918 requires).
bool initDigest(EVP_MD_CTX *ctx, EVP_PKEY *pkey, bool signing)
{
    const bool sm2 = EVP_PKEY_is_a(pkey, "SM2");
    const char *digest = sm2 ? "SM3" : "SHA256";
    EVP_PKEY_CTX *pctx = nullptr; // owned by ctx
    const bool ok = signing ? EVP_DigestSignInit_ex(ctx, &pctx, digest, nullptr, nullptr, pkey, nullptr) == 1
                            : EVP_DigestVerifyInit_ex(ctx, &pctx, digest, nullptr, nullptr, pkey, nullptr) == 1;
    if (!ok)
        return false;
    return !sm2 || EVP_PKEY_CTX_set1_id(pctx, Sm2DistId, strlen(Sm2DistId)) == 1;
}

} // namespace

QString lastOpenSslError()
{
    QString text;
    unsigned long code = 0;
    while ((code = ERR_get_error()) != 0) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!text.isEmpty())
            text += QStringLiteral("; ");
        text += QString::fromLatin1(buffer);
    }
    return text;
}

QString algorithmName(Algorithm algorithm)
{
    return algorithm == Algorithm::Sm2Sm3 ? QStringLiteral("SM2-SM3") : QStringLiteral("ECDSA-SHA256");
}

bool parseAlgorithm(const QString &name, Algorithm *algorithm)
{
    const QString n = name.toUpper();
    if (n == u"SM2-SM3" || n == u"SM2") {
        *algorithm = Algorithm::Sm2Sm3;
        return true;
    }
    if (n == u"ECDSA-SHA256" || n == u"ECDSA") {
        *algorithm = Algorithm::EcdsaP256Sha256;
        return true;
    }
    return false;
}

Key::Key() = default;
Key::~Key()
{
    EVP_PKEY_free(m_pkey);
}
Key::Key(Key &&other) noexcept : m_pkey(std::exchange(other.m_pkey, nullptr)) {}
Key &Key::operator=(Key &&other) noexcept
{
    if (this != &other) {
        EVP_PKEY_free(m_pkey);
        m_pkey = std::exchange(other.m_pkey, nullptr);
    }
    return *this;
}

Key Key::adopt(EVP_PKEY *pkey)
{
    return Key(pkey);
}

Result<Key> Key::generate(Algorithm algorithm)
{
    EVP_PKEY *pkey = algorithm == Algorithm::Sm2Sm3 ? EVP_PKEY_Q_keygen(nullptr, nullptr, "SM2")
                                                    : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    if (!pkey)
        return cryptoError(QStringLiteral("crypto.keygen"), QStringLiteral("无法生成密钥。"));
    return Key(pkey);
}

Result<Key> Key::fromPrivatePem(const QByteArray &pem, const QByteArray &pin)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    QByteArray pinCopy = pin;
    EVP_PKEY *pkey = PEM_read_bio_PrivateKey(bio.get(), nullptr, pinCallback, &pinCopy);
    if (!pkey)
        return cryptoError(QStringLiteral("crypto.key"), QStringLiteral("无法读取私钥（文件有误或 PIN 码错误）。"));
    return Key(pkey);
}

Result<Key> Key::fromPublicPem(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    EVP_PKEY *pkey = PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
    if (!pkey)
        return cryptoError(QStringLiteral("crypto.key"), QStringLiteral("无法读取公钥。"));
    return Key(pkey);
}

bool Key::isNull() const
{
    return m_pkey == nullptr;
}

Result<Algorithm> Key::algorithm() const
{
    if (!m_pkey)
        return Error{QStringLiteral("crypto.key"), QStringLiteral("没有密钥。"), {}, {}};
    if (EVP_PKEY_is_a(m_pkey, "SM2"))
        return Algorithm::Sm2Sm3;
    if (EVP_PKEY_is_a(m_pkey, "EC")) {
        char curve[64] = {};
        size_t len = 0;
        if (EVP_PKEY_get_utf8_string_param(m_pkey, OSSL_PKEY_PARAM_GROUP_NAME, curve, sizeof curve, &len) == 1
            && (strcmp(curve, "prime256v1") == 0 || strcmp(curve, "P-256") == 0))
            return Algorithm::EcdsaP256Sha256;
        if (strcmp(curve, "SM2") == 0)
            return Algorithm::Sm2Sm3;
    }
    return Error{QStringLiteral("crypto.algorithm"), QStringLiteral("不支持的密钥算法：仅支持 SM2 和 ECDSA P-256。"), {}, {}};
}

QByteArray Key::publicPem() const
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!m_pkey || PEM_write_bio_PUBKEY(bio.get(), m_pkey) != 1)
        return {};
    return readBio(bio.get());
}

Result<QByteArray> Key::privatePem(const QByteArray &pin) const
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    const EVP_CIPHER *cipher = pin.isEmpty() ? nullptr : EVP_aes_256_cbc();
    if (!m_pkey
        || PEM_write_bio_PKCS8PrivateKey(bio.get(), m_pkey, cipher, pin.isEmpty() ? nullptr : pin.constData(),
                                         int(pin.size()), nullptr, nullptr) != 1)
        return cryptoError(QStringLiteral("crypto.key"), QStringLiteral("无法导出私钥。"));
    return readBio(bio.get());
}

Result<QByteArray> Key::sign(const QByteArray &data) const
{
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!m_pkey || !initDigest(ctx.get(), m_pkey, true))
        return cryptoError(QStringLiteral("crypto.sign"), QStringLiteral("无法签名。"));
    size_t length = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(data.constData());
    if (EVP_DigestSign(ctx.get(), nullptr, &length, in, size_t(data.size())) != 1)
        return cryptoError(QStringLiteral("crypto.sign"), QStringLiteral("无法签名。"));
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, in, size_t(data.size())) != 1)
        return cryptoError(QStringLiteral("crypto.sign"), QStringLiteral("无法签名。"));
    signature.resize(qsizetype(length));
    return signature;
}

bool Key::verify(const QByteArray &data, const QByteArray &signature) const
{
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!m_pkey || !initDigest(ctx.get(), m_pkey, false)) {
        ERR_clear_error();
        return false;
    }
    const int ok = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
                                    size_t(signature.size()), reinterpret_cast<const unsigned char *>(data.constData()),
                                    size_t(data.size()));
    ERR_clear_error();
    return ok == 1;
}

} // namespace shebao::crypto
