#include "PolicyFixtures.h"

#include "models/policy/PolicyTable.h"

#include <QTemporaryDir>
#include <QtTest>

using shebao::PolicyPeriod;
using shebao::PolicyTable;
using shebao::Rate;
using shebao::YearMonth;
using namespace shebao::test;

namespace {

YearMonth ym(const char *text)
{
    return YearMonth::parse(QString::fromLatin1(text)).value();
}

// The example table with a second period, 2025, so paths can point at $.periods[1].
QJsonObject twoPeriods()
{
    QJsonObject o = arrearsExampleObject();
    QJsonObject p = o.value(QLatin1String("periods")).toArray().at(0).toObject();
    p[QLatin1String("from")] = QStringLiteral("2025-01");
    p[QLatin1String("to")] = QStringLiteral("2025-12");
    return setAt(o, QStringLiteral("periods/1"), p);
}

} // namespace

class TestPolicyTable : public QObject
{
    Q_OBJECT

private slots:
    void loadsArrearsExample();
    void malformed_data();
    void malformed();
    void notJson();
    void gapsAreAllowedButUncoveredMonthsFail();
    void periodsAreSorted();
    void loadFromFile();
    void shippedTable();
    void shippedTableFigures();
    void unknownRegion();
};

void TestPolicyTable::loadsArrearsExample()
{
    const shebao::Result<PolicyTable> t = PolicyTable::fromJson(arrearsExampleJson(), QStringLiteral("example"));
    QVERIFY2(t.ok(), t.ok() ? "" : qPrintable(t.error().message));
    const PolicyTable &table = t.value();
    QCOMPARE(table.region(), QStringLiteral("430100"));
    QCOMPARE(table.name(), QStringLiteral("长沙市社会保险缴费参数（示例参数，以当年正式通知为准）"));
    QCOMPARE(table.source(), QStringLiteral("where the figures come from"));
    QCOMPARE(table.origin(), QStringLiteral("example"));
    QCOMPARE(table.insurances().keys(), (QStringList{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("310"),
                                                     QStringLiteral("410"), QStringLiteral("510")}));
    QCOMPARE(table.insurances().value(QStringLiteral("410")), QStringLiteral("工伤保险"));
    QCOMPARE(table.periods().size(), 1);
    const PolicyPeriod p = table.periodFor(ym("2024-03")).value();
    QCOMPARE(p.label(), QStringLiteral("2024-01..2024-12"));
    QCOMPARE(p.baseLower.fen(), qint64(400000));
    QCOMPARE(p.baseUpper.fen(), qint64(2000000));
    QCOMPARE(p.ratesOf(QStringLiteral("110"))->unitFor(1), Rate::parse(u"0.16").value());
    QCOMPARE(p.ratesOf(QStringLiteral("210"))->person, Rate::parse(u"0.003").value());
    QCOMPARE(p.ratesOf(QStringLiteral("410"))->unit.size(), 8);
    QCOMPARE(p.ratesOf(QStringLiteral("410"))->unitFor(8), Rate::parse(u"0.019").value());
    QCOMPARE(p.lateFee.dailyRate, Rate::parse(u"0.0005").value());
    QCOMPARE(p.lateFee.dueDay, 15);
    QCOMPARE(p.lateFee.capAtPrincipal, false);
    QVERIFY(p.note.isEmpty());
    QCOMPARE(table.firstMonth(), ym("2024-01"));
    QCOMPARE(table.lastMonth(), ym("2024-12"));
}

