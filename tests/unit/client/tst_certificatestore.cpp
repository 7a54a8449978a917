// 证书管理 without a server: a local CA issues certificates; CertificateStore imports them
// (PKCS#12 and PEM pairs), lists them without the PIN, warns before expiry; SoftwareSigner signs.
#include <QTemporaryDir>
#include <QtTest>

#include "app/CertificateStore.h"
#include "app/SoftwareSigner.h"
#include "crypto/Certificate.h"
#include "crypto/Key.h"
#include "crypto/Pkcs12.h"

using namespace shebao;

namespace {

struct Issued
{
    QByteArray p12;
    QByteArray keyPem;
    QByteArray certificatePem;
    QString serial;
};

} // namespace

class TestCertificateStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto key = crypto::Key::generate(crypto::Algorithm::Sm2Sm3);
        QVERIFY(key.ok());
        m_caKey = std::move(key).value();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto ca = crypto::makeCaCertificate(m_caKey, QStringLiteral("测试 CA"), now.addDays(-1), now.addYears(5));
        QVERIFY(ca.ok());
        m_ca = ca.value();
    }

    void importPkcs12AndSign_data()
    {
        QTest::addColumn<int>("algorithm");
        QTest::addColumn<QString>("name");
        QTest::newRow("SM2") << int(crypto::Algorithm::Sm2Sm3) << QStringLiteral("SM2-SM3");
        QTest::newRow("ECDSA") << int(crypto::Algorithm::EcdsaP256Sha256) << QStringLiteral("ECDSA-SHA256");
    }

    void importPkcs12AndSign()
    {
        QFETCH(int, algorithm);
        QFETCH(QString, name);
        const Issued issued = issue(crypto::Algorithm(algorithm), QStringLiteral("43010000001"), 400, "123456");
        QVERIFY(!issued.p12.isEmpty());
        const QString file = write(QStringLiteral("in-%1.p12").arg(algorithm), issued.p12);
        CertificateStore store(m_dir.filePath(QStringLiteral("store-%1").arg(algorithm)));
        const auto stored = store.importPkcs12(file, "123456");
        QVERIFY2(stored.ok(), qPrintable(stored ? QString() : stored.error().message));
        QCOMPARE(stored.value().unitNo, QStringLiteral("43010000001"));
        QCOMPARE(stored.value().serial, issued.serial);
        QCOMPARE(stored.value().p12Path,
                 store.folder() + QStringLiteral("/43010000001-") + issued.serial + QStringLiteral(".p12"));
        QVERIFY(stored.value().issuer.contains(QStringLiteral("测试 CA")));
        // The private key file is the owner's only.
        QCOMPARE(QFileInfo(stored.value().p12Path).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        const QList<StoredCertificate> listed = store.list();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().serial, issued.serial);
        QCOMPARE(listed.first().subject, stored.value().subject);

        const auto signer = store.open(listed.first(), "123456");
        QVERIFY(signer.ok());
        QCOMPARE(signer.value()->algorithm(), name);
        const QByteArray body("{\"changes\":{\"contact_phone\":\"13800000000\"}}");
        const auto signature = signer.value()->sign(body);
        QVERIFY(signature.ok());
        QVERIFY(signer.value()->certificate().publicKey().verify(body, signature.value()));
        QVERIFY(!signer.value()->certificate().publicKey().verify(body + ' ', signature.value()));
        QCOMPARE(store.open(listed.first(), "654321").error().code, QStringLiteral("cert.pin"));
    }

    void importPemPair()
    {
        const Issued issued = issue(crypto::Algorithm::EcdsaP256Sha256, QStringLiteral("43010000002"), 100, "pin-pem-1");
        const QString key = write(QStringLiteral("key.pem"), issued.keyPem);
        const QString cert = write(QStringLiteral("cert.pem"), issued.certificatePem);
        CertificateStore store(m_dir.filePath(QStringLiteral("store-pem")));
        QCOMPARE(store.importPemPair(key, cert, "wrong").error().code, QStringLiteral("cert.pin"));
        QVERIFY(store.list().isEmpty());
        const auto stored = store.importPemPair(key, cert, "pin-pem-1");
        QVERIFY2(stored.ok(), qPrintable(stored ? QString() : stored.error().message));
        QVERIFY(stored.value().p12Path.endsWith(QStringLiteral(".p12")));
        // Re-wrapped: the .p12 opens with the same PIN.
        QVERIFY(crypto::readPkcs12(SoftwareSigner::readFile(stored.value().p12Path).value(), "pin-pem-1").ok());
    }

    void expiryWarning()
    {
        CertificateStore store(m_dir.filePath(QStringLiteral("store-expiry")));
        for (const auto &[unit, days] : {std::pair{QStringLiteral("43010000005"), 20},
                                         std::pair{QStringLiteral("43010000006"), 45}}) {
            const Issued issued = issue(crypto::Algorithm::EcdsaP256Sha256, unit, days, "123456");
            QVERIFY(store.importPkcs12(write(unit + QStringLiteral(".p12"), issued.p12), "123456").ok());
        }
        QCOMPARE(store.list().size(), 2);
        const QList<StoredCertificate> soon = store.expiringWithin(30);
        QCOMPARE(soon.size(), 1);
        QCOMPARE(soon.first().unitNo, QStringLiteral("43010000005"));
        QVERIFY(soon.first().daysLeft() >= 19 && soon.first().daysLeft() <= 20);
        QCOMPARE(store.expiringWithin(60).size(), 2);
        // Later, the first has expired: no longer "expiring", but expired.
        const QDateTime later = QDateTime::currentDateTimeUtc().addDays(25);
        QCOMPARE(store.expiringWithin(30, later).size(), 1);
        QCOMPARE(store.expiringWithin(30, later).first().unitNo, QStringLiteral("43010000006"));
        QVERIFY(store.forUnit(QStringLiteral("43010000005")).first().isExpired(later));

        QVERIFY(store.remove(store.forUnit(QStringLiteral("43010000005")).first()).ok());
        QCOMPARE(store.list().size(), 1);
    }

    void refused()
    {
        CertificateStore store(m_dir.filePath(QStringLiteral("store-refused")));
        // Expired at import.
        const Issued expired = issue(crypto::Algorithm::EcdsaP256Sha256, QStringLiteral("43010000007"), -1, "123456");
        QCOMPARE(store.importPkcs12(write(QStringLiteral("expired.p12"), expired.p12), "123456").error().code,
                 QStringLiteral("cert.expired"));
        // Not a PKCS#12 at all.
        QCOMPARE(store.importPkcs12(write(QStringLiteral("junk.p12"), "not a certificate"), "123456").error().code,
                 QStringLiteral("cert.format"));
        // No unit number in the subject and none given; given, it is accepted.
        const Issued anonymous = issue(crypto::Algorithm::EcdsaP256Sha256, QString(), 100, "123456");
        const QString file = write(QStringLiteral("anonymous.p12"), anonymous.p12);
        QCOMPARE(store.importPkcs12(file, "123456").error().code, QStringLiteral("cert.unit"));
        QVERIFY(store.list().isEmpty());
        const auto bound = store.importPkcs12(file, "123456", QStringLiteral("43010000008"));
        QVERIFY(bound.ok());
        QCOMPARE(bound.value().unitNo, QStringLiteral("43010000008"));
        QCOMPARE(store.importPkcs12(m_dir.filePath(QStringLiteral("none.p12")), "123456").error().code,
                 QStringLiteral("file.read"));
    }

