// Certificate login with SM2 and ECDSA: a one-use challenge signed with the certificate's key;
// every check refuses with its own code (challenge, chain, validity, revocation, binding,
// signature). Also the counter's certificate routes: issue, register (trusted bundle incl.
// DATA/trusted-ca/), revoke, list.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include "ServerFixture.h"
#include "ServerTestData.h"
#include "crypto/Certificate.h"
#include "crypto/Key.h"
#include "crypto/Pkcs12.h"
#include "server/Clock.h"
#include "server/LoginThrottle.h"

using namespace shebao;
using namespace shebao::test;
using namespace shebao::test::data;

Q_DECLARE_METATYPE(shebao::crypto::Algorithm)

class TestServerCertLogin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void succeeds_data();
    void succeeds();
    void refused_data();
    void refused();
    void registerNeedsTrustedChain();
    void listAndAudit();
    void demoCertificateLogsInAndSurvivesRestart();

private:
    // Issues through the staff API; returns the certificate PEM (empty on failure).
    QByteArray issue(const QString &unitNo, const crypto::Key &key, const QJsonObject &extra = {});
    HttpResult certLogin(HttpsClient &client, const QString &unitNo, const QString &challenge, const QByteArray &pem,
                         const QByteArray &signature, const QString &algorithm);

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_clerk;
};

void TestServerCertLogin::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_clerk = m_fixture->client();
    QCOMPARE(m_clerk->staffLogin(QStringLiteral("clerk"), Password).status, 200);
}

void TestServerCertLogin::cleanupTestCase()
{
    m_clerk.reset();
    m_fixture.reset();
    m_backend.reset();
}

QByteArray TestServerCertLogin::issue(const QString &unitNo, const crypto::Key &key, const QJsonObject &extra)
{
    QJsonObject body{{QStringLiteral("unit_no"), unitNo}, {QStringLiteral("public_key_pem"), QString::fromLatin1(key.publicPem())}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    const HttpResult r = m_clerk->postJson(QStringLiteral("/api/v1/staff/certificates/issue"), body);
    if (r.status != 200) {
        qWarning("issue failed: %s", r.body.constData());
        return {};
    }
    const QJsonObject o = r.json();
    auto cert = crypto::Certificate::fromPem(o.value(QLatin1String("certificate_pem")).toString().toLatin1());
    if (!cert || cert.value().serialHex() != o.value(QLatin1String("serial")).toString()
        || cert.value().subjectSerialNumber() != unitNo)
        return {};
    return o.value(QLatin1String("certificate_pem")).toString().toLatin1();
}

HttpResult TestServerCertLogin::certLogin(HttpsClient &client, const QString &unitNo, const QString &challenge,
                                          const QByteArray &pem, const QByteArray &signature, const QString &algorithm)
{
    return client.postJson(QStringLiteral("/api/v1/auth/cert-login"),
                           QJsonObject{{QStringLiteral("unit_no"), unitNo},
                                       {QStringLiteral("challenge"), challenge},
                                       {QStringLiteral("certificate_pem"), QString::fromLatin1(pem)},
                                       {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())},
                                       {QStringLiteral("algorithm"), algorithm}});
}

void TestServerCertLogin::succeeds_data()
{
    QTest::addColumn<crypto::Algorithm>("algorithm");
    QTest::newRow("SM2") << crypto::Algorithm::Sm2Sm3;
    QTest::newRow("ECDSA") << crypto::Algorithm::EcdsaP256Sha256;
}

void TestServerCertLogin::succeeds()
{
    QFETCH(crypto::Algorithm, algorithm);
    auto key = crypto::Key::generate(algorithm);
    QVERIFY(key.ok());
    const QByteArray pem = issue(CertificateUnit, key.value());
    QVERIFY(!pem.isEmpty());
    auto client = m_fixture->client();
    const HttpResult r = client->certLogin(CertificateUnit, key.value(), pem);
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("level")).toString(), QStringLiteral("certificate"));
    QCOMPARE(o.value(QLatin1String("unit_no")).toString(), CertificateUnit);
    QCOMPARE(o.value(QLatin1String("token")).toString().size(), 64);
    const HttpResult unit = client->get(QStringLiteral("/api/v1/unit"));
    QCOMPARE(unit.status, 200);
    QCOMPARE(unit.header("X-Account-Level"), QByteArray("certificate"));
    // The session remembers the certificate.
    const QString serial = crypto::Certificate::fromPem(pem).value().serialHex();
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE cert_serial = ?"), {serial}).toInt(), 1);
}