void TestPolicyTable::malformed_data()
{
    QTest::addColumn<QJsonObject>("base");
    QTest::addColumn<QString>("at");     // slash path of the edit
    QTest::addColumn<QJsonValue>("value"); // undefined = remove
    QTest::addColumn<QString>("path");   // expected JSON path in the error

    const QJsonObject one = arrearsExampleObject();
    const QJsonObject two = twoPeriods();
    const QJsonValue removed(QJsonValue::Undefined);
    const auto s = [](const char *text) { return QJsonValue(QString::fromUtf8(text)); };
    const auto list = [](int n) {
        QJsonArray a;
        for (int i = 0; i < n; ++i)
            a.append(QStringLiteral("0.004"));
        return QJsonValue(a);
    };

    QTest::newRow("wrong format") << one << "format" << s("shebao-policy/2") << "$.format";
    QTest::newRow("no format") << one << "format" << removed << "$.format";
    QTest::newRow("region not 6 digits") << one << "region" << s("4301") << "$.region";
    QTest::newRow("no name") << one << "name" << removed << "$.name";
    QTest::newRow("empty source") << one << "source" << s("  ") << "$.source";
    QTest::newRow("unknown top-level member") << one << "extra" << s("x") << "$.extra";
    QTest::newRow("unknown 险种 declared") << one << "insurances/999" << s("其他") << "$.insurances.999";
    QTest::newRow("no periods") << one << "periods" << QJsonValue(QJsonArray()) << "$.periods";
    QTest::newRow("period not an object") << one << "periods/0" << s("2024") << "$.periods[0]";
    QTest::newRow("410 unit[3] of the second period") << two << "periods/1/rates/410/unit/3" << s("0.0x9")
                                                      << "$.periods[1].rates.410.unit[3]";
    QTest::newRow("410 unit[3] a number") << one << "periods/0/rates/410/unit/3" << QJsonValue(0.009)
                                          << "$.periods[0].rates.410.unit[3]";
    QTest::newRow("410 list of 7") << one << "periods/0/rates/410/unit" << list(7) << "$.periods[0].rates.410.unit";
    QTest::newRow("410 list of 9") << one << "periods/0/rates/410/unit" << list(9) << "$.periods[0].rates.410.unit";
    QTest::newRow("410 single rate") << one << "periods/0/rates/410/unit" << s("0.004") << "$.periods[0].rates.410.unit";
    QTest::newRow("110 unit as a list") << one << "periods/0/rates/110/unit" << list(8) << "$.periods[0].rates.110.unit";
    QTest::newRow("negative person rate") << one << "periods/0/rates/110/person" << s("-0.08")
                                          << "$.periods[0].rates.110.person";
    QTest::newRow("nine decimals") << one << "periods/0/rates/210/unit" << s("0.007000001") << "$.periods[0].rates.210.unit";
    QTest::newRow("rate member unknown") << one << "periods/0/rates/210/personal" << s("0.003")
                                         << "$.periods[0].rates.210.personal";
    QTest::newRow("rates for an undeclared 险种") << one << "periods/0/rates/330" << QJsonValue(QJsonObject{
                                                       {QStringLiteral("unit"), s("0")}, {QStringLiteral("person"), s("0")}})
                                                 << "$.periods[0].rates.330";
    QTest::newRow("rates missing a declared 险种") << two << "periods/1/rates/510" << removed << "$.periods[1].rates.510";
    QTest::newRow("lower above upper") << one << "periods/0/base/lower" << s("20000.01") << "$.periods[0].base.lower";
    QTest::newRow("lower not an amount") << one << "periods/0/base/lower" << s("4000.001") << "$.periods[0].base.lower";
    QTest::newRow("upper a number") << one << "periods/0/base/upper" << QJsonValue(20000) << "$.periods[0].base.upper";
    QTest::newRow("negative lower") << one << "periods/0/base/lower" << s("-1.00") << "$.periods[0].base.lower";
    QTest::newRow("from one-digit month") << one << "periods/0/from" << s("2024-1") << "$.periods[0].from";
    QTest::newRow("from with slash") << one << "periods/0/from" << s("2024/01") << "$.periods[0].from";
    QTest::newRow("to month 13") << one << "periods/0/to" << s("2024-13") << "$.periods[0].to";
    QTest::newRow("to before from") << one << "periods/0/to" << s("2023-12") << "$.periods[0].to";
    QTest::newRow("due day 0") << one << "periods/0/late_fee/due_day" << QJsonValue(0) << "$.periods[0].late_fee.due_day";
    QTest::newRow("due day 29") << one << "periods/0/late_fee/due_day" << QJsonValue(29) << "$.periods[0].late_fee.due_day";
    QTest::newRow("due day 15.5") << one << "periods/0/late_fee/due_day" << QJsonValue(15.5) << "$.periods[0].late_fee.due_day";
    QTest::newRow("due day string") << one << "periods/0/late_fee/due_day" << s("15") << "$.periods[0].late_fee.due_day";
    QTest::newRow("cap not bool") << one << "periods/0/late_fee/cap_at_principal" << s("no")
                                  << "$.periods[0].late_fee.cap_at_principal";
    QTest::newRow("note not a string") << one << "periods/0/note" << QJsonValue(1) << "$.periods[0].note";
    QTest::newRow("misspelt cap") << one << "periods/0/late_fee/cap_at_principle" << QJsonValue(true)
                                  << "$.periods[0].late_fee.cap_at_principle";
    QTest::newRow("daily rate missing") << one << "periods/0/late_fee/daily_rate" << removed
                                        << "$.periods[0].late_fee.daily_rate";
    QTest::newRow("overlap at the end") << two << "periods/1/from" << s("2024-12") << "$.periods[1]";
    QTest::newRow("overlap earlier in time") << two << "periods/1/to" << s("2024-01")  // from 2025-01 > to
                                             << "$.periods[1].to";
    const auto period = [&one](const char *from, const char *to) {
        QJsonObject p = one.value(QLatin1String("periods")).toArray().at(0).toObject();
        p[QLatin1String("from")] = QString::fromLatin1(from);
        p[QLatin1String("to")] = QString::fromLatin1(to);
        return QJsonValue(p);
    };
    QTest::newRow("same months twice") << two << "periods/1" << period("2024-01", "2024-12") << "$.periods[1]";
    QTest::newRow("later in file, earlier in time") << two << "periods/1" << period("2023-06", "2024-01") << "$.periods[1]";
    QTest::newRow("inside another period") << two << "periods/1" << period("2024-05", "2024-06") << "$.periods[1]";
}

