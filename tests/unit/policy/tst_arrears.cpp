#include "PolicyFixtures.h"

#include "models/policy/ArrearsCalculator.h"
#include "models/policy/RateMath.h"

#include <QtTest>

using shebao::ArrearsCalculator;
using shebao::ArrearsEstimate;
using shebao::ArrearsMonth;
using shebao::ArrearsRequest;
using shebao::BaseClamp;
using shebao::Money;
using shebao::PolicyTable;
using shebao::YearMonth;
using namespace shebao::test;

Q_DECLARE_METATYPE(BaseClamp)

namespace {

YearMonth ym(const char *text)
{
    return YearMonth::parse(QString::fromLatin1(text)).value();
}

Money yuan(const char *text)
{
    return Money::parseYuan(QString::fromLatin1(text)).value();
}

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

ArrearsRequest request(const char *wage, int riskClass, QList<YearMonth> months, QDate on)
{
    ArrearsRequest r;
    r.monthlyWage = yuan(wage);
    r.riskClass = riskClass;
    r.months = std::move(months);
    r.calculationDate = on;
    return r;
}

// The example plus a 2023 period with different limits and rates, so a range across the new
// year shows which period each month used.
PolicyTable twoYears()
{
    QJsonObject o = arrearsExampleObject();
    QJsonObject p = o.value(QLatin1String("periods")).toArray().at(0).toObject();
    p[QLatin1String("from")] = QStringLiteral("2023-01");
    p[QLatin1String("to")] = QStringLiteral("2023-12");
    QJsonObject y2023 = setAt(setAt(p, QStringLiteral("base/lower"), QStringLiteral("3850.00")),
                              QStringLiteral("base/upper"), QStringLiteral("19250.00"));
    y2023 = setAt(y2023, QStringLiteral("rates/210/unit"), QStringLiteral("0.01"));
    y2023 = setAt(y2023, QStringLiteral("rates/410/unit/1"), QStringLiteral("0.005"));
    y2023 = setAt(y2023, QStringLiteral("late_fee/due_day"), 20);
    return tableFrom(setAt(o, QStringLiteral("periods/1"), y2023));
}

} // namespace

class TestArrears : public QObject
{
    Q_OBJECT

private slots:
    void workedExample();
    void workedExampleWithShippedTable();
    void periodBoundary_data();
    void periodBoundary();
    void clamping_data();
    void clamping();
    void riskClass_data();
    void riskClass();
    void lateFeeDays_data();
    void lateFeeDays();
    void lateFeeCap_data();
    void lateFeeCap();
    void halfUpAtHalfFen();
    void insuranceSelection();
    void invalidRequests_data();
    void invalidRequests();
    void emptyMonths();
    void longGapShippedTable();
    void largeAmountsExact();
    void overflowIsAnError();
};

void TestArrears::workedExample()
{
    const ArrearsCalculator calc(tableFrom(arrearsExampleObject()));
    const shebao::Result<ArrearsEstimate> r = calc.estimate(request("5000.00", 2, {ym("2024-03")}, QDate(2024, 6, 30)));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    const ArrearsEstimate &e = r.value();
    QCOMPARE(e.months.size(), 1);
    const ArrearsMonth &m = e.months.first();
    QCOMPARE(m.month, ym("2024-03"));
    QCOMPARE(m.period, QStringLiteral("2024-01..2024-12"));
    QCOMPARE(m.base.base.toYuanString(), QStringLiteral("5000.00"));
    QCOMPARE(m.base.clamp, BaseClamp::None);
    QCOMPARE(m.items.size(), 3);
    const QStringList expected[] = {{s("110"), s("800.00"), s("400.00")},
                                    {s("210"), s("35.00"), s("15.00")},
                                    {s("410"), s("20.00"), s("0.00")}};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(m.items.at(i).insurance, expected[i].at(0));
        QCOMPARE(m.items.at(i).unit.toYuanString(), expected[i].at(1));
        QCOMPARE(m.items.at(i).person.toYuanString(), expected[i].at(2));
    }
    QCOMPARE(m.items.at(2).unitRate.toString(), QStringLiteral("0.004"));
    QCOMPARE(m.items.at(0).name, QStringLiteral("企业职工基本养老保险"));
    QCOMPARE(m.principal.toYuanString(), QStringLiteral("1270.00"));
    QCOMPARE(m.dueDate, QDate(2024, 4, 15));
    QCOMPARE(m.lateFeeDays, qint64(76));
    QCOMPARE(m.lateFee.toYuanString(), QStringLiteral("48.26"));
    QCOMPARE(m.lateFeeCapped, false);
    QCOMPARE(e.principal.toYuanString(), QStringLiteral("1270.00"));
    QCOMPARE(e.lateFee.toYuanString(), QStringLiteral("48.26"));
    QCOMPARE(e.total.toYuanString(), QStringLiteral("1318.26"));
    QCOMPARE(e.policyName, QStringLiteral("长沙市社会保险缴费参数（示例参数，以当年正式通知为准）"));
    QCOMPARE(e.policyRegion, QStringLiteral("430100"));
    QCOMPARE(e.periods, QStringList{QStringLiteral("2024-01..2024-12")});
    QCOMPARE(e.calculationDate, QDate(2024, 6, 30));
}

