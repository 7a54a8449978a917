#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>


// The subcommands of shebao-cli that need no server (estimate-arrears, check-import), run as
// the real binary ($SHEBAO_CLI_BIN): output formats and the exit codes of DESIGN.md.
class TestCliOffline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void arrearsWorkedExample();
    void arrearsHumanSaysTableAndPeriods();
    void arrearsSeveralMonthsAndClamp();
    void arrearsBadArguments_data();
    void arrearsBadArguments();
    void checkImportValid();
    void checkImportErrors();
    void checkImportHuman();
    void checkImportUnreadable_data();
    void checkImportUnreadable();
    void renderForm();
    void renderFormProblems_data();
    void renderFormProblems();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList &arguments);
    QString writeFile(const QString &name, const QByteArray &bytes);
    QStringList arrears(const QStringList &extra) const;

    QString m_cli;
    QTemporaryDir m_dir;
    QString m_policy;
};

namespace {

QString str(const char16_t *text)
{
    return QString::fromUtf16(text);
}

// The policy table of shared/domain/arrears.md, verbatim.
const char PolicyJson[] = R"({
  "format": "shebao-policy/1", "region": "430100",
  "name": "长沙市社会保险缴费参数（示例参数，以当年正式通知为准）",
  "source": "arrears.md",
  "insurances": {"110": "企业职工基本养老保险", "210": "失业保险", "310": "职工基本医疗保险",
                 "410": "工伤保险", "510": "生育保险"},
  "periods": [{
      "from": "2024-01", "to": "2024-12",
      "base": {"lower": "4000.00", "upper": "20000.00"},
      "rates": {
        "110": {"unit": "0.16",  "person": "0.08"},
        "210": {"unit": "0.007", "person": "0.003"},
        "310": {"unit": "0.087", "person": "0.02"},
        "410": {"unit": ["0.002", "0.004", "0.007", "0.009", "0.011", "0.013", "0.016", "0.019"], "person": "0"},
        "510": {"unit": "0", "person": "0"}
      },
      "late_fee": {"daily_rate": "0.0005", "due_day": 15, "cap_at_principal": false}
  }]
})";

const QString Header = QStringLiteral("姓名,公民身份号码,民族,户口性质,用工形式,参加工作日期,参保开始年月,工资基数,联系电话\n");
const QString GoodRow = QStringLiteral("张三,430102199001011238,汉族,城镇,合同制,2015-07-01,2025-06,6000,13812345678\n");
const QString BadChecksumRow = QStringLiteral("李四,430102198506150021,汉族,城镇,合同制,2015-07-01,2025-06,6000,13812345678\n");

} // namespace

void TestCliOffline::initTestCase()
{
    m_cli = qEnvironmentVariable("SHEBAO_CLI_BIN");
    QVERIFY2(!m_cli.isEmpty(), "SHEBAO_CLI_BIN is not set (run the test through ctest)");
    QVERIFY(m_dir.isValid());
    m_policy = writeFile(QStringLiteral("policy.json"), QByteArray(PolicyJson));
}

void TestCliOffline::arrearsWorkedExample()
{
    // arrears.md "Example": 2024-03, wage 5,000.00, risk class 2, on 2024-06-30.
    const Run r = run(arrears({str(u"--months"), str(u"2024-03..2024-03"), str(u"--json")}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject expected = QJsonDocument::fromJson(R"({
        "policy": "长沙市社会保险缴费参数（示例参数，以当年正式通知为准）",
        "months": [{"month": "2024-03", "base": "5000.00",
                    "items": [{"insurance": "110", "unit": "800.00", "person": "400.00"},
                              {"insurance": "210", "unit": "35.00", "person": "15.00"},
                              {"insurance": "410", "unit": "20.00", "person": "0.00"}],
                    "principal": "1270.00", "late_fee_days": 76, "late_fee": "48.26"}],
        "principal": "1270.00", "late_fee": "48.26", "total": "1318.26"})").object();
    QCOMPARE(o, expected);
}

void TestCliOffline::arrearsHumanSaysTableAndPeriods()
{
    const Run r = run(arrears({str(u"--months"), str(u"2024-03..2024-03")}));
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.contains(str(u"政策参数表：长沙市社会保险缴费参数")), r.out.constData());
    QVERIFY(text.contains(str(u"使用的政策期间：2024-01..2024-12")));
    QVERIFY(text.contains(m_policy));
    QVERIFY(text.contains(str(u"应缴合计：1,318.26 元")));
}

