// 网上缴费 with the real binary (docs/cli.md): shebao-cli arrears gaps / estimate / bill --slip and
// bills / bills show / bills cancel against a real server, their JSON, the slip read back with
// pdftotext and zbarimg, and the exit codes — 1 for what the server refuses on its merits (the
// months already billed, a number that is not the person's, a cancelled bill) and for local checks
// made before logging in (a wrong check digit, a wage of 0), 2 for usage and for a unit that may
// not do business.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "BillFixtures.h"
#include "ProcessRun.h"
#include "ServerProcess.h"
#include "models/bill/BillJson.h"
#include "models/bill/BillNumber.h"

using namespace shebao;
using test::waitFor;

namespace {

const QByteArray Password = "Demo1234\n";

QJsonObject jsonOf(const QByteArray &out)
{
    return QJsonDocument::fromJson(out).object();
}

} // namespace

class TestBillsCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void gapsAndEstimate();
    void billWithItsSlip();
    void listShowAndCancel();
    void exitCodes();

private:
    test::ProcessRun cli(const QStringList &arguments, const QString &unit = QStringLiteral("43010000001"),
                         const QByteArray &input = Password);

    test::ServerProcess m_server;
    QTemporaryDir m_dir;
    QString m_cli;
    QStringList m_people;
    Bill m_bill;
};

void TestBillsCli::initTestCase()
{
    m_cli = test::binaryFromEnv("SHEBAO_CLI_BIN");
    QVERIFY2(!m_cli.isEmpty(), "SHEBAO_CLI_BIN not set (run through ctest)");
    QVERIFY(m_dir.isValid());
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("xdg"))));
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(), "poppler-utils' pdftotext is needed");
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    ApiClient api;
    api.setBaseUrl(m_server.baseUrl());
    QVERIFY(api.addCaCertificatesFromFile(m_server.caFile()).ok());
    auto login = waitFor<LoginReply>([&](auto done) { api.login(QStringLiteral("43010000001"), QStringLiteral("Demo1234"), this, done); });
    QVERIFY(login.ok());
    api.setToken(login.value().token);
    BillService service(&api, nullptr);
    m_people = test::bills::peopleWithGaps(api, service, this, 2);
    QCOMPARE(m_people.size(), 2);
}

test::ProcessRun TestBillsCli::cli(const QStringList &arguments, const QString &unit, const QByteArray &input)
{
    const QStringList connection{QStringLiteral("--server"), m_server.baseUrl().toString(), QStringLiteral("--ca"),
                                 m_server.caFile(), QStringLiteral("--unit"), unit, QStringLiteral("--password-stdin")};
    return test::ProcessRun::run(m_cli, connection + arguments, input);
}

