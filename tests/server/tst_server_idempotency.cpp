// Idempotency-Key on POSTs: a replay returns the first response with "Idempotent-Replay: true"
// and has no second effect; the same key with another body is 422 idempotency.conflict.
#include <QJsonObject>
#include <QUuid>
#include <QtTest>

#include "ServerFixture.h"
#include "server/Database.h"

using namespace shebao::test;

namespace {
const QString Unit1 = QStringLiteral("43010000001");
const QString Unit2 = QStringLiteral("43010000002");
const QString Password = QStringLiteral("Demo1234");

QByteArray freshKey()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}
} // namespace

class TestServerIdempotency : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void loginReplayReturnsSameToken();
    void failedLoginReplayCountsOnce();
    void conflictOnDifferentBody_data();
    void conflictOnDifferentBody();
    void keysAreScopedPerCaller();
    void logoutReplay();
    void withoutKeyEveryRequestActs();
    void replaySurvivesRestart();
    void oldRecordsPurgedOnStart();

private:
    int count(const QString &sql, const QVariantList &values = {})
    {
        return m_fixture->scalar(sql, values).toInt();
    }

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
};

void TestServerIdempotency::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
}

void TestServerIdempotency::cleanupTestCase()
{
    m_fixture.reset();
    m_backend.reset();
}

void TestServerIdempotency::loginReplayReturnsSameToken()
{
    const QString actor = QStringLiteral("unit:") + Unit1;
    const QString auditSql = QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = 'auth.login'"
                                            " AND outcome = 'success'");
    const int loginsBefore = count(auditSql, {actor});
    const int sessionsBefore = count(QStringLiteral("SELECT COUNT(*) FROM sessions"));

    auto client = m_fixture->client();
    const QByteArray key = freshKey();
    const HttpResult first = client->login(Unit1, Password, key);
    QCOMPARE(first.status, 200);
    QVERIFY(first.header("Idempotent-Replay").isEmpty());
    const HttpResult second = client->login(Unit1, Password, key);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.header("Idempotent-Replay"), QByteArray("true"));
    QCOMPARE(second.body, first.body);
    QCOMPARE(second.contentType, first.contentType);
    QCOMPARE(second.json().value(QLatin1String("token")).toString(), first.json().value(QLatin1String("token")).toString());

    // One effect only: one session, one audited login.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sessions")), sessionsBefore + 1);
    QCOMPARE(count(auditSql, {actor}), loginsBefore + 1);
    // The replayed token is the live one.
    client->setToken(second.json().value(QLatin1String("token")).toString());
    QCOMPARE(client->get(QStringLiteral("/api/v1/unit")).status, 200);
}

void TestServerIdempotency::failedLoginReplayCountsOnce()
{
    auto client = m_fixture->client();
    const QByteArray key = freshKey();
    const HttpResult first = client->login(Unit2, QStringLiteral("wrong"), key);
    QCOMPARE(first.status, 401);
    QCOMPARE(first.json().value(QLatin1String("tries_left")).toInt(), 4);
    for (int i = 0; i < 3; ++i) {
        const HttpResult again = client->login(Unit2, QStringLiteral("wrong"), key);
        QCOMPARE(again.status, 401);
        QCOMPARE(again.body, first.body);
        QCOMPARE(again.header("Idempotent-Replay"), QByteArray("true"));
    }
    // The retries did not count as failures: a new attempt still has 3 left.
    const HttpResult fresh = client->login(Unit2, QStringLiteral("wrong"), freshKey());
    QCOMPARE(fresh.json().value(QLatin1String("tries_left")).toInt(), 3);
    QCOMPARE(client->login(Unit2, Password).status, 200);
}

void TestServerIdempotency::conflictOnDifferentBody_data()
{
    QTest::addColumn<QString>("secondPassword");
    QTest::addColumn<QString>("secondUnit");
    QTest::newRow("other password") << QStringLiteral("Demo12345") << Unit1;
    QTest::newRow("other unit") << Password << Unit2;
}