void TestArrears::workedExampleWithShippedTable()
{
    // The shipped 2024 figures are the example's, so the same person gets the same bill.
    const ArrearsCalculator example(tableFrom(arrearsExampleObject()));
    const ArrearsCalculator shipped(PolicyTable::forRegion(QStringLiteral("430100")).value());
    const ArrearsRequest req = request("5000.00", 2, {ym("2024-03")}, QDate(2024, 6, 30));
    const ArrearsEstimate a = example.estimate(req).value();
    const ArrearsEstimate b = shipped.estimate(req).value();
    QCOMPARE(b.months, a.months);
    QCOMPARE(b.total.toYuanString(), QStringLiteral("1318.26"));
    QVERIFY(b.policySource != a.policySource);
}

void TestArrears::periodBoundary_data()
{
    QTest::addColumn<QString>("month");
    QTest::addColumn<QString>("period");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("principal");
    QTest::addColumn<QDate>("due");

    // wage 3900.00, class 2. 2023: lower 3850 -> base 3900; 110 624+312, 210 39+11.70, 410 19.50.
    // 2024: lower 4000 -> base 4000; 110 640+320, 210 28+12, 410 16.
    QTest::newRow("2023-11") << s("2023-11") << s("2023-01..2023-12") << s("3900.00") << s("1006.20") << QDate(2023, 12, 20);
    QTest::newRow("2023-12") << s("2023-12") << s("2023-01..2023-12") << s("3900.00") << s("1006.20") << QDate(2024, 1, 20);
    QTest::newRow("2024-01") << s("2024-01") << s("2024-01..2024-12") << s("4000.00") << s("1016.00") << QDate(2024, 2, 15);
    QTest::newRow("2024-02") << s("2024-02") << s("2024-01..2024-12") << s("4000.00") << s("1016.00") << QDate(2024, 3, 15);
}

void TestArrears::periodBoundary()
{
    QFETCH(QString, month);
    QFETCH(QString, period);
    QFETCH(QString, base);
    QFETCH(QString, principal);
    QFETCH(QDate, due);
    const ArrearsCalculator calc(twoYears());
    QCOMPARE(calc.table().periods().size(), 2);
    const ArrearsEstimate e =
        calc.estimate(request("3900.00", 2, YearMonth::range(ym("2023-11"), ym("2024-02")), QDate(2024, 6, 30))).value();
    QCOMPARE(e.months.size(), 4);
    QCOMPARE(e.periods, (QStringList{s("2023-01..2023-12"), s("2024-01..2024-12")}));
    QCOMPARE(e.principal.toYuanString(), QStringLiteral("4044.40"));
    const auto it = std::find_if(e.months.cbegin(), e.months.cend(),
                                 [&](const ArrearsMonth &m) { return m.month.toString() == month; });
    QVERIFY(it != e.months.cend());
    QCOMPARE(it->period, period);
    QCOMPARE(it->base.base.toYuanString(), base);
    QCOMPARE(it->principal.toYuanString(), principal);
    QCOMPARE(it->dueDate, due);
    QCOMPARE(it->lateFeeDays, due.daysTo(QDate(2024, 6, 30)));
}