void TestCliOffline::arrearsSeveralMonthsAndClamp()
{
    // 3,000.00 is below the lower limit: every month uses 4,000.00.
    const Run r = run({str(u"estimate-arrears"), str(u"--json"), str(u"--policy"), m_policy, str(u"--months"),
                       str(u"2024-03..2024-04"), str(u"--wage"), str(u"3000"), str(u"--risk-class"), str(u"2"),
                       str(u"--insurances"), str(u"110"), str(u"--on"), str(u"2024-06-30")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    const QJsonArray months = o.value(QLatin1String("months")).toArray();
    QCOMPARE(months.size(), 2);
    QCOMPARE(months.at(0)[QLatin1String("base")].toString(), str(u"4000.00"));
    QCOMPARE(months.at(0)[QLatin1String("items")].toArray().size(), 1);
    QCOMPARE(months.at(0)[QLatin1String("principal")].toString(), str(u"960.00"));
    QCOMPARE(months.at(0)[QLatin1String("late_fee_days")].toInt(), 76);
    QCOMPARE(months.at(1)[QLatin1String("late_fee_days")].toInt(), 46);
    // 960 × 0.0005 × 76 = 36.48; × 46 = 22.08
    QCOMPARE(o.value(QLatin1String("late_fee")).toString(), str(u"58.56"));
    QCOMPARE(o.value(QLatin1String("total")).toString(), str(u"1978.56"));
}

void TestCliOffline::arrearsBadArguments_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown insurance") << QStringList{str(u"--months"), str(u"2024-03..2024-03"), str(u"--insurances"), str(u"110,999")}
                                       << str(u"policy.unknown_insurance") << str(u"999");
    QTest::newRow("month outside the table") << QStringList{str(u"--months"), str(u"2023-11..2024-01")}
                                             << str(u"policy.month_not_covered") << str(u"2023-11");
    QTest::newRow("negative wage") << QStringList{str(u"--months"), str(u"2024-03..2024-03"), str(u"--wage"), str(u"-1.00")}
                                   << str(u"policy.wage_negative") << str(u"负数");
    QTest::newRow("reversed range") << QStringList{str(u"--months"), str(u"2024-06..2024-03")} << str(u"cli.usage")
                                    << str(u"所属期范围");
    QTest::newRow("malformed range") << QStringList{str(u"--months"), str(u"2024-3..2024-06")} << str(u"cli.usage")
                                     << str(u"所属期范围");
    QTest::newRow("bad wage") << QStringList{str(u"--months"), str(u"2024-03"), str(u"--wage"), str(u"5000.001")}
                              << str(u"cli.usage") << str(u"月工资");
    QTest::newRow("risk class 9") << QStringList{str(u"--months"), str(u"2024-03"), str(u"--risk-class"), str(u"9")}
                                  << str(u"policy.risk_class") << QString();
    QTest::newRow("unknown option") << QStringList{str(u"--months"), str(u"2024-03"), str(u"--frobnicate")}
                                    << str(u"cli.usage") << str(u"--frobnicate");
    QTest::newRow("unreadable policy") << QStringList{str(u"--months"), str(u"2024-03"), str(u"--policy"), str(u"/nonexistent.json")}
                                       << str(u"policy.unreadable") << str(u"/nonexistent.json");
}

void TestCliOffline::arrearsBadArguments()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const Run r = run(arrears(extra << str(u"--json")));
    QCOMPARE(r.exitCode, 2);
    const QJsonObject error = QJsonDocument::fromJson(r.out).object().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toString(), code);
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(message), r.out.constData());
    // The message is for the user: Chinese.
    const QString text = error.value(QLatin1String("message")).toString();
    QVERIFY2(std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; }),
             qPrintable(text));
    // Without --json: nothing on stdout, the message on stderr.
    extra.removeAll(str(u"--json"));
    const Run human = run(arrears(extra));
    QCOMPARE(human.exitCode, 2);
    QVERIFY(human.out.isEmpty());
    QVERIFY(QString::fromUtf8(human.err).contains(code));
}

