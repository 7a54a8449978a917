// Brute force: five failures lock one account (tst_server_auth), and failures from one source
// address across all accounts — unit, staff and certificate logins, wrong current passwords —
// slow that address down (LoginThrottle): after 20, every attempt from it is 429 auth.too_many
// with Retry-After, the password is not even checked, and it is audited; another address
// (127.0.0.2, a second loopback source) is not affected; time gives attempts back.
#include <QJsonObject>
#include <QtTest>

#include "RawHttps.h"
#include "ServerFixture.h"
#include "ServerTestData.h"
#include "server/Clock.h"
#include "server/LoginThrottle.h"

using namespace shebao::test;
using shebao::server::LoginThrottle;

namespace {
const QHostAddress OtherPeer(QStringLiteral("127.0.0.2"));
} // namespace

class TestServerBruteForce : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void sprayingOneAddressIsSlowed();
    void anotherAddressIsNotSlowed();
    void timeGivesAttemptsBack();
    void everyKindOfGuessCounts_data();
    void everyKindOfGuessCounts();

private:
    HttpResult loginFrom(const QHostAddress &source, const QString &unitNo, const QString &password);
    int failedCount(const QString &unitNo);
    int audited(const QString &outcome);
    void refill() { m_fixture->server().clock().advance(qint64(LoginThrottle::Capacity) * LoginThrottle::RefillSeconds); }

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
};

void TestServerBruteForce::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    // The test needs a second source address on the loopback interface.
    const HttpResult probe = loginFrom(OtherPeer, data::Ordinary, data::Password);
    QVERIFY2(probe.status == 200, qPrintable(QStringLiteral("login from 127.0.0.2: %1 %2").arg(probe.status).arg(probe.errorString)));
}

void TestServerBruteForce::cleanupTestCase()
{
    m_fixture.reset();
    m_backend.reset();
}

HttpResult TestServerBruteForce::loginFrom(const QHostAddress &source, const QString &unitNo, const QString &password)
{
    RawHttps raw(m_fixture->baseUrl(), m_fixture->caFile(), source);
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("unit_no"), unitNo},
                                                      {QStringLiteral("password"), password}})
                                .toJson(QJsonDocument::Compact);
    return raw.exchange(RawHttps::request("POST", QStringLiteral("/api/v1/auth/login"), body,
                                          {{"Content-Type", "application/json"}}));
}

int TestServerBruteForce::failedCount(const QString &unitNo)
{
    return m_fixture->scalar(QStringLiteral("SELECT a.failed_count FROM unit_accounts a JOIN units u ON u.id = a.unit_id"
                                            " WHERE u.unit_no = ?"),
                             {unitNo})
        .toInt();
}

int TestServerBruteForce::audited(const QString &outcome)
{
    return m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE outcome = ?"), {outcome}).toInt();
}

void TestServerBruteForce::sprayingOneAddressIsSlowed()
{
    auto client = m_fixture->client();
    const HttpResult answered = client->login(data::Ordinary, data::Password, "spray-replay-1");
    QCOMPARE(answered.status, 200);
    // One password tried on many accounts (known and unknown), never five times on one: no
    // account locks, yet the address runs out of attempts.
    const int capacity = int(LoginThrottle::Capacity);
    int failures = 0;
    HttpResult r;
    for (int i = 0; i < capacity + 5; ++i) {
        const QString unitNo = i % 5 == 0 ? data::Authorized : QStringLiteral("430199%1").arg(i, 5, 10, QLatin1Char('0'));
        r = client->login(unitNo, QStringLiteral("Guess1234"));
        if (r.status != 401)
            break;
        ++failures;
    }
    qInfo("failed logins from one address across accounts before it is slowed: %d (no account locked)", failures);
    QCOMPARE(failures, capacity);
    QCOMPARE(r.status, 429);
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("code")).toString(), QStringLiteral("auth.too_many"));
    const int retry = r.header("Retry-After").toInt();
    QVERIFY2(retry >= 1 && retry <= LoginThrottle::RefillSeconds, r.header("Retry-After").constData());
    QCOMPARE(o.value(QLatin1String("retry_after")).toInt(), retry);
    QCOMPARE(o.value(QLatin1String("detail")).toString(),
             QStringLiteral("本机所在网络的登录失败次数过多，请 %1 秒后再试。").arg(retry));
    QVERIFY(failedCount(data::Authorized) < 5);

    // The right password is refused too, and not even checked: the account's counter stays.
    const int counter = failedCount(data::Authorized);
    QCOMPARE(client->login(data::Authorized, data::Password).status, 429);
    QCOMPARE(client->login(data::Authorized, QStringLiteral("wrong")).status, 429);
    QCOMPARE(failedCount(data::Authorized), counter);
    QVERIFY(audited(QStringLiteral("rejected_throttled")) >= 3);
    QVERIFY(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = 'auth.login'"
                                             " AND outcome = 'rejected_throttled' AND peer = '127.0.0.1'"),
                              {QStringLiteral("unit:") + data::Authorized})
                .toInt()
            >= 2);
    // A login answered before is replayed under its key (the password was checked then).
    const HttpResult replay = client->login(data::Ordinary, data::Password, "spray-replay-1");
    QCOMPARE(replay.status, 200);
    QCOMPARE(replay.header("Idempotent-Replay"), QByteArray("true"));
    QCOMPARE(replay.json().value(QLatin1String("token")), answered.json().value(QLatin1String("token")));
}