private:
    Issued issue(crypto::Algorithm algorithm, const QString &unitNo, int days, const QByteArray &pin)
    {
        auto key = crypto::Key::generate(algorithm);
        if (!key)
            return {};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime notBefore = days > 0 ? now.addSecs(-60) : now.addDays(-10);
        const QDateTime notAfter = days > 0 ? now.addDays(days) : now.addDays(days);
        auto publicKey = crypto::Key::fromPublicPem(key.value().publicPem());
        if (!publicKey)
            return {};
        auto certificate = crypto::issueCertificate(m_ca, m_caKey, publicKey.value(),
                                                    {QStringLiteral("测试单位"), unitNo, notBefore, notAfter});
        if (!certificate)
            return {};
        Issued issued;
        issued.serial = certificate.value().serialHex();
        issued.certificatePem = certificate.value().toPem();
        issued.keyPem = key.value().privatePem(pin).value();
        crypto::Credential credential;
        credential.key = std::move(key).value();
        credential.certificate = certificate.value();
        credential.chain = {m_ca};
        issued.p12 = crypto::writePkcs12(credential, pin, unitNo).value();
        return issued;
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(bytes);
        return path;
    }

    QTemporaryDir m_dir;
    crypto::Key m_caKey;
    crypto::Certificate m_ca;
};

QTEST_GUILESS_MAIN(TestCertificateStore)
#include "tst_certificatestore.moc"
