// The 业务单据号 (Damm check digit), the bank's HMAC-SHA256 request signature and
// the masked person name a bank counter sees (docs/bills.md).
#include <QRandomGenerator>
#include <QTest>

#include "models/bill/BankSignature.h"
#include "models/bill/Bill.h"
#include "models/bill/BillNumber.h"

using namespace shebao;

class TestBillNumber : public QObject
{
    Q_OBJECT

private slots:
    void checkDigitMatchesAPublishedNumber()
    {
        // The worked example of Damm's algorithm as commonly published: 572 → 4.
        QCOMPARE(BillNumber::checkDigit(u"572"), QChar(u'4'));
        QCOMPARE(BillNumber::checkDigit(u"0000000000000000"), QChar(u'0'));
    }

    void makeAndValidate()
    {
        const QString number = BillNumber::make(QDate(2026, 12, 4), 1);
        QCOMPARE(number.size(), BillNumber::Length);
        QVERIFY(number.startsWith(QStringLiteral("2026120400000001")));
        QVERIFY(BillNumber::isValid(number));
        QVERIFY(BillNumber::make(QDate(2026, 12, 4), 0).isEmpty());
        QVERIFY(BillNumber::make(QDate(2026, 12, 4), 100'000'000).isEmpty());
        QVERIFY(BillNumber::make(QDate(), 5).isEmpty());
        QVERIFY(!BillNumber::isValid(number.left(16)));
        QVERIFY(!BillNumber::isValid(number + u'0'));
    }

    // The promise of the check digit: every single wrong digit and every swap of two different
    // adjacent digits is caught.
    void catchesEverySingleErrorAndAdjacentSwap()
    {
        QRandomGenerator random(20261204);
        int mutations = 0;
        for (int trial = 0; trial < 300; ++trial) {
            const QString number = BillNumber::make(QDate(2020, 1, 1).addDays(random.bounded(3000)),
                                                    random.bounded(1, 99'999'999));
            QVERIFY(BillNumber::isValid(number));
            for (int i = 0; i < number.size(); ++i) {
                for (char16_t d = u'0'; d <= u'9'; ++d) {
                    if (number[i] == QChar(d))
                        continue;
                    QString wrong = number;
                    wrong[i] = QChar(d);
                    QVERIFY2(!BillNumber::isValid(wrong), qPrintable(wrong));
                    ++mutations;
                }
                if (i + 1 < number.size() && number[i] != number[i + 1]) {
                    QString swapped = number;
                    std::swap(swapped[i], swapped[i + 1]);
                    QVERIFY2(!BillNumber::isValid(swapped), qPrintable(swapped));
                    ++mutations;
                }
            }
        }
        QVERIFY(mutations > 40'000);
    }

    void normalizeFoldsWhatClerksType_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("folded");
        QTest::newRow("plain") << QStringLiteral("20261204000000017") << QStringLiteral("20261204000000017");
        QTest::newRow("spaces and dashes") << QStringLiteral(" 20261204-00000001 7 ") << QStringLiteral("20261204000000017");
        QTest::newRow("full-width") << QStringLiteral("２０２６１２０４０００００００１７") << QStringLiteral("20261204000000017");
        QTest::newRow("ideographic space") << QStringLiteral("20261204\u300000000001７") << QStringLiteral("20261204000000017");
        QTest::newRow("too short") << QStringLiteral("2026120400000001") << QString();
        QTest::newRow("letter") << QStringLiteral("2026120400000001A") << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void normalizeFoldsWhatClerksType()
    {
        QFETCH(QString, typed);
        QFETCH(QString, folded);
        QCOMPARE(BillNumber::normalize(typed), folded);
    }

    void signatureMatchesAnIndependentHmac()
    {
        // Computed with Python's hmac module over the documented string to sign.
        const QByteArray key = QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        const QByteArray body = R"({"bill_number":"20261204000000017"})";
        const QByteArray expected = "9a44e2c70db044e9cc82f9568555a10886068d4e22d0654f5a7e461ce6b232b3";
        QCOMPARE(BankSignature::sign(key, "POST", "/api/v1/bank/payments", 1733300000, body), expected);
        QCOMPARE(BankSignature::stringToSign("GET", "/a?b=1", 7, "").split('\n').size(), 4);
        QVERIFY(BankSignature::matches(key, "POST", "/api/v1/bank/payments", 1733300000, body, expected));
        QVERIFY(BankSignature::matches(key, "POST", "/api/v1/bank/payments", 1733300000, body, expected.toUpper()));
        // Any part changed: no match.
        QVERIFY(!BankSignature::matches(key, "PUT", "/api/v1/bank/payments", 1733300000, body, expected));
        QVERIFY(!BankSignature::matches(key, "POST", "/api/v1/bank/payments?x", 1733300000, body, expected));
        QVERIFY(!BankSignature::matches(key, "POST", "/api/v1/bank/payments", 1733300001, body, expected));
        QVERIFY(!BankSignature::matches(key, "POST", "/api/v1/bank/payments", 1733300000, body + ' ', expected));
        QByteArray otherKey = key;
        otherKey[0] = 1;
        QVERIFY(!BankSignature::matches(otherKey, "POST", "/api/v1/bank/payments", 1733300000, body, expected));
        QVERIFY(!BankSignature::matches(key, "POST", "/api/v1/bank/payments", 1733300000, body, expected.left(63)));
        QVERIFY(!BankSignature::matches(key, "POST", "/api/v1/bank/payments", 1733300000, body, QByteArray()));
    }

    void keyFiles()
    {
        const QByteArray hex = "00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF";
        QCOMPARE(BankSignature::parseKey(hex + "\n").size(), 32);
        QVERIFY(BankSignature::parseKey(hex.left(62)).isEmpty());
        QVERIFY(BankSignature::parseKey(hex.left(63) + "g").isEmpty());
        QVERIFY(BankSignature::parseKey("").isEmpty());
    }

    void personNamesAreMasked_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("masked");
        QTest::newRow("three") << QStringLiteral("汤志远") << QStringLiteral("汤*远");
        QTest::newRow("two") << QStringLiteral("李四") << QStringLiteral("李*");
        QTest::newRow("four") << QStringLiteral("欧阳娜娜") << QStringLiteral("欧**娜");
        QTest::newRow("one") << QStringLiteral("王") << QStringLiteral("王");
        QTest::newRow("supplementary plane") << QStringLiteral("𠀀小𠀁") << QStringLiteral("𠀀*𠀁");
        QTest::newRow("blank") << QStringLiteral("  ") << QString();
    }

    void personNamesAreMasked()
    {
        QFETCH(QString, name);
        QFETCH(QString, masked);
        QCOMPARE(maskPersonName(name), masked);
    }
};

QTEST_GUILESS_MAIN(TestBillNumber)
#include "tst_billnumber.moc"