void TestServerCertLogin::refused_data()
{
    QTest::addColumn<crypto::Algorithm>("algorithm");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    const QList<QPair<const char *, const char *>> cases{
        {"tampered signature", "cert.bad_signature"}, {"replayed challenge", "auth.challenge_invalid"},
        {"expired challenge", "auth.challenge_invalid"}, {"expired certificate", "cert.expired"},
        {"revoked", "cert.revoked"}, {"other unit", "cert.not_bound"}, {"unknown CA", "cert.untrusted"},
        {"wrong algorithm", "cert.bad_signature"}};
    for (const auto &[kind, code] : cases) {
        QTest::addRow("SM2 %s", kind) << crypto::Algorithm::Sm2Sm3 << QString::fromLatin1(kind) << QString::fromLatin1(code);
        QTest::addRow("ECDSA %s", kind) << crypto::Algorithm::EcdsaP256Sha256 << QString::fromLatin1(kind) << QString::fromLatin1(code);
    }
}

void TestServerCertLogin::refused()
{
    QFETCH(crypto::Algorithm, algorithm);
    QFETCH(QString, kind);
    QFETCH(QString, code);
    auto key = crypto::Key::generate(algorithm);
    QVERIFY(key.ok());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QByteArray pem;
    QString unitNo = CertificateUnit;
    if (kind == QLatin1String("expired certificate")) {
        pem = issue(CertificateUnit, key.value(),
                    QJsonObject{{QStringLiteral("not_before"), now.addDays(-40).toString(Qt::ISODate)},
                                {QStringLiteral("not_after"), now.addDays(-1).toString(Qt::ISODate)}});
    } else if (kind == QLatin1String("other unit")) {
        pem = issue(Authorized, key.value());
    } else if (kind == QLatin1String("unknown CA")) {
        // The CA key is ECDSA whatever the subject's: crypto::makeCaCertificate cannot sign with
        // an SM2 key yet (it always uses SHA-256; see the issue-3 server report).
        auto caKey = crypto::Key::generate(crypto::Algorithm::EcdsaP256Sha256);
        QVERIFY(caKey.ok());
        auto ca = crypto::makeCaCertificate(caKey.value(), QStringLiteral("Unknown CA"), now.addDays(-1), now.addDays(30));
        QVERIFY(ca.ok());
        auto cert = crypto::issueCertificate(ca.value(), caKey.value(), key.value(),
                                             {QStringLiteral("长沙星城示范建设工程有限公司"), CertificateUnit, now.addDays(-1), now.addDays(30)});
        QVERIFY(cert.ok());
        pem = cert.value().toPem();
    } else {
        pem = issue(CertificateUnit, key.value());
    }
    QVERIFY(!pem.isEmpty());
    if (kind == QLatin1String("revoked")) {
        const QString serial = crypto::Certificate::fromPem(pem).value().serialHex();
        const HttpResult revoked = m_clerk->postJson(QStringLiteral("/api/v1/staff/certificates/%1/revoke").arg(serial),
                                                     QJsonObject{{QStringLiteral("reason"), QStringLiteral("密钥遗失")}});
        QCOMPARE(revoked.status, 200);
        QCOMPARE(revoked.json().value(QLatin1String("serial")).toString(), serial);
    }

    auto client = m_fixture->client();
    const qint64 attemptsBefore =
        m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.cert_login'")).toLongLong();
    const HttpResult c = client->postJson(QStringLiteral("/api/v1/auth/challenge"), QJsonObject{{QStringLiteral("unit_no"), unitNo}});
    QCOMPARE(c.status, 200);
    const QString challenge = c.json().value(QLatin1String("challenge")).toString();
    QCOMPARE(QByteArray::fromBase64(challenge.toLatin1()).size(), 32);
    const QByteArray raw = QByteArray::fromBase64(challenge.toLatin1());
    QByteArray signature = key.value().sign(raw).value();
    QString algorithmName = crypto::algorithmName(algorithm);

    if (kind == QLatin1String("tampered signature")) {
        signature = key.value().sign(raw + "x").value();   // a valid signature, of other bytes
    } else if (kind == QLatin1String("wrong algorithm")) {
        algorithmName = crypto::algorithmName(algorithm == crypto::Algorithm::Sm2Sm3 ? crypto::Algorithm::EcdsaP256Sha256
                                                                                     : crypto::Algorithm::Sm2Sm3);
    } else if (kind == QLatin1String("replayed challenge")) {
        QCOMPARE(certLogin(*client, unitNo, challenge, pem, signature, algorithmName).status, 200);
        signature = key.value().sign(raw).value();
    } else if (kind == QLatin1String("expired challenge")) {
        m_fixture->server().clock().advance(121);
    }
    const HttpResult r = certLogin(*client, unitNo, challenge, pem, signature, algorithmName);
    if (kind == QLatin1String("expired challenge"))
        m_fixture->server().clock().advance(-121);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), code);
    QVERIFY(!r.json().value(QLatin1String("detail")).toString().isEmpty());
    QVERIFY(r.json().value(QLatin1String("token")).isUndefined());
    // Every attempt is audited; the challenge is consumed by the failed attempt too.
    const qint64 expectedAttempts = kind == QLatin1String("replayed challenge") ? 2 : 1;
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.cert_login'")).toLongLong(),
             attemptsBefore + expectedAttempts);
    QCOMPARE(certLogin(*client, unitNo, challenge, pem, key.value().sign(raw).value(), crypto::algorithmName(algorithm))
                 .json()
                 .value(QLatin1String("code"))
                 .toString(),
             QStringLiteral("auth.challenge_invalid"));
    // Both failures count against this address (LoginThrottle); give them back, so the rows
    // after this one are not slowed down by the ones before.
    m_fixture->server().clock().advance(2 * shebao::server::LoginThrottle::RefillSeconds);
}

