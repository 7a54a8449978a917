// AES-256-GCM and PBKDF2-HMAC-SHA256 of the backup format: published vectors, and every change
// of key, nonce, associated data, ciphertext or tag refused.
#include <QTest>

#include "crypto/Aes256Gcm.h"

using namespace shebao;
using namespace shebao::crypto;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

// The GCM specification's test case 16 (McGrew and Viega): AES-256, 96-bit IV, with AAD.
const QByteArray Key = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
const QByteArray Nonce = hex("cafebabefacedbaddecaf888");
const QByteArray Aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
const QByteArray Plain = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449"
                             "a6b525b16aedf5aa0de657ba637b39");
const QByteArray Sealed = hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b10568288"
                              "38c5f61e6393ba7a0abcc9f662" "76fc6ece0f4e1768cddf8853bb2d551b");

} // namespace

class TestAes256Gcm : public QObject
{
    Q_OBJECT

private slots:
    void sealsThePublishedVector()
    {
        const Result<QByteArray> sealed = aes256gcm::seal(Key, Nonce, Aad, Plain);
        QVERIFY(sealed);
        QCOMPARE(sealed.value().toHex(), Sealed.toHex());
    }

    void opensThePublishedVector()
    {
        const Result<QByteArray> plain = aes256gcm::open(Key, Nonce, Aad, Sealed);
        QVERIFY(plain);
        QCOMPARE(plain.value(), Plain);
    }

    void emptyPlaintextStillCarriesATag()
    {
        const Result<QByteArray> sealed = aes256gcm::seal(Key, Nonce, Aad, {});
        QVERIFY(sealed);
        QCOMPARE(sealed.value().size(), aes256gcm::TagBytes);
        const Result<QByteArray> plain = aes256gcm::open(Key, Nonce, Aad, sealed.value());
        QVERIFY(plain);
        QVERIFY(plain.value().isEmpty());
        QVERIFY(!aes256gcm::open(Key, Nonce, Aad + 'x', sealed.value()));
    }

    void everyChangeIsRefused_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("nonce");
        QTest::addColumn<QByteArray>("aad");
        QTest::addColumn<QByteArray>("sealed");
        auto flipped = [](QByteArray bytes, qsizetype at) {
            bytes[at] = char(bytes.at(at) ^ 0x01);
            return bytes;
        };
        QTest::newRow("key") << flipped(Key, 31) << Nonce << Aad << Sealed;
        QTest::newRow("nonce") << Key << flipped(Nonce, 0) << Aad << Sealed;
        QTest::newRow("associated data") << Key << Nonce << flipped(Aad, 5) << Sealed;
        QTest::newRow("no associated data") << Key << Nonce << QByteArray() << Sealed;
        QTest::newRow("first ciphertext byte") << Key << Nonce << Aad << flipped(Sealed, 0);
        QTest::newRow("last ciphertext byte") << Key << Nonce << Aad << flipped(Sealed, Plain.size() - 1);
        QTest::newRow("tag") << Key << Nonce << Aad << flipped(Sealed, Sealed.size() - 1);
        QTest::newRow("cut by one") << Key << Nonce << Aad << Sealed.chopped(1);
        QTest::newRow("cut to the tag") << Key << Nonce << Aad << Sealed.right(aes256gcm::TagBytes);
        QTest::newRow("shorter than a tag") << Key << Nonce << Aad << Sealed.left(7);
        QTest::newRow("a byte more") << Key << Nonce << Aad << Sealed + '\0';
    }

    void everyChangeIsRefused()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, nonce);
        QFETCH(QByteArray, aad);
        QFETCH(QByteArray, sealed);
        const Result<QByteArray> plain = aes256gcm::open(key, nonce, aad, sealed);
        QVERIFY(!plain);
        QCOMPARE(plain.error().code, QStringLiteral("crypto.auth"));
    }

    void wrongSizesAreNotUsed()
    {
        QVERIFY(!aes256gcm::seal(Key.left(16), Nonce, Aad, Plain));
        QVERIFY(!aes256gcm::seal(Key, Nonce.left(8), Aad, Plain));
        QVERIFY(!aes256gcm::open(Key, Nonce + 'x', Aad, Sealed));
    }

    void pbkdf2MatchesRfc7914()
    {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256 of "passwd", "salt", 1 iteration, 64 bytes.
        const Result<QByteArray> key = pbkdf2Sha256("passwd", "salt", 1, 64);
        QVERIFY(key);
        QCOMPARE(key.value().toHex(),
                 QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                            "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"));
        // RFC 7914 again: "Password", "NaCl", 80,000 iterations.
        const Result<QByteArray> slow = pbkdf2Sha256("Password", "NaCl", 80000, 64);
        QVERIFY(slow);
        QCOMPARE(slow.value().toHex(),
                 QByteArray("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                            "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"));
        QVERIFY(!pbkdf2Sha256("x", "salt", 0, 32));
    }

    void randomBytesDiffer()
    {
        const Result<QByteArray> a = randomBytes(16);
        const Result<QByteArray> b = randomBytes(16);
        QVERIFY(a && b);
        QCOMPARE(a.value().size(), 16);
        QVERIFY(a.value() != b.value());
    }
};

QTEST_GUILESS_MAIN(TestAes256Gcm)
#include "tst_aes256gcm.moc"
