#include "models/validation/IdNumber.h"

#include <QtTest>

using shebao::IdNumber;

namespace {
// Fixed "today" so the future-date rows do not depend on the wall clock.
const QDate kToday(2024, 6, 1);
}

class TestIdNumber : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void upgrade15_data();
    void upgrade15();
    void checkCharacter_data();
    void checkCharacter();
    void checksumMessageNamesExpectedChar_data();
    void checksumMessageNamesExpectedChar();
    void mask_data();
    void mask();
    void defaultTodayRejectsFarFuture();
};

void TestIdNumber::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QString>("gender");
    QTest::addColumn<QString>("region");

    QTest::newRow("male,芙蓉区") << QStringLiteral("430102199003071234") << QStringLiteral("430102199003071234")
                               << QDate(1990, 3, 7) << QStringLiteral("1") << QStringLiteral("430102");
    QTest::newRow("female") << QStringLiteral("430102199003071242") << QStringLiteral("430102199003071242")
                            << QDate(1990, 3, 7) << QStringLiteral("2") << QStringLiteral("430102");
    QTest::newRow("check X (research.md example)") << QStringLiteral("34052419800101001X")
                                                   << QStringLiteral("34052419800101001X") << QDate(1980, 1, 1)
                                                   << QStringLiteral("1") << QStringLiteral("340524");
    QTest::newRow("lower-case x") << QStringLiteral("34052419800101001x") << QStringLiteral("34052419800101001X")
                                  << QDate(1980, 1, 1) << QStringLiteral("1") << QStringLiteral("340524");
    QTest::newRow("another X, female") << QStringLiteral("43010219900307104X") << QStringLiteral("43010219900307104X")
                                     << QDate(1990, 3, 7) << QStringLiteral("2") << QStringLiteral("430102");
    QTest::newRow("full-width digits and x") << QStringLiteral("４３０１０２１９９００３０７１２３４")
                                             << QStringLiteral("430102199003071234") << QDate(1990, 3, 7)
                                             << QStringLiteral("1") << QStringLiteral("430102");
    QTest::newRow("full-width lower x") << QStringLiteral("３４０５２４１９８００１０１００１ｘ")
                                        << QStringLiteral("34052419800101001X") << QDate(1980, 1, 1)
                                        << QStringLiteral("1") << QStringLiteral("340524");
    QTest::newRow("spaces and ideographic space trimmed") << QStringLiteral(" \u3000430102199003071234 ")
                                                          << QStringLiteral("430102199003071234") << QDate(1990, 3, 7)
                                                          << QStringLiteral("1") << QStringLiteral("430102");
    QTest::newRow("29 Feb 2000 (leap)") << QStringLiteral("430122200002290022") << QStringLiteral("430122200002290022")
                                        << QDate(2000, 2, 29) << QStringLiteral("2") << QStringLiteral("430122");
    QTest::newRow("29 Feb 2024 (leap)") << QStringLiteral("430102202402290025") << QStringLiteral("430102202402290025")
                                        << QDate(2024, 2, 29) << QStringLiteral("2") << QStringLiteral("430102");
    QTest::newRow("29 Feb 1996 (leap)") << QStringLiteral("430102199602290017") << QStringLiteral("430102199602290017")
                                        << QDate(1996, 2, 29) << QStringLiteral("1") << QStringLiteral("430102");
    QTest::newRow("born today") << QStringLiteral("430102202406010019") << QStringLiteral("430102202406010019")
                                << QDate(2024, 6, 1) << QStringLiteral("1") << QStringLiteral("430102");
    QTest::newRow("1 Jan 1900") << QStringLiteral("430102190001010015") << QStringLiteral("430102190001010015")
                                << QDate(1900, 1, 1) << QStringLiteral("1") << QStringLiteral("430102");
    QTest::newRow("浏阳市") << QStringLiteral("430181198505153214")
                                                << QStringLiteral("430181198505153214") << QDate(1985, 5, 15)
                                                << QStringLiteral("1") << QStringLiteral("430181");
    QTest::newRow("北京 example") << QStringLiteral("11010519491231002X") << QStringLiteral("11010519491231002X")
                                << QDate(1949, 12, 31) << QStringLiteral("2") << QStringLiteral("110105");
}

