#include "crypto/Pkcs12.h"

#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

namespace shebao::crypto {

namespace {

Result<void> checkPair(const Credential &c)
{
    if (X509_check_private_key(c.certificate.handle(), c.key.handle()) != 1) {
        ERR_clear_error();
        return Error{QStringLiteral("cert.mismatch"), QStringLiteral("私钥与证书不匹配。"), {}, {}};
    }
    return {};
}

} // namespace

Result<QByteArray> writePkcs12(const Credential &credential, const QByteArray &pin, const QString &friendlyName)
{
    STACK_OF(X509) *chain = sk_X509_new_null();
    for (const Certificate &c : credential.chain) {
        X509_up_ref(c.handle());
        sk_X509_push(chain, c.handle());
    }
    const QByteArray name = friendlyName.toUtf8();
    // NID 0 = OpenSSL 3's defaults: AES-256-CBC with PBKDF2 for key and certificates.
    PKCS12 *p12 = PKCS12_create(pin.constData(), name.constData(), credential.key.handle(), credential.certificate.handle(),
                                chain, 0, 0, 0, 0, 0);
    sk_X509_pop_free(chain, X509_free);
    if (!p12)
        return Error{QStringLiteral("cert.pkcs12"), QStringLiteral("无法生成证书文件。"), lastOpenSslError(), {}};
    unsigned char *der = nullptr;
    const int len = i2d_PKCS12(p12, &der);
    PKCS12_free(p12);
    if (len <= 0)
        return Error{QStringLiteral("cert.pkcs12"), QStringLiteral("无法生成证书文件。"), lastOpenSslError(), {}};
    QByteArray bytes(reinterpret_cast<const char *>(der), len);
    OPENSSL_free(der);
    return bytes;
}

Result<Credential> readPkcs12(const QByteArray &der, const QByteArray &pin)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    PKCS12 *p12 = d2i_PKCS12(nullptr, &p, long(der.size()));
    if (!p12)
        return Error{QStringLiteral("cert.format"), QStringLiteral("不是有效的证书文件（PKCS#12 / .p12 / .pfx）。"),
                     lastOpenSslError(), {}};
    if (PKCS12_verify_mac(p12, pin.constData(), int(pin.size())) != 1) {
        PKCS12_free(p12);
        ERR_clear_error();
        return Error{QStringLiteral("cert.pin"), QStringLiteral("PIN 码错误。"), {}, {}};
    }
    EVP_PKEY *pkey = nullptr;
    X509 *cert = nullptr;
    STACK_OF(X509) *ca = nullptr;
    const int ok = PKCS12_parse(p12, pin.constData(), &pkey, &cert, &ca);
    PKCS12_free(p12);
    if (ok != 1 || !pkey || !cert) {
        EVP_PKEY_free(pkey);
        X509_free(cert);
        sk_X509_pop_free(ca, X509_free);
        return Error{QStringLiteral("cert.format"), QStringLiteral("证书文件中没有私钥和证书。"), lastOpenSslError(), {}};
    }
    Credential c;
    c.key = Key::adopt(pkey);
    c.certificate = Certificate::adopt(cert);
    for (int i = 0; ca && i < sk_X509_num(ca); ++i) {
        X509 *x = sk_X509_value(ca, i);
        X509_up_ref(x);
        c.chain.append(Certificate::adopt(x));
    }
    sk_X509_pop_free(ca, X509_free);
    if (auto r = checkPair(c); !r)
        return r.error();
    return c;
}

Result<Credential> readPemPair(const QByteArray &keyPem, const QByteArray &certificatePem, const QByteArray &pin)
{
    auto key = Key::fromPrivatePem(keyPem, pin);
    if (!key)
        return key.error();
    auto cert = Certificate::fromPem(certificatePem);
    if (!cert)
        return cert.error();
    Credential c;
    c.key = std::move(key).value();
    c.certificate = cert.value();
    if (auto r = checkPair(c); !r)
        return r.error();
    return c;
}

} // namespace shebao::crypto
