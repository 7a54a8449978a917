// TLS: the sandbox CA and server certificate are created once and reused; clients that do not
// trust the CA are refused; the certificate names localhost, 127.0.0.1 and ::1.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslCertificateExtension>
#include <QSslKey>
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

QTEST_GUILESS_MAIN(TestServerTls)
#include "tst_server_tls.moc"
