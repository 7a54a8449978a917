// SM2-with-SM3 and ECDSA P-256 keys, signatures, the sandbox CA, chains and PKCS#12 files.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "crypto/Certificate.h"
#include "crypto/Key.h"
#include "crypto/Pkcs12.h"

using namespace shebao;
using namespace shebao::crypto;

Q_DECLARE_METATYPE(shebao::crypto::Algorithm)

namespace {

struct Ca
{
    Key key;
    Certificate cert;
};

Ca makeCa(const QString &name)
{
    Ca ca;
    ca.key = std::move(Key::generate(Algorithm::EcdsaP256Sha256)).value();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ca.cert = makeCaCertificate(ca.key, name, now.addDays(-1), now.addYears(10)).value();
    return ca;
}

Certificate issue(const Ca &ca, const Key &subject, const QDateTime &from, const QDateTime &to)
{
    auto cert = issueCertificate(ca.cert, ca.key, subject, {QStringLiteral("长沙湘江示范科技有限公司"), QStringLiteral("43010000003"), from, to});
    return cert.ok() ? cert.value() : Certificate();
}

} // namespace

class TestCrypto : public QObject
{
    Q_OBJECT

private slots:
    void signAndVerify_data()
    {
        QTest::addColumn<Algorithm>("algorithm");
        QTest::newRow("SM2-SM3") << Algorithm::Sm2Sm3;
        QTest::newRow("ECDSA-SHA256") << Algorithm::EcdsaP256Sha256;
    }
    void signAndVerify()
    {
        QFETCH(Algorithm, algorithm);
        auto key = Key::generate(algorithm);
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().detail));
        QCOMPARE(key.value().algorithm().value(), algorithm);
        const QByteArray challenge = "challenge-0123456789";
        auto sig = key.value().sign(challenge);
        QVERIFY2(sig.ok(), qPrintable(sig.ok() ? QString() : sig.error().detail));
        QVERIFY(key.value().verify(challenge, sig.value()));
        QVERIFY(!key.value().verify(challenge + 'x', sig.value()));
        QByteArray tampered = sig.value();
        tampered[tampered.size() / 2] = char(tampered[tampered.size() / 2] ^ 0x01);
        QVERIFY(!key.value().verify(challenge, tampered));

        // The public half alone verifies, after a PEM round trip.
        auto pub = Key::fromPublicPem(key.value().publicPem());
        QVERIFY(pub.ok());
        QCOMPARE(pub.value().algorithm().value(), algorithm);
        QVERIFY(pub.value().verify(challenge, sig.value()));
        // Another key of the same kind does not.
        auto other = Key::generate(algorithm);
        QVERIFY(!other.value().verify(challenge, sig.value()));
    }

    // The SM2 signature follows GB/T 32918 with the standard distinguishing ID, so another
    // implementation (the openssl command) verifies it with distid 1234567812345678 and no other.
    void sm2InteroperatesWithOpenSslCli()
    {
        auto key = Key::generate(Algorithm::Sm2Sm3);
        const QByteArray data = "请求正文 body";
        const QByteArray sig = key.value().sign(data).value();
        QTemporaryDir dir;
        auto write = [&](const char *name, const QByteArray &bytes) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        write("pub.pem", key.value().publicPem());
        write("data", data);
        write("sig", sig);
        auto verifyWith = [&](const char *id) {
            QProcess p;
            p.start(QStringLiteral("openssl"), {QStringLiteral("dgst"), QStringLiteral("-sm3"), QStringLiteral("-verify"),
                                                dir.filePath(QStringLiteral("pub.pem")), QStringLiteral("-sigopt"),
                                                QStringLiteral("distid:%1").arg(QLatin1String(id)), QStringLiteral("-signature"),
                                                dir.filePath(QStringLiteral("sig")), dir.filePath(QStringLiteral("data"))});
            p.waitForFinished(30000);
            return p.exitCode() == 0 && p.readAllStandardOutput().contains("Verified OK");
        };
        QVERIFY(verifyWith("1234567812345678"));
        QVERIFY(!verifyWith("8765432187654321"));
    }

    void encryptedPemNeedsThePin()
    {
        auto key = Key::generate(Algorithm::Sm2Sm3);
        auto pem = key.value().privatePem("123456");
        QVERIFY(pem.ok());
        QVERIFY(pem.value().contains("ENCRYPTED"));
        QVERIFY(!Key::fromPrivatePem(pem.value(), "000000").ok());
        auto back = Key::fromPrivatePem(pem.value(), "123456");
        QVERIFY(back.ok());
        QCOMPARE(back.value().publicPem(), key.value().publicPem());
    }

    void chain_data()
    {
        QTest::addColumn<Algorithm>("algorithm");
        QTest::newRow("SM2 subject") << Algorithm::Sm2Sm3;
        QTest::newRow("ECDSA subject") << Algorithm::EcdsaP256Sha256;
    }
    void chain()
    {
        QFETCH(Algorithm, algorithm);
        const Ca ca = makeCa(QStringLiteral("shebao-desk sandbox CA"));
        const Ca stranger = makeCa(QStringLiteral("unknown CA"));
        auto key = Key::generate(algorithm);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Certificate cert = issue(ca, key.value(), now.addDays(-1), now.addDays(365));
        QVERIFY(!cert.isNull());
        QCOMPARE(cert.subjectSerialNumber(), QStringLiteral("43010000003"));
        QCOMPARE(cert.subjectCommonName(), QStringLiteral("长沙湘江示范科技有限公司"));
        QVERIFY(cert.issuer().contains(QStringLiteral("shebao-desk sandbox CA")));
        QCOMPARE(cert.serialHex().size(), 32);
        QVERIFY(cert.publicKey().algorithm().ok());
        QCOMPARE(cert.publicKey().algorithm().value(), algorithm);

        QVERIFY(cert.verifyChain({ca.cert}, now).ok());
        const auto untrusted = cert.verifyChain({stranger.cert}, now);
        QVERIFY(!untrusted.ok());
        QCOMPARE(untrusted.error().code, QStringLiteral("cert.untrusted"));
        const auto expired = cert.verifyChain({ca.cert}, now.addDays(400));
        QCOMPARE(expired.error().code, QStringLiteral("cert.expired"));

        const Certificate old = issue(ca, key.value(), now.addDays(-30), now.addDays(-1));
        QCOMPARE(old.verifyChain({ca.cert}, now).error().code, QStringLiteral("cert.expired"));

        auto parsed = Certificate::fromPem(cert.toPem());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().sha256Fingerprint(), cert.sha256Fingerprint());
        QCOMPARE(Certificate::allFromPem(cert.toPem() + ca.cert.toPem()).size(), 2);
    }

    // An agency CA may itself be SM2 (Chinese CAs usually are): it must issue certificates
    // whose chain verifies, and refuse a certificate it did not sign.
    void sm2CertificateAuthority_data() { chain_data(); }
    void sm2CertificateAuthority()
    {
        QFETCH(Algorithm, algorithm);
        Ca ca;
        ca.key = std::move(Key::generate(Algorithm::Sm2Sm3)).value();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto caCert = makeCaCertificate(ca.key, QStringLiteral("SM2 root"), now.addDays(-1), now.addYears(5));
        QVERIFY2(caCert.ok(), qPrintable(caCert.ok() ? QString() : caCert.error().detail));
        ca.cert = caCert.value();
        QVERIFY(ca.cert.verifyChain({ca.cert}, now).ok());
        auto key = Key::generate(algorithm);
        const Certificate cert = issue(ca, key.value(), now.addDays(-1), now.addDays(30));
        QVERIFY(!cert.isNull());
        const auto chain = cert.verifyChain({ca.cert}, now);
        QVERIFY2(chain.ok(), qPrintable(chain.ok() ? QString() : chain.error().detail));
        const Ca other = makeCa(QStringLiteral("SM2 root"));
        QCOMPARE(cert.verifyChain({other.cert}, now).error().code, QStringLiteral("cert.untrusted"));
    }

    void pkcs12RoundTrip_data() { chain_data(); }
    void pkcs12RoundTrip()
    {
        QFETCH(Algorithm, algorithm);
        const Ca ca = makeCa(QStringLiteral("shebao-desk sandbox CA"));
        Credential credential;
        credential.key = std::move(Key::generate(algorithm)).value();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        credential.certificate = issue(ca, credential.key, now, now.addDays(30));
        credential.chain = {ca.cert};
        auto p12 = writePkcs12(credential, "246810", QStringLiteral("43010000003"));
        QVERIFY2(p12.ok(), qPrintable(p12.ok() ? QString() : p12.error().detail));

        const auto wrongPin = readPkcs12(p12.value(), "000000");
        QCOMPARE(wrongPin.error().code, QStringLiteral("cert.pin"));
        QCOMPARE(readPkcs12("not a p12 file", "246810").error().code, QStringLiteral("cert.format"));

        auto back = readPkcs12(p12.value(), "246810");
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().detail));
        QCOMPARE(back.value().certificate.serialHex(), credential.certificate.serialHex());
        QCOMPARE(back.value().chain.size(), 1);
        const auto sig = back.value().key.sign("hello");
        QVERIFY(back.value().certificate.publicKey().verify("hello", sig.value()));
    }

    void pemPairMustMatch()
    {
        const Ca ca = makeCa(QStringLiteral("CA"));
        auto key = Key::generate(Algorithm::EcdsaP256Sha256);
        auto otherKey = Key::generate(Algorithm::EcdsaP256Sha256);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Certificate cert = issue(ca, key.value(), now, now.addDays(30));
        QVERIFY(readPemPair(key.value().privatePem("1111").value(), cert.toPem(), "1111").ok());
        QCOMPARE(readPemPair(otherKey.value().privatePem().value(), cert.toPem(), {}).error().code,
                 QStringLiteral("cert.mismatch"));
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
