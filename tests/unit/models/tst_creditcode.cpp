#include "models/validation/CreditCode.h"

#include <QtTest>

using shebao::CreditCode;
using shebao::Error;

class TestCreditCode : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void check_data();
    void check();
    void checkCharacters_data();
    void checkCharacters();
    void parts();
};

void TestCreditCode::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");

    QTest::newRow("published example") << QStringLiteral("91350100M000100Y43") << QStringLiteral("91350100M000100Y43");
    QTest::newRow("北京 enterprise") << QStringLiteral("91110000600037341L") << QStringLiteral("91110000600037341L");
    QTest::newRow("机构编制 (1)") << QStringLiteral("12100000400000624D") << QStringLiteral("12100000400000624D");
    QTest::newRow("长沙 enterprise") << QStringLiteral("91430100MA4L12346D") << QStringLiteral("91430100MA4L12346D");
    QTest::newRow("check digit 0") << QStringLiteral("11430000MA4P000070") << QStringLiteral("11430000MA4P000070");
    QTest::newRow("individual business (92)") << QStringLiteral("92430102MA4L123467")
                                              << QStringLiteral("92430102MA4L123467");
    QTest::newRow("lower case") << QStringLiteral("91430100ma4l12346d") << QStringLiteral("91430100MA4L12346D");
    QTest::newRow("full-width") << QStringLiteral("９１４３０１００ＭＡ４Ｌ１２３４６Ｄ")
                                << QStringLiteral("91430100MA4L12346D");
    QTest::newRow("trimmed") << QStringLiteral("\u3000 52430104061234564M ") << QStringLiteral("52430104061234564M");
}

void TestCreditCode::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    const auto r = CreditCode::parse(input);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r.value().code(), code);
    QVERIFY(r.value().organizationCodeValid());
    QVERIFY(r.value().organizationCodeError().ok());
    QVERIFY(CreditCode::check(input).isEmpty());
}

void TestCreditCode::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty") << QString() << QStringLiteral("creditcode.format") << QStringLiteral("不能为空");
    QTest::newRow("17 chars") << QStringLiteral("91430100MA4L12346") << QStringLiteral("creditcode.format")
                              << QStringLiteral("实际为 17 位");
    QTest::newRow("19 chars") << QStringLiteral("91430100MA4L12346DD") << QStringLiteral("creditcode.format")
                              << QStringLiteral("实际为 19 位");
    QTest::newRow("letter I") << QStringLiteral("91430100MI4L12346D") << QStringLiteral("creditcode.format")
                              << QStringLiteral("“I”");
    QTest::newRow("letter O") << QStringLiteral("91430100MO4L12346D") << QStringLiteral("creditcode.format")
                              << QStringLiteral("“O”");
    QTest::newRow("letter S") << QStringLiteral("91430100MS4L12346D") << QStringLiteral("creditcode.format")
                              << QStringLiteral("“S”");
    QTest::newRow("letter V") << QStringLiteral("91430100MV4L12346D") << QStringLiteral("creditcode.format")
                              << QStringLiteral("“V”");
    QTest::newRow("letter Z") << QStringLiteral("91430100MZ4L12346D") << QStringLiteral("creditcode.format")
                              << QStringLiteral("“Z”");
    QTest::newRow("punctuation") << QStringLiteral("91430100-A4L12346D") << QStringLiteral("creditcode.format")
                                 << QStringLiteral("“-”");
    QTest::newRow("letter in region") << QStringLiteral("9143A100MA4L12346D") << QStringLiteral("creditcode.format")
                                      << QStringLiteral("行政区划代码");
    QTest::newRow("wrong check") << QStringLiteral("91430100MA4L12346E") << QStringLiteral("creditcode.checksum")
                                 << QStringLiteral("校验位错误，应为 D");
    QTest::newRow("known real code failing GB 32100") << QStringLiteral("91350203M0001QAY9B")
                                                      << QStringLiteral("creditcode.checksum")
                                                      << QStringLiteral("应为 9");
    QTest::newRow("transposed digits") << QStringLiteral("91430100MA4L21346D") << QStringLiteral("creditcode.checksum")
                                       << QStringLiteral("校验位错误");
}

