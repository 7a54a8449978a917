// 参保证明 after issue (docs/certificates.md): staff revoke it (clerk only, with a reason, once),
// validity ends after 90 days (the injectable clock), the public page and JSON answer show the
// state, unknown codes get a clear answer, guessing from one address is slowed down, and the
// agency's signing key (0600) survives a restart so earlier certificates still verify.
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QtTest>

#include "ServerFixture.h"
#include "ServerTestData.h"
#include "crypto/Key.h"
#include "models/certificate/CertificateJson.h"
#include "server/CertificateSigningKey.h"
#include "server/Clock.h"
#include "server/Database.h"

using namespace shebao;
using namespace shebao::test;

namespace {

QJsonObject request(const char *kind, const QString &purpose)
{
    return QJsonObject{{QStringLiteral("kind"), QLatin1String(kind)}, {QStringLiteral("purpose"), purpose}};
}

} // namespace

class TestServerCertificateVerify : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void revokeByClerk();
    void expiresAfter90Days();
    void publicPageShowsTheContent();
    void unknownCodeIsAClearAnswer();
    void guessingIsSlowedDown();
    void signingKeySurvivesARestart();

private:
    QJsonObject issue(const QJsonObject &body);

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
    std::unique_ptr<HttpsClient> m_clerk;
};

void TestServerCertificateVerify::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(data::Authorized, data::Password).status, 200);
    m_clerk = m_fixture->client();
    QCOMPARE(m_clerk->staffLogin(QStringLiteral("clerk"), data::Password).status, 200);
}

void TestServerCertificateVerify::cleanupTestCase()
{
    m_clerk.reset();
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

QJsonObject TestServerCertificateVerify::issue(const QJsonObject &body)
{
    const HttpResult r = m_unit->postJson(QStringLiteral("/api/v1/certificates"), body, QUuid::createUuid().toByteArray());
    if (r.status != 201)
        qWarning("issue: %d %s", r.status, r.body.constData());
    return r.status == 201 ? r.json() : QJsonObject();
}

void TestServerCertificateVerify::revokeByClerk()
{
    const QJsonObject record = issue(request("unit", QStringLiteral("撤销测试")));
    QVERIFY(!record.isEmpty());
    const QString number = record.value(QLatin1String("number")).toString();
    const QString code = record.value(QLatin1String("code")).toString();
    const QString path = QStringLiteral("/api/v1/staff/enrolment-certificates/%1/revoke").arg(number);

    auto reviewer = m_fixture->client();
    QCOMPARE(reviewer->staffLogin(QStringLiteral("reviewer"), data::Password).status, 200);
    HttpResult r = reviewer->postJson(path, QJsonObject{{QStringLiteral("reason"), QStringLiteral("单位申请作废")}});
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("staff.role"));
    // Staff of either role can read it.
    QCOMPARE(reviewer->get(QStringLiteral("/api/v1/staff/enrolment-certificates/") + number).status, 200);

    r = m_clerk->postJson(path, QJsonObject{{QStringLiteral("reason"), QStringLiteral("  ")}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("request.invalid"));

    r = m_clerk->postJson(path, QJsonObject{{QStringLiteral("reason"), QStringLiteral("单位申请作废")}},
                          QUuid::createUuid().toByteArray());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("revoked"));
    QCOMPARE(r.json().value(QLatin1String("revoked_by")).toString(), QStringLiteral("staff:clerk"));
    QCOMPARE(r.json().value(QLatin1String("revoke_reason")).toString(), QStringLiteral("单位申请作废"));

    r = m_clerk->postJson(path, QJsonObject{{QStringLiteral("reason"), QStringLiteral("再次")}});
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("certificate.revoked"));
    QCOMPARE(m_clerk->postJson(QStringLiteral("/api/v1/staff/enrolment-certificates/ZM20000101000001/revoke"),
                               QJsonObject{{QStringLiteral("reason"), QStringLiteral("x")}})
                 .status,
             404);

    // Everybody sees it revoked: the unit, the JSON answer (without who did it) and the page.
    QCOMPARE(m_unit->get(QStringLiteral("/api/v1/certificates/") + number).json().value(QLatin1String("state")).toString(),
             QStringLiteral("revoked"));
    QVERIFY(m_unit->get(QStringLiteral("/api/v1/certificates/") + number).json().value(QLatin1String("revoked_by")).isNull());
    auto anonymous = m_fixture->client();
    const QJsonObject answer = anonymous->get(QStringLiteral("/api/v1/verify/") + code).json();
    QCOMPARE(answer.value(QLatin1String("state")).toString(), QStringLiteral("revoked"));
    QCOMPARE(answer.value(QLatin1String("state_name")).toString(), QStringLiteral("已撤销"));
    QVERIFY(answer.value(QLatin1String("certificate")).toObject().value(QLatin1String("revoked_by")).isNull());
    const QString html = QString::fromUtf8(anonymous->get(QStringLiteral("/verify?code=") + code).body);
    QVERIFY(html.contains(QStringLiteral("已撤销")));
    QVERIFY(html.contains(QStringLiteral("单位申请作废")));
    QVERIFY(!html.contains(QStringLiteral(">有效<")));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'certificate.revoke' AND target = ?"),
                               {number})
                 .toInt(),
             1);

    // The staff list shows whose it is.
    const QJsonArray rows = m_clerk->get(QStringLiteral("/api/v1/staff/enrolment-certificates?unit_no=") + data::Authorized)
                                .json()
                                .value(QLatin1String("certificates"))
                                .toArray();
    QVERIFY(!rows.isEmpty());
    QCOMPARE(rows.first().toObject().value(QLatin1String("unit_no")).toString(), data::Authorized);
    QVERIFY(m_clerk->get(QStringLiteral("/api/v1/staff/enrolment-certificates?unit_no=43010000002"))
                .json()
                .value(QLatin1String("certificates"))
                .toArray()
                .isEmpty());
}

