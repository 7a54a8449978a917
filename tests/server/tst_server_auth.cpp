// Login, lockout, token expiry and logout against an in-process server (SQLite or PostgreSQL).
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>
#include <QtTest>

#include "ServerFixture.h"
#include "ServerProcess.h"
#include "server/Clock.h"
#include "server/PasswordHasher.h"
#include "server/TokenService.h"

using namespace shebao::test;

namespace {
const QString Unit1 = QStringLiteral("43010000001");
const QString Unit2 = QStringLiteral("43010000002");
const QString Unit3 = QStringLiteral("43010000003");
const QString Password = QStringLiteral("Demo1234");
} // namespace

class TestServerAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void loginSucceeds_data();
    void loginSucceeds();
    void wrongPasswordCountsDown_data();
    void wrongPasswordCountsDown();
    void lockoutAfterFiveFailures();
    void successResetsCounter();
    void rejectsMalformedLogin_data();
    void rejectsMalformedLogin();
    void overlongNamesStoreNothing_data();
    void overlongNamesStoreNothing();
    void bearerRequired_data();
    void bearerRequired();
    void tokenExpires();
    void tokenExpiresInRealProcess();
    void logoutRevokes();
    void passwordsAndTokensStoredHashed();
    void loginsAreAudited();

private:
    int auditCount(const QString &actor, const QString &action, const QString &outcome);

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
};

void TestServerAuth::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
}

void TestServerAuth::cleanupTestCase()
{
    m_fixture.reset();
    m_backend.reset();
}

int TestServerAuth::auditCount(const QString &actor, const QString &action, const QString &outcome)
{
    return m_fixture
        ->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = ? AND outcome = ?"),
                 {actor, action, outcome})
        .toInt();
}

void TestServerAuth::loginSucceeds_data()
{
    QTest::addColumn<QString>("unitNo");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("unitName");
    QTest::newRow("authorized") << Unit1 << QStringLiteral("authorized") << QStringLiteral("长沙湘江示范科技有限公司");
    QTest::newRow("ordinary") << Unit2 << QStringLiteral("ordinary") << QStringLiteral("长沙岳麓示范商贸有限公司");
    QTest::newRow("certificate") << Unit3 << QStringLiteral("certificate") << QStringLiteral("长沙星城示范建设工程有限公司");
}

void TestServerAuth::loginSucceeds()
{
    QFETCH(QString, unitNo);
    QFETCH(QString, level);
    QFETCH(QString, unitName);
    auto client = m_fixture->client();
    const HttpResult r = client->login(unitNo, Password);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArray("application/json"));
    const QJsonObject o = r.json();
    static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
    QVERIFY(hex64.match(o.value(QLatin1String("token")).toString()).hasMatch());
    QCOMPARE(o.value(QLatin1String("level")).toString(), level);
    QCOMPARE(o.value(QLatin1String("unit_no")).toString(), unitNo);
    QCOMPARE(o.value(QLatin1String("unit_name")).toString(), unitName);
    const QDateTime expires = QDateTime::fromString(o.value(QLatin1String("expires_at")).toString(), Qt::ISODate);
    QVERIFY(expires.isValid());
    QVERIFY(o.value(QLatin1String("expires_at")).toString().endsWith(QLatin1String("+08:00")));
    const qint64 ttl = QDateTime::currentSecsSinceEpoch() - expires.toSecsSinceEpoch();
    QVERIFY2(qAbs(ttl + 8 * 3600) < 60, "default token lifetime is 8 hours");
    // The token works.
    const HttpResult unit = client->get(QStringLiteral("/api/v1/unit"));
    QCOMPARE(unit.status, 200);
    QCOMPARE(unit.json().value(QLatin1String("unit_no")).toString(), unitNo);
}

void TestServerAuth::wrongPasswordCountsDown_data()
{
    QTest::addColumn<QString>("unitNo");
    // An unknown unit must look exactly like a known one with a wrong password.
    QTest::newRow("known unit") << Unit2;
    QTest::newRow("unknown unit") << QStringLiteral("43019999999");
}