void TestArrears::clamping_data()
{
    QTest::addColumn<QString>("wage");
    QTest::addColumn<QString>("base");
    QTest::addColumn<BaseClamp>("clamp");

    QTest::newRow("zero") << s("0") << s("4000.00") << BaseClamp::Lower;
    QTest::newRow("below lower") << s("3000.00") << s("4000.00") << BaseClamp::Lower;
    QTest::newRow("one fen below lower") << s("3999.99") << s("4000.00") << BaseClamp::Lower;
    QTest::newRow("at lower") << s("4000.00") << s("4000.00") << BaseClamp::None;
    QTest::newRow("between") << s("12345.67") << s("12345.67") << BaseClamp::None;
    QTest::newRow("at upper") << s("20000.00") << s("20000.00") << BaseClamp::None;
    QTest::newRow("one fen above upper") << s("20000.01") << s("20000.00") << BaseClamp::Upper;
    QTest::newRow("far above upper") << s("1000000.00") << s("20000.00") << BaseClamp::Upper;
}

void TestArrears::clamping()
{
    QFETCH(QString, wage);
    QFETCH(QString, base);
    QFETCH(BaseClamp, clamp);
    const ArrearsCalculator calc(tableFrom(arrearsExampleObject()));
    const shebao::Result<shebao::ClampedBase> c = calc.clampBase(ym("2024-07"), Money::parseYuan(wage).value());
    QVERIFY(c.ok());
    QCOMPARE(c.value().base.toYuanString(), base);
    QCOMPARE(c.value().clamp, clamp);
    QCOMPARE(c.value().wage, Money::parseYuan(wage).value());
    QCOMPARE(c.value().lower.toYuanString(), QStringLiteral("4000.00"));
    QCOMPARE(c.value().upper.toYuanString(), QStringLiteral("20000.00"));
    QCOMPARE(c.value().period, QStringLiteral("2024-01..2024-12"));

    ArrearsRequest req = request("0", 1, {ym("2024-07")}, QDate(2024, 7, 1));
    req.monthlyWage = Money::parseYuan(wage).value();
    const ArrearsEstimate e = calc.estimate(req).value();
    QCOMPARE(e.months.first().base, c.value());
    QCOMPARE(e.months.first().items.first().unit, shebao::RateMath::apply(c.value().base, shebao::Rate::parse(u"0.16").value()).value());

    QVERIFY(!calc.clampBase(ym("2025-01"), yuan("5000")).ok());
    QCOMPARE(calc.clampBase(ym("2024-01"), Money::fromFen(-1)).error().code, QStringLiteral("policy.wage_negative"));
    QCOMPARE(shebao::baseClampCode(clamp), clamp == BaseClamp::None ? s("none") : clamp == BaseClamp::Lower ? s("lower") : s("upper"));
}

void TestArrears::riskClass_data()
{
    QTest::addColumn<int>("riskClass");
    QTest::addColumn<QString>("injury");

    // base 5000.00 × 0.2%, 0.4%, 0.7%, 0.9%, 1.1%, 1.3%, 1.6%, 1.9%
    const char *fees[] = {"10.00", "20.00", "35.00", "45.00", "55.00", "65.00", "80.00", "95.00"};
    for (int c = 1; c <= 8; ++c)
        QTest::addRow("class %d", c) << c << s(fees[c - 1]);
}

void TestArrears::riskClass()
{
    QFETCH(int, riskClass);
    QFETCH(QString, injury);
    const ArrearsCalculator calc(tableFrom(arrearsExampleObject()));
    const ArrearsEstimate e = calc.estimate(request("5000.00", riskClass, {ym("2024-03")}, QDate(2024, 4, 1))).value();
    const ArrearsMonth &m = e.months.first();
    QCOMPARE(m.items.at(2).insurance, QStringLiteral("410"));
    QCOMPARE(m.items.at(2).unit.toYuanString(), injury);
    QCOMPARE(m.items.at(2).person.toYuanString(), QStringLiteral("0.00"));
    QCOMPARE(m.principal, yuan("1250.00") + Money::parseYuan(injury).value());
    QCOMPARE(m.lateFeeDays, qint64(0));
}