void TestServerCertLogin::registerNeedsTrustedChain()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto caKey = crypto::Key::generate(crypto::Algorithm::EcdsaP256Sha256);
    QVERIFY(caKey.ok());
    auto ca = crypto::makeCaCertificate(caKey.value(), QStringLiteral("Agency CA"), now.addDays(-1), now.addDays(365));
    QVERIFY(ca.ok());
    auto key = crypto::Key::generate(crypto::Algorithm::Sm2Sm3);
    QVERIFY(key.ok());
    auto cert = crypto::issueCertificate(ca.value(), caKey.value(), key.value(),
                                         {QStringLiteral("长沙星城示范建设工程有限公司"), CertificateUnit, now.addDays(-1), now.addDays(90)});
    QVERIFY(cert.ok());
    const QJsonObject body{{QStringLiteral("unit_no"), CertificateUnit},
                           {QStringLiteral("certificate_pem"), QString::fromLatin1(cert.value().toPem())}};
    // Not yet trusted: refused and not bound.
    HttpResult r = m_clerk->postJson(QStringLiteral("/api/v1/staff/certificates/register"), body);
    QCOMPARE(r.status, 400);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM certificates WHERE serial = ?"), {cert.value().serialHex()}).toInt(), 0);

    // The agency's CA dropped into DATA/trusted-ca/ counts without a restart.
    QVERIFY(QDir().mkpath(m_fixture->dataDir() + QStringLiteral("/trusted-ca")));
    QFile caFile(m_fixture->dataDir() + QStringLiteral("/trusted-ca/agency.pem"));
    QVERIFY(caFile.open(QIODevice::WriteOnly));
    caFile.write(ca.value().toPem());
    caFile.close();
    r = m_clerk->postJson(QStringLiteral("/api/v1/staff/certificates/register"), body);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("serial")).toString(), cert.value().serialHex());
    auto client = m_fixture->client();
    QCOMPARE(client->certLogin(CertificateUnit, key.value(), cert.value().toPem()).status, 200);
    // Bound to one unit only.
    QJsonObject other = body;
    other.insert(QStringLiteral("unit_no"), Authorized);
    r = m_clerk->postJson(QStringLiteral("/api/v1/staff/certificates/register"), other);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("certificate.conflict"));
    // A unit token cannot register.
    auto unit = m_fixture->client();
    QCOMPARE(unit->login(Authorized, Password).status, 200);
    QCOMPARE(unit->postJson(QStringLiteral("/api/v1/staff/certificates/register"), body).status, 401);
}

