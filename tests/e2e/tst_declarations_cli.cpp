// The whole 异动 flow with the real binaries: a generated .xlsx → shebao-cli import (file
// problems and the server's refusals per row, the good rows saved) → shebao-cli declare --form
// (the 申报表 PDF read back with pdftotext) → shebao-admin batches receive (the counter) →
// shebao-cli persons / items / batches show the people enrolled and the batch effective.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "CuttingProxy.h"
#include "DeclarationFixtures.h"
#include "ProcessRun.h"
#include "ServerQueries.h"
#include "ServerProcess.h"
#include "tests/unit/import/XlsxFixture.h"

using namespace shebao;

namespace {

const QString UnitNo = QStringLiteral("43010000001");
const QByteArray Password = "Demo1234\n";

QJsonObject jsonOf(const QByteArray &out)
{
    return QJsonDocument::fromJson(out).object();
}

} // namespace

class TestDeclarationsCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void importSavesTheGoodRowsAndListsEveryProblem();
    void importOfAnUnreadableFileNeedsNoServer();
    void declareWritesTheForm();
    void counterReceivesAndPeopleAreEnrolled();
    void reduceFileStopsTheEnrolment();
    void declareUsageAndNothingPending();
    void lostAnswersStayQueuedUntilTheNextRun();
    void serverDownCannotRun();

private:
    test::ProcessRun cli(const QStringList &arguments, const QByteArray &input = Password);
    test::ProcessRun admin(const QStringList &arguments);
    // shebao-cli through `proxy`, with this process's event loop running (the proxy lives here).
    test::ProcessRun cliThrough(test::CuttingProxy &proxy, const QStringList &arguments);
    QString writeAddFile(const QString &name, const QList<QStringList> &rows);
    QString activeOtherPersonId();
    // A person of the unit with earlier, no longer active enrolment who may be declared (续保),
    // found with the client's own lookup.
    PersonLookup renewablePerson();

    test::ServerProcess m_server;
    QTemporaryDir m_dir;
    QString m_cli;
    QString m_admin;
    QStringList m_names;      // the people the first import saved
    QStringList m_idNumbers;
    QString m_batchNo;
};

void TestDeclarationsCli::initTestCase()
{
    m_cli = test::binaryFromEnv("SHEBAO_CLI_BIN");
    m_admin = test::binaryFromEnv("SHEBAO_ADMIN_BIN");
    QVERIFY2(!m_cli.isEmpty() && !m_admin.isEmpty(), "SHEBAO_CLI_BIN / SHEBAO_ADMIN_BIN not set (run through ctest)");
    QVERIFY(m_dir.isValid());
    // shebao-cli's default cache lives under the data location: never the real home here.
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("xdg"))));
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
}

test::ProcessRun TestDeclarationsCli::cli(const QStringList &arguments, const QByteArray &input)
{
    const QStringList connection{QStringLiteral("--server"), m_server.baseUrl().toString(), QStringLiteral("--ca"),
                                 m_server.caFile(), QStringLiteral("--unit"), UnitNo, QStringLiteral("--password-stdin")};
    return test::ProcessRun::run(m_cli, connection + arguments, input);
}

test::ProcessRun TestDeclarationsCli::admin(const QStringList &arguments)
{
    const QStringList connection{QStringLiteral("--server"), m_server.baseUrl().toString(), QStringLiteral("--ca"),
                                 m_server.caFile(), QStringLiteral("--staff"), QStringLiteral("clerk"),
                                 QStringLiteral("--password-stdin")};
    return test::ProcessRun::run(m_admin, connection + arguments, Password);
}

