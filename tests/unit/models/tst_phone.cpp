#include "models/validation/Phone.h"

#include <QtTest>

using shebao::Phone;

class TestPhone : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
};

void TestPhone::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<bool>("mobile");
    QTest::addColumn<QString>("area");
    QTest::addColumn<QString>("extension");

    QTest::newRow("mobile") << QStringLiteral("13812345678") << QStringLiteral("13812345678") << true << QString() << QString();
    QTest::newRow("mobile 19x") << QStringLiteral("19912345678") << QStringLiteral("19912345678") << true << QString() << QString();
    QTest::newRow("mobile grouped by spaces") << QStringLiteral("138 1234 5678") << QStringLiteral("13812345678") << true
                                              << QString() << QString();
    QTest::newRow("mobile grouped by hyphens") << QStringLiteral("138-1234-5678") << QStringLiteral("13812345678") << true
                                               << QString() << QString();
    QTest::newRow("mobile +86") << QStringLiteral("+86 13812345678") << QStringLiteral("13812345678") << true << QString()
                                << QString();
    QTest::newRow("mobile full-width") << QStringLiteral("１３８１２３４５６７８") << QStringLiteral("13812345678") << true
                                       << QString() << QString();
    QTest::newRow("mobile trimmed") << QStringLiteral("\u3000 13812345678 ") << QStringLiteral("13812345678") << true
                                    << QString() << QString();
    QTest::newRow("landline hyphen") << QStringLiteral("0731-88886666") << QStringLiteral("0731-88886666") << false
                                     << QStringLiteral("0731") << QString();
    QTest::newRow("landline space") << QStringLiteral("0731 88886666") << QStringLiteral("0731-88886666") << false
                                    << QStringLiteral("0731") << QString();
    QTest::newRow("landline joined") << QStringLiteral("073188886666") << QStringLiteral("0731-88886666") << false
                                     << QStringLiteral("0731") << QString();
    QTest::newRow("landline 7-digit local") << QStringLiteral("0731-8888666") << QStringLiteral("0731-8888666") << false
                                            << QStringLiteral("0731") << QString();
    QTest::newRow("landline joined 7-digit local") << QStringLiteral("07318888666") << QStringLiteral("0731-8888666")
                                                   << false << QStringLiteral("0731") << QString();
    QTest::newRow("landline parentheses") << QStringLiteral("(0731)88886666") << QStringLiteral("0731-88886666") << false
                                          << QStringLiteral("0731") << QString();
    QTest::newRow("landline full-width") << QStringLiteral("（０７３１）－８８８８６６６６") << QStringLiteral("0731-88886666")
                                         << false << QStringLiteral("0731") << QString();
    QTest::newRow("landline split local") << QStringLiteral("0731-8888-6666") << QStringLiteral("0731-88886666") << false
                                          << QStringLiteral("0731") << QString();
    QTest::newRow("北京 3-digit area") << QStringLiteral("010-88886666") << QStringLiteral("010-88886666") << false
                                     << QStringLiteral("010") << QString();
    QTest::newRow("北京 joined") << QStringLiteral("01088886666") << QStringLiteral("010-88886666") << false
                               << QStringLiteral("010") << QString();
    QTest::newRow("上海 joined") << QStringLiteral("02188886666") << QStringLiteral("021-88886666") << false
                               << QStringLiteral("021") << QString();
    QTest::newRow("extension hyphen") << QStringLiteral("0731-88886666-123") << QStringLiteral("0731-88886666-123")
                                      << false << QStringLiteral("0731") << QStringLiteral("123");
    QTest::newRow("extension 转") << QStringLiteral("0731-88886666转123") << QStringLiteral("0731-88886666-123") << false
                                 << QStringLiteral("0731") << QStringLiteral("123");
    QTest::newRow("extension 转 after joined") << QStringLiteral("073188886666 转 8001")
                                              << QStringLiteral("0731-88886666-8001") << false << QStringLiteral("0731")
                                              << QStringLiteral("8001");
    QTest::newRow("extension after joined, hyphen") << QStringLiteral("073188886666-12")
                                                    << QStringLiteral("0731-88886666-12") << false
                                                    << QStringLiteral("0731") << QStringLiteral("12");
    QTest::newRow("extension ext.") << QStringLiteral("0731-88886666 ext. 5") << QStringLiteral("0731-88886666-5") << false
                                    << QStringLiteral("0731") << QStringLiteral("5");
}

void TestPhone::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    QFETCH(bool, mobile);
    QFETCH(QString, area);
    QFETCH(QString, extension);

    const auto r = Phone::parse(input);
    QVERIFY2(r.ok(), qPrintable(input));
    QCOMPARE(r.value().number(), normalized);
    QCOMPARE(r.value().kind() == Phone::Kind::Mobile, mobile);
    QCOMPARE(r.value().areaCode(), area);
    QCOMPARE(r.value().extension(), extension);
    // A normalized number parses to itself.
    const auto again = Phone::parse(r.value().number());
    QVERIFY(again.ok());
    QCOMPARE(again.value().number(), normalized);
}

void TestPhone::invalid_data()
{
    QTest::addColumn<QString>("input");

    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral(" \u3000 ");
    QTest::newRow("mobile 10 digits") << QStringLiteral("1381234567");
    QTest::newRow("mobile 12 digits") << QStringLiteral("138123456789");
    QTest::newRow("mobile 12x") << QStringLiteral("12812345678");
    QTest::newRow("mobile 11x") << QStringLiteral("11812345678");
    QTest::newRow("mobile with extension") << QStringLiteral("13812345678转1");
    QTest::newRow("letters") << QStringLiteral("1381234567a");
    QTest::newRow("local only") << QStringLiteral("88886666");
    QTest::newRow("area without local") << QStringLiteral("0731");
    QTest::newRow("local 6 digits") << QStringLiteral("0731-888866");
    QTest::newRow("local 9 digits") << QStringLiteral("0731-888866667");
    QTest::newRow("joined 3+9") << QStringLiteral("0108888666677");
    QTest::newRow("local starts with 0") << QStringLiteral("0731-08886666");
    QTest::newRow("local starts with 1") << QStringLiteral("0731-18886666");
    QTest::newRow("area 5 digits") << QStringLiteral("07311-88886666");
    QTest::newRow("area not starting with 0") << QStringLiteral("7310-88886666");
    QTest::newRow("area 00") << QStringLiteral("0031-88886666");
    QTest::newRow("area 3 digits 07") << QStringLiteral("073-88886666");
    QTest::newRow("area 4 digits 02x") << QStringLiteral("0211-88886666");
    QTest::newRow("extension too long") << QStringLiteral("0731-88886666-1234567");
    QTest::newRow("two extensions") << QStringLiteral("0731-88886666-12转3");
    QTest::newRow("words") << QStringLiteral("无");
    QTest::newRow("two numbers") << QStringLiteral("13812345678/13912345678");
}

void TestPhone::invalid()
{
    QFETCH(QString, input);
    const auto r = Phone::parse(input);
    QVERIFY2(!r.ok(), qPrintable(r.ok() ? r.value().number() : QString()));
    QCOMPARE(r.error().code, QStringLiteral("phone.invalid"));
    QCOMPARE(r.error().field, QStringLiteral("联系电话"));
    QVERIFY(r.error().message.contains(QStringLiteral("0731-88886666")));
}

QTEST_GUILESS_MAIN(TestPhone)
#include "tst_phone.moc"