void TestServerIdempotency::conflictOnDifferentBody()
{
    QFETCH(QString, secondPassword);
    QFETCH(QString, secondUnit);
    auto client = m_fixture->client();
    const QByteArray key = freshKey();
    const int sessions = count(QStringLiteral("SELECT COUNT(*) FROM sessions"));
    QCOMPARE(client->login(Unit1, Password, key).status, 200);
    const HttpResult conflict = client->login(secondUnit, secondPassword, key);
    QCOMPARE(conflict.status, 422);
    QCOMPARE(conflict.contentType, QByteArray("application/problem+json"));
    QCOMPARE(conflict.json().value(QLatin1String("code")).toString(), QStringLiteral("idempotency.conflict"));
    QVERIFY(!conflict.json().value(QLatin1String("detail")).toString().isEmpty());
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sessions")), sessions + 1);
}

void TestServerIdempotency::keysAreScopedPerCaller()
{
    // The same key used by two different logged-in accounts is two different actions.
    auto a = m_fixture->client();
    auto b = m_fixture->client();
    QCOMPARE(a->login(Unit1, Password).status, 200);
    QCOMPARE(b->login(Unit2, Password).status, 200);
    const QByteArray key = freshKey();
    const HttpResult outA = a->post(QStringLiteral("/api/v1/auth/logout"), {}, key);
    QCOMPARE(outA.status, 204);
    const HttpResult outB = b->post(QStringLiteral("/api/v1/auth/logout"), {}, key);
    QCOMPARE(outB.status, 204);
    QVERIFY(outB.header("Idempotent-Replay").isEmpty());
    QCOMPARE(b->get(QStringLiteral("/api/v1/unit")).status, 401);
}

void TestServerIdempotency::logoutReplay()
{
    auto client = m_fixture->client();
    QCOMPARE(client->login(Unit1, Password).status, 200);
    const QByteArray key = freshKey();
    const HttpResult first = client->post(QStringLiteral("/api/v1/auth/logout"), {}, key);
    QCOMPARE(first.status, 204);
    // The retry arrives with the now revoked token and still gets the first answer.
    const HttpResult retry = client->post(QStringLiteral("/api/v1/auth/logout"), {}, key);
    QCOMPARE(retry.status, 204);
    QCOMPARE(retry.header("Idempotent-Replay"), QByteArray("true"));
    // Without the key the revoked token is simply refused.
    QCOMPARE(client->post(QStringLiteral("/api/v1/auth/logout"), {}).status, 401);
}

void TestServerIdempotency::withoutKeyEveryRequestActs()
{
    auto client = m_fixture->client();
    const int sessions = count(QStringLiteral("SELECT COUNT(*) FROM sessions"));
    const HttpResult a = client->login(Unit1, Password);
    const HttpResult b = client->login(Unit1, Password);
    QCOMPARE(a.status, 200);
    QCOMPARE(b.status, 200);
    QVERIFY(a.json().value(QLatin1String("token")) != b.json().value(QLatin1String("token")));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sessions")), sessions + 2);
}

void TestServerIdempotency::replaySurvivesRestart()
{
    auto client = m_fixture->client();
    const QByteArray key = freshKey();
    const HttpResult first = client->login(Unit2, Password, key);
    QCOMPARE(first.status, 200);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    auto again = m_fixture->client();
    const HttpResult replay = again->login(Unit2, Password, key);
    QCOMPARE(replay.status, 200);
    QCOMPARE(replay.body, first.body);
    QCOMPARE(replay.header("Idempotent-Replay"), QByteArray("true"));
}

void TestServerIdempotency::oldRecordsPurgedOnStart()
{
    auto client = m_fixture->client();
    const QByteArray key = freshKey();
    const HttpResult first = client->login(Unit1, Password, key);
    QCOMPARE(first.status, 200);
    // Age the record past the one-day retention, then restart.
    QVERIFY(m_fixture->server().database()
                .exec(QStringLiteral("UPDATE idempotency_records SET created_at = created_at - ? WHERE idem_key = ?"),
                      {qint64(25 * 3600), QString::fromLatin1(key)})
                .ok());
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM idempotency_records WHERE idem_key = ?"), {QString::fromLatin1(key)}), 0);
    auto again = m_fixture->client();
    const HttpResult fresh = again->login(Unit1, Password, key);
    QCOMPARE(fresh.status, 200);
    QVERIFY(fresh.header("Idempotent-Replay").isEmpty());
    QVERIFY(fresh.json().value(QLatin1String("token")) != first.json().value(QLatin1String("token")));
}

QTEST_GUILESS_MAIN(TestServerIdempotency)
#include "tst_server_idempotency.moc"