test::ProcessRun TestDeclarationsCli::cliThrough(test::CuttingProxy &proxy, const QStringList &arguments)
{
    const QStringList connection{QStringLiteral("--server"), QStringLiteral("https://127.0.0.1:%1").arg(proxy.port()),
                                 QStringLiteral("--ca"), m_server.caFile(), QStringLiteral("--unit"), UnitNo,
                                 QStringLiteral("--password-stdin")};
    QProcess process;
    QEventLoop loop;
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    process.start(m_cli, connection + arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(Password);
    process.closeWriteChannel();
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    test::ProcessRun r;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

QString TestDeclarationsCli::writeAddFile(const QString &name, const QList<QStringList> &rows)
{
    test::FixtureSheet sheet;
    sheet.name = QStringLiteral("新增续保");
    // A title row above the header, as the agency's own sheets have.
    sheet.rows << test::FixtureRow{QStringLiteral("长沙示例科技有限公司 2026年12月 新增人员")};
    sheet.rows << test::FixtureRow{QStringLiteral("姓名"),     QStringLiteral("公民身份号码"), QStringLiteral("民族"),
                                   QStringLiteral("户口性质"), QStringLiteral("用工形式"),     QStringLiteral("参加工作日期"),
                                   QStringLiteral("参保开始年月"), QStringLiteral("工资基数"), QStringLiteral("联系电话")};
    for (const QStringList &row : rows) {
        test::FixtureRow cells;
        for (const QString &cell : row)
            cells << cell;
        sheet.rows << cells;
    }
    const QString path = m_dir.filePath(name);
    return test::writeXlsx(path, {sheet}) ? path : QString();
}

QString TestDeclarationsCli::activeOtherPersonId()
{
    const auto persons = cli({QStringLiteral("persons"), QStringLiteral("--json")});
    for (const QJsonValue &v : jsonOf(persons.out).value(QLatin1String("persons")).toArray()) {
        for (const QJsonValue &e : v.toObject().value(QLatin1String("enrolments")).toArray()) {
            if (e.toObject().value(QLatin1String("status")).toString() == QLatin1String("active"))
                return v.toObject().value(QLatin1String("id_number")).toString();
        }
    }
    return {};
}

PersonLookup TestDeclarationsCli::renewablePerson()
{
    ApiClient api;
    api.setBaseUrl(m_server.baseUrl());
    api.addCaCertificatesFromFile(m_server.caFile());
    auto login = test::waitFor<LoginReply>([&](auto done) { api.login(UnitNo, QStringLiteral("Demo1234"), this, done); });
    if (!login)
        return {};
    api.setToken(login.value().token);
    return test::renewablePerson(api);
}

void TestDeclarationsCli::importSavesTheGoodRowsAndListsEveryProblem()
{
    const QString month = test::currentMonth();
    m_names = {QStringLiteral("欧阳明"), QStringLiteral("司马光"), QStringLiteral("阿依古丽·买买提")};
    for (int i = 0; i < 3; ++i)
        m_idNumbers << test::freshIdNumber(QDate(1988 + i, 3 + i, 10 + i));
    const QString enrolled = activeOtherPersonId();
    QVERIFY(!enrolled.isEmpty());
    const PersonLookup renewable = renewablePerson();
    QVERIFY2(!renewable.idNumber.isEmpty(), "no demo person to 续保");
    QString badChecksum = test::freshIdNumber();
    badChecksum[17] = badChecksum[17] == u'1' ? u'2' : u'1';
    const QString file = writeAddFile(QStringLiteral("add.xlsx"), {
        {m_names[0], m_idNumbers[0], QStringLiteral("汉族"), QStringLiteral("城镇"), QStringLiteral("合同制"),
         QStringLiteral("2010-07-01"), month, QStringLiteral("6000"), QStringLiteral("13812345678")},
        {m_names[1], m_idNumbers[1], QStringLiteral("01"), QStringLiteral("农村"), QStringLiteral("劳务派遣"),
         QStringLiteral("2011/9/1"), month, QStringLiteral("5200.50"), QStringLiteral("0731-88886666")},
        {QStringLiteral("错号码"), badChecksum, QStringLiteral("汉族"), QStringLiteral("城镇"), QStringLiteral("合同制"),
         QStringLiteral("2010-07-01"), month, QStringLiteral("5000"), QStringLiteral("13812345678")},
        {m_names[2], m_idNumbers[2], QStringLiteral("维吾尔族"), QStringLiteral("城镇"), QStringLiteral("合同制"),
         QStringLiteral("2015年3月1日"), month, QStringLiteral("4800"), QStringLiteral("13912345678")},
        {QStringLiteral("已参保"), enrolled, QStringLiteral("汉族"), QStringLiteral("城镇"), QStringLiteral("合同制"),
         QStringLiteral("2010-07-01"), month, QStringLiteral("5000"), QStringLiteral("13812345678")},
        {renewable.name, renewable.idNumber, QStringLiteral("汉族"), QStringLiteral("城镇"), QStringLiteral("合同制"),
         QStringLiteral("2008-07-01"), month, QStringLiteral("7000"), QStringLiteral("13712345678")},
    });
    m_names << renewable.name;
    m_idNumbers << renewable.idNumber;
    QVERIFY(!file.isEmpty());
    const QString cache = m_dir.filePath(QStringLiteral("cli.sqlite"));

    const auto run = cli({QStringLiteral("import"), file, QStringLiteral("--json"), QStringLiteral("--cache"), cache});
    QVERIFY2(run.exitCode == 1, run.describe()); // some rows had problems; the good ones were saved
    const QJsonObject report = jsonOf(run.out);
    QCOMPARE(report.value(QLatin1String("rows")).toInt(), 6);
    QCOMPARE(report.value(QLatin1String("valid")).toInt(), 5);
    const QJsonArray saved = report.value(QLatin1String("saved")).toArray();
    QCOMPARE(saved.size(), 4);
    QList<int> savedRows;
    for (const QJsonValue &v : saved) {
        const QJsonObject o = v.toObject();
        const int row = o.value(QLatin1String("row")).toInt();
        savedRows << row;
        // No earlier enrolment: 新增; the person of row 8 had some: 续保, as the server said.
        QCOMPARE(o.value(QLatin1String("kind")).toString(), row == 8 ? QStringLiteral("renew") : QStringLiteral("add"));
        QVERIFY(!o.value(QLatin1String("item")).toObject().value(QLatin1String("item_no")).toString().isEmpty());
    }
    QCOMPARE(savedRows, (QList<int>{3, 4, 6, 8})); // rows as Excel numbers them: title 1, header 2
    QCOMPARE(report.value(QLatin1String("queued")).toArray().size(), 0);

    // Every problem, on its row: the file's (the check character) and the server's (enrolled).
    const QJsonArray problems = report.value(QLatin1String("problems")).toArray();
    bool fileProblem = false;
    bool serverProblem = false;
    for (const QJsonValue &v : problems) {
        const QJsonObject p = v.toObject();
        if (p.value(QLatin1String("row")).toInt() == 5 && p.value(QLatin1String("code")).toString() == QLatin1String("id.checksum")) {
            fileProblem = true;
            QCOMPARE(p.value(QLatin1String("source")).toString(), QStringLiteral("file"));
            QCOMPARE(p.value(QLatin1String("column")).toString(), QStringLiteral("公民身份号码"));
        }
        if (p.value(QLatin1String("row")).toInt() == 7 && p.value(QLatin1String("source")).toString() == QLatin1String("server")) {
            serverProblem = true;
            QCOMPARE(p.value(QLatin1String("code")).toString(), QStringLiteral("person.enrolled"));
            QCOMPARE(p.value(QLatin1String("severity")).toString(), QStringLiteral("error"));
            QVERIFY(p.value(QLatin1String("message")).toString().contains(QStringLiteral("参保")));
        }
    }
    QVERIFY2(fileProblem && serverProblem, QJsonDocument(problems).toJson().constData());

    // The items are pending on the server.
    const auto items = cli({QStringLiteral("items"), QStringLiteral("--state"), QStringLiteral("pending"),
                            QStringLiteral("--json")});
    QCOMPARE(items.exitCode, 0);
    QStringList pending;
    for (const QJsonValue &v : jsonOf(items.out).value(QLatin1String("items")).toArray())
        pending << v.toObject().value(QLatin1String("id_number")).toString();
    for (const QString &id : m_idNumbers)
        QVERIFY(pending.contains(id));
    QCOMPARE(pending.size(), 4);

    // The human report names the rows too.
    const auto again = cli({QStringLiteral("import"), file, QStringLiteral("--cache"), cache});
    QCOMPARE(again.exitCode, 1);
    const QString text = QString::fromUtf8(again.out);
    QVERIFY2(text.contains(QStringLiteral("item.duplicate")) || text.contains(QStringLiteral("person")), again.describe());
    QVERIFY(text.contains(QStringLiteral("id.checksum")));
}

void TestDeclarationsCli::importOfAnUnreadableFileNeedsNoServer()
{
    const QString path = m_dir.filePath(QStringLiteral("broken.xlsx"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("PK\x03\x04 not really a workbook");
    file.close();
    // No password on stdin: the file is refused before any login.
    const auto run = cli({QStringLiteral("import"), path, QStringLiteral("--json")}, {});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(jsonOf(run.out).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString().startsWith(
        QLatin1String("import.")));
}

void TestDeclarationsCli::declareWritesTheForm()
{
    QVERIFY(!m_names.isEmpty());
    const QString pdf = m_dir.filePath(QStringLiteral("申报表.pdf"));
    const auto run = cli({QStringLiteral("declare"), QStringLiteral("--reporter"), QStringLiteral("张三"),
                          QStringLiteral("--phone"), QStringLiteral("0731-88886666"), QStringLiteral("--form"), pdf,
                          QStringLiteral("--json"), QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("cli.sqlite"))});
    QVERIFY2(run.exitCode == 0, run.describe());
    const QJsonObject batch = jsonOf(run.out).value(QLatin1String("batch")).toObject();
    m_batchNo = batch.value(QLatin1String("batch_no")).toString();
    QVERIFY(!m_batchNo.isEmpty());
    QCOMPARE(batch.value(QLatin1String("state")).toString(), QStringLiteral("awaiting_paper"));
    QCOMPARE(batch.value(QLatin1String("item_count")).toInt(), 4);
    QVERIFY(jsonOf(run.out).value(QLatin1String("form")).toObject().value(QLatin1String("pages")).toInt() >= 1);

    // -raw keeps the content order: a long name wrapped inside its cell (阿依古丽· / 买买提) comes
    // out as two consecutive lines, joined again here.
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), pdf, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(30000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput()).remove(u'\n');
    for (const QString &name : m_names)
        QVERIFY2(text.contains(name), qPrintable(name + QStringLiteral(" missing from:\n") + text.left(600)));
    for (const QString &id : m_idNumbers)
        QVERIFY(text.contains(id));
    QVERIFY(text.contains(m_batchNo));
    QVERIFY(text.contains(QStringLiteral("张三")));

    const auto listed = cli({QStringLiteral("batches"), QStringLiteral("--state"), QStringLiteral("awaiting_paper")});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY(QString::fromUtf8(listed.out).contains(m_batchNo));
    QVERIFY(QString::fromUtf8(listed.out).contains(QStringLiteral("待交纸质表")));
}

void TestDeclarationsCli::counterReceivesAndPeopleAreEnrolled()
{
    QVERIFY(!m_batchNo.isEmpty());
    const auto received = admin({QStringLiteral("batches"), QStringLiteral("receive"), m_batchNo});
    QVERIFY2(received.exitCode == 0, received.describe());

    const auto batches = cli({QStringLiteral("batches"), QStringLiteral("--json")});
    QCOMPARE(batches.exitCode, 0);
    bool effective = false;
    for (const QJsonValue &v : jsonOf(batches.out).value(QLatin1String("batches")).toArray()) {
        if (v.toObject().value(QLatin1String("batch_no")).toString() == m_batchNo)
            effective = v.toObject().value(QLatin1String("state")).toString() == QLatin1String("effective");
    }
    QVERIFY(effective);

    const auto persons = cli({QStringLiteral("persons"), QStringLiteral("--json")});
    QCOMPARE(persons.exitCode, 0);
    QMap<QString, QJsonObject> byId;
    for (const QJsonValue &v : jsonOf(persons.out).value(QLatin1String("persons")).toArray())
        byId.insert(v.toObject().value(QLatin1String("id_number")).toString(), v.toObject());
    for (int i = 0; i < m_idNumbers.size(); ++i) {
        QVERIFY2(byId.contains(m_idNumbers[i]), qPrintable(m_names[i]));
        const QJsonObject p = byId.value(m_idNumbers[i]);
        QCOMPARE(p.value(QLatin1String("name")).toString(), m_names[i]);
        QStringList active;
        for (const QJsonValue &e : p.value(QLatin1String("enrolments")).toArray()) {
            const QJsonObject o = e.toObject();
            if (o.value(QLatin1String("status")).toString() == QLatin1String("active")
                && o.value(QLatin1String("start")).toString() == test::currentMonth())
                active << o.value(QLatin1String("insurance")).toString();
        }
        active.sort();
        QVERIFY2(active == (QStringList{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")}),
                 QJsonDocument(p).toJson(QJsonDocument::Compact).constData());
    }
    const auto effectiveItems = cli({QStringLiteral("items"), QStringLiteral("--state"), QStringLiteral("effective"),
                                     QStringLiteral("--json")});
    QCOMPARE(jsonOf(effectiveItems.out).value(QLatin1String("items")).toArray().size(), 4);
}

void TestDeclarationsCli::reduceFileStopsTheEnrolment()
{
    QVERIFY(!m_idNumbers.isEmpty());
    test::FixtureSheet sheet;
    sheet.name = QStringLiteral("减少");
    sheet.rows << test::FixtureRow{QStringLiteral("姓名"), QStringLiteral("公民身份号码"), QStringLiteral("变更类型"),
                                   QStringLiteral("变更原因"), QStringLiteral("停保年月")};
    sheet.rows << test::FixtureRow{m_names[0], m_idNumbers[0], QStringLiteral("停保"), QStringLiteral("辞职"),
                                   test::currentMonth()};
    const QString file = m_dir.filePath(QStringLiteral("reduce.xlsx"));
    QVERIFY(test::writeXlsx(file, {sheet}));
    // The default cache location this time (under XDG_DATA_HOME).
    const auto run = cli({QStringLiteral("import"), file, QStringLiteral("--kind"), QStringLiteral("reduce")});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY(QDir(m_dir.filePath(QStringLiteral("xdg/shebao-cli/cache"))).exists());
    const auto declared = cli({QStringLiteral("declare"), QStringLiteral("--reporter"), QStringLiteral("张三"),
                               QStringLiteral("--phone"), QStringLiteral("13812345678"), QStringLiteral("--json")});
    QVERIFY2(declared.exitCode == 0, declared.describe());
    const QString batchNo = jsonOf(declared.out).value(QLatin1String("batch")).toObject().value(QLatin1String("batch_no")).toString();
    QCOMPARE(jsonOf(declared.out).value(QLatin1String("batch")).toObject().value(QLatin1String("reduce_count")).toInt(), 1);
    const auto received = admin({QStringLiteral("batches"), QStringLiteral("receive"), batchNo});
    QVERIFY2(received.exitCode == 0, received.describe());
    const auto persons = cli({QStringLiteral("persons"), QStringLiteral("--json")});
    for (const QJsonValue &v : jsonOf(persons.out).value(QLatin1String("persons")).toArray()) {
        if (v.toObject().value(QLatin1String("id_number")).toString() != m_idNumbers[0])
            continue;
        for (const QJsonValue &e : v.toObject().value(QLatin1String("enrolments")).toArray())
            QVERIFY(e.toObject().value(QLatin1String("status")).toString() != QLatin1String("active"));
        return;
    }
    QFAIL("the person is gone from the list");
}

void TestDeclarationsCli::declareUsageAndNothingPending()
{
    const auto usage = cli({QStringLiteral("declare"), QStringLiteral("--phone"), QStringLiteral("13812345678")}, {});
    QCOMPARE(usage.exitCode, 2);
    QVERIFY(QString::fromUtf8(usage.err).contains(QStringLiteral("--reporter")));
    const auto badItems = cli({QStringLiteral("declare"), QStringLiteral("--reporter"), QStringLiteral("张三"),
                               QStringLiteral("--phone"), QStringLiteral("13812345678"), QStringLiteral("--items"),
                               QStringLiteral("1,x")}, {});
    QCOMPARE(badItems.exitCode, 2);
    // Everything was declared: nothing pending is a problem of the input, not a crash.
    const auto none = cli({QStringLiteral("declare"), QStringLiteral("--reporter"), QStringLiteral("张三"),
                           QStringLiteral("--phone"), QStringLiteral("13812345678")});
    QVERIFY2(none.exitCode == 1, none.describe());
    // A bad phone number: checked before anything is sent, exit 1 with the message.
    const auto phone = cli({QStringLiteral("declare"), QStringLiteral("--reporter"), QStringLiteral("张三"),
                            QStringLiteral("--phone"), QStringLiteral("12345"), QStringLiteral("--items"),
                            QStringLiteral("1")});
    QVERIFY2(phone.exitCode == 1, phone.describe());
    QVERIFY(QString::fromUtf8(phone.err).contains(QStringLiteral("phone.invalid")));
}

void TestDeclarationsCli::lostAnswersStayQueuedUntilTheNextRun()
{
    test::CuttingProxy proxy;
    QVERIFY(proxy.listen());
    proxy.setBackendPort(quint16(m_server.baseUrl().port()));
    const QStringList ids{test::freshIdNumber(QDate(1991, 1, 1)), test::freshIdNumber(QDate(1992, 2, 2))};
    const QString file = writeAddFile(QStringLiteral("lost.xlsx"), {
        {QStringLiteral("庞统"), ids[0], QStringLiteral("汉族"), QStringLiteral("城镇"), QStringLiteral("合同制"),
         QStringLiteral("2010-07-01"), test::currentMonth(), QStringLiteral("6000"), QStringLiteral("13812345678")},
        {QStringLiteral("徐庶"), ids[1], QStringLiteral("汉族"), QStringLiteral("城镇"), QStringLiteral("合同制"),
         QStringLiteral("2010-07-01"), test::currentMonth(), QStringLiteral("6000"), QStringLiteral("13812345678")}});
    const QString cache = m_dir.filePath(QStringLiteral("lost.sqlite"));
    // The login passes; every answer to the bulk request (and Qt's re-sends of it) is lost.
    proxy.setCutAnswersAfter(1);
    const auto lost = cliThrough(proxy, {QStringLiteral("import"), file, QStringLiteral("--json"),
                                         QStringLiteral("--cache"), cache});
    proxy.setCutAnswers(false);
    QVERIFY2(lost.exitCode == 2, lost.describe());
    QVERIFY(proxy.cuts() >= 1);
    const QJsonObject report = jsonOf(lost.out);
    QCOMPARE(report.value(QLatin1String("queued")).toArray().size(), 2);
    QVERIFY(report.value(QLatin1String("queued_because")).toObject().value(QLatin1String("code")).toString().startsWith(
        QLatin1String("net.")));
    // The server has them already; the client does not know it yet.
    const auto pending = [&] {
        QStringList found;
        const auto items = cli({QStringLiteral("items"), QStringLiteral("--state"), QStringLiteral("pending"),
                                QStringLiteral("--json"), QStringLiteral("--reveal")});
        for (const QJsonValue &v : jsonOf(items.out).value(QLatin1String("items")).toArray()) {
            const QString id = v.toObject().value(QLatin1String("id_number")).toString();
            if (ids.contains(id))
                found << id;
        }
        return found;
    };
    QCOMPARE(pending().size(), 2);

    // The next run sends the queue first, under the same keys: the first answers, no new items.
    const auto next = cliThrough(proxy, {QStringLiteral("outbox"), QStringLiteral("--json"),
                                         QStringLiteral("--cache"), cache});
    QVERIFY2(next.exitCode == 0, next.describe());
    QCOMPARE(jsonOf(next.out).value(QLatin1String("entries")).toArray().size(), 0);
    QCOMPARE(pending().size(), 2);
}

void TestDeclarationsCli::serverDownCannotRun()
{
    const QString file = writeAddFile(QStringLiteral("down.xlsx"), {
        {QStringLiteral("诸葛亮"), test::freshIdNumber(), QStringLiteral("汉族"), QStringLiteral("城镇"),
         QStringLiteral("合同制"), QStringLiteral("2010-07-01"), test::currentMonth(), QStringLiteral("6000"),
         QStringLiteral("13812345678")}});
    m_server.stop();
    const auto run = cli({QStringLiteral("import"), file, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(jsonOf(run.out).value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("net.unreachable"));
}

QTEST_GUILESS_MAIN(TestDeclarationsCli)
#include "tst_declarations_cli.moc"