void TestServerCertificateVerify::expiresAfter90Days()
{
    const QJsonObject record = issue(request("unit", QStringLiteral("过期测试")));
    QVERIFY(!record.isEmpty());
    const QString code = record.value(QLatin1String("code")).toString();
    auto anonymous = m_fixture->client();
    server::Clock &clock = m_fixture->server().clock();
    clock.advance(90 * 24 * 3600 - 60);
    QCOMPARE(anonymous->get(QStringLiteral("/api/v1/verify/") + code).json().value(QLatin1String("state")).toString(),
             QStringLiteral("valid"));
    clock.advance(60);
    const QJsonObject answer = anonymous->get(QStringLiteral("/api/v1/verify/") + code).json();
    QCOMPARE(answer.value(QLatin1String("state")).toString(), QStringLiteral("expired"));
    QCOMPARE(answer.value(QLatin1String("state_name")).toString(), QStringLiteral("已过期"));
    QVERIFY(QString::fromUtf8(anonymous->get(QStringLiteral("/verify?code=") + code).body).contains(QStringLiteral("已过期")));
    clock.advance(-90 * 24 * 3600);
}

void TestServerCertificateVerify::publicPageShowsTheContent()
{
    const QJsonObject record = issue(request("unit", QStringLiteral("页面测试")));
    QVERIFY(!record.isEmpty());
    const QString code = record.value(QLatin1String("code")).toString();
    auto anonymous = m_fixture->client();
    HttpResult r = anonymous->get(QStringLiteral("/verify"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArray("text/html; charset=utf-8"));
    QVERIFY(r.body.contains("<form method=\"get\" action=\"/verify\">"));

    // Typed as printed (grouped, lower case): found.
    const QString typed = CertificateCode::grouped(code).toLower();
    r = anonymous->get(QStringLiteral("/verify?code=") + typed);
    QCOMPARE(r.status, 200);
    const QString html = QString::fromUtf8(r.body);
    QVERIFY(html.contains(QStringLiteral("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")));
    QVERIFY(html.contains(QStringLiteral("单位参保证明")));
    QVERIFY(html.contains(QStringLiteral(">有效<")));
    QVERIFY(html.contains(record.value(QLatin1String("content")).toObject().value(QLatin1String("unit_name")).toString()));
    QVERIFY(html.contains(record.value(QLatin1String("number")).toString()));
    QVERIFY(html.contains(QStringLiteral("企业职工基本养老保险")));
    QVERIFY(html.contains(QStringLiteral("页面测试")));
    // Nothing fetched from anywhere: no scripts, no external addresses, a CSP that forbids them.
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(!html.contains(QStringLiteral("http://")) && !html.contains(QStringLiteral("src=")));
    QVERIFY(r.header("Content-Security-Policy").startsWith("default-src 'none'"));
}

void TestServerCertificateVerify::unknownCodeIsAClearAnswer()
{
    auto anonymous = m_fixture->client();
    HttpResult r = anonymous->get(QStringLiteral("/api/v1/verify/ZZZZZZZZZZZZZZZZ"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("certificate.unknown"));
    QVERIFY(r.json().value(QLatin1String("detail")).toString().contains(QStringLiteral("未找到该验证码")));
    r = anonymous->get(QStringLiteral("/verify?code=NOT-A-CODE"));
    QCOMPARE(r.status, 404);
    QVERIFY(QString::fromUtf8(r.body).contains(QStringLiteral("未找到该验证码对应的参保证明")));
    QVERIFY(QString::fromUtf8(r.body).contains(QStringLiteral("value=\"NOT-A-CODE\"")));
    // What was typed is escaped, never markup.
    r = anonymous->get(QStringLiteral("/verify?code=%3Cb%3Ex%3C%2Fb%3E"));
    QCOMPARE(r.status, 404);
    QVERIFY(!r.body.contains("<b>x</b>"));
    QVERIFY(r.body.contains("&lt;b&gt;x&lt;/b&gt;"));
    // Let the bucket fill up again for the next test.
    m_fixture->server().clock().advance(120);
}

void TestServerCertificateVerify::guessingIsSlowedDown()
{
    const QJsonObject record = issue(request("unit", QStringLiteral("枚举测试")));
    QVERIFY(!record.isEmpty());
    const QString code = record.value(QLatin1String("code")).toString();
    auto anonymous = m_fixture->client();
    int misses = 0;
    HttpResult r;
    for (int i = 0; i < 30; ++i) {
        r = anonymous->get(QStringLiteral("/api/v1/verify/%1").arg(QStringLiteral("2222222222%1").arg(i, 6, 10, QLatin1Char('2'))));
        if (r.status != 404)
            break;
        ++misses;
    }
    QCOMPARE(misses, 10);
    QCOMPARE(r.status, 429);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("verify.too_many"));
    const int retry = r.header("Retry-After").toInt();
    QVERIFY(retry >= 1 && retry <= 6);
    // Throttled, a real code gets no answer either (hits cannot be told from misses), nor the page.
    QCOMPARE(anonymous->get(QStringLiteral("/api/v1/verify/") + code).status, 429);
    r = anonymous->get(QStringLiteral("/verify?code=") + code);
    QCOMPARE(r.status, 429);
    QVERIFY(QString::fromUtf8(r.body).contains(QStringLiteral("查询过于频繁")));
    QVERIFY(!r.header("Retry-After").isEmpty());
    // Time gives one token back: one more question, then slowed again.
    m_fixture->server().clock().advance(6);
    QCOMPARE(anonymous->get(QStringLiteral("/api/v1/verify/") + code).status, 200);
    QCOMPARE(anonymous->get(QStringLiteral("/api/v1/verify/3333333333333333")).status, 404);
    QCOMPARE(anonymous->get(QStringLiteral("/api/v1/verify/") + code).status, 429);
    m_fixture->server().clock().advance(120);
    QCOMPARE(anonymous->get(QStringLiteral("/api/v1/verify/") + code).status, 200);
    QVERIFY(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'certificate.verify'"
                                             " AND outcome = 'certificate.unknown'"))
                .toInt()
            >= 11);
}