void TestCliOffline::checkImportValid()
{
    const QString file = writeFile(str(u"good.csv"), (Header + GoodRow).toUtf8());
    const Run r = run({str(u"check-import"), file, str(u"--today"), str(u"2025-06-15"), str(u"--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("file")).toString(), file);
    QCOMPARE(o.value(QLatin1String("kind")).toString(), str(u"add"));
    QCOMPARE(o.value(QLatin1String("rows")).toInt(), 1);
    QCOMPARE(o.value(QLatin1String("valid")).toInt(), 1);
    QCOMPARE(o.value(QLatin1String("problems")).toArray().size(), 0);
}

void TestCliOffline::checkImportErrors()
{
    const QString file = writeFile(str(u"bad.csv"), (Header + GoodRow + BadChecksumRow).toUtf8());
    const Run r = run({str(u"--json"), str(u"check-import"), str(u"--kind"), str(u"add"), file, str(u"--today=2025-06-15"),
                       str(u"--policy"), m_policy});
    QCOMPARE(r.exitCode, 1);
    // Exactly one object: the whole of stdout parses.
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(o.value(QLatin1String("rows")).toInt(), 2);
    QCOMPARE(o.value(QLatin1String("valid")).toInt(), 1);
    const QJsonArray problems = o.value(QLatin1String("problems")).toArray();
    QCOMPARE(problems.size(), 1);
    const QJsonObject p = problems.at(0).toObject();
    QCOMPARE(p.value(QLatin1String("row")).toInt(), 3);
    QCOMPARE(p.value(QLatin1String("column")).toString(), str(u"公民身份号码"));
    QCOMPARE(p.value(QLatin1String("code")).toString(), str(u"id.checksum"));
    QCOMPARE(p.value(QLatin1String("severity")).toString(), str(u"error"));
    QVERIFY(!p.value(QLatin1String("message")).toString().isEmpty());
    QCOMPARE(o.value(QLatin1String("skipped_rules")).toArray().at(0).toString(), str(u"person.enrolled"));

    // The reduce template's header is not there: the sheet cannot be checked as 减少.
    const Run reduce = run({str(u"check-import"), file, str(u"--kind"), str(u"reduce"), str(u"--json")});
    QCOMPARE(reduce.exitCode, 2);
    QCOMPARE(QJsonDocument::fromJson(reduce.out).object()[QLatin1String("error")][QLatin1String("code")].toString(), str(u"import.header_missing"));
}

void TestCliOffline::checkImportHuman()
{
    const QString file = writeFile(str(u"human.csv"), (Header + BadChecksumRow).toUtf8());
    const Run r = run({str(u"check-import"), file, str(u"--today"), str(u"2025-06-15")});
    QCOMPARE(r.exitCode, 1);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.contains(str(u"id.checksum")), r.out.constData());
    QVERIFY(text.contains(str(u"错误 1 处")));
    // The rules left to the server are named, not silently passed.
    QVERIFY(text.contains(str(u"未检查")));
    QVERIFY(text.contains(str(u"person.enrolled")));
}

void TestCliOffline::checkImportUnreadable_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("code");
    QTest::newRow("missing file") << QStringList{str(u"check-import"), m_dir.filePath(str(u"none.csv"))} << str(u"import.unreadable");
    QTest::newRow("no file") << QStringList{str(u"check-import")} << str(u"cli.usage");
    QTest::newRow("bad kind") << QStringList{str(u"check-import"), m_policy, str(u"--kind"), str(u"both")} << str(u"cli.usage");
    QTest::newRow("bad today") << QStringList{str(u"check-import"), m_policy, str(u"--today"), str(u"2025-13-01")}
                               << str(u"cli.usage");
}

void TestCliOffline::checkImportUnreadable()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, code);
    const Run r = run(arguments << str(u"--json"));
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(QJsonDocument::fromJson(r.out).object()[QLatin1String("error")][QLatin1String("code")].toString(), code);
}

