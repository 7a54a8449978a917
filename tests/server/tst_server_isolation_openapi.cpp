// Isolation, generated from docs/openapi.yaml: for every documented operation, unit B (made an
// authorized unit) sends a request with its own token naming unit A's ids — A's items, batch,
// change request and its proofs, certificate, people, authorization. B's answer must be one
// the case allows (never a 5xx), name nothing of A's, and change nothing A owns (a digest of
// every row with A's unit_id). An operation of the file without a case fails the test, so a
// new endpoint cannot go untested: its case goes into IsolationCases.cpp.
#include <QtTest>

#include "DatabaseDigest.h"
#include "IsolationCases.h"
#include "OpenApiOperations.h"
#include "ServerFixture.h"
#include "ServerTestData.h"

using namespace shebao::test;

class TestServerIsolationOpenApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void otherUnitGetsNothingOfA_data();
    void otherUnitGetsNothingOfA();
    void everyCaseIsADocumentedOperation();
    void victimStillWorks();

private:
    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_b;
    std::unique_ptr<IsolationContext> m_context;
    QList<ApiOperation> m_operations;
    QHash<QString, IsolationCase> m_cases;
    int m_checked = 0;
};

void TestServerIsolationOpenApi::initTestCase()
{
    QString error;
    m_operations = readOpenApiOperations(openApiFile(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_cases = isolationCases();
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    // B may do business, so its requests get past the level check to where ids are looked up.
    m_fixture->scalar(QStringLiteral("UPDATE units SET level = 'authorized' WHERE unit_no = ?"), {data::Ordinary});
    VictimUnit a;
    QVERIFY2(prepareVictim(*m_fixture, data::Authorized, data::Ordinary, &a, &error), qPrintable(error));
    m_b = m_fixture->client();
    QCOMPARE(m_b->login(data::Ordinary, data::Password).status, 200);
    m_context.reset(new IsolationContext{*m_fixture, a, *m_b, data::Ordinary, {}});
}

void TestServerIsolationOpenApi::cleanupTestCase()
{
    qInfo("isolation: %d documented operations tried by another unit with the victim's ids, %d answers checked",
          int(m_operations.size()), m_checked);
    m_context.reset();
    m_b.reset();
    m_fixture.reset();
    m_backend.reset();
}

void TestServerIsolationOpenApi::otherUnitGetsNothingOfA_data()
{
    QTest::addColumn<QString>("key");
    for (const ApiOperation &op : std::as_const(m_operations))
        QTest::newRow(qPrintable(op.key())) << op.key();
}

void TestServerIsolationOpenApi::otherUnitGetsNothingOfA()
{
    QFETCH(QString, key);
    const auto found = m_cases.constFind(key);
    QVERIFY2(found != m_cases.cend(),
             qPrintable(QStringLiteral("no isolation case for %1: add one to tests/server/IsolationCases.cpp").arg(key)));
    const IsolationCase &c = found.value();
    IsolationContext &x = *m_context;
    auto &db = m_fixture->server().database();
    const Digest before = unitDigest(db, x.a.unitId, c.mayChange);
    x.sent.clear();
    const HttpResult r = c.request(x);
    QVERIFY2(c.allowed.contains(r.status),
             qPrintable(QStringLiteral("%1 answered %2: %3").arg(key).arg(r.status).arg(QString::fromUtf8(r.body.left(400)))));
    if (!c.publicByDesign) {
        for (const QString &marker : std::as_const(x.a.markers)) {
            const QByteArray m = marker.toUtf8();
            QVERIFY2(x.sent.contains(m) || !r.body.contains(m),
                     qPrintable(QStringLiteral("%1: B's answer names A's %2: %3").arg(key, marker, QString::fromUtf8(r.body.left(400)))));
        }
    }
    const QStringList changed = changedTables(before, unitDigest(db, x.a.unitId, c.mayChange));
    QVERIFY2(changed.isEmpty(), qPrintable(key + QStringLiteral(" changed A's ") + changed.join(u',')));
    ++m_checked;
}

void TestServerIsolationOpenApi::everyCaseIsADocumentedOperation()
{
    QSet<QString> documented;
    for (const ApiOperation &op : std::as_const(m_operations))
        documented.insert(op.key());
    for (auto it = m_cases.cbegin(); it != m_cases.cend(); ++it)
        QVERIFY2(documented.contains(it.key()), qPrintable(it.key() + QStringLiteral(" has a case but is not in docs/openapi.yaml")));
}

void TestServerIsolationOpenApi::victimStillWorks()
{
    // After everything B tried, A's session, item, change and certificate are as they were.
    auto a = m_fixture->client();
    a->setToken(m_context->a.token);
    QCOMPARE(a->get(QStringLiteral("/api/v1/unit")).json().value(QLatin1String("unit_no")).toString(), data::Authorized);
    QCOMPARE(a->get(QStringLiteral("/api/v1/changes/%1").arg(m_context->a.changeId)).json().value(QLatin1String("state")).toString(),
             QStringLiteral("pending"));
    QCOMPARE(a->get(QStringLiteral("/api/v1/certificates/") + m_context->a.certificateNumber).status, 200);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT state FROM declaration_items WHERE id = ?"), {m_context->a.itemId}).toString(),
             QStringLiteral("pending"));
}

QTEST_GUILESS_MAIN(TestServerIsolationOpenApi)
#include "tst_server_isolation_openapi.moc"