void TestServerAuth::wrongPasswordCountsDown()
{
    QFETCH(QString, unitNo);
    auto client = m_fixture->client();
    for (int triesLeft = 4; triesLeft >= 1; --triesLeft) {
        const HttpResult r = client->login(unitNo, QStringLiteral("wrong-%1").arg(triesLeft));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.contentType, QByteArray("application/problem+json"));
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QLatin1String("code")).toString(), QStringLiteral("auth.invalid_credentials"));
        QCOMPARE(o.value(QLatin1String("status")).toInt(), 401);
        QCOMPARE(o.value(QLatin1String("tries_left")).toInt(), triesLeft);
        QCOMPARE(o.value(QLatin1String("detail")).toString(),
                 QStringLiteral("单位编号或登录密码错误，还可尝试 %1 次。").arg(triesLeft));
        QVERIFY(!o.value(QLatin1String("title")).toString().isEmpty());
    }
    // Leave the account usable for the other tests: a success resets the counter.
    if (unitNo == Unit2)
        QCOMPARE(client->login(unitNo, Password).status, 200);
}

void TestServerAuth::lockoutAfterFiveFailures()
{
    auto client = m_fixture->client();
    for (int i = 0; i < 4; ++i)
        QCOMPARE(client->login(Unit3, QStringLiteral("nope")).status, 401);
    const qint64 before = m_fixture->server().clock().now();
    const HttpResult fifth = client->login(Unit3, QStringLiteral("nope"));
    QCOMPARE(fifth.status, 423);
    QJsonObject o = fifth.json();
    QCOMPARE(o.value(QLatin1String("code")).toString(), QStringLiteral("auth.locked"));
    const QDateTime lockedUntil = QDateTime::fromString(o.value(QLatin1String("locked_until")).toString(), Qt::ISODate);
    QVERIFY(lockedUntil.isValid());
    QVERIFY(qAbs(lockedUntil.toSecsSinceEpoch() - (before + 15 * 60)) <= 2);
    QCOMPARE(o.value(QLatin1String("detail")).toString(),
             QStringLiteral("登录失败次数过多，账户已锁定，请于 %1 后再试。")
                 .arg(shebao::server::Clock::hhmm(lockedUntil.toSecsSinceEpoch())));

    // Even the right password is refused while locked.
    const HttpResult locked = client->login(Unit3, Password);
    QCOMPARE(locked.status, 423);
    QCOMPARE(locked.json().value(QLatin1String("locked_until")).toString(),
             o.value(QLatin1String("locked_until")).toString());

    // After 15 minutes the lock is gone and the counter starts afresh.
    m_fixture->server().clock().advance(15 * 60 + 1);
    const HttpResult after = client->login(Unit3, QStringLiteral("nope"));
    QCOMPARE(after.status, 401);
    QCOMPARE(after.json().value(QLatin1String("tries_left")).toInt(), 4);
    QCOMPARE(client->login(Unit3, Password).status, 200);
}

void TestServerAuth::successResetsCounter()
{
    auto client = m_fixture->client();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(client->login(Unit1, QStringLiteral("bad")).status, 401);
    QCOMPARE(client->login(Unit1, Password).status, 200);
    const HttpResult r = client->login(Unit1, QStringLiteral("bad"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("tries_left")).toInt(), 4);
    QCOMPARE(client->login(Unit1, Password).status, 200);
}

void TestServerAuth::rejectsMalformedLogin_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("not json") << QByteArray("unit_no=1") << QString();
    QTest::newRow("array") << QByteArray("[]") << QString();
    QTest::newRow("no unit") << QByteArray(R"({"password":"x"})") << QStringLiteral("unit_no");
    QTest::newRow("unit not string") << QByteArray(R"({"unit_no":43010000001,"password":"x"})") << QStringLiteral("unit_no");
    QTest::newRow("no password") << QByteArray(R"({"unit_no":"43010000001"})") << QStringLiteral("password");
    QTest::newRow("unit number of 33 characters")
        << QByteArray(R"({"unit_no":")") + QByteArray(33, '4') + QByteArray(R"(","password":"x"})") << QStringLiteral("unit_no");
}

void TestServerAuth::rejectsMalformedLogin()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    auto client = m_fixture->client();
    const HttpResult r = client->post(QStringLiteral("/api/v1/auth/login"), body);
    QCOMPARE(r.status, 400);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("code")).toString(), QStringLiteral("request.invalid"));
    QVERIFY(!o.value(QLatin1String("detail")).toString().isEmpty());
    if (!field.isEmpty())
        QCOMPARE(o.value(QLatin1String("errors")).toArray().at(0).toObject().value(QLatin1String("field")).toString(), field);
}

