// The agency's view of 断档缴费单: GET /api/v1/staff/bills and /staff/bills/{number} (any staff role,
// every unit, audited, unit tokens refused) and shebao-admin bills list | show, the real binary
// against the in-process server.
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

#include "BillTestData.h"
#include "ServerFixture.h"
#include "ServerTestData.h"
#include "models/bill/BillNumber.h"

using namespace shebao;
using namespace shebao::test;
using namespace shebao::test::bills;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    QByteArray describe() const { return "exit " + QByteArray::number(exitCode) + "\n" + out.toUtf8() + "\n" + err.toUtf8(); }
};

} // namespace

class TestServerBillsAdmin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void staffSeeEveryUnit();
    void unitTokensAreRefused();
    void adminListsAndShows();
    void adminRefusals();

private:
    Run admin(const QStringList &arguments, const QString &staff = QStringLiteral("clerk"));
    QString issue(HttpsClient &client, const QString &unitNo, int seq);

    QString m_binary;
    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
    std::unique_ptr<HttpsClient> m_clerk;
    QString m_open;
    QString m_cancelled;
};

void TestServerBillsAdmin::initTestCase()
{
    m_binary = qEnvironmentVariable("SHEBAO_ADMIN_BIN");
    QVERIFY2(!m_binary.isEmpty(), "SHEBAO_ADMIN_BIN is not set (run the test through ctest)");
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(data::Authorized, data::Password).status, 200);
    m_clerk = m_fixture->client();
    QCOMPARE(m_clerk->staffLogin(QStringLiteral("clerk"), data::Password).status, 200);
    m_open = issue(*m_unit, data::Authorized, 601);
    m_cancelled = issue(*m_unit, data::Authorized, 603);
    QVERIFY(!m_open.isEmpty() && !m_cancelled.isEmpty());
    QCOMPARE(m_unit->post(Bills + u'/' + m_cancelled + QStringLiteral("/cancel"), "{}", key().toLatin1()).status, 200);
}

void TestServerBillsAdmin::cleanupTestCase()
{
    m_clerk.reset();
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

QString TestServerBillsAdmin::issue(HttpsClient &client, const QString &unitNo, int seq)
{
    const QString id = addPerson(*m_fixture, QStringLiteral("柜台查"), QDate(1977, 11, 11), seq,
                                 {{unitNo, ago(*m_fixture, 30), ago(*m_fixture, 25)}, {unitNo, ago(*m_fixture, 15), {}}});
    const HttpResult r = client.postJson(Bills, request(id), key().toLatin1());
    return r.status == 201 ? r.json().value(QLatin1String("number")).toString() : QString();
}

Run TestServerBillsAdmin::admin(const QStringList &arguments, const QString &staff)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(m_binary, QStringList{QStringLiteral("--server"), m_fixture->baseUrl().toString(), QStringLiteral("--ca"),
                                        m_fixture->caFile(), QStringLiteral("--staff"), staff, QStringLiteral("--password-stdin")}
                                + arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write("Demo1234\n");
    process.closeWriteChannel();
    // Not waitForFinished: the server answers from this thread's event loop.
    if (!finished.wait(60000)) {
        process.kill();
        process.waitForFinished(5000);
        return {};
    }
    Run r;
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

void TestServerBillsAdmin::staffSeeEveryUnit()
{
    // Another unit's bill, made by a unit the clerk may also see.
    auto other = m_fixture->client();
    QCOMPARE(other->login(data::Authorized, data::Password).status, 200);
    HttpResult r = m_clerk->get(QStringLiteral("/api/v1/staff/bills"));
    QCOMPARE(r.status, 200);
    QStringList numbers;
    for (const QJsonValue &v : r.json().value(QLatin1String("bills")).toArray())
        numbers << v.toObject().value(QLatin1String("number")).toString();
    QCOMPARE(numbers, (QStringList{m_cancelled, m_open}));
    r = m_clerk->get(QStringLiteral("/api/v1/staff/bills?state=cancelled&unit_no=") + data::Authorized);
    QCOMPARE(r.json().value(QLatin1String("bills")).toArray().size(), 1);
    QVERIFY(m_clerk->get(QStringLiteral("/api/v1/staff/bills?unit_no=43010000003")).json().value(QLatin1String("bills")).toArray().isEmpty());
    // A reviewer may look too.
    auto reviewer = m_fixture->client();
    QCOMPARE(reviewer->staffLogin(QStringLiteral("reviewer"), data::Password).status, 200);
    r = reviewer->get(QStringLiteral("/api/v1/staff/bills/") + m_open);
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().value(QLatin1String("estimate")).isObject());
    QCOMPARE(r.json().value(QLatin1String("unit_no")).toString(), data::Authorized);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'staff:reviewer' AND action = 'bill.staff_show'"
                                              " AND target = ?"),
                               {m_open})
                 .toInt(),
             1);
    QCOMPARE(m_clerk->get(QStringLiteral("/api/v1/staff/bills/") + BillNumber::make(QDate(2020, 1, 1), 1)).status, 404);
}

