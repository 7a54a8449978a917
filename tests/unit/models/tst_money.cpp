#include "models/money/Money.h"

#include <QtTest>

#include <limits>

using shebao::Money;

class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void format_data();
    void format();
    void arithmetic();
};

void TestMoney::parseValid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<qint64>("fen");

    QTest::newRow("integer") << QStringLiteral("5000") << qint64(500000);
    QTest::newRow("grouped with decimals") << QStringLiteral("5,000.00") << qint64(500000);
    QTest::newRow("grouped millions") << QStringLiteral("1,234,567.89") << qint64(123456789);
    QTest::newRow("grouped no decimals") << QStringLiteral("12,345") << qint64(1234500);
    QTest::newRow("one decimal") << QStringLiteral("5000.5") << qint64(500050);
    QTest::newRow("half yuan") << QStringLiteral("0.5") << qint64(50);
    QTest::newRow("one fen") << QStringLiteral("0.01") << qint64(1);
    QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
    QTest::newRow("negative") << QStringLiteral("-12.30") << qint64(-1230);
    QTest::newRow("negative fen") << QStringLiteral("-0.05") << qint64(-5);
    QTest::newRow("negative zero") << QStringLiteral("-0.00") << qint64(0);
    QTest::newRow("trimmed") << QStringLiteral("  3945 ") << qint64(394500);
    QTest::newRow("ideographic spaces") << QStringLiteral("\u30003945\u3000") << qint64(394500);
    QTest::newRow("full-width digits") << QStringLiteral("５０００") << qint64(500000);
    QTest::newRow("full-width all") << QStringLiteral("－５，０００．５０") << qint64(-500050);
    QTest::newRow("largest") << QStringLiteral("92233720368547757.99") << qint64(9223372036854775799);
    QTest::newRow("most negative") << QStringLiteral("-92233720368547757.99") << qint64(-9223372036854775799);
}

void TestMoney::parseValid()
{
    QFETCH(QString, input);
    QFETCH(qint64, fen);
    const std::optional<Money> m = Money::parseYuan(input);
    QVERIFY2(m.has_value(), qPrintable(input));
    QCOMPARE(m->fen(), fen);
}

void TestMoney::parseInvalid_data()
{
    QTest::addColumn<QString>("input");

    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral("  ");
    QTest::newRow("three decimals") << QStringLiteral("1.234");
    QTest::newRow("three decimals, zero") << QStringLiteral("1.000");
    QTest::newRow("dot only") << QStringLiteral(".");
    QTest::newRow("minus only") << QStringLiteral("-");
    QTest::newRow("two dots") << QStringLiteral("1.2.3");
    QTest::newRow("letters") << QStringLiteral("12a");
    QTest::newRow("yuan sign") << QStringLiteral("¥5000");
    QTest::newRow("plus sign") << QStringLiteral("+5");
    QTest::newRow("double minus") << QStringLiteral("--5");
    QTest::newRow("inner space") << QStringLiteral("5 000");
    QTest::newRow("exponent") << QStringLiteral("5e3");
    QTest::newRow("arabic-indic digit") << QStringLiteral("\u0665");
    QTest::newRow("leading comma") << QStringLiteral(",500");
    QTest::newRow("trailing comma") << QStringLiteral("5,");
    QTest::newRow("comma before dot") << QStringLiteral("5,.00");
    QTest::newRow("decimal comma") << QStringLiteral("50,00");
    QTest::newRow("group of four") << QStringLiteral("1,2345");
    QTest::newRow("first group of four") << QStringLiteral("1234,567");
    QTest::newRow("comma in fraction") << QStringLiteral("5.0,0");
    QTest::newRow("just beyond the range") << QStringLiteral("92233720368547758");
    QTest::newRow("beyond the range, negative") << QStringLiteral("-92233720368547758");
    QTest::newRow("fen would overflow") << QStringLiteral("92233720368547758.08");
    QTest::newRow("yuan would overflow") << QStringLiteral("92233720368547759");
    QTest::newRow("qint64 max as yuan") << QStringLiteral("9223372036854775807");
    QTest::newRow("huge") << QStringLiteral("99999999999999999999999999");
}

void TestMoney::parseInvalid()
{
    QFETCH(QString, input);
    const std::optional<Money> m = Money::parseYuan(input);
    QVERIFY2(!m.has_value(), qPrintable(m ? m->toYuanString() : QString()));
}

void TestMoney::format_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("yuan");
    QTest::addColumn<QString>("display");

    QTest::newRow("zero") << qint64(0) << QStringLiteral("0.00") << QStringLiteral("0.00");
    QTest::newRow("one fen") << qint64(1) << QStringLiteral("0.01") << QStringLiteral("0.01");
    QTest::newRow("ten fen") << qint64(10) << QStringLiteral("0.10") << QStringLiteral("0.10");
    QTest::newRow("negative fen") << qint64(-5) << QStringLiteral("-0.05") << QStringLiteral("-0.05");
    QTest::newRow("999.99") << qint64(99999) << QStringLiteral("999.99") << QStringLiteral("999.99");
    QTest::newRow("1000") << qint64(100000) << QStringLiteral("1000.00") << QStringLiteral("1,000.00");
    QTest::newRow("5000") << qint64(500000) << QStringLiteral("5000.00") << QStringLiteral("5,000.00");
    QTest::newRow("100000") << qint64(10000000) << QStringLiteral("100000.00") << QStringLiteral("100,000.00");
    QTest::newRow("million") << qint64(100000000) << QStringLiteral("1000000.00") << QStringLiteral("1,000,000.00");
    QTest::newRow("negative grouped") << qint64(-123456789) << QStringLiteral("-1234567.89")
                                      << QStringLiteral("-1,234,567.89");
    QTest::newRow("qint64 max") << std::numeric_limits<qint64>::max() << QStringLiteral("92233720368547758.07")
                                << QStringLiteral("92,233,720,368,547,758.07");
    QTest::newRow("qint64 min") << std::numeric_limits<qint64>::min() << QStringLiteral("-92233720368547758.08")
                                << QStringLiteral("-92,233,720,368,547,758.08");
}

void TestMoney::format()
{
    QFETCH(qint64, fen);
    QFETCH(QString, yuan);
    QFETCH(QString, display);
    const Money m = Money::fromFen(fen);
    QCOMPARE(m.toYuanString(), yuan);
    QCOMPARE(m.toDisplayString(), display);
    // Both spellings read back to the same amount, where the amount is in the parseable range.
    if (fen > -9223372036854775800LL && fen < 9223372036854775800LL) {
        QCOMPARE(Money::parseYuan(yuan)->fen(), fen);
        QCOMPARE(Money::parseYuan(display)->fen(), fen);
    }
}

void TestMoney::arithmetic()
{
    const Money a = *Money::parseYuan(QStringLiteral("5000.00"));
    const Money b = *Money::parseYuan(QStringLiteral("0.10"));
    QCOMPARE((a + b).fen(), qint64(500010));
    QCOMPARE((a - b).toYuanString(), QStringLiteral("4999.90"));
    QCOMPARE((b - a).toYuanString(), QStringLiteral("-4999.90"));
    Money c;
    QCOMPARE(c.fen(), qint64(0));
    c += a;
    c -= b;
    QCOMPARE(c, a - b);
    QVERIFY(b < a);
    QVERIFY(Money::fromFen(-1) < Money());
    // Ten times 0.10 is exactly 1.00: the point of integer fen.
    Money sum;
    for (int i = 0; i < 10; ++i)
        sum += b;
    QCOMPARE(sum.toYuanString(), QStringLiteral("1.00"));
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