void TestServerCertLogin::listAndAudit()
{
    HttpResult r = m_clerk->get(QStringLiteral("/api/v1/staff/certificates?unit_no=") + CertificateUnit);
    QCOMPARE(r.status, 200);
    const QJsonArray items = r.json().value(QLatin1String("items")).toArray();
    QVERIFY(items.size() >= 10);
    bool revoked = false;
    for (const QJsonValue &v : items) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.value(QLatin1String("unit_no")).toString(), CertificateUnit);
        QVERIFY(!o.value(QLatin1String("serial")).toString().isEmpty());
        QVERIFY(o.value(QLatin1String("subject")).toString().contains(CertificateUnit));
        revoked = revoked || !o.value(QLatin1String("revoked_at")).isNull();
    }
    QVERIFY(revoked);
    r = m_clerk->get(QStringLiteral("/api/v1/staff/certificates?unit_no=") + Authorized);
    QVERIFY(r.json().value(QLatin1String("items")).toArray().size() >= 2);
    for (const char *action : {"staff.certificates.issue", "staff.certificates.register", "staff.certificates.revoke",
                               "staff.certificates.list"})
        QVERIFY2(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'staff:clerk' AND action = ?"),
                                   {QLatin1String(action)})
                         .toInt()
                     >= 1,
                 action);
    // The demo certificate exists, is registered, and its PIN file is beside it.
    QVERIFY(QFile::exists(m_fixture->dataDir() + QStringLiteral("/demo/43010000003.p12")));
    QVERIFY(QFile::exists(m_fixture->dataDir() + QStringLiteral("/demo/43010000003.pin.txt")));
    QVERIFY(QFile::exists(m_fixture->dataDir() + QStringLiteral("/demo/README.txt")));
}

void TestServerCertLogin::demoCertificateLogsInAndSurvivesRestart()
{
    auto read = [this](const QString &name) {
        QFile f(m_fixture->dataDir() + QStringLiteral("/demo/") + name);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray p12 = read(QStringLiteral("43010000003.p12"));
    const QByteArray pin = read(QStringLiteral("43010000003.pin.txt")).trimmed();
    QVERIFY(!p12.isEmpty() && !pin.isEmpty());
    QVERIFY(read(QStringLiteral("README.txt")).contains("NOT FOR PRODUCTION"));
    auto credential = crypto::readPkcs12(p12, pin);
    QVERIFY(credential.ok());
    QCOMPARE(credential.value().key.algorithm().value(), crypto::Algorithm::Sm2Sm3);
    QCOMPARE(credential.value().certificate.subjectSerialNumber(), CertificateUnit);
    auto client = m_fixture->client();
    QCOMPARE(client->certLogin(CertificateUnit, credential.value().key, credential.value().certificate.toPem()).status, 200);

    // A restart reuses the file (same bytes) and the certificate still logs in.
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    QCOMPARE(read(QStringLiteral("43010000003.p12")), p12);
    auto again = m_fixture->client();
    QCOMPARE(again->certLogin(CertificateUnit, credential.value().key, credential.value().certificate.toPem()).status, 200);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM certificates WHERE serial = ?"),
                               {credential.value().certificate.serialHex()})
                 .toInt(),
             1);
}

QTEST_GUILESS_MAIN(TestServerCertLogin)
#include "tst_server_certlogin.moc"
