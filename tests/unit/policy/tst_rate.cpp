#include "models/policy/Rate.h"
#include "models/policy/RateMath.h"
#include "models/policy/UInt128.h"
#include "models/policy/YearMonth.h"

#include <QRandomGenerator>
#include <QtTest>

#include <limits>

using shebao::Money;
using shebao::Rate;
using shebao::UInt128;
using shebao::YearMonth;
namespace RateMath = shebao::RateMath;
namespace uint128 = shebao::uint128;

class TestRate : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void percent_data();
    void percent();
    void apply_data();
    void apply();
    void applyOverflow_data();
    void applyOverflow();
    void uint128Known();
    void uint128PortableMatchesNative();
    void yearMonth_data();
    void yearMonth();
    void yearMonthRange();
};

void TestRate::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("scaled");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("zero") << QStringLiteral("0") << qint64(0) << QStringLiteral("0");
    QTest::newRow("one") << QStringLiteral("1") << qint64(100000000) << QStringLiteral("1");
    QTest::newRow("pension") << QStringLiteral("0.16") << qint64(16000000) << QStringLiteral("0.16");
    QTest::newRow("unemployment") << QStringLiteral("0.007") << qint64(700000) << QStringLiteral("0.007");
    QTest::newRow("daily late fee") << QStringLiteral("0.0005") << qint64(50000) << QStringLiteral("0.0005");
    QTest::newRow("eight decimals") << QStringLiteral("0.00000001") << qint64(1) << QStringLiteral("0.00000001");
    QTest::newRow("trailing zeros") << QStringLiteral("0.1600") << qint64(16000000) << QStringLiteral("0.16");
    QTest::newRow("zero with decimals") << QStringLiteral("0.00") << qint64(0) << QStringLiteral("0");
    QTest::newRow("leading zeros") << QStringLiteral("00.5") << qint64(50000000) << QStringLiteral("0.5");
    QTest::newRow("above one") << QStringLiteral("16.5") << qint64(1650000000) << QStringLiteral("16.5");
    QTest::newRow("largest") << QStringLiteral("999999.99999999") << Rate::kMaxScaled << QStringLiteral("999999.99999999");
}

void TestRate::parseValid()
{
    QFETCH(QString, text);
    QFETCH(qint64, scaled);
    QFETCH(QString, canonical);
    const shebao::Result<Rate> r = Rate::parse(text);
    QVERIFY2(r.ok(), qPrintable(text));
    QCOMPARE(r.value().scaled(), scaled);
    QCOMPARE(r.value().toString(), canonical);
    QCOMPARE(Rate::parse(canonical).value(), r.value());
}

void TestRate::parseInvalid_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("negative") << QStringLiteral("-0.1");
    QTest::newRow("plus sign") << QStringLiteral("+0.1");
    QTest::newRow("no integer part") << QStringLiteral(".5");
    QTest::newRow("no fraction digits") << QStringLiteral("5.");
    QTest::newRow("nine decimals") << QStringLiteral("0.000000001");
    QTest::newRow("seven integer digits") << QStringLiteral("1000000");
    QTest::newRow("exponent") << QStringLiteral("5e-4");
    QTest::newRow("leading space") << QStringLiteral(" 0.1");
    QTest::newRow("trailing space") << QStringLiteral("0.1 ");
    QTest::newRow("decimal comma") << QStringLiteral("0,1");
    QTest::newRow("two points") << QStringLiteral("0.1.2");
    QTest::newRow("percent") << QStringLiteral("16%");
    QTest::newRow("full-width") << QStringLiteral("０.１");
    QTest::newRow("letters") << QStringLiteral("abc");
}

void TestRate::parseInvalid()
{
    QFETCH(QString, text);
    const shebao::Result<Rate> r = Rate::parse(text);
    QVERIFY2(!r.ok(), qPrintable(text));
    QCOMPARE(r.error().code, QStringLiteral("rate.invalid"));
    QVERIFY(!Rate::fromScaled(-1));
    QVERIFY(!Rate::fromScaled(Rate::kMaxScaled + 1));
    QCOMPARE(Rate::fromScaled(Rate::kMaxScaled)->scaled(), Rate::kMaxScaled);
}

void TestRate::percent_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("percent");

    QTest::newRow("late fee") << QStringLiteral("0.0005") << QStringLiteral("0.05%");
    QTest::newRow("pension") << QStringLiteral("0.16") << QStringLiteral("16%");
    QTest::newRow("unemployment") << QStringLiteral("0.007") << QStringLiteral("0.7%");
    QTest::newRow("zero") << QStringLiteral("0") << QStringLiteral("0%");
    QTest::newRow("one") << QStringLiteral("1") << QStringLiteral("100%");
    QTest::newRow("smallest") << QStringLiteral("0.00000001") << QStringLiteral("0.000001%");
}