void TestIdNumber::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, number);
    QFETCH(QDate, birth);
    QFETCH(QString, gender);
    QFETCH(QString, region);

    const auto r = IdNumber::parse(input, kToday);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().code + u' ' + r.error().message));
    const IdNumber &id = r.value();
    QCOMPARE(id.number(), number);
    QCOMPARE(id.birthDate(), birth);
    QCOMPARE(id.genderCode(), gender);
    QCOMPARE(id.genderName(), gender == u'1' ? QStringLiteral("男") : QStringLiteral("女"));
    QCOMPARE(id.isMale(), gender == u'1');
    QCOMPARE(id.regionCode(), region);
    QVERIFY(!id.upgradedFrom15());
    QCOMPARE(IdNumber::checkCharacter(QStringView(id.number()).left(17)), id.number().back());
}

void TestIdNumber::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty") << QString() << QStringLiteral("id.format") << QStringLiteral("不能为空");
    QTest::newRow("blank") << QStringLiteral(" \u3000") << QStringLiteral("id.format") << QStringLiteral("不能为空");
    QTest::newRow("17 digits") << QStringLiteral("43010219900307123") << QStringLiteral("id.format")
                               << QStringLiteral("实际为 17 位");
    QTest::newRow("19 digits") << QStringLiteral("4301021990030712345") << QStringLiteral("id.format")
                               << QStringLiteral("实际为 19 位");
    QTest::newRow("16 digits") << QStringLiteral("4301021990030712") << QStringLiteral("id.format")
                               << QStringLiteral("实际为 16 位");
    QTest::newRow("letter inside") << QStringLiteral("43010219900A071234") << QStringLiteral("id.format")
                                   << QStringLiteral("前 17 位应为数字");
    QTest::newRow("X not last") << QStringLiteral("4301021990030712X4") << QStringLiteral("id.format")
                                << QStringLiteral("前 17 位应为数字");
    QTest::newRow("other letter last") << QStringLiteral("43010219900307123Y") << QStringLiteral("id.format")
                                       << QStringLiteral("最后一位为数字或 X");
    QTest::newRow("inner space") << QStringLiteral("430102 19900307123") << QStringLiteral("id.format")
                                 << QStringLiteral("前 17 位应为数字");
    QTest::newRow("15 with letter") << QStringLiteral("43010290030712X") << QStringLiteral("id.format")
                                    << QStringLiteral("15 位");
    QTest::newRow("wrong check digit") << QStringLiteral("430102199003071235") << QStringLiteral("id.checksum")
                                       << QStringLiteral("应为 4");
    QTest::newRow("future birth date (2026)") << QStringLiteral("43010220261203001X") << QStringLiteral("id.birthdate")
                                        << QStringLiteral("晚于今天");
    QTest::newRow("research.md invalid example") << QStringLiteral("340524198001010013")
                                                 << QStringLiteral("id.checksum") << QStringLiteral("应为 X");
    QTest::newRow("29 Feb 2023 (not leap)") << QStringLiteral("430102202302290028") << QStringLiteral("id.birthdate")
                                            << QStringLiteral("20230229 不是有效日期");
    QTest::newRow("29 Feb 1900 (not leap)") << QStringLiteral("430102190002290020") << QStringLiteral("id.birthdate")
                                            << QStringLiteral("19000229 不是有效日期");
    QTest::newRow("30 Feb") << QStringLiteral("430124199902300019") << QStringLiteral("id.birthdate")
                            << QStringLiteral("19990230 不是有效日期");
    QTest::newRow("month 13") << QStringLiteral("430102199913010019") << QStringLiteral("id.birthdate")
                              << QStringLiteral("不是有效日期");
    QTest::newRow("day 00") << QStringLiteral("430102199901000016") << QStringLiteral("id.birthdate")
                            << QStringLiteral("不是有效日期");
    QTest::newRow("tomorrow") << QStringLiteral("430102202406020014") << QStringLiteral("id.birthdate")
                              << QStringLiteral("20240602 晚于今天");
    QTest::newRow("before 1900") << QStringLiteral("430102189912310010") << QStringLiteral("id.birthdate")
                                 << QStringLiteral("早于 1900 年");
}

void TestIdNumber::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);

    const auto r = IdNumber::parse(input, kToday);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QVERIFY2(r.error().message.contains(messagePart), qPrintable(r.error().message));
    QCOMPARE(r.error().field, QStringLiteral("公民身份号码"));
}