void TestPolicyTable::malformed()
{
    QFETCH(QJsonObject, base);
    QFETCH(QString, at);
    QFETCH(QJsonValue, value);
    QFETCH(QString, path);
    // The unedited base loads, so the edit alone is what is refused.
    QVERIFY(PolicyTable::fromJson(toJson(base)).ok());
    const shebao::Result<PolicyTable> t = PolicyTable::fromJson(toJson(setAt(base, at, value)), QStringLiteral("bad.json"));
    QVERIFY(!t.ok());
    QCOMPARE(t.error().code, QStringLiteral("policy.malformed"));
    QCOMPARE(t.error().field, path);
    QVERIFY2(t.error().message.contains(path), qPrintable(t.error().message));
    QVERIFY2(t.error().detail.startsWith(QStringLiteral("bad.json: ") + path), qPrintable(t.error().detail));
}

void TestPolicyTable::notJson()
{
    for (const QByteArray &text : {QByteArray("{"), QByteArray(""), QByteArray("[1, 2]"), QByteArray("\"x\"")}) {
        const shebao::Result<PolicyTable> t = PolicyTable::fromJson(text);
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, QStringLiteral("policy.malformed"));
        QCOMPARE(t.error().field, QStringLiteral("$"));
    }
}

void TestPolicyTable::gapsAreAllowedButUncoveredMonthsFail()
{
    const QJsonObject o = setAt(setAt(twoPeriods(), QStringLiteral("periods/1/from"), QStringLiteral("2026-01")),
                                QStringLiteral("periods/1/to"), QStringLiteral("2026-12"));
    const shebao::Result<PolicyTable> t = PolicyTable::fromJson(toJson(o));
    QVERIFY(t.ok());
    QCOMPARE(t.value().gaps().size(), 12);
    QCOMPARE(t.value().gaps().first(), ym("2025-01"));
    QVERIFY(t.value().periodFor(ym("2024-12")).ok());
    QVERIFY(t.value().periodFor(ym("2026-01")).ok());
    for (const char *month : {"2025-01", "2025-07", "2023-12", "2027-01"}) {
        const shebao::Result<PolicyPeriod> p = t.value().periodFor(ym(month));
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, QStringLiteral("policy.month_not_covered"));
        QVERIFY2(p.error().message.contains(QLatin1String(month)), qPrintable(p.error().message));
    }
}

void TestPolicyTable::periodsAreSorted()
{
    QJsonObject o = twoPeriods();
    QJsonArray periods = o.value(QLatin1String("periods")).toArray();
    o[QLatin1String("periods")] = QJsonArray{periods.at(1), periods.at(0)};
    const PolicyTable t = tableFrom(o);
    QCOMPARE(t.periods().size(), 2);
    QCOMPARE(t.periods().at(0).label(), QStringLiteral("2024-01..2024-12"));
    QCOMPARE(t.periods().at(1).label(), QStringLiteral("2025-01..2025-12"));
    QCOMPARE(t.indexOf(ym("2025-06")), 1);
    QCOMPARE(t.indexOf(ym("2024-01")), 0);
    QCOMPARE(t.indexOf(ym("2023-12")), -1);
    QCOMPARE(t.indexOf(ym("2026-01")), -1);
}

void TestPolicyTable::loadFromFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("custom.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(arrearsExampleJson());
    f.close();
    const shebao::Result<PolicyTable> t = PolicyTable::load(path);
    QVERIFY(t.ok());
    QCOMPARE(t.value().origin(), path);

    const shebao::Result<PolicyTable> missing = PolicyTable::load(dir.filePath(QStringLiteral("none.json")));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, QStringLiteral("policy.unreadable"));
}