void TestRate::percent()
{
    QFETCH(QString, text);
    QFETCH(QString, percent);
    QCOMPARE(Rate::parse(text).value().toPercentString(), percent);
}

void TestRate::apply_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("rate");
    QTest::addColumn<qint64>("factor");
    QTest::addColumn<qint64>("expected");

    constexpr qint64 maxFen = std::numeric_limits<qint64>::max();
    QTest::newRow("pension unit") << qint64(500000) << QStringLiteral("0.16") << qint64(1) << qint64(80000);
    QTest::newRow("unemployment unit") << qint64(500000) << QStringLiteral("0.007") << qint64(1) << qint64(3500);
    QTest::newRow("zero rate") << qint64(500000) << QStringLiteral("0") << qint64(1) << qint64(0);
    QTest::newRow("half fen up") << qint64(1) << QStringLiteral("0.5") << qint64(1) << qint64(1);
    QTest::newRow("1.5 fen up") << qint64(3) << QStringLiteral("0.5") << qint64(1) << qint64(2);
    QTest::newRow("2000.01 x 0.5 = 1000.005") << qint64(200001) << QStringLiteral("0.5") << qint64(1) << qint64(100001);
    QTest::newRow("just below half") << qint64(200001) << QStringLiteral("0.49999999") << qint64(1) << qint64(100000);
    QTest::newRow("4015.00 x 0.007 = 28.105") << qint64(401500) << QStringLiteral("0.007") << qint64(1) << qint64(2811);
    QTest::newRow("negative half away from zero") << qint64(-3) << QStringLiteral("0.5") << qint64(1) << qint64(-2);
    QTest::newRow("worked late fee") << qint64(127000) << QStringLiteral("0.0005") << qint64(76) << qint64(4826);
    QTest::newRow("late fee one day 0.635") << qint64(127000) << QStringLiteral("0.0005") << qint64(1) << qint64(64);
    // 0.0505 fen a day: rounding each day first would give 0.
    QTest::newRow("rounded once, not daily") << qint64(101) << QStringLiteral("0.0005") << qint64(30) << qint64(2);
    QTest::newRow("zero days") << qint64(127000) << QStringLiteral("0.0005") << qint64(0) << qint64(0);
    QTest::newRow("negative factor") << qint64(127000) << QStringLiteral("0.0005") << qint64(-1) << qint64(-64);
    QTest::newRow("largest x 1") << maxFen << QStringLiteral("1") << qint64(1) << maxFen;
    QTest::newRow("largest x 0.5") << maxFen << QStringLiteral("0.5") << qint64(1) << qint64(4611686018427387904);
    // 9e15 fen (9e13 yuan) is beyond a double's exact integers once multiplied out.
    QTest::newRow("large exact") << qint64(9000000000000001) << QStringLiteral("0.0005") << qint64(11000)
                                 << qint64(49500000000000006); // 49500000000000005.5 -> up
}

void TestRate::apply()
{
    QFETCH(qint64, fen);
    QFETCH(QString, rate);
    QFETCH(qint64, factor);
    QFETCH(qint64, expected);
    const Rate r = Rate::parse(rate).value();
    const shebao::Result<Money> m = factor == 1 ? RateMath::apply(Money::fromFen(fen), r)
                                                : RateMath::apply(Money::fromFen(fen), r, factor);
    QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error().detail));
    QCOMPARE(m.value().fen(), expected);
}

void TestRate::applyOverflow_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("rate");
    QTest::addColumn<qint64>("factor");

    constexpr qint64 maxFen = std::numeric_limits<qint64>::max();
    QTest::newRow("result above qint64") << maxFen << QStringLiteral("1.00000001") << qint64(1);
    QTest::newRow("rounding up past the top") << maxFen << QStringLiteral("0.99999999") << qint64(2);
    QTest::newRow("product beyond 128 bits") << maxFen << QStringLiteral("999999") << maxFen;
    QTest::newRow("many days") << qint64(100000000000000000) << QStringLiteral("0.0005") << qint64(1000000);
}

void TestRate::applyOverflow()
{
    QFETCH(qint64, fen);
    QFETCH(QString, rate);
    QFETCH(qint64, factor);
    const shebao::Result<Money> m = RateMath::apply(Money::fromFen(fen), Rate::parse(rate).value(), factor);
    QVERIFY(!m.ok());
    QCOMPARE(m.error().code, QStringLiteral("money.overflow"));
}

