// Tokens, generated from docs/openapi.yaml: every operation that needs a token is tried with
// none, garbage, a forged one of the right form, a real one with one character changed, one
// revoked by logout, one expired, and one of the other kind (a staff token on unit routes, a
// unit token on staff routes). Each is refused (401, or 403 for a staff role), never answered
// with data, and changes nothing: a digest of every business table is the same afterwards.
#include <QRandomGenerator>
#include <QtTest>

#include "DatabaseDigest.h"
#include "OpenApiOperations.h"
#include "ServerFixture.h"
#include "ServerTestData.h"
#include "server/Clock.h"
#include "server/TokenService.h"

using namespace shebao::test;

namespace {

QString randomHex64()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::global()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toHex());
}

QString tokenOf(const HttpResult &r)
{
    return r.json().value(QLatin1String("token")).toString();
}

QString tampered(const QString &token)
{
    QString t = token;
    t[10] = t.at(10) == u'0' ? u'1' : u'0';
    return t;
}

} // namespace

class TestServerTokens : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void refusedWithoutAValidToken_data();
    void refusedWithoutAValidToken();
    void realTokensStillWork();

private:
    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    QList<ApiOperation> m_operations;
    // kind -> token ("" for none)
    QList<QPair<QString, QString>> m_unitTokens;
    QList<QPair<QString, QString>> m_staffTokens;
    QString m_unitToken;
    QString m_staffToken;
    int m_refusals = 0;
};

void TestServerTokens::initTestCase()
{
    QString error;
    m_operations = readOpenApiOperations(openApiFile(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));

    // Expired: issued, then the server's clock moves past the token lifetime (8 h).
    auto expiring = m_fixture->client();
    const QString expiredUnit = tokenOf(expiring->login(data::Authorized, data::Password));
    const QString expiredStaff = tokenOf(expiring->staffLogin(QStringLiteral("clerk"), data::Password));
    m_fixture->server().clock().advance(8 * 3600 + 60);

    m_unitToken = tokenOf(m_fixture->client()->login(data::Authorized, data::Password));
    m_staffToken = tokenOf(m_fixture->client()->staffLogin(QStringLiteral("clerk"), data::Password));
    QVERIFY(!m_unitToken.isEmpty() && !m_staffToken.isEmpty() && !expiredUnit.isEmpty() && !expiredStaff.isEmpty());

    // Revoked: logged out.
    auto leaving = m_fixture->client();
    const QString revokedUnit = tokenOf(leaving->login(data::Authorized, data::Password));
    QCOMPARE(leaving->post(QStringLiteral("/api/v1/auth/logout"), {}).status, 204);
    const QString revokedStaff = tokenOf(leaving->staffLogin(QStringLiteral("clerk"), data::Password));
    QCOMPARE(leaving->post(QStringLiteral("/api/v1/auth/logout"), {}).status, 204);

    const QList<QPair<QString, QString>> common{{QStringLiteral("none"), QString()},
                                                {QStringLiteral("garbage"), QStringLiteral("abc")},
                                                {QStringLiteral("forged"), randomHex64()},
                                                {QStringLiteral("the token hash"), shebao::server::TokenService::hashToken(m_unitToken)}};
    m_unitTokens = common;
    m_unitTokens << QPair{QStringLiteral("tampered"), tampered(m_unitToken)} << QPair{QStringLiteral("revoked"), revokedUnit}
                 << QPair{QStringLiteral("expired"), expiredUnit} << QPair{QStringLiteral("staff token"), m_staffToken};
    m_staffTokens = common;
    m_staffTokens << QPair{QStringLiteral("tampered"), tampered(m_staffToken)} << QPair{QStringLiteral("revoked"), revokedStaff}
                  << QPair{QStringLiteral("expired"), expiredStaff} << QPair{QStringLiteral("unit token"), m_unitToken};
}

void TestServerTokens::cleanupTestCase()
{
    qInfo("tokens: %d refusals checked (every documented operation that needs a token, %d kinds of bad token)", m_refusals,
          int(m_unitTokens.size()));
    m_fixture.reset();
    m_backend.reset();
}

void TestServerTokens::refusedWithoutAValidToken_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("staff");
    int guarded = 0;
    for (const ApiOperation &op : std::as_const(m_operations)) {
        if (op.isPublic)
            continue;
        ++guarded;
        QTest::newRow(qPrintable(op.key())) << op.method << op.concrete({}) << op.isStaff();
    }
    QVERIFY(guarded > 30);
}

void TestServerTokens::refusedWithoutAValidToken()
{
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(bool, staff);
    auto &db = m_fixture->server().database();
    const Digest before = databaseDigest(db, BookkeepingTables);
    for (const auto &[kind, token] : staff ? m_staffTokens : m_unitTokens) {
        // Logout ends the caller's own session, staff or unit (docs/openapi.yaml).
        if (path == u"/auth/logout" && kind == u"staff token")
            continue;
        auto client = m_fixture->client();
        client->setToken(token);
        const QByteArray body = method == u"POST" ? QByteArray("{}") : QByteArray();
        const HttpResult r = client->send(method.toLatin1(), QStringLiteral("/api/v1") + path, body);
        const QString code = r.json().value(QLatin1String("code")).toString();
        QVERIFY2(r.status == 401, qPrintable(QStringLiteral("%1 with a %2 token: %3 %4").arg(path, kind).arg(r.status).arg(QString::fromUtf8(r.body.left(300)))));
        const QString expected = kind == u"expired" ? QStringLiteral("auth.token_expired") : QStringLiteral("auth.token_invalid");
        QVERIFY2(code == expected, qPrintable(QStringLiteral("%1 with a %2 token: %3").arg(path, kind, code)));
        QCOMPARE(r.contentType, QByteArray("application/problem+json"));
        QVERIFY(r.header("X-Account-Level").isEmpty());
        ++m_refusals;
    }
    const QStringList changed = changedTables(before, databaseDigest(db, BookkeepingTables));
    QVERIFY2(changed.isEmpty(), qPrintable(path + QStringLiteral(" changed ") + changed.join(u',')));
}

void TestServerTokens::realTokensStillWork()
{
    // The refusals were about the tokens, not the routes: the real ones pass.
    auto unit = m_fixture->client();
    unit->setToken(m_unitToken);
    QCOMPARE(unit->get(QStringLiteral("/api/v1/unit")).status, 200);
    auto staff = m_fixture->client();
    staff->setToken(m_staffToken);
    QCOMPARE(staff->get(QStringLiteral("/api/v1/staff/authorizations")).status, 200);
}

QTEST_GUILESS_MAIN(TestServerTokens)
#include "tst_server_tokens.moc"