void TestBillsCli::gapsAndEstimate()
{
    const QString id = m_people.at(0);
    auto run = cli({QStringLiteral("arrears"), QStringLiteral("gaps"), QStringLiteral("--id"), id});
    QVERIFY2(run.exitCode == 0, run.describe());
    const QString human = QString::fromUtf8(run.out);
    QVERIFY2(human.contains(QStringLiteral("可补缴的断档：")), run.describe());
    QVERIFY(human.contains(QStringLiteral("单位 43010000001")));

    run = cli({QStringLiteral("--json"), QStringLiteral("arrears"), QStringLiteral("gaps"), QStringLiteral("--id"), id});
    QVERIFY2(run.exitCode == 0, run.describe());
    auto gaps = json::decodeArrearsGaps(jsonOf(run.out));
    QVERIFY2(gaps.ok(), run.describe());
    const int months = gaps.value().units.first().eligibleMonths();
    QVERIFY(months > 0);

    run = cli({QStringLiteral("arrears"), QStringLiteral("estimate"), QStringLiteral("--id"), id, QStringLiteral("--wage"),
               QStringLiteral("5000"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.describe());
    auto estimate = json::decodeArrearsEstimate(jsonOf(run.out).value(QLatin1String("estimate")).toObject());
    QVERIFY2(estimate.ok(), run.describe());
    QCOMPARE(estimate.value().months.size(), months);
    QCOMPARE(estimate.value().total, estimate.value().principal + estimate.value().lateFee);
    // The human form names the table and periods.
    run = cli({QStringLiteral("arrears"), QStringLiteral("estimate"), QStringLiteral("--id"), id, QStringLiteral("--wage"),
               QStringLiteral("5000")});
    QVERIFY2(QString::fromUtf8(run.out).contains(QStringLiteral("政策参数表：") + estimate.value().policyName), run.describe());
    QVERIFY(QString::fromUtf8(run.out).contains(QStringLiteral("应缴合计：%1 元").arg(estimate.value().total.toDisplayString())));
}

void TestBillsCli::billWithItsSlip()
{
    const QString id = m_people.at(0);
    const QString slip = m_dir.filePath(QStringLiteral("slip.pdf"));
    auto run = cli({QStringLiteral("arrears"), QStringLiteral("bill"), QStringLiteral("--id"), id, QStringLiteral("--wage"),
                    QStringLiteral("5000.00"), QStringLiteral("--slip"), slip, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.describe());
    const QJsonObject out = jsonOf(run.out);
    auto bill = json::decodeBill(out.value(QLatin1String("bill")).toObject());
    QVERIFY2(bill.ok(), run.describe());
    m_bill = bill.value();
    QVERIFY(BillNumber::isValid(m_bill.number));
    QCOMPARE(m_bill.wage, Money::fromFen(500000));
    QCOMPARE(out.value(QLatin1String("slip")).toObject().value(QLatin1String("file")).toString(), QFileInfo(slip).absoluteFilePath());
    QVERIFY(out.value(QLatin1String("slip")).toObject().value(QLatin1String("pages")).toInt() >= 1);
    QVERIFY(test::bills::pdfText(slip).contains(QStringLiteral("业务单据号：") + m_bill.number));
    QCOMPARE(test::bills::qrCodes(slip), QStringList{m_bill.number});

    // The same months again: refused on its merits, naming the open bill.
    run = cli({QStringLiteral("arrears"), QStringLiteral("bill"), QStringLiteral("--id"), id, QStringLiteral("--wage"),
               QStringLiteral("5000.00")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("[bill.open]") && QString::fromUtf8(run.err).contains(m_bill.number), run.describe());
}

void TestBillsCli::listShowAndCancel()
{
    QVERIFY(!m_bill.number.isEmpty());
    auto run = cli({QStringLiteral("bills"), QStringLiteral("--state"), QStringLiteral("unpaid"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.describe());
    QJsonArray rows = jsonOf(run.out).value(QLatin1String("bills")).toArray();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("number")).toString(), m_bill.number);
    QVERIFY(!rows.at(0).toObject().contains(QLatin1String("estimate")));
    run = cli({QStringLiteral("bills"), QStringLiteral("--id"), m_people.at(1), QStringLiteral("--json")});
    QCOMPARE(jsonOf(run.out).value(QLatin1String("bills")).toArray().size(), 0);
    run = cli({QStringLiteral("bills")});
    QVERIFY2(run.exitCode == 0 && QString::fromUtf8(run.out).contains(m_bill.number)
                 && QString::fromUtf8(run.out).contains(QStringLiteral("未缴费")),
             run.describe());

    // 有单缴费: with its person, the whole bill and a slip; with another person, bill.unknown.
    const QString slip = m_dir.filePath(QStringLiteral("again.pdf"));
    run = cli({QStringLiteral("bills"), QStringLiteral("show"), m_bill.number, QStringLiteral("--id"), m_people.at(0),
               QStringLiteral("--slip"), slip});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY(QString::fromUtf8(run.out).contains(QStringLiteral("业务单据号：") + m_bill.number));
    QVERIFY(QString::fromUtf8(run.out).contains(QStringLiteral("使用的政策期间：")));
    QCOMPARE(test::bills::qrCodes(slip), QStringList{m_bill.number});
    run = cli({QStringLiteral("bills"), QStringLiteral("show"), m_bill.number, QStringLiteral("--id"), m_people.at(1),
               QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(jsonOf(run.out).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("bill.unknown"));

    // 作废, then it is cancelled: no slip, no second 作废.
    run = cli({QStringLiteral("bills"), QStringLiteral("cancel"), m_bill.number, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.describe());
    QCOMPARE(jsonOf(run.out).value(QLatin1String("bill")).toObject().value(QLatin1String("state")).toString(),
             QStringLiteral("cancelled"));
    run = cli({QStringLiteral("bills"), QStringLiteral("show"), m_bill.number, QStringLiteral("--slip"),
               m_dir.filePath(QStringLiteral("no.pdf"))});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("[bill.cancelled]"), run.describe());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("no.pdf"))));
    run = cli({QStringLiteral("bills"), QStringLiteral("cancel"), m_bill.number});
    QCOMPARE(run.exitCode, 1);
}

void TestBillsCli::exitCodes()
{
    // Local checks, before any login (no password given at all).
    QString typo = BillNumber::make(QDate(2026, 12, 4), 5);
    typo[16] = QChar(u'0' + (typo[16].digitValue() + 1) % 10);
    auto run = cli({QStringLiteral("bills"), QStringLiteral("show"), typo, QStringLiteral("--json")}, QStringLiteral("43010000001"), {});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject error = jsonOf(run.out).value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("bill.number"));
    QCOMPARE(error.value(QLatin1String("message")).toString(), QStringLiteral("业务单据号应为17位数字且校验位正确"));
    run = cli({QStringLiteral("arrears"), QStringLiteral("bill"), QStringLiteral("--id"), m_people.at(1), QStringLiteral("--wage"),
               QStringLiteral("0")}, QStringLiteral("43010000001"), {});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(QString::fromUtf8(run.err).contains(QStringLiteral("缴费工资须为大于0的金额")), run.describe());
    // Usage.
    for (const QStringList &args : {QStringList{QStringLiteral("arrears")},
                                    QStringList{QStringLiteral("arrears"), QStringLiteral("pay")},
                                    QStringList{QStringLiteral("arrears"), QStringLiteral("bill"), QStringLiteral("--id"), m_people.at(1)},
                                    QStringList{QStringLiteral("arrears"), QStringLiteral("gaps"), QStringLiteral("--id"),
                                                m_people.at(1), QStringLiteral("--from"), QStringLiteral("2020-13")},
                                    QStringList{QStringLiteral("bills"), QStringLiteral("--state"), QStringLiteral("open")},
                                    QStringList{QStringLiteral("bills"), QStringLiteral("--from"), QStringLiteral("2026-1-1")},
                                    QStringList{QStringLiteral("bills"), QStringLiteral("cancel")}}) {
        run = cli(args);
        QVERIFY2(run.exitCode == 2, qPrintable(args.join(u' ') + u'\n' + QString::fromUtf8(run.describe())));
    }
    // A unit that may not do business cannot run it.
    run = cli({QStringLiteral("arrears"), QStringLiteral("gaps"), QStringLiteral("--id"), m_people.at(1)}, QStringLiteral("43010000002"));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("[auth.not_authorized]"), run.describe());
    // A person the unit never enrolled: refused on its merits.
    run = cli({QStringLiteral("arrears"), QStringLiteral("gaps"), QStringLiteral("--id"), QStringLiteral("430102199005128812")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("[arrears.not_enrolled]"), run.describe());
}

QTEST_GUILESS_MAIN(TestBillsCli)
#include "tst_bills_cli.moc"
