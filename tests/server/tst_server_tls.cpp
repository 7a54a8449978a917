// TLS: the sandbox CA and server certificate are created once and reused (the certificate
// renewed with the same key before it runs out); clients that do not trust the CA are refused;
// the certificate names localhost, 127.0.0.1 and ::1; only TLS 1.2 with forward-secret AEAD
// ciphers and TLS 1.3 are spoken (openssl s_client tries the rest); every answer carries HSTS,
// nosniff and no-framing headers. testssl.sh's verdict: tst_testssl_e2e.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslCertificateExtension>
#include <QSslKey>
#include <QEventLoop>
#include <QTimer>
#include <QtTest>

#include "ServerFixture.h"
#include "ServerProcess.h"

using namespace shebao::test;

class TestServerTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void filesCreatedWithPrivateKeysOwnerOnly_data();
    void filesCreatedWithPrivateKeysOwnerOnly();
    void certificateNamesLoopback();
    void reusedOnRestart();
    void trustedClientConnects_data();
    void trustedClientConnects();
    void untrustedClientRefused();
    void wrongCaRefused();
    void realProcessServesHttps();
    void suppliedRsaChainServedAsIs();
    void onlyModernProtocolsAndCiphers_data();
    void onlyModernProtocolsAndCiphers();
    void longOrEndingCertificateRenewed_data();
    void longOrEndingCertificateRenewed();
    void securityHeadersOnEveryAnswer_data();
    void securityHeadersOnEveryAnswer();

private:
    QByteArray read(const QString &name) const;

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
};

void TestServerTls::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY(!QFile::exists(m_fixture->caFile()));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
}

void TestServerTls::cleanupTestCase()
{
    m_fixture.reset();
    m_backend.reset();
}