void TestArrears::lateFeeDays_data()
{
    QTest::addColumn<QDate>("on");
    QTest::addColumn<qint64>("days");
    QTest::addColumn<QString>("fee");

    // principal 1270.00: 0.635 a day
    QTest::newRow("inside the month itself") << QDate(2024, 3, 20) << qint64(0) << s("0.00");
    QTest::newRow("day before due") << QDate(2024, 4, 14) << qint64(0) << s("0.00");
    QTest::newRow("on the due date") << QDate(2024, 4, 15) << qint64(0) << s("0.00");
    QTest::newRow("day after: 0.635 -> 0.64") << QDate(2024, 4, 16) << qint64(1) << s("0.64");
    QTest::newRow("three days: 1.905 -> 1.91") << QDate(2024, 4, 18) << qint64(3) << s("1.91");
    QTest::newRow("example") << QDate(2024, 6, 30) << qint64(76) << s("48.26");
    QTest::newRow("leap day counted") << QDate(2025, 3, 1) << qint64(320) << s("203.20");
}

void TestArrears::lateFeeDays()
{
    QFETCH(QDate, on);
    QFETCH(qint64, days);
    QFETCH(QString, fee);
    const ArrearsCalculator calc(tableFrom(arrearsExampleObject()));
    const ArrearsEstimate e = calc.estimate(request("5000.00", 2, {ym("2024-03")}, on)).value();
    QCOMPARE(e.months.first().lateFeeDays, days);
    QCOMPARE(e.lateFee.toYuanString(), fee);
    QCOMPARE(e.total, yuan("1270.00") + Money::parseYuan(fee).value());
}

void TestArrears::lateFeeCap_data()
{
    QTest::addColumn<bool>("cap");
    QTest::addColumn<QDate>("on");
    QTest::addColumn<QString>("fee");
    QTest::addColumn<bool>("capped");

    // 2024-04-15 -> 2030-01-01 is 2087 days: 1270.00 × 0.0005 × 2087 = 1325.245 -> 1325.25
    QTest::newRow("no cap, fee above principal") << false << QDate(2030, 1, 1) << s("1325.25") << false;
    QTest::newRow("cap, fee above principal") << true << QDate(2030, 1, 1) << s("1270.00") << true;
    QTest::newRow("cap, fee below principal") << true << QDate(2024, 6, 30) << s("48.26") << false;
    // exactly 2000 days: 1270.00 × 0.0005 × 2000 = 1270.00, equal is not above
    QTest::newRow("cap, fee equal to principal") << true << QDate(2024, 4, 15).addDays(2000) << s("1270.00") << false;
}

void TestArrears::lateFeeCap()
{
    QFETCH(bool, cap);
    QFETCH(QDate, on);
    QFETCH(QString, fee);
    QFETCH(bool, capped);
    const ArrearsCalculator calc(tableFrom(setAt(arrearsExampleObject(), QStringLiteral("periods/0/late_fee/cap_at_principal"), cap)));
    const ArrearsEstimate e = calc.estimate(request("5000.00", 2, {ym("2024-03")}, on)).value();
    QCOMPARE(e.months.first().lateFee.toYuanString(), fee);
    QCOMPARE(e.months.first().lateFeeCapped, capped);
    QCOMPARE(e.lateFee.toYuanString(), fee);
}

void TestArrears::halfUpAtHalfFen()
{
    // base 4015.00: 210 unit 4015.00 × 0.007 = 28.105 -> 28.11, person × 0.003 = 12.045 -> 12.05.
    // Truncation would give 28.10 / 12.04, banker's rounding 28.10 / 12.04.
    const ArrearsCalculator calc(tableFrom(arrearsExampleObject()));
    const ArrearsEstimate e = calc.estimate(request("4015.00", 2, {ym("2024-03")}, QDate(2024, 6, 30))).value();
    const ArrearsMonth &m = e.months.first();
    QCOMPARE(m.items.at(0).unit.toYuanString(), QStringLiteral("642.40"));
    QCOMPARE(m.items.at(0).person.toYuanString(), QStringLiteral("321.20"));
    QCOMPARE(m.items.at(1).unit.toYuanString(), QStringLiteral("28.11"));
    QCOMPARE(m.items.at(1).person.toYuanString(), QStringLiteral("12.05"));
    QCOMPARE(m.items.at(2).unit.toYuanString(), QStringLiteral("16.06"));
    QCOMPARE(m.principal.toYuanString(), QStringLiteral("1019.82"));
    // 1019.82 × 0.0005 × 76 = 38.75316
    QCOMPARE(m.lateFee.toYuanString(), QStringLiteral("38.75"));
}