void TestServerBillsAdmin::unitTokensAreRefused()
{
    QCOMPARE(m_unit->get(QStringLiteral("/api/v1/staff/bills")).status, 401);
    QCOMPARE(m_unit->get(QStringLiteral("/api/v1/staff/bills/") + m_open).status, 401);
    // And the staff have no unit routes.
    QCOMPARE(m_clerk->get(Bills).status, 401);
}

void TestServerBillsAdmin::adminListsAndShows()
{
    Run r = admin({QStringLiteral("bills"), QStringLiteral("list")});
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(r.out.contains(m_open));
    QVERIFY(r.out.contains(m_cancelled));
    QVERIFY(r.out.contains(QStringLiteral("未缴费")));
    QVERIFY(r.out.contains(QStringLiteral("已作废")));
    QVERIFY(r.out.contains(QStringLiteral("长沙湘江示范科技有限公司")));
    QVERIFY(r.out.contains(QStringLiteral("2 张缴费单")));

    r = admin({QStringLiteral("--json"), QStringLiteral("bills"), QStringLiteral("list"), QStringLiteral("--state"),
               QStringLiteral("unpaid"), QStringLiteral("--unit"), data::Authorized});
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonArray rows = r.json().value(QLatin1String("bills")).toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("number")).toString(), m_open);

    r = admin({QStringLiteral("bills"), QStringLiteral("show"), m_open}, QStringLiteral("reviewer"));
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonObject bill = m_unit->get(Bills + u'/' + m_open).json();
    QVERIFY(r.out.contains(QStringLiteral("业务单据号：") + m_open));
    QVERIFY(r.out.contains(Money::parseYuan(bill.value(QLatin1String("total")).toString())->toDisplayString()));
    QVERIFY(r.out.contains(bill.value(QLatin1String("first_month")).toString()));
    QVERIFY(r.out.contains(QStringLiteral("滞纳天数")));
    r = admin({QStringLiteral("--json"), QStringLiteral("bills"), QStringLiteral("show"), m_open});
    QCOMPARE(r.json().value(QLatin1String("total")).toString(), bill.value(QLatin1String("total")).toString());
}

void TestServerBillsAdmin::adminRefusals()
{
    const QString never = BillNumber::make(QDate(2020, 1, 1), 1);
    Run r = admin({QStringLiteral("bills"), QStringLiteral("show"), never});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("bill.unknown")), r.describe());
    QString typo = never;
    typo[16] = QChar(u'0' + (typo.at(16).digitValue() + 1) % 10);
    r = admin({QStringLiteral("bills"), QStringLiteral("show"), typo});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("bill.number")), r.describe());
    r = admin({QStringLiteral("bills"), QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("open")});
    QCOMPARE(r.exitCode, 2);
    r = admin({QStringLiteral("bills"), QStringLiteral("pay")});
    QCOMPARE(r.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestServerBillsAdmin)
#include "tst_server_bills_admin.moc"