QByteArray TestServerTls::read(const QString &name) const
{
    QFile f(m_fixture->dataDir() + QStringLiteral("/tls/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestServerTls::filesCreatedWithPrivateKeysOwnerOnly_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("secret");
    QTest::newRow("ca.pem") << QStringLiteral("ca.pem") << false;
    QTest::newRow("ca.key") << QStringLiteral("ca.key") << true;
    QTest::newRow("server.pem") << QStringLiteral("server.pem") << false;
    QTest::newRow("server.key") << QStringLiteral("server.key") << true;
}

void TestServerTls::filesCreatedWithPrivateKeysOwnerOnly()
{
    QFETCH(QString, file);
    QFETCH(bool, secret);
    const QFileInfo info(m_fixture->dataDir() + QStringLiteral("/tls/") + file);
    QVERIFY(info.exists());
    QVERIFY(info.size() > 100);
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                                            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (secret) {
        QCOMPARE(info.permissions() & others, QFileDevice::Permissions());
        QVERIFY(!QSslKey(read(file), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey).isNull());
    } else {
        QCOMPARE(QSslCertificate::fromData(read(file), QSsl::Pem).size(), 1);
    }
}

void TestServerTls::certificateNamesLoopback()
{
    const QSslCertificate ca = QSslCertificate::fromData(read(QStringLiteral("ca.pem"))).value(0);
    const QSslCertificate cert = QSslCertificate::fromData(read(QStringLiteral("server.pem"))).value(0);
    QCOMPARE(ca.subjectInfo(QSslCertificate::CommonName).value(0), QStringLiteral("shebao-desk sandbox CA"));
    QCOMPARE(cert.issuerInfo(QSslCertificate::CommonName).value(0), QStringLiteral("shebao-desk sandbox CA"));
    const auto names = cert.subjectAlternativeNames();
    QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
    const QStringList ips = names.values(QSsl::IpAddressEntry);
    QVERIFY(ips.contains(QStringLiteral("127.0.0.1")));
    QVERIFY(ips.contains(QStringLiteral("0:0:0:0:0:0:0:1")) || ips.contains(QStringLiteral("::1")));
    QVERIFY(cert.expiryDate() > QDateTime::currentDateTimeUtc().addDays(365));
    // No longer than browsers and testssl.sh accept for a server certificate (398 days).
    QVERIFY(cert.effectiveDate().daysTo(cert.expiryDate()) <= 398);
    QCOMPARE(cert.publicKey().algorithm(), QSsl::Ec);
}

void TestServerTls::reusedOnRestart()
{
    const QByteArray ca = read(QStringLiteral("ca.pem"));
    const QByteArray caKey = read(QStringLiteral("ca.key"));
    const QByteArray cert = read(QStringLiteral("server.pem"));
    const QByteArray key = read(QStringLiteral("server.key"));
    QVERIFY(!ca.isEmpty());
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    QCOMPARE(read(QStringLiteral("ca.pem")), ca);
    QCOMPARE(read(QStringLiteral("ca.key")), caKey);
    QCOMPARE(read(QStringLiteral("server.pem")), cert);
    QCOMPARE(read(QStringLiteral("server.key")), key);
    // A client that trusted the CA before still connects.
    auto client = m_fixture->client();
    QCOMPARE(client->get(QStringLiteral("/api/v1/health")).status, 200);
}

void TestServerTls::trustedClientConnects_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1");
    QTest::newRow("localhost") << QStringLiteral("localhost");
}

void TestServerTls::trustedClientConnects()
{
    QFETCH(QString, host);
    QUrl base = m_fixture->baseUrl();
    base.setHost(host);
    HttpsClient client(base, m_fixture->caFile());
    const HttpResult r = client.get(QStringLiteral("/api/v1/health"));
    QCOMPARE(r.error, QNetworkReply::NoError);
    QCOMPARE(r.status, 200);
    QVERIFY(r.sslErrors.isEmpty());
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(o.value(QLatin1String("version")).toString(), QStringLiteral("0.1.0"));
    QVERIFY(QDateTime::fromString(o.value(QLatin1String("time")).toString(), Qt::ISODate).isValid());
}

void TestServerTls::untrustedClientRefused()
{
    // System CAs only: the sandbox CA is unknown, so the handshake must fail.
    HttpsClient client(m_fixture->baseUrl());
    const HttpResult r = client.get(QStringLiteral("/api/v1/health"));
    QCOMPARE(r.error, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(r.status, 0);
    QVERIFY(r.body.isEmpty());
    QVERIFY(!r.sslErrors.isEmpty());
}

void TestServerTls::wrongCaRefused()
{
    // Another server's CA (a second data directory) is not good enough either.
    ServerFixture other(*m_backend);
    QVERIFY2(other.start({false, 0, 60}), qPrintable(other.error()));
    HttpsClient client(m_fixture->baseUrl(), other.caFile());
    const HttpResult r = client.get(QStringLiteral("/api/v1/health"));
    QCOMPARE(r.error, QNetworkReply::SslHandshakeFailedError);
    QVERIFY(!r.sslErrors.isEmpty());
}

void TestServerTls::realProcessServesHttps()
{
    ServerProcess process;
    ServerProcess::Options options;
    QTemporaryDir dir;
    options.dataDir = dir.path();
    options.dbUrl = m_backend->dbUrl(dir.path());
    QVERIFY2(process.start(options), qPrintable(process.error()));
    QCOMPARE(process.baseUrl().scheme(), QStringLiteral("https"));
    QVERIFY(process.baseUrl().port() > 0);
    HttpsClient client(process.baseUrl(), process.caFile());
    QCOMPARE(client.get(QStringLiteral("/api/v1/health")).status, 200);
    // Plain HTTP is not served.
    QUrl plain = process.baseUrl();
    plain.setScheme(QStringLiteral("http"));
    HttpsClient http(plain);
    QVERIFY(http.get(QStringLiteral("/api/v1/health")).status != 200);
    const QByteArray caBefore = [&] {
        QFile f(process.caFile());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    process.stop();
    QVERIFY2(process.start(options), qPrintable(process.error()));
    QFile f(process.caFile());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), caBefore);
    HttpsClient again(process.baseUrl(), process.caFile());
    QCOMPARE(again.get(QStringLiteral("/api/v1/health")).status, 200);
}

namespace {

bool runOpenssl(const QString &dir, const QStringList &arguments)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("openssl"), arguments);
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

void TestServerTls::suppliedRsaChainServedAsIs()
{
    // An agency's certificate (docs/deploy.md): RSA keys, root → intermediate → server, put in
    // DATA/tls without ca.key. The server must serve that chain and create nothing.
    ServerFixture supplied(*m_backend);
    const QString tls = supplied.dataDir() + QStringLiteral("/tls");
    QVERIFY(QDir().mkpath(tls));
    auto ok = [&](std::initializer_list<const char *> words) {
        QStringList arguments;
        for (const char *word : words)
            arguments << QString::fromLatin1(word);
        return runOpenssl(tls, arguments);
    };
    QVERIFY(ok({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "root.key", "-out", "ca.pem", "-days", "30",
                "-subj", "/CN=Agency Root", "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
                "keyUsage=critical,keyCertSign,cRLSign"}));
    QVERIFY(ok({"req", "-newkey", "rsa:2048", "-nodes", "-keyout", "int.key", "-out", "int.csr", "-subj",
                "/CN=Agency Intermediate"}));
    QFile ext(tls + QStringLiteral("/ext.cnf"));
    QVERIFY(ext.open(QIODevice::WriteOnly));
    ext.write("[int]\nbasicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n"
              "[srv]\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
              "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n");
    ext.close();
    QVERIFY(ok({"x509", "-req", "-in", "int.csr", "-CA", "ca.pem", "-CAkey", "root.key", "-CAcreateserial", "-out",
                "int.pem", "-days", "30", "-extfile", "ext.cnf", "-extensions", "int"}));
    QVERIFY(ok({"req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "srv.csr", "-subj",
                "/CN=localhost"}));
    QVERIFY(ok({"x509", "-req", "-in", "srv.csr", "-CA", "int.pem", "-CAkey", "int.key", "-CAcreateserial", "-out",
                "leaf.pem", "-days", "30", "-extfile", "ext.cnf", "-extensions", "srv"}));
    QFile leaf(tls + QStringLiteral("/leaf.pem")), intermediate(tls + QStringLiteral("/int.pem"));
    QFile chain(tls + QStringLiteral("/server.pem"));
    QVERIFY(leaf.open(QIODevice::ReadOnly) && intermediate.open(QIODevice::ReadOnly) && chain.open(QIODevice::WriteOnly));
    chain.write(leaf.readAll() + intermediate.readAll());
    chain.close();
    const QByteArray servedBefore = [&] {
        QFile f(tls + QStringLiteral("/server.pem"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();

    QVERIFY2(supplied.start({false, 0, 60}), qPrintable(supplied.error()));
    QVERIFY(!QFile::exists(tls + QStringLiteral("/ca.key")));
    // Certificate users' certificates then come from a CA of the server's own, owner-only.
    const QFileInfo ownKey(supplied.dataDir() + QStringLiteral("/ca/ca.key"));
    QVERIFY(ownKey.exists());
    QCOMPARE(ownKey.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QFile after(tls + QStringLiteral("/server.pem"));
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), servedBefore);
    // A client that trusts only the agency's root gets through: the intermediate was sent.
    HttpsClient client(supplied.baseUrl(), tls + QStringLiteral("/ca.pem"));
    const HttpResult r = client.get(QStringLiteral("/api/v1/health"));
    QCOMPARE(r.error, QNetworkReply::NoError);
    QCOMPARE(r.status, 200);
    // The sandbox CA of the other server is no substitute.
    HttpsClient wrong(supplied.baseUrl(), m_fixture->caFile());
    QCOMPARE(wrong.get(QStringLiteral("/api/v1/health")).error, QNetworkReply::SslHandshakeFailedError);
}

namespace {

// openssl s_client against the in-process server: the event loop runs meanwhile, so the
// server can answer. Returns the exit code (-1: did not finish) and the output.
int sClient(const QUrl &server, const QString &caFile, const QStringList &options, QByteArray *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    p.start(QStringLiteral("openssl"), QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                                                   QStringLiteral("127.0.0.1:%1").arg(server.port()),
                                                   QStringLiteral("-servername"), QStringLiteral("localhost"),
                                                   QStringLiteral("-CAfile"), caFile, QStringLiteral("-verify_return_error")}
                                           + options);
    p.closeWriteChannel();
    if (p.state() != QProcess::NotRunning)
        loop.exec();
    *output = p.readAll();
    return p.state() == QProcess::NotRunning && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

void TestServerTls::onlyModernProtocolsAndCiphers_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("negotiated"); // empty: must be refused by the server
    const QString legacy = QStringLiteral("DEFAULT:@SECLEVEL=0"); // lets the client offer old versions at all
    QTest::newRow("TLS 1.0") << QStringList{QStringLiteral("-tls1"), QStringLiteral("-cipher"), legacy} << QString();
    QTest::newRow("TLS 1.1") << QStringList{QStringLiteral("-tls1_1"), QStringLiteral("-cipher"), legacy} << QString();
    QTest::newRow("TLS 1.2 CBC SHA-256") << QStringList{QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
                                                        QStringLiteral("ECDHE-ECDSA-AES128-SHA256")} << QString();
    QTest::newRow("TLS 1.2 CBC SHA-1") << QStringList{QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
                                                      QStringLiteral("ECDHE-ECDSA-AES256-SHA")} << QString();
    QTest::newRow("TLS 1.2 PSK") << QStringList{QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
                                                QStringLiteral("PSK-AES128-GCM-SHA256"), QStringLiteral("-psk"), QStringLiteral("0102030405060708")}
                                 << QString();
    QTest::newRow("TLS 1.2 AES-GCM") << QStringList{QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
                                                    QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256")}
                                     << QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256");
    QTest::newRow("TLS 1.2 ChaCha20") << QStringList{QStringLiteral("-tls1_2"), QStringLiteral("-cipher"),
                                                     QStringLiteral("ECDHE-ECDSA-CHACHA20-POLY1305")}
                                      << QStringLiteral("ECDHE-ECDSA-CHACHA20-POLY1305");
    QTest::newRow("TLS 1.3") << QStringList{QStringLiteral("-tls1_3")} << QStringLiteral("TLS_AES_256_GCM_SHA384");
}

void TestServerTls::onlyModernProtocolsAndCiphers()
{
    QFETCH(QStringList, options);
    QFETCH(QString, negotiated);
    QByteArray output;
    const int exit = sClient(m_fixture->baseUrl(), m_fixture->caFile(), options, &output);
    if (negotiated.isEmpty()) {
        QVERIFY2(exit > 0, output.constData());
        // The server said no (an alert), not the client that could not even offer it.
        QVERIFY2(output.contains("alert protocol version") || output.contains("alert handshake failure"), output.constData());
    } else {
        QVERIFY2(exit == 0, output.constData());
        QVERIFY2(output.contains("Cipher is " + negotiated.toLatin1()), output.constData());
        QVERIFY2(output.contains("Verify return code: 0 (ok)"), output.constData());
    }
}

void TestServerTls::longOrEndingCertificateRenewed_data()
{
    QTest::addColumn<QString>("days");
    QTest::newRow("825 days (an older server's)") << QStringLiteral("825");
    QTest::newRow("ends in 10 days") << QStringLiteral("10");
}

void TestServerTls::longOrEndingCertificateRenewed()
{
    QFETCH(QString, days);
    ServerFixture own(*m_backend);
    QVERIFY2(own.start({false, 0, 60}), qPrintable(own.error()));
    const QString tls = own.dataDir() + QStringLiteral("/tls");
    own.stop();
    // The same key, re-signed by the sandbox CA for `days`: what an older or aging set holds.
    QVERIFY(runOpenssl(tls, {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"), QStringLiteral("server.key"),
                             QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-out"), QStringLiteral("old.csr")}));
    QVERIFY(runOpenssl(tls, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("old.csr"),
                             QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                             QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), days, QStringLiteral("-out"),
                             QStringLiteral("server.pem")}));
    const auto readFile = [&](const char *name) {
        QFile f(tls + u'/' + QLatin1String(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray old = readFile("server.pem");
    const QByteArray ca = readFile("ca.pem");
    const QByteArray key = readFile("server.key");
    QVERIFY2(own.start({false, 0, 60}), qPrintable(own.error()));
    const QByteArray renewedPem = readFile("server.pem");
    QVERIFY(renewedPem != old);
    const QSslCertificate before = QSslCertificate::fromData(old).value(0);
    const QSslCertificate renewed = QSslCertificate::fromData(renewedPem).value(0);
    QVERIFY(renewed.effectiveDate().daysTo(renewed.expiryDate()) <= 398);
    QVERIFY(renewed.expiryDate() > QDateTime::currentDateTimeUtc().addDays(365));
    QCOMPARE(renewed.publicKey(), before.publicKey());
    QVERIFY(renewed.subjectAlternativeNames().values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
    QCOMPARE(readFile("ca.pem"), ca);
    QCOMPARE(readFile("server.key"), key);
    // A client that trusted the CA before still gets in; the next start keeps the new one.
    HttpsClient client(own.baseUrl(), own.caFile());
    QCOMPARE(client.get(QStringLiteral("/api/v1/health")).status, 200);
    QVERIFY2(own.start({false, 0, 60}), qPrintable(own.error()));
    QCOMPARE(readFile("server.pem"), renewedPem);
}

void TestServerTls::securityHeadersOnEveryAnswer_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::newRow("API") << QStringLiteral("/api/v1/health") << 200;
    QTest::newRow("refused API") << QStringLiteral("/api/v1/unit") << 401;
    QTest::newRow("unknown path") << QStringLiteral("/") << 404;
    QTest::newRow("verification page") << QStringLiteral("/verify") << 200;
}

void TestServerTls::securityHeadersOnEveryAnswer()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    auto client = m_fixture->client();
    const HttpResult r = client->get(path);
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("Strict-Transport-Security"), QByteArray("max-age=31536000"));
    QCOMPARE(r.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QCOMPARE(r.header("X-Frame-Options"), QByteArray("DENY"));
    QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
}

QTEST_GUILESS_MAIN(TestServerTls)
#include "tst_server_tls.moc"