void TestArrears::insuranceSelection()
{
    const ArrearsCalculator calc(tableFrom(arrearsExampleObject()));
    QCOMPARE(ArrearsCalculator::defaultInsurances(), (QStringList{s("110"), s("210"), s("410")}));
    ArrearsRequest req = request("5000.00", 0, {ym("2024-03")}, QDate(2024, 6, 30));
    req.insurances = QStringList{s("310"), s("110"), s("510")};
    // No 410 selected: the risk class is not needed.
    const shebao::Result<ArrearsEstimate> r = calc.estimate(req);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    const ArrearsMonth &m = r.value().months.first();
    QCOMPARE(m.items.size(), 3);
    QCOMPARE(m.items.at(0).insurance, s("310"));
    QCOMPARE(m.items.at(0).unit.toYuanString(), s("435.00"));
    QCOMPARE(m.items.at(0).person.toYuanString(), s("100.00"));
    QCOMPARE(m.items.at(1).insurance, s("110"));
    QCOMPARE(m.items.at(2).total(), Money());
    QCOMPARE(m.principal.toYuanString(), s("1735.00"));
}

void TestArrears::invalidRequests_data()
{
    QTest::addColumn<QString>("wage");
    QTest::addColumn<int>("riskClass");
    QTest::addColumn<QStringList>("insurances");
    QTest::addColumn<QStringList>("months");
    QTest::addColumn<QDate>("on");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");

    const QStringList march{s("2024-03")};
    const QDate on(2024, 6, 30);
    QTest::newRow("negative wage") << s("-1.00") << 2 << QStringList() << march << on << s("policy.wage_negative") << QString();
    QTest::newRow("unknown 险种") << s("5000") << 2 << QStringList{s("110"), s("999")} << march << on
                                  << s("policy.unknown_insurance") << s("999");
    QTest::newRow("duplicate 险种") << s("5000") << 2 << QStringList{s("110"), s("110")} << march << on
                                    << s("policy.duplicate_insurance") << s("110");
    QTest::newRow("risk class 0 with 410") << s("5000") << 0 << QStringList() << march << on << s("policy.risk_class") << QString();
    QTest::newRow("risk class 9") << s("5000") << 9 << QStringList() << march << on << s("policy.risk_class") << QString();
    QTest::newRow("invalid date") << s("5000") << 2 << QStringList() << march << QDate() << s("policy.date_invalid") << QString();
    QTest::newRow("duplicate month") << s("5000") << 2 << QStringList() << QStringList{s("2024-03"), s("2024-03")} << on
                                     << s("policy.duplicate_month") << s("2024-03");
    QTest::newRow("month before the table") << s("5000") << 2 << QStringList() << QStringList{s("2024-03"), s("2023-12")} << on
                                            << s("policy.month_not_covered") << s("2023-12");
    QTest::newRow("month after the table") << s("5000") << 2 << QStringList() << QStringList{s("2025-01")} << on
                                           << s("policy.month_not_covered") << s("2025-01");
}

void TestArrears::invalidRequests()
{
    QFETCH(QString, wage);
    QFETCH(int, riskClass);
    QFETCH(QStringList, insurances);
    QFETCH(QStringList, months);
    QFETCH(QDate, on);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    ArrearsRequest req;
    req.monthlyWage = Money::parseYuan(wage).value();
    req.riskClass = riskClass;
    req.insurances = insurances;
    for (const QString &m : months)
        req.months.append(YearMonth::parse(m).value());
    req.calculationDate = on;
    const shebao::Result<ArrearsEstimate> r = ArrearsCalculator(tableFrom(arrearsExampleObject())).estimate(req);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
}

void TestArrears::emptyMonths()
{
    const ArrearsCalculator calc(tableFrom(arrearsExampleObject()));
    const ArrearsEstimate e = calc.estimate(request("5000.00", 2, {}, QDate(2024, 6, 30))).value();
    QVERIFY(e.months.isEmpty());
    QVERIFY(e.periods.isEmpty());
    QCOMPARE(e.total, Money());
}

