#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

#include "models/core/Result.h"

typedef struct evp_pkey_st EVP_PKEY;

namespace shebao::crypto {

// The signature algorithms certificate users may hold: SM2 with SM3 (GB/T 32918, the Chinese
// CAs' default, distinguishing ID 1234567812345678) and ECDSA P-256 with SHA-256.
enum class Algorithm { Sm2Sm3, EcdsaP256Sha256 };

QString algorithmName(Algorithm algorithm);              // "SM2-SM3", "ECDSA-SHA256"
bool parseAlgorithm(const QString &name, Algorithm *algorithm);

// An asymmetric key (private, or public only) owned through OpenSSL's EVP_PKEY.
class Key
{
public:
    Key();
    ~Key();
    Key(Key &&) noexcept;
    Key &operator=(Key &&) noexcept;
    Key(const Key &) = delete;
    Key &operator=(const Key &) = delete;

    static Result<Key> generate(Algorithm algorithm);
    // PEM private key, optionally encrypted with pin; or a PEM public key.
    static Result<Key> fromPrivatePem(const QByteArray &pem, const QByteArray &pin = {});
    static Result<Key> fromPublicPem(const QByteArray &pem);
    // Takes ownership of an EVP_PKEY (used by Certificate and Pkcs12).
    static Key adopt(EVP_PKEY *pkey);

    bool isNull() const;
    Result<Algorithm> algorithm() const;
    QByteArray publicPem() const;
    // PKCS#8 PEM; encrypted with AES-256-CBC when pin is not empty.
    Result<QByteArray> privatePem(const QByteArray &pin = {}) const;

    // A detached signature (DER) over data.
    Result<QByteArray> sign(const QByteArray &data) const;
    // True when signature is a valid signature of data by this key's public half.
    bool verify(const QByteArray &data, const QByteArray &signature) const;

    EVP_PKEY *handle() const { return m_pkey; }

private:
    explicit Key(EVP_PKEY *pkey) : m_pkey(pkey) {}
    EVP_PKEY *m_pkey = nullptr;
};

// OpenSSL's last error as text, for Error::detail.
QString lastOpenSslError();

} // namespace shebao::crypto
