// 修改密码: the rules (422 password.weak), a wrong current password counting toward the lockout
// like a failed login, the new password working and the old one not, other sessions kept.
#include <QJsonObject>
#include <QtTest>

#include "ServerFixture.h"
#include "ServerTestData.h"
#include "server/Clock.h"

using namespace shebao::test;
using namespace shebao::test::data;

namespace {
const QString PasswordPath = QStringLiteral("/api/v1/auth/password");

QJsonObject change(const QString &current, const QString &next)
{
    return QJsonObject{{QStringLiteral("current_password"), current}, {QStringLiteral("new_password"), next}};
}
} // namespace

class TestServerPassword : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rulesEnforced_data();
    void rulesEnforced();
    void wrongCurrentCountsTowardLockout();
    void newPasswordWorksOldDoesNot();
    void staffTokenRefused();

private:
    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
};

void TestServerPassword::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
}

void TestServerPassword::cleanupTestCase()
{
    m_fixture.reset();
    m_backend.reset();
}

void TestServerPassword::rulesEnforced_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("rule");
    QTest::newRow("7 characters") << QStringLiteral("abc1234") << QStringLiteral("至少 8 位");
    QTest::newRow("letters only") << QStringLiteral("abcdefgh") << QStringLiteral("字母和数字");
    QTest::newRow("digits only") << QStringLiteral("12345678") << QStringLiteral("字母和数字");
    QTest::newRow("unit number") << QStringLiteral("43010000002") << QStringLiteral("字母和数字");
    QTest::newRow("contains unit number") << QStringLiteral("a43010000002") << QStringLiteral("单位编号");
    QTest::newRow("unit number first") << QStringLiteral("43010000002xy") << QStringLiteral("单位编号");
}

void TestServerPassword::rulesEnforced()
{
    QFETCH(QString, password);
    QFETCH(QString, rule);
    auto client = m_fixture->client();
    QCOMPARE(client->login(Ordinary, Password).status, 200);
    const HttpResult r = client->postJson(PasswordPath, change(Password, password));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("password.weak"));
    QVERIFY2(r.json().value(QLatin1String("detail")).toString().contains(rule),
             qPrintable(r.json().value(QLatin1String("detail")).toString()));
    // Unchanged.
    auto again = m_fixture->client();
    QCOMPARE(again->login(Ordinary, Password).status, 200);
}

void TestServerPassword::wrongCurrentCountsTowardLockout()
{
    auto client = m_fixture->client();
    QCOMPARE(client->login(Authorized, Password).status, 200);
    // Two failed logins, then three wrong current passwords: the fifth failure locks.
    auto other = m_fixture->client();
    QCOMPARE(other->login(Authorized, QStringLiteral("wrong-1")).json().value(QLatin1String("tries_left")).toInt(), 4);
    QCOMPARE(other->login(Authorized, QStringLiteral("wrong-2")).json().value(QLatin1String("tries_left")).toInt(), 3);
    HttpResult r = client->postJson(PasswordPath, change(QStringLiteral("wrong-3"), QStringLiteral("Better2026")));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("auth.invalid_credentials"));
    QCOMPARE(r.json().value(QLatin1String("tries_left")).toInt(), 2);
    QCOMPARE(client->postJson(PasswordPath, change(QStringLiteral("wrong-4"), QStringLiteral("Better2026"))).status, 401);
    r = client->postJson(PasswordPath, change(QStringLiteral("wrong-5"), QStringLiteral("Better2026")));
    QCOMPARE(r.status, 423);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("auth.locked"));
    QVERIFY(!r.json().value(QLatin1String("locked_until")).toString().isEmpty());
    // Locked: neither login nor a change with the right password.
    QCOMPARE(other->login(Authorized, Password).status, 423);
    QCOMPARE(client->postJson(PasswordPath, change(Password, QStringLiteral("Better2026"))).status, 423);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = 'auth.password'"
                                              " AND outcome = 'failure'"),
                               {QStringLiteral("unit:") + Authorized})
                 .toInt(),
             3);
    // After the lock the counter starts afresh.
    m_fixture->server().clock().advance(16 * 60);
    QCOMPARE(other->login(Authorized, Password).status, 200);
}

void TestServerPassword::newPasswordWorksOldDoesNot()
{
    auto client = m_fixture->client();
    QCOMPARE(client->login(CertificateUnit, Password).status, 200);
    auto second = m_fixture->client();
    QCOMPARE(second->login(CertificateUnit, Password).status, 200);
    const HttpResult r = client->postJson(PasswordPath, change(Password, QStringLiteral("Xingcheng2026")), "pw-change-1");
    QCOMPARE(r.status, 204);
    QCOMPARE(r.header("X-Account-Level"), QByteArray("certificate"));
    auto fresh = m_fixture->client();
    QCOMPARE(fresh->login(CertificateUnit, Password).status, 401);
    QCOMPARE(fresh->login(CertificateUnit, QStringLiteral("Xingcheng2026")).status, 200);
    // Other sessions of the unit stay valid (documented).
    QCOMPARE(second->get(QStringLiteral("/api/v1/unit")).status, 200);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = 'auth.password'"
                                              " AND outcome = 'success'"),
                               {QStringLiteral("unit:") + CertificateUnit})
                 .toInt(),
             1);
    // Stored hashed, never in plain text.
    const QString hash = m_fixture
                             ->scalar(QStringLiteral("SELECT a.password_hash FROM unit_accounts a JOIN units u ON u.id = a.unit_id"
                                                     " WHERE u.unit_no = ?"),
                                      {CertificateUnit})
                             .toString();
    QVERIFY(hash.startsWith(QLatin1String("pbkdf2-sha256$")));
    QVERIFY(!hash.contains(QLatin1String("Xingcheng2026")));
}

void TestServerPassword::staffTokenRefused()
{
    auto clerk = m_fixture->client();
    QCOMPARE(clerk->staffLogin(QStringLiteral("clerk"), Password).status, 200);
    QCOMPARE(clerk->postJson(PasswordPath, change(Password, QStringLiteral("Clerk2026x"))).status, 401);
    auto anonymous = m_fixture->client();
    QCOMPARE(anonymous->postJson(PasswordPath, change(Password, QStringLiteral("Clerk2026x"))).status, 401);
}

QTEST_GUILESS_MAIN(TestServerPassword)
#include "tst_server_password.moc"