void TestRate::uint128Known()
{
    constexpr quint64 max = std::numeric_limits<quint64>::max();
    // (2^64 - 1)^2 = 2^128 - 2^65 + 1
    QCOMPARE(uint128::portable::mul(max, max), (UInt128{max - 1, 1}));
    QCOMPARE(uint128::mul(max, max), (UInt128{max - 1, 1}));
    UInt128 v{1, 0}; // 2^64
    QVERIFY(uint128::portable::mulInPlace(v, max));
    QCOMPARE(v, (UInt128{max, 0}));
    QVERIFY(!uint128::portable::mulInPlace(v, 2));
    UInt128 w{0, 1000000007};
    QCOMPARE(uint128::portable::divInPlace(w, 100000000), quint32(7));
    QCOMPARE(w, (UInt128{0, 10}));
    UInt128 big{max, max};
    QCOMPARE(uint128::portable::divInPlace(big, 100000000), quint32(68211455)); // (2^128-1) mod 10^8
    QCOMPARE(big, (UInt128{184467440737ull, 1761962158423493325ull}));
}

void TestRate::uint128PortableMatchesNative()
{
    // On compilers with __int128 the public functions are native; the portable path (MSVC) must
    // agree with them bit for bit.
    QRandomGenerator rng(20260101);
    for (int i = 0; i < 20000; ++i) {
        const quint64 a = i % 3 == 0 ? rng.generate64() : rng.generate64() >> (i % 64);
        const quint64 b = i % 5 == 0 ? rng.generate64() : rng.generate64() >> (i % 61);
        QCOMPARE(uint128::portable::mul(a, b), uint128::mul(a, b));
        UInt128 p = uint128::mul(a, b);
        UInt128 q = p;
        const quint64 f = rng.generate64() >> (i % 64);
        const bool ok = uint128::mulInPlace(p, f);
        QCOMPARE(uint128::portable::mulInPlace(q, f), ok);
        if (ok)
            QCOMPARE(q, p);
        const quint32 d = quint32(rng.generate() | 1);
        UInt128 native = p;
        UInt128 portable = p;
        QCOMPARE(uint128::portable::divInPlace(portable, d), uint128::divInPlace(native, d));
        QCOMPARE(portable, native);
    }
}

void TestRate::yearMonth_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("ok") << QStringLiteral("2024-03") << true;
    QTest::newRow("first") << QStringLiteral("1995-01") << true;
    QTest::newRow("december") << QStringLiteral("2026-12") << true;
    QTest::newRow("month 13") << QStringLiteral("2024-13") << false;
    QTest::newRow("month 0") << QStringLiteral("2024-00") << false;
    QTest::newRow("one-digit month") << QStringLiteral("2024-3") << false;
    QTest::newRow("slash") << QStringLiteral("2024/03") << false;
    QTest::newRow("with day") << QStringLiteral("2024-03-01") << false;
    QTest::newRow("year 0") << QStringLiteral("0000-01") << false;
    QTest::newRow("space") << QStringLiteral(" 2024-03") << false;
}

void TestRate::yearMonth()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const std::optional<YearMonth> m = YearMonth::parse(text);
    QCOMPARE(m.has_value(), valid);
    if (valid)
        QCOMPARE(m->toString(), text);
}

void TestRate::yearMonthRange()
{
    const auto r = YearMonth::parseRange(u"2023-11..2024-02");
    QVERIFY(r.has_value());
    const QList<YearMonth> months = YearMonth::range(r->first, r->second);
    QCOMPARE(months.size(), 4);
    QCOMPARE(months.first().toString(), QStringLiteral("2023-11"));
    QCOMPARE(months.last().toString(), QStringLiteral("2024-02"));
    QCOMPARE(months.at(2), YearMonth::of(2024, 1).value());
    QVERIFY(!YearMonth::parseRange(u"2024-02..2023-11"));
    QVERIFY(!YearMonth::parseRange(u"2024-02.."));
    QCOMPARE(YearMonth::parseRange(u"2024-02")->first, YearMonth::parseRange(u"2024-02")->second);
    QCOMPARE(YearMonth::of(2024, 12)->addMonths(1).toString(), QStringLiteral("2025-01"));
    QCOMPARE(YearMonth::of(2024, 3)->day(15), QDate(2024, 3, 15));
    QVERIFY(!YearMonth::of(2023, 2)->day(29).isValid());
    QCOMPARE(YearMonth::range(YearMonth::of(1995, 1).value(), YearMonth::of(2024, 12).value()).size(), 360);
}

QTEST_APPLESS_MAIN(TestRate)
#include "tst_rate.moc"
