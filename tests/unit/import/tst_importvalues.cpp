#include "models/import/ImportValues.h"

#include <QtTest>

using shebao::ImportCell;
using shebao::ImportValues;
using shebao::Money;
using shebao::YearMonth;

class TestImportValues : public QObject
{
    Q_OBJECT

private slots:
    void dates_data();
    void dates();
    void months_data();
    void months();
    void wages_data();
    void wages();
    void numberText();
};

namespace {

ImportCell str(const QString &text)
{
    ImportCell c;
    c.text = text;
    c.kind = ImportCell::Kind::String;
    return c;
}

ImportCell num(double value, const QString &raw)
{
    ImportCell c;
    c.number = value;
    c.text = raw;
    c.kind = ImportCell::Kind::Number;
    return c;
}

} // namespace

void TestImportValues::dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("expected");
    const QDate d(2024, 3, 5);
    QTest::newRow("iso") << QStringLiteral("2024-03-05") << d;
    QTest::newRow("slash short") << QStringLiteral("2024/3/5") << d;
    QTest::newRow("dots") << QStringLiteral("2024.3.5") << d;
    QTest::newRow("chinese") << QStringLiteral("2024年3月5日") << d;
    QTest::newRow("chinese 号") << QStringLiteral("2024年03月05号") << d;
    QTest::newRow("compact") << QStringLiteral("20240305") << d;
    QTest::newRow("full-width, spaces") << QStringLiteral(" ２０２４－０３－０５　") << d;
    QTest::newRow("mixed separators") << QStringLiteral("2024-03/05") << QDate();
    QTest::newRow("no such day") << QStringLiteral("2023-02-29") << QDate();
    QTest::newRow("month only") << QStringLiteral("2024-03") << QDate();
    QTest::newRow("words") << QStringLiteral("三月五日") << QDate();
    QTest::newRow("empty") << QString() << QDate();
    QTest::newRow("two-digit year") << QStringLiteral("24-3-5") << QDate();
}

void TestImportValues::dates()
{
    QFETCH(QString, text);
    QFETCH(QDate, expected);
    const auto date = ImportValues::date(str(text));
    QCOMPARE(date.value_or(QDate()), expected);
}

void TestImportValues::months_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("iso") << QStringLiteral("2024-03") << QStringLiteral("2024-03");
    QTest::newRow("slash") << QStringLiteral("2024/3") << QStringLiteral("2024-03");
    QTest::newRow("chinese") << QStringLiteral("2024年3月") << QStringLiteral("2024-03");
    QTest::newRow("compact") << QStringLiteral("202403") << QStringLiteral("2024-03");
    QTest::newRow("a date") << QStringLiteral("2024-03-01") << QStringLiteral("2024-03");
    QTest::newRow("month 13") << QStringLiteral("2024-13") << QString();
    QTest::newRow("month 0") << QStringLiteral("202400") << QString();
    QTest::newRow("garbage") << QStringLiteral("三月") << QString();
}

void TestImportValues::months()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(ImportValues::month(str(text)).value_or(YearMonth()).toString(), expected);
    ImportCell dateCell;
    dateCell.kind = ImportCell::Kind::Date;
    dateCell.date = QDate(2025, 5, 31);
    QCOMPARE(ImportValues::month(dateCell)->toString(), QStringLiteral("2025-05"));
}

void TestImportValues::wages_data()
{
    QTest::addColumn<ImportCell>("cell");
    QTest::addColumn<qint64>("fen"); // -1: invalid
    QTest::newRow("text") << str(QStringLiteral("5000")) << qint64(500000);
    QTest::newRow("text 2 decimals") << str(QStringLiteral("5,000.55")) << qint64(500055);
    QTest::newRow("text with 元") << str(QStringLiteral("６０００元")) << qint64(600000);
    QTest::newRow("text 3 decimals") << str(QStringLiteral("5000.555")) << qint64(-1);
    QTest::newRow("zero") << str(QStringLiteral("0")) << qint64(-1);
    QTest::newRow("negative") << str(QStringLiteral("-5000")) << qint64(-1);
    QTest::newRow("letters") << str(QStringLiteral("五千")) << qint64(-1);
    QTest::newRow("number") << num(5000.1000000000004, QStringLiteral("5000.1000000000004")) << qint64(500010);
    QTest::newRow("number 3 decimals") << num(5000.123, QStringLiteral("5000.123")) << qint64(-1);
    QTest::newRow("number negative") << num(-1, QStringLiteral("-1")) << qint64(-1);
}

void TestImportValues::wages()
{
    QFETCH(ImportCell, cell);
    QFETCH(qint64, fen);
    const auto wage = ImportValues::wage(cell);
    QCOMPARE(wage ? wage->fen() : qint64(-1), fen);
}

void TestImportValues::numberText()
{
    QCOMPARE(ImportValues::text(num(13812345678.0, QStringLiteral("13812345678"))), QStringLiteral("13812345678"));
    QCOMPARE(ImportValues::text(num(1, QStringLiteral("1"))), QStringLiteral("1"));
    QCOMPARE(ImportValues::text(num(4.5, QStringLiteral("4.5"))), QStringLiteral("4.5"));
    QCOMPARE(ImportValues::text(str(QStringLiteral("  ４３０１０２ "))), QStringLiteral("430102"));
}

QTEST_GUILESS_MAIN(TestImportValues)
#include "tst_importvalues.moc"