void TestCliOffline::renderForm()
{
    const QByteArray data = QStringLiteral(R"({"values": {"application.no": "SQ202612030001",
        "application.date": "2026年12月3日", "unit.name": "长沙渲染测试有限公司", "unit.no": "43010000009",
        "unit.credit_code": "91430100MA4L000000", "unit.legal_representative": "张三", "applicant.name": "李渲染",
        "applicant.id_number": "430102199001011238", "applicant.mobile": "13812345678",
        "applicant.email": "a@example.cn", "counter.address": "天心区人社局二楼社保征缴中心单位业务窗口"}})")
                               .toUtf8();
    const QString dataFile = writeFile(str(u"letter.json"), data);
    const QString pdf = m_dir.filePath(str(u"letter.pdf"));
    const Run r = run({str(u"render-form"), str(u"--template"), str(u"authorization-letter"), str(u"--data"), dataFile,
                       str(u"--out"), pdf, str(u"--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("pages")).toInt(), 1);
    QCOMPARE(o.value(QLatin1String("title")).toString(), str(u"用户承诺书"));

    QProcess pdftotext;
    pdftotext.start(str(u"pdftotext"), {str(u"-layout"), pdf, str(u"-")});
    QVERIFY(pdftotext.waitForFinished(30000));
    QCOMPARE(pdftotext.exitCode(), 0);
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput()).remove(u' ');
    QVERIFY2(text.contains(str(u"长沙渲染测试有限公司")), qPrintable(text));
    QVERIFY(text.contains(str(u"李渲染")));
    QVERIFY(text.contains(str(u"SQ202612030001")));
}

void TestCliOffline::renderFormProblems_data()
{
    QTest::addColumn<QString>("templateId");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("code");
    QTest::newRow("missing placeholder") << str(u"authorization-letter") << QByteArray(R"({"values": {}})") << 1
                                         << str(u"form.placeholder");
    QTest::newRow("not JSON") << str(u"authorization-letter") << QByteArray("{values") << 2 << str(u"form.data");
    QTest::newRow("tables not an object") << str(u"authorization-letter") << QByteArray(R"({"tables": []})") << 2
                                          << str(u"form.data");
    QTest::newRow("unknown template") << str(u"no-such-form") << QByteArray("{}") << 2 << str(u"form.not_found");
}

void TestCliOffline::renderFormProblems()
{
    QFETCH(QString, templateId);
    QFETCH(QByteArray, data);
    QFETCH(int, exitCode);
    QFETCH(QString, code);
    const QString dataFile = writeFile(str(u"problem.json"), data);
    const QString pdf = m_dir.filePath(str(u"problem.pdf"));
    const Run r = run({str(u"render-form"), str(u"--template"), templateId, str(u"--data"), dataFile, str(u"--out"), pdf,
                       str(u"--json")});
    QCOMPARE(r.exitCode, exitCode);
    QCOMPARE(QJsonDocument::fromJson(r.out).object()[QLatin1String("error")][QLatin1String("code")].toString(), code);
    QVERIFY(!QFile::exists(pdf));
}

TestCliOffline::Run TestCliOffline::run(const QStringList &arguments)
{
    QProcess process;
    process.start(m_cli, arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        return {};
    }
    Run r;
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

QString TestCliOffline::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QStringList TestCliOffline::arrears(const QStringList &extra) const
{
    // Defaults of the worked example; later options of the same name win.
    QStringList args{str(u"estimate-arrears"), str(u"--policy"), m_policy, str(u"--wage"), str(u"5000.00"),
                     str(u"--risk-class"), str(u"2"), str(u"--on"), str(u"2024-06-30")};
    return args + extra;
}

QTEST_GUILESS_MAIN(TestCliOffline)
#include "tst_cli_offline.moc"
