// 人民币大写 (models/money/ChineseCapitals): the worked examples of 《支付结算办法》 附件一 and the
// cases a bill meets — zeros inside and across 万 / 亿, 整 after 元 and 角, 零 before 分 — plus
// a cross-check that reads every generated text back into the number it came from.
#include <QtTest>

#include "models/money/ChineseCapitals.h"

using shebao::Money;
using shebao::chineseCapitals;

namespace {

// Reads a capitals text back into fen, independently of how it was written: the digits and
// units are multiplied out, 零 and 整 carry no value. -1 when the text holds anything else.
qint64 readBack(const QString &text)
{
    const QString digits = QStringLiteral("零壹贰叁肆伍陆柒捌玖");
    qint64 total = 0;   // whole groups already closed by 万 / 亿
    qint64 group = 0;   // the current group below 万
    qint64 digit = 0;
    qint64 yuan = -1;
    qint64 fen = 0;
    bool negative = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (i == 0 && c == u'负') {
            negative = true;
            continue;
        }
        const qsizetype d = digits.indexOf(c);
        if (d >= 0) {
            digit = d;
            continue;
        }
        switch (c.unicode()) {
        case u'拾': group += digit * 10; digit = 0; break;
        case u'佰': group += digit * 100; digit = 0; break;
        case u'仟': group += digit * 1000; digit = 0; break;
        case u'万': total += (group + digit) * 10000; group = 0; digit = 0; break;
        case u'亿': total = (total + group + digit) * 100000000; group = 0; digit = 0; break;
        case u'元': yuan = total + group + digit; digit = 0; break;
        case u'角': fen += digit * 10; digit = 0; break;
        case u'分': fen += digit; digit = 0; break;
        case u'整': break;
        default: return -1;
        }
    }
    const qint64 value = (yuan < 0 ? 0 : yuan) * 100 + fen;
    return negative ? -value : value;
}

} // namespace

class TestChineseCapitals : public QObject
{
    Q_OBJECT

private slots:
    void examples_data();
    void examples();
    void readsBackToTheAmount();
    void negative();
};

void TestChineseCapitals::examples_data()
{
    QTest::addColumn<qint64>("fen");
    QTest::addColumn<QString>("capitals");

    // arrears.md's worked example: 1,318.26.
    QTest::newRow("the worked example") << qint64(131826) << QStringLiteral("壹仟叁佰壹拾捌元贰角陆分");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("零元整");
    QTest::newRow("one fen") << qint64(1) << QStringLiteral("壹分");
    QTest::newRow("five jiao") << qint64(50) << QStringLiteral("伍角整");
    QTest::newRow("jiao and fen") << qint64(56) << QStringLiteral("伍角陆分");
    QTest::newRow("ten yuan keeps 壹拾") << qint64(1000) << QStringLiteral("壹拾元整");
    QTest::newRow("whole yuan") << qint64(500000) << QStringLiteral("伍仟元整");
    // 《支付结算办法》: ¥1,409.50 → 壹仟肆佰零玖元伍角
    QTest::newRow("zero between digits") << qint64(140950) << QStringLiteral("壹仟肆佰零玖元伍角整");
    // ¥6,007.14 → 陆仟零柒元壹角肆分: a run of zeros is one 零
    QTest::newRow("run of zeros") << qint64(600714) << QStringLiteral("陆仟零柒元壹角肆分");
    // ¥16,409.02 → 壹万陆仟肆佰零玖元零贰分: 角 zero, 分 not: 零 after 元
    QTest::newRow("zero jiao before fen") << qint64(1640902) << QStringLiteral("壹万陆仟肆佰零玖元零贰分");
    // ¥107,000.53 → 壹拾万零柒仟元伍角叁分 (one of the two forms the rules allow)
    QTest::newRow("zero across 万") << qint64(10700053) << QStringLiteral("壹拾万零柒仟元伍角叁分");
    // ¥1,680.32 → 壹仟陆佰捌拾元叁角贰分 (元位 zero, 角 not: 零 may be left out)
    QTest::newRow("units zero, jiao not") << qint64(168032) << QStringLiteral("壹仟陆佰捌拾元叁角贰分");
    QTest::newRow("ten thousand") << qint64(1000000) << QStringLiteral("壹万元整");
    QTest::newRow("100,000") << qint64(10000000) << QStringLiteral("壹拾万元整");
    QTest::newRow("100,010") << qint64(10001000) << QStringLiteral("壹拾万零壹拾元整");
    QTest::newRow("1,000,000.20") << qint64(100000020) << QStringLiteral("壹佰万元贰角整");
    QTest::newRow("10,010,000") << qint64(1001000000) << QStringLiteral("壹仟零壹万元整");
    QTest::newRow("one hundred million") << qint64(10000000000) << QStringLiteral("壹亿元整");
    QTest::newRow("亿 and units") << qint64(10000000500) << QStringLiteral("壹亿零伍元整");
    QTest::newRow("亿 万 and more") << qint64(12345678987) << QStringLiteral("壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元捌角柒分");
    QTest::newRow("a large bill") << qint64(29876543) << QStringLiteral("贰拾玖万捌仟柒佰陆拾伍元肆角叁分");
}

void TestChineseCapitals::examples()
{
    QFETCH(qint64, fen);
    QFETCH(QString, capitals);
    QCOMPARE(chineseCapitals(Money::fromFen(fen)), capitals);
}

void TestChineseCapitals::readsBackToTheAmount()
{
    // Every amount of a thousand random ones, and the edges of each group, read back exactly;
    // no text has two 零 in a row or ends in 零, and 整 ends exactly the texts without fen.
    QRandomGenerator random(20261204);
    QList<qint64> amounts{1, 9, 10, 99, 100, 101, 1000, 1001, 9999, 10000, 10001, 100000, 999999, 1000000, 1000001,
                          99999999, 100000000, 100000001, 10000000001, 999999999999};
    for (int i = 0; i < 1000; ++i)
        amounts << qint64(random.bounded(quint64(1), quint64(1000000000000)));
    for (qint64 fen : std::as_const(amounts)) {
        const QString text = chineseCapitals(Money::fromFen(fen));
        QVERIFY2(readBack(text) == fen, qPrintable(QStringLiteral("%1 → %2").arg(fen).arg(text)));
        QVERIFY2(!text.contains(QStringLiteral("零零")), qPrintable(text));
        QVERIFY2(!text.endsWith(u'零'), qPrintable(text));
        QCOMPARE(text.endsWith(u'整'), fen % 10 == 0);
    }
}

void TestChineseCapitals::negative()
{
    QCOMPARE(chineseCapitals(Money::fromFen(-131826)), QStringLiteral("负壹仟叁佰壹拾捌元贰角陆分"));
    QCOMPARE(readBack(chineseCapitals(Money::fromFen(-5))), qint64(-5));
}

QTEST_APPLESS_MAIN(TestChineseCapitals)
#include "tst_chinesecapitals.moc"
