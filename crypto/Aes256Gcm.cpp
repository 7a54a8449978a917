#include "crypto/Aes256Gcm.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

#include "crypto/Key.h"

namespace shebao::crypto {

namespace {

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

Error failure(const QString &detail)
{
    return Error{QStringLiteral("crypto.failure"), QStringLiteral("加密运算失败。"),
                 detail + QStringLiteral(": ") + lastOpenSslError(), {}};
}

const unsigned char *bytes(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}

unsigned char *bytes(QByteArray &a)
{
    return reinterpret_cast<unsigned char *>(a.data());
}

bool validSizes(const QByteArray &key, const QByteArray &nonce)
{
    return key.size() == aes256gcm::KeyBytes && nonce.size() == aes256gcm::NonceBytes;
}

} // namespace

namespace aes256gcm {

Result<QByteArray> seal(const QByteArray &key, const QByteArray &nonce, const QByteArray &associatedData,
                        const QByteArray &plaintext)
{
    if (!validSizes(key, nonce))
        return failure(QStringLiteral("key or nonce of the wrong size"));
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1)
        return failure(QStringLiteral("EVP_EncryptInit_ex"));
    if (!associatedData.isEmpty()
        && EVP_EncryptUpdate(ctx.get(), nullptr, &length, bytes(associatedData), int(associatedData.size())) != 1)
        return failure(QStringLiteral("associated data"));
    QByteArray out(plaintext.size() + TagBytes, Qt::Uninitialized);
    int written = 0;
    if (!plaintext.isEmpty()
        && EVP_EncryptUpdate(ctx.get(), bytes(out), &written, bytes(plaintext), int(plaintext.size())) != 1)
        return failure(QStringLiteral("EVP_EncryptUpdate"));
    if (EVP_EncryptFinal_ex(ctx.get(), bytes(out) + written, &length) != 1)
        return failure(QStringLiteral("EVP_EncryptFinal_ex"));
    written += length;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagBytes, bytes(out) + written) != 1)
        return failure(QStringLiteral("tag"));
    out.resize(written + TagBytes);
    return out;
}

Result<QByteArray> open(const QByteArray &key, const QByteArray &nonce, const QByteArray &associatedData,
                        const QByteArray &sealed)
{
    const Error refused{QStringLiteral("crypto.auth"), QStringLiteral("数据无法通过完整性校验。"), {}, {}};
    if (!validSizes(key, nonce))
        return failure(QStringLiteral("key or nonce of the wrong size"));
    if (sealed.size() < TagBytes)
        return refused;
    const qsizetype cipherBytes = sealed.size() - TagBytes;
    CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1)
        return failure(QStringLiteral("EVP_DecryptInit_ex"));
    if (!associatedData.isEmpty()
        && EVP_DecryptUpdate(ctx.get(), nullptr, &length, bytes(associatedData), int(associatedData.size())) != 1)
        return failure(QStringLiteral("associated data"));
    QByteArray out(cipherBytes, Qt::Uninitialized);
    int written = 0;
    if (cipherBytes > 0
        && EVP_DecryptUpdate(ctx.get(), bytes(out), &written, bytes(sealed), int(cipherBytes)) != 1)
        return failure(QStringLiteral("EVP_DecryptUpdate"));
    QByteArray tag = sealed.right(TagBytes);
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagBytes, bytes(tag)) != 1)
        return failure(QStringLiteral("tag"));
    if (EVP_DecryptFinal_ex(ctx.get(), bytes(out) + written, &length) != 1) {
        // Unverified plaintext never leaves.
        out.fill('\0');
        return refused;
    }
    out.resize(written + length);
    return out;
}

} // namespace aes256gcm

Result<QByteArray> pbkdf2Sha256(const QByteArray &password, const QByteArray &salt, int iterations, int length)
{
    if (iterations < 1 || length < 1)
        return failure(QStringLiteral("PBKDF2 parameters"));
    QByteArray out(length, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()), bytes(salt), int(salt.size()), iterations,
                          EVP_sha256(), length, bytes(out))
        != 1)
        return failure(QStringLiteral("PKCS5_PBKDF2_HMAC"));
    return out;
}

Result<QByteArray> randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (count > 0 && RAND_bytes(bytes(out), count) != 1)
        return failure(QStringLiteral("RAND_bytes"));
    return out;
}

} // namespace shebao::crypto