void TestServerBruteForce::anotherAddressIsNotSlowed()
{
    // 127.0.0.1 is still slowed (previous test); 127.0.0.2 is another peer.
    QCOMPARE(m_fixture->client()->login(data::Authorized, data::Password).status, 429);
    const HttpResult r = loginFrom(OtherPeer, data::Authorized, data::Password);
    QCOMPARE(r.status, 200);
    QVERIFY(!r.json().value(QLatin1String("token")).toString().isEmpty());
    QCOMPARE(loginFrom(OtherPeer, data::Authorized, QStringLiteral("wrong")).status, 401);
    QCOMPARE(loginFrom(OtherPeer, data::Authorized, data::Password).status, 200);
}

void TestServerBruteForce::timeGivesAttemptsBack()
{
    auto client = m_fixture->client();
    QCOMPARE(client->login(data::Authorized, data::Password).status, 429);
    // One refill period: one attempt, then slowed again.
    m_fixture->server().clock().advance(LoginThrottle::RefillSeconds);
    QCOMPARE(client->login(data::Ordinary, QStringLiteral("wrong")).status, 401);
    QCOMPARE(client->login(data::Authorized, data::Password).status, 429);
    refill();
    QCOMPARE(client->login(data::Authorized, data::Password).status, 200);
}

void TestServerBruteForce::everyKindOfGuessCounts_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("staff login") << QStringLiteral("staff");
    QTest::newRow("certificate login") << QStringLiteral("cert");
    QTest::newRow("wrong current password") << QStringLiteral("password");
}

void TestServerBruteForce::everyKindOfGuessCounts()
{
    QFETCH(QString, kind);
    refill();
    auto session = m_fixture->client();
    QCOMPARE(session->login(data::Ordinary, data::Password).status, 200);
    auto client = m_fixture->client();
    const auto guess = [&](int i) -> HttpResult {
        if (kind == u"staff")
            return client->staffLogin(i % 2 ? QStringLiteral("clerk") : QStringLiteral("nobody%1").arg(i), QStringLiteral("x%1").arg(i));
        if (kind == u"cert")
            return client->postJson(QStringLiteral("/api/v1/auth/cert-login"),
                                    QJsonObject{{QStringLiteral("unit_no"), data::CertificateUnit},
                                                {QStringLiteral("challenge"), QStringLiteral("AAAA")},
                                                {QStringLiteral("certificate_pem"), QStringLiteral("x")},
                                                {QStringLiteral("signature"), QStringLiteral("AAAA")},
                                                {QStringLiteral("algorithm"), QStringLiteral("ECDSA-SHA256")}});
        return session->postJson(QStringLiteral("/api/v1/auth/password"),
                                 QJsonObject{{QStringLiteral("current_password"), QStringLiteral("wrong%1").arg(i)},
                                             {QStringLiteral("new_password"), QStringLiteral("Better1234")}});
    };
    // 401 while guessing; the password change also 423 once the account locked (still a guess).
    const int capacity = int(LoginThrottle::Capacity);
    int failures = 0;
    HttpResult r;
    for (int i = 0; i < capacity + 5; ++i) {
        r = guess(i);
        if (r.status != 401 && r.status != 423)
            break;
        ++failures;
    }
    QCOMPARE(failures, capacity);
    QCOMPARE(r.status, 429);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("auth.too_many"));
    QVERIFY(!r.header("Retry-After").isEmpty());
    // Slowed for unit logins as well: one bucket per address for every kind of login.
    QCOMPARE(client->login(data::Authorized, data::Password).status, 429);
    refill();
}

QTEST_GUILESS_MAIN(TestServerBruteForce)
#include "tst_server_bruteforce.moc"