void TestIdNumber::upgrade15_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QString>("gender");

    QTest::newRow("male 1990") << QStringLiteral("430102900307123") << QStringLiteral("430102199003071234")
                               << QDate(1990, 3, 7) << QStringLiteral("1");
    QTest::newRow("female 1985, historic 望城县") << QStringLiteral("430122850515224")
                                                << QStringLiteral("430122198505152246") << QDate(1985, 5, 15)
                                                << QStringLiteral("2");
    QTest::newRow("upgrade yields X") << QStringLiteral("340524800101001") << QStringLiteral("34052419800101001X")
                                      << QDate(1980, 1, 1) << QStringLiteral("1");
    QTest::newRow("29 Feb 1996") << QStringLiteral("430102960229123") << QStringLiteral("430102199602291239")
                                 << QDate(1996, 2, 29) << QStringLiteral("1");
    QTest::newRow("full-width 15") << QStringLiteral("４３０１０２９００３０７１２３")
                                   << QStringLiteral("430102199003071234") << QDate(1990, 3, 7) << QStringLiteral("1");
}

void TestIdNumber::upgrade15()
{
    QFETCH(QString, input);
    QFETCH(QString, number);
    QFETCH(QDate, birth);
    QFETCH(QString, gender);

    const auto r = IdNumber::parse(input, kToday);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QVERIFY(r.value().upgradedFrom15());
    QCOMPARE(r.value().number(), number);
    QCOMPARE(r.value().original().size(), 15);
    QCOMPARE(r.value().birthDate(), birth);
    QCOMPARE(r.value().genderCode(), gender);
    // The upgraded number must itself pass as a regular 18-character number.
    const auto again = IdNumber::parse(r.value().number(), kToday);
    QVERIFY(again.ok());
    QVERIFY(!again.value().upgradedFrom15());
    QCOMPARE(again.value().number(), number);
}

void TestIdNumber::checkCharacter_data()
{
    QTest::addColumn<QString>("first17");
    QTest::addColumn<QString>("expected");
    QTest::newRow("4") << QStringLiteral("43010219900307123") << QStringLiteral("4");
    QTest::newRow("X") << QStringLiteral("34052419800101001") << QStringLiteral("X");
    QTest::newRow("0") << QStringLiteral("43010220261203001") << QStringLiteral("0");
    QTest::newRow("5") << QStringLiteral("43010219000101001") << QStringLiteral("5");
    QTest::newRow("too short") << QStringLiteral("4301021990030712") << QString();
    QTest::newRow("letter") << QStringLiteral("4301021990030712A") << QString();
}

void TestIdNumber::checkCharacter()
{
    QFETCH(QString, first17);
    QFETCH(QString, expected);
    const QChar c = IdNumber::checkCharacter(first17);
    QCOMPARE(c.isNull() ? QString() : QString(c), expected);
}

void TestIdNumber::checksumMessageNamesExpectedChar_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("expects X") << QStringLiteral("340524198001010013")
                               << QStringLiteral("公民身份号码校验位错误，应为 X");
    QTest::newRow("expects 4") << QStringLiteral("43010219900307123X")
                               << QStringLiteral("公民身份号码校验位错误，应为 4");
}

void TestIdNumber::checksumMessageNamesExpectedChar()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    const auto r = IdNumber::parse(input, kToday);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("id.checksum"));
    QCOMPARE(r.error().message, message);
}

void TestIdNumber::mask_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("18") << QStringLiteral("43010219900307123X") << QStringLiteral("430102********123X");
    QTest::newRow("15") << QStringLiteral("430102900307123") << QStringLiteral("430102*****7123");
    QTest::newRow("odd length fully masked") << QStringLiteral("12345") << QStringLiteral("*****");
}

void TestIdNumber::mask()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(IdNumber::mask(input), expected);
}

void TestIdNumber::defaultTodayRejectsFarFuture()
{
    // Without an injected date the wall clock is "today": a birth in 2999 is always in the future.
    const auto r = IdNumber::parse(QStringLiteral("43010229990101001X"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("id.birthdate"));
}

QTEST_GUILESS_MAIN(TestIdNumber)
#include "tst_idnumber.moc"