void TestCreditCode::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);
    const auto r = CreditCode::parse(input);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QVERIFY2(r.error().message.contains(messagePart), qPrintable(r.error().message));
    QCOMPARE(r.error().field, QStringLiteral("统一社会信用代码"));
    const QList<Error> all = CreditCode::check(input);
    QVERIFY(!all.isEmpty());
    QCOMPARE(all.first().code, code);
}

void TestCreditCode::check_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("codes");

    QTest::newRow("all good") << QStringLiteral("91430100MA4L12346D") << QStringList();
    // Overall check right, embedded organisation code wrong: still reported.
    QTest::newRow("org code only") << QStringLiteral("91430100MA4L12345A")
                                   << QStringList{QStringLiteral("creditcode.orgcode")};
    QTest::newRow("checksum only") << QStringLiteral("91350203M0001QAY9B")
                                   << QStringList{QStringLiteral("creditcode.checksum")};
    QTest::newRow("both") << QStringLiteral("91430100183763185X")
                          << QStringList{QStringLiteral("creditcode.checksum"), QStringLiteral("creditcode.orgcode")};
    QTest::newRow("format stops the rest") << QStringLiteral("91430100183763185")
                                           << QStringList{QStringLiteral("creditcode.format")};
}

void TestCreditCode::check()
{
    QFETCH(QString, input);
    QFETCH(QStringList, codes);
    QStringList actual;
    for (const Error &e : CreditCode::check(input))
        actual.append(e.code);
    QCOMPARE(actual, codes);
}

void TestCreditCode::checkCharacters_data()
{
    QTest::addColumn<QString>("first17");
    QTest::addColumn<QString>("credit");
    QTest::addColumn<QString>("first8");
    QTest::addColumn<QString>("org");

    QTest::newRow("Y4 3") << QStringLiteral("91350100M000100Y4") << QStringLiteral("3") << QStringLiteral("M000100Y")
                          << QStringLiteral("4");
    QTest::newRow("org X") << QStringLiteral("11430000061234564") << QStringLiteral("X") << QStringLiteral("06123456")
                           << QStringLiteral("4");
    QTest::newRow("credit 0, org 0") << QStringLiteral("11430000MA4P00007") << QStringLiteral("0")
                                     << QStringLiteral("MA4P0000") << QStringLiteral("7");
    QTest::newRow("org check X") << QStringLiteral("91430100MA4L12346") << QStringLiteral("D")
                                 << QStringLiteral("00000006") << QStringLiteral("X");
    QTest::newRow("org check 0") << QStringLiteral("91430100MA4L12346") << QStringLiteral("D")
                                 << QStringLiteral("00000000") << QStringLiteral("0");
    QTest::newRow("invalid input") << QStringLiteral("91430100MA4L1234") << QString() << QStringLiteral("1234567")
                                   << QString();
}

void TestCreditCode::checkCharacters()
{
    QFETCH(QString, first17);
    QFETCH(QString, credit);
    QFETCH(QString, first8);
    QFETCH(QString, org);
    const QChar c = CreditCode::checkCharacter(first17);
    QCOMPARE(c.isNull() ? QString() : QString(c), credit);
    const QChar o = CreditCode::organizationCheckCharacter(first8);
    QCOMPARE(o.isNull() ? QString() : QString(o), org);
}

void TestCreditCode::parts()
{
    const auto r = CreditCode::parse(QStringLiteral("91430100MA4L12346D"));
    QVERIFY(r.ok());
    QCOMPARE(r.value().registrationAuthority(), QStringLiteral("9"));
    QCOMPARE(r.value().category(), QStringLiteral("1"));
    QCOMPARE(r.value().regionCode(), QStringLiteral("430100"));
    QCOMPARE(r.value().organizationCode(), QStringLiteral("MA4L12346"));

    const auto orgBad = CreditCode::parse(QStringLiteral("91430100MA4L12345A"));
    QVERIFY(orgBad.ok());
    QVERIFY(!orgBad.value().organizationCodeValid());
    QCOMPARE(orgBad.value().organizationCodeError().error().code, QStringLiteral("creditcode.orgcode"));
    QVERIFY(orgBad.value().organizationCodeError().error().message.contains(QStringLiteral("应为 6")));
}

QTEST_GUILESS_MAIN(TestCreditCode)
#include "tst_creditcode.moc"