void TestArrears::longGapShippedTable()
{
    // 360 months, 1995-01..2024-12, at the upper base of each year; every month uses its own
    // period, the totals are the sums of the months.
    const ArrearsCalculator calc(PolicyTable::forRegion(QStringLiteral("430100")).value());
    const shebao::Result<ArrearsEstimate> r =
        calc.estimate(request("1000000.00", 8, YearMonth::range(ym("1995-01"), ym("2024-12")), QDate(2026, 12, 31)));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    const ArrearsEstimate &e = r.value();
    QCOMPARE(e.months.size(), 360);
    Money principal, fee;
    for (const ArrearsMonth &m : e.months) {
        QCOMPARE(m.base.clamp, BaseClamp::Upper);
        QCOMPARE(m.base.base, calc.table().periodFor(m.month).value().baseUpper);
        principal += m.principal;
        fee += m.lateFee;
    }
    QCOMPARE(e.principal, principal);
    QCOMPARE(e.lateFee, fee);
    QCOMPARE(e.total, principal + fee);
    QCOMPARE(e.periods.size(), calc.table().indexOf(ym("2024-12")) + 1);
    QCOMPARE(e.periods.first(), s("1995-01..1995-12"));
    // 1995-01: base 1000.00; 110 200.00 + 30.00, 210 10.00, 410 10.00 -> 250.00;
    // due 1995-02-15, 11642 days to 2026-12-31: 250.00 × 0.0005 × 11642 = 1455.25
    const ArrearsMonth &first = e.months.first();
    QCOMPARE(first.principal.toYuanString(), s("250.00"));
    QCOMPARE(first.lateFeeDays, qint64(11642));
    QCOMPARE(first.lateFee.toYuanString(), s("1455.25"));
}

void TestArrears::largeAmountsExact()
{
    // Upper base 90,000,000,000.00 yuan (9e12 fen), 360 months: per month principal
    // 9e12 × (0.16 + 0.08 + 0.007 + 0.003 + 0.004) = 2.286e12 fen and a late fee of exactly
    // 1.143e9 fen a day; sums reach 1e17 fen, past the integers a double holds exactly.
    QJsonObject o = setAt(arrearsExampleObject(), QStringLiteral("periods/0/base/upper"), QStringLiteral("90000000000.00"));
    o = setAt(o, QStringLiteral("periods/0/from"), QStringLiteral("1995-01"));
    o = setAt(o, QStringLiteral("periods/0/to"), QStringLiteral("2026-12"));
    const ArrearsCalculator calc(tableFrom(o));
    QVERIFY(!calc.table().isEmpty());
    const QList<YearMonth> months = YearMonth::range(ym("1995-01"), ym("2024-12"));
    const QDate on(2026, 12, 31);
    const shebao::Result<ArrearsEstimate> r = calc.estimate(request("999999999999.99", 2, months, on));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    qint64 days = 0;
    for (const YearMonth m : months)
        days += QDate(m.year(), m.month(), 15).addMonths(1).daysTo(on);
    QCOMPARE(r.value().principal.fen(), qint64(2286000000000) * 360);
    QCOMPARE(r.value().lateFee.fen(), qint64(1143000000) * days);
    QCOMPARE(r.value().total.fen(), qint64(2286000000000) * 360 + qint64(1143000000) * days);
}

void TestArrears::overflowIsAnError()
{
    QJsonObject o = setAt(arrearsExampleObject(), QStringLiteral("periods/0/base/upper"), QStringLiteral("92233720368547757.99"));
    o = setAt(o, QStringLiteral("periods/0/rates/110/unit"), QStringLiteral("1"));
    o = setAt(o, QStringLiteral("periods/0/rates/110/person"), QStringLiteral("1"));
    const ArrearsCalculator calc(tableFrom(o));
    const shebao::Result<ArrearsEstimate> r = calc.estimate(request("92233720368547757.99", 2, {ym("2024-03")}, QDate(2024, 6, 30)));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("money.overflow"));
}

QTEST_GUILESS_MAIN(TestArrears)
#include "tst_arrears.moc"