void TestServerCertificateVerify::signingKeySurvivesARestart()
{
    const QJsonObject record = issue(request("unit", QStringLiteral("重启测试")));
    QVERIFY(!record.isEmpty());
    const QString keyFile = QDir(m_fixture->dataDir()).filePath(QStringLiteral("certificate-signing-key.pem"));
    QVERIFY(QFile::exists(keyFile));
    QCOMPARE(QFileInfo(keyFile).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                                 | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    const QString keyId = m_fixture->server().signingKey().keyId();
    QCOMPARE(record.value(QLatin1String("key_id")).toString(), keyId);
    QFile f(keyFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();

    m_clerk.reset();
    m_unit.reset();
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    QCOMPARE(m_fixture->server().signingKey().keyId(), keyId);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    auto anonymous = m_fixture->client();
    auto answer = json::decodeVerificationAnswer(
        anonymous->get(QStringLiteral("/api/v1/verify/") + record.value(QLatin1String("code")).toString()).json());
    QVERIFY(answer);
    auto key = crypto::Key::fromPublicPem(answer.value().publicKeyPem);
    QVERIFY(key);
    QVERIFY(key.value().verify(answer.value().certificate.canonical, answer.value().certificate.signature));
}

QTEST_MAIN(TestServerCertificateVerify)
#include "tst_server_certificate_verify.moc"
