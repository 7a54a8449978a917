#include "models/validation/TextFold.h"

#include <QtTest>

using shebao::TextFold;

class TestTextFold : public QObject
{
    Q_OBJECT

private slots:
    void fold_data();
    void fold();
    void foldTrimmed_data();
    void foldTrimmed();
    void foldCompact_data();
    void foldCompact();
    void foldCharBoundaries_data();
    void foldCharBoundaries();
    void isAsciiDigits_data();
    void isAsciiDigits();
};

void TestTextFold::fold_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ascii unchanged") << QStringLiteral("abc 123") << QStringLiteral("abc 123");
    QTest::newRow("full-width digits") << QStringLiteral("４３０１０２") << QStringLiteral("430102");
    QTest::newRow("full-width letters") << QStringLiteral("ＡＢｘ") << QStringLiteral("ABx");
    QTest::newRow("full-width punctuation") << QStringLiteral("（０７３１）－８８") << QStringLiteral("(0731)-88");
    QTest::newRow("ideographic space inside") << QStringLiteral("张\u3000三") << QStringLiteral("张 三");
    QTest::newRow("chinese unchanged") << QStringLiteral("汉族") << QStringLiteral("汉族");
    QTest::newRow("leading blanks kept") << QStringLiteral(" \u3000a") << QStringLiteral("  a");
    QTest::newRow("empty") << QString() << QString();
}

void TestTextFold::fold()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(TextFold::fold(input), expected);
}

void TestTextFold::foldTrimmed_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("spaces") << QStringLiteral("  5000 ") << QStringLiteral("5000");
    QTest::newRow("ideographic spaces") << QStringLiteral("\u3000\u3000汉族\u3000") << QStringLiteral("汉族");
    QTest::newRow("tabs and newlines") << QStringLiteral("\t x \r\n") << QStringLiteral("x");
    QTest::newRow("nbsp, zero-width space, bom") << QStringLiteral("\u00a0\ufeffab\u200b") << QStringLiteral("ab");
    QTest::newRow("inner blanks kept") << QStringLiteral(" a \u3000b ") << QStringLiteral("a  b");
    QTest::newRow("full-width and trimmed") << QStringLiteral("\u3000１２ｘ ") << QStringLiteral("12x");
    QTest::newRow("only blanks") << QStringLiteral(" \u3000 ") << QString();
}

void TestTextFold::foldTrimmed()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(TextFold::foldTrimmed(input), expected);
}

void TestTextFold::foldCompact_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("inner spaces removed") << QStringLiteral(" 0731 8888\u30006666 ") << QStringLiteral("073188886666");
    QTest::newRow("hyphen kept") << QStringLiteral("0731 - 88") << QStringLiteral("0731-88");
    QTest::newRow("full-width") << QStringLiteral("１３８　１２３４") << QStringLiteral("1381234");
}

void TestTextFold::foldCompact()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(TextFold::foldCompact(input), expected);
}

void TestTextFold::foldCharBoundaries_data()
{
    QTest::addColumn<int>("input");
    QTest::addColumn<int>("expected");
    QTest::newRow("FF01 -> !") << 0xFF01 << 0x21;
    QTest::newRow("FF5E -> ~") << 0xFF5E << 0x7E;
    QTest::newRow("FF00 unchanged") << 0xFF00 << 0xFF00;
    QTest::newRow("FF5F unchanged") << 0xFF5F << 0xFF5F;
    QTest::newRow("3000 -> space") << 0x3000 << 0x20;
    QTest::newRow("3001 (、) unchanged") << 0x3001 << 0x3001;
}

void TestTextFold::foldCharBoundaries()
{
    QFETCH(int, input);
    QFETCH(int, expected);
    QCOMPARE(int(TextFold::foldChar(QChar(char16_t(input))).unicode()), expected);
}

void TestTextFold::isAsciiDigits_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("expected");
    QTest::newRow("digits") << QStringLiteral("0123456789") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("letter") << QStringLiteral("12a") << false;
    QTest::newRow("full-width digit is not ascii") << QStringLiteral("１") << false;
    QTest::newRow("arabic-indic digit") << QStringLiteral("\u0661") << false;
    QTest::newRow("space") << QStringLiteral("1 2") << false;
}

void TestTextFold::isAsciiDigits()
{
    QFETCH(QString, input);
    QFETCH(bool, expected);
    QCOMPARE(TextFold::isAsciiDigits(input), expected);
}

QTEST_GUILESS_MAIN(TestTextFold)
#include "tst_textfold.moc"