void TestServerAuth::overlongNamesStoreNothing_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("member");
    QTest::newRow("unit login") << QStringLiteral("/api/v1/auth/login") << QByteArray("unit_no");
    QTest::newRow("challenge") << QStringLiteral("/api/v1/auth/challenge") << QByteArray("unit_no");
    QTest::newRow("certificate login") << QStringLiteral("/api/v1/auth/cert-login") << QByteArray("unit_no");
    QTest::newRow("staff login") << QStringLiteral("/api/v1/staff/login") << QByteArray("username");
}

void TestServerAuth::overlongNamesStoreNothing()
{
    // A 1 MB "unit number" was once counted, challenged and audited in full.
    QFETCH(QString, path);
    QFETCH(QByteArray, member);
    const QString huge(1024 * 1024, u'4');
    QJsonObject body{{QString::fromLatin1(member), huge},
                     {QStringLiteral("password"), QStringLiteral("x")},
                     {QStringLiteral("challenge"), QStringLiteral("AAAA")},
                     {QStringLiteral("certificate_pem"), QStringLiteral("x")},
                     {QStringLiteral("signature"), QStringLiteral("AAAA")},
                     {QStringLiteral("algorithm"), QStringLiteral("ECDSA-SHA256")}};
    const int challenges = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM auth_challenges")).toInt();
    const int audited = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt();
    auto client = m_fixture->client();
    const HttpResult r = client->postJson(path, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("request.invalid"));
    QCOMPARE(r.json().value(QLatin1String("errors")).toArray().at(0).toObject().value(QLatin1String("field")).toString(),
             QString::fromLatin1(member));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM auth_challenges")).toInt(), challenges);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(), audited);
    // Eleven digits still do.
    body.insert(QString::fromLatin1(member), QStringLiteral("43019999998"));
    QVERIFY(client->postJson(path, body).status != 400);
}

void TestServerAuth::bearerRequired_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("token");
    QTest::newRow("unit, no token") << QStringLiteral("/api/v1/unit") << QString();
    QTest::newRow("persons, no token") << QStringLiteral("/api/v1/persons") << QString();
    QTest::newRow("unit, garbage") << QStringLiteral("/api/v1/unit") << QStringLiteral("abc");
    QTest::newRow("persons, unknown token") << QStringLiteral("/api/v1/persons") << QString(64, u'a');
    QTest::newRow("unit, upper-case hex") << QStringLiteral("/api/v1/unit") << QString(64, u'A');
}

void TestServerAuth::bearerRequired()
{
    QFETCH(QString, path);
    QFETCH(QString, token);
    auto client = m_fixture->client();
    client->setToken(token);
    const HttpResult r = client->get(path);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("auth.token_invalid"));
    // Health needs no token.
    QCOMPARE(client->get(QStringLiteral("/api/v1/health")).status, 200);
}