void TestPolicyTable::shippedTable()
{
    QVERIFY(PolicyTable::embeddedRegions().contains(QStringLiteral("430100")));
    const shebao::Result<PolicyTable> t = PolicyTable::forRegion(QStringLiteral("430100"));
    QVERIFY2(t.ok(), t.ok() ? "" : qPrintable(t.error().message));
    const PolicyTable &table = t.value();
    QCOMPARE(table.origin(), QStringLiteral(":/data/policy/430100.json"));
    QCOMPARE(table.region(), QStringLiteral("430100"));
    QVERIFY(table.name().contains(QStringLiteral("示例参数，以当年正式通知为准")));
    QVERIFY(table.source().contains(QStringLiteral("示例参数")));
    QVERIFY(table.source().contains(QStringLiteral("research.md")));
    QCOMPARE(table.firstMonth(), ym("1995-01"));
    QCOMPARE(table.lastMonth(), ym("2026-12"));
    QVERIFY(table.gaps().isEmpty());
    for (const YearMonth m : YearMonth::range(ym("1995-01"), ym("2026-12")))
        QVERIFY2(table.indexOf(m) >= 0, qPrintable(m.toString()));
    QVERIFY(!table.periodFor(ym("1994-12")).ok());
    QVERIFY(!table.periodFor(ym("2027-01")).ok());
    for (const char *code : {"110", "210", "310", "410", "510"})
        QVERIFY(table.hasInsurance(QLatin1String(code)));
}

void TestPolicyTable::shippedTableFigures()
{
    const PolicyTable table = PolicyTable::forRegion(QStringLiteral("430100")).value();
    // Bases never fall from one period to the next, and every period is a real interval.
    for (qsizetype i = 0; i < table.periods().size(); ++i) {
        const PolicyPeriod &p = table.periods().at(i);
        QVERIFY(p.baseLower < p.baseUpper);
        QCOMPARE(p.lateFee.dailyRate, Rate::parse(u"0.0005").value());
        QCOMPARE(p.lateFee.dueDay, 15);
        QCOMPARE(p.lateFee.capAtPrincipal, false);
        if (i > 0) {
            QVERIFY(p.baseLower >= table.periods().at(i - 1).baseLower);
            QVERIFY(p.baseUpper >= table.periods().at(i - 1).baseUpper);
        }
    }
    QVERIFY(table.periods().constFirst().baseUpper < table.periods().constLast().baseLower);
    // 人社部发〔2015〕71号 classes from 2015-10; the example of arrears.md holds in 2024.
    const QStringList classes{QStringLiteral("0.002"), QStringLiteral("0.004"), QStringLiteral("0.007"), QStringLiteral("0.009"),
                              QStringLiteral("0.011"), QStringLiteral("0.013"), QStringLiteral("0.016"), QStringLiteral("0.019")};
    for (const char *month : {"2015-10", "2020-06", "2026-12"}) {
        const PolicyPeriod p = table.periodFor(ym(month)).value();
        for (int c = 1; c <= 8; ++c)
            QCOMPARE(p.ratesOf(QStringLiteral("410"))->unitFor(c).toString(), classes.at(c - 1));
    }
    QVERIFY(table.periodFor(ym("2015-09")).value().ratesOf(QStringLiteral("410"))->unitFor(1) != Rate::parse(u"0.002").value());
    QVERIFY(table.periodFor(ym("2015-11")).value().note.contains(QStringLiteral("人社部发〔2015〕71号")));
    const PolicyPeriod y2024 = table.periodFor(ym("2024-03")).value();
    QCOMPARE(y2024.baseLower.toYuanString(), QStringLiteral("4000.00"));
    QCOMPARE(y2024.baseUpper.toYuanString(), QStringLiteral("20000.00"));
    QCOMPARE(y2024.ratesOf(QStringLiteral("110"))->unitFor(0).toString(), QStringLiteral("0.16"));
    QCOMPARE(y2024.ratesOf(QStringLiteral("110"))->person.toString(), QStringLiteral("0.08"));
    QCOMPARE(y2024.ratesOf(QStringLiteral("210"))->unitFor(0).toString(), QStringLiteral("0.007"));
    QCOMPARE(y2024.ratesOf(QStringLiteral("210"))->person.toString(), QStringLiteral("0.003"));
}

void TestPolicyTable::unknownRegion()
{
    for (const char *region : {"999999", "43", "../x", ""}) {
        const shebao::Result<PolicyTable> t = PolicyTable::forRegion(QLatin1String(region));
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, QStringLiteral("policy.unknown_region"));
    }
}

QTEST_GUILESS_MAIN(TestPolicyTable)
#include "tst_policytable.moc"
