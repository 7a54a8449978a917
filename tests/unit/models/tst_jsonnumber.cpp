// Numbers read from the wire: only whole numbers a double holds exactly become integers; 1e300,
// NaN-like input, fractions and strings are refused instead of being cast (undefined behaviour).
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "models/core/JsonNumber.h"
#include "models/domain/JsonCodec.h"

using namespace shebao;

class TestJsonNumber : public QObject
{
    Q_OBJECT

private slots:
    void wholeNumber_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("whole");
        QTest::addColumn<qint64>("value");
        QTest::newRow("zero") << QByteArray("[0]") << true << qint64(0);
        QTest::newRow("id") << QByteArray("[123456]") << true << qint64(123456);
        QTest::newRow("negative") << QByteArray("[-7]") << true << qint64(-7);
        QTest::newRow("2^53") << QByteArray("[9007199254740992]") << true << qint64(9007199254740992LL);
        QTest::newRow("1e300") << QByteArray("[1e300]") << false << qint64(0);
        QTest::newRow("-1e300") << QByteArray("[-1e300]") << false << qint64(0);
        QTest::newRow("fraction") << QByteArray("[1.5]") << false << qint64(0);
        QTest::newRow("string") << QByteArray("[\"12\"]") << false << qint64(0);
        QTest::newRow("null") << QByteArray("[null]") << false << qint64(0);
    }
    void wholeNumber()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, whole);
        QFETCH(qint64, value);
        const QJsonValue v = QJsonDocument::fromJson(json).array().at(0);
        const auto n = json::wholeNumber(v);
        QCOMPARE(n.has_value(), whole);
        if (whole)
            QCOMPARE(*n, value);
    }

    void aPersonWithAHugeIdIsRefused()
    {
        const QJsonObject person = QJsonDocument::fromJson(
            R"({"id": 1e300, "name": "张三", "id_number": "11010519491231002X", "enrolments": []})").object();
        const auto decoded = json::decodePerson(person, QStringLiteral("$"));
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().field, QStringLiteral("$.id"));
    }
};

QTEST_GUILESS_MAIN(TestJsonNumber)
#include "tst_jsonnumber.moc"