void TestServerAuth::tokenExpires()
{
    // A second server on the same database with a 1-second token lifetime.
    ServerFixture shortLived(*m_backend);
    QVERIFY2(shortLived.start({true, 0, 1}), qPrintable(shortLived.error()));
    auto client = shortLived.client();
    QCOMPARE(client->login(Unit1, Password).status, 200);
    QCOMPARE(client->get(QStringLiteral("/api/v1/unit")).status, 200);
    shortLived.server().clock().advance(2);
    const HttpResult r = client->get(QStringLiteral("/api/v1/persons"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("auth.token_expired"));
    QCOMPARE(r.json().value(QLatin1String("detail")).toString(), QStringLiteral("登录已过期，请重新登录。"));
}

void TestServerAuth::tokenExpiresInRealProcess()
{
    // The real binary with --token-ttl 1 and a real wait: the option reaches the token service.
    ServerProcess process;
    ServerProcess::Options options;
    options.extraArgs = {QStringLiteral("--token-ttl"), QStringLiteral("1")};
    QTemporaryDir dir;
    options.dataDir = dir.path();
    options.dbUrl = m_backend->dbUrl(dir.path());
    QVERIFY2(process.start(options), qPrintable(process.error()));
    HttpsClient client(process.baseUrl(), process.caFile());
    QCOMPARE(client.login(Unit2, Password).status, 200);
    QCOMPARE(client.get(QStringLiteral("/api/v1/unit")).status, 200);
    QThread::msleep(2100);
    const HttpResult r = client.get(QStringLiteral("/api/v1/unit"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("auth.token_expired"));
    process.stop();
}

void TestServerAuth::logoutRevokes()
{
    auto client = m_fixture->client();
    QCOMPARE(client->login(Unit1, Password).status, 200);
    auto other = m_fixture->client();
    QCOMPARE(other->login(Unit1, Password).status, 200);
    QCOMPARE(client->get(QStringLiteral("/api/v1/unit")).status, 200);
    const QString actor = QStringLiteral("unit:") + Unit1;
    const int logouts = auditCount(actor, QStringLiteral("auth.logout"), QStringLiteral("success"));
    const HttpResult out = client->post(QStringLiteral("/api/v1/auth/logout"), {});
    QCOMPARE(out.status, 204);
    QCOMPARE(auditCount(actor, QStringLiteral("auth.logout"), QStringLiteral("success")), logouts + 1);
    QVERIFY(out.body.isEmpty());
    const HttpResult after = client->get(QStringLiteral("/api/v1/unit"));
    QCOMPARE(after.status, 401);
    QCOMPARE(after.json().value(QLatin1String("code")).toString(), QStringLiteral("auth.token_invalid"));
    // A second logout with the revoked token is refused; other sessions are untouched.
    QCOMPARE(client->post(QStringLiteral("/api/v1/auth/logout"), {}).status, 401);
    QCOMPARE(other->get(QStringLiteral("/api/v1/unit")).status, 200);
}

void TestServerAuth::passwordsAndTokensStoredHashed()
{
    auto client = m_fixture->client();
    const HttpResult r = client->login(Unit2, Password);
    QCOMPARE(r.status, 200);
    const QString token = r.json().value(QLatin1String("token")).toString();
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE token_hash = ?"), {token}).toInt(), 0);
    QCOMPARE(m_fixture
                 ->scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE token_hash = ?"),
                          {shebao::server::TokenService::hashToken(token)})
                 .toInt(),
             1);
    const QString hash = m_fixture
                             ->scalar(QStringLiteral("SELECT a.password_hash FROM unit_accounts a JOIN units u"
                                                     " ON u.id = a.unit_id WHERE u.unit_no = ?"),
                                      {Unit2})
                             .toString();
    const QStringList parts = hash.split(u'$');
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts.at(0), QStringLiteral("pbkdf2-sha256"));
    QVERIFY(parts.at(1).toInt() >= 200000);
    QCOMPARE(QByteArray::fromBase64(parts.at(2).toLatin1()).size(), 16);
    QVERIFY(!hash.contains(Password));
    QVERIFY(shebao::server::PasswordHasher::verify(Password, hash));
    QVERIFY(!shebao::server::PasswordHasher::verify(QStringLiteral("Demo1235"), hash));
    // Salts differ per account.
    const QString other = m_fixture
                              ->scalar(QStringLiteral("SELECT a.password_hash FROM unit_accounts a JOIN units u"
                                                      " ON u.id = a.unit_id WHERE u.unit_no = ?"),
                                       {Unit1})
                              .toString();
    QVERIFY(other.split(u'$').value(2) != parts.at(2));
}

void TestServerAuth::loginsAreAudited()
{
    const QString actor = QStringLiteral("unit:") + Unit2;
    const int ok = auditCount(actor, QStringLiteral("auth.login"), QStringLiteral("success"));
    const int bad = auditCount(actor, QStringLiteral("auth.login"), QStringLiteral("failure"));
    auto client = m_fixture->client();
    QCOMPARE(client->login(Unit2, QStringLiteral("x")).status, 401);
    QCOMPARE(client->login(Unit2, Password).status, 200);
    QCOMPARE(auditCount(actor, QStringLiteral("auth.login"), QStringLiteral("success")), ok + 1);
    QCOMPARE(auditCount(actor, QStringLiteral("auth.login"), QStringLiteral("failure")), bad + 1);
    // The lockout of Unit3 earlier in this run was audited as such.
    QVERIFY(auditCount(QStringLiteral("unit:") + Unit3, QStringLiteral("auth.lock"), QStringLiteral("locked")) >= 1);
    QVERIFY(auditCount(QStringLiteral("unit:") + Unit3, QStringLiteral("auth.login"), QStringLiteral("rejected_locked")) >= 1);
}

QTEST_GUILESS_MAIN(TestServerAuth)
#include "tst_server_auth.moc"
