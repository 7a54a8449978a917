#include "SheetBuilder.h"
#include "XlsxFixture.h"

#include "models/import/ImportChecker.h"
#include "models/import/ImportColumns.h"

#include <QtTest>

using namespace shebao;
using namespace shebao::test;

// Every rule of the 减少 sheet, one data row per case; "today" is 2025-06-15.
class TestReduceRowChecker : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void normalizedItem();
    void duplicateIds();

private:
    static ImportResult run(const QList<QVariantMap> &rows);
    static QVariantMap validRow();
};

namespace {

QString person() { return validId(QStringLiteral("430104"), QStringLiteral("19880808"), QStringLiteral("246")); }

} // namespace

QVariantMap TestReduceRowChecker::validRow()
{
    return {
        {ImportColumns::name(), QStringLiteral("李四")},
        {ImportColumns::idNumber(), person()},
        {ImportColumns::changeType(), QStringLiteral("停保")},
        {ImportColumns::changeReason(), QStringLiteral("辞职")},
        {ImportColumns::stopMonth(), QStringLiteral("2025-06")},
    };
}

ImportResult TestReduceRowChecker::run(const QList<QVariantMap> &rows)
{
    QStringList headers;
    for (const ImportColumn &c : ImportColumns::of(ImportKind::Reduce))
        headers.append(c.header);
    ImportCheckOptions options;
    options.today = QDate(2025, 6, 15);
    const auto result = ImportChecker(options).check(buildSheet(headers, rows)); // kind detected
    if (!result)
        qFatal("check failed: %s", qPrintable(result.error().message));
    return result.value();
}

void TestReduceRowChecker::rules_data()
{
    QTest::addColumn<QVariantMap>("overrides");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("messagePart");
    auto row = [](const char *tag, QVariantMap o, QStringList codes, QString column = QString(), QString part = QString()) {
        QTest::newRow(tag) << o << codes << column << part;
    };
    const QString type = ImportColumns::changeType();
    const QString reason = ImportColumns::changeReason();
    const QString month = ImportColumns::stopMonth();
    row("valid", {}, {});
    for (const ImportColumn &c : ImportColumns::of(ImportKind::Reduce)) {
        QTest::addRow("missing %s", qPrintable(c.header)) << QVariantMap{{c.header, QString()}}
                                                          << QStringList{QStringLiteral("required.missing")} << c.header
                                                          << c.header;
    }
    for (const char *r : {"解除劳动合同", "辞职", "辞退", "转移", "参军", "重复参保", "其他"})
        QTest::addRow("停保 %s", r) << QVariantMap{{reason, QString::fromUtf8(r)}} << QStringList() << QString() << QString();
    for (const char *r : {"退休", "死亡", "出国定居"})
        QTest::addRow("终止 %s", r) << QVariantMap{{type, QStringLiteral("终止")}, {reason, QString::fromUtf8(r)}}
                                  << QStringList() << QString() << QString();
    row("reason by code", {{reason, 22.0}}, {});
    row("type by code", {{type, QStringLiteral("3")}, {reason, QStringLiteral("死亡")}}, {});
    row("reason of the other type", {{reason, QStringLiteral("退休")}}, {QStringLiteral("dict.unknown")}, reason,
        QStringLiteral("辞职"));
    row("终止 with 辞职", {{type, QStringLiteral("终止")}}, {QStringLiteral("dict.unknown")}, reason, QStringLiteral("退休"));
    row("type unknown", {{type, QStringLiteral("退保")}}, {QStringLiteral("dict.unknown")}, type, QStringLiteral("停保"));
    row("type unknown, reason unknown", {{type, QStringLiteral("退保")}, {reason, QStringLiteral("不想干了")}},
        {QStringLiteral("dict.unknown"), QStringLiteral("dict.unknown")}, type);
    row("reason unknown", {{reason, QStringLiteral("不想干了")}}, {QStringLiteral("dict.unknown")}, reason);
    row("month two back", {{month, QStringLiteral("2025年4月")}}, {});
    row("month date cell", {{month, QDate(2025, 5, 31)}}, {});
    row("month too early", {{month, QStringLiteral("2025-03")}}, {QStringLiteral("start.too_early")}, month);
    row("month future", {{month, QStringLiteral("202507")}}, {QStringLiteral("start.future")}, month);
    row("month invalid", {{month, QStringLiteral("六月")}}, {QStringLiteral("date.invalid")}, month);
    row("name invalid", {{ImportColumns::name(), QStringLiteral("李4")}}, {QStringLiteral("name.invalid")}, ImportColumns::name());
    row("id as number", {{ImportColumns::idNumber(), 430104198808082460.0}}, {QStringLiteral("id.numeric_cell")},
        ImportColumns::idNumber(), QStringLiteral("文本"));
    row("id checksum", {{ImportColumns::idNumber(), person().left(17) + (person().endsWith(u'1') ? u'2' : u'1')}},
        {QStringLiteral("id.checksum")});
}

void TestReduceRowChecker::rules()
{
    QFETCH(QVariantMap, overrides);
    QFETCH(QStringList, codes);
    QFETCH(QString, column);
    QFETCH(QString, messagePart);
    QVariantMap values = validRow();
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        values.insert(it.key(), it.value());
    const ImportResult result = run({values});
    QCOMPARE(result.kind, ImportKind::Reduce);
    QStringList actual;
    for (const ImportProblem &p : result.problems)
        actual.append(p.code);
    QCOMPARE(actual, codes);
    QCOMPARE(result.rows, 1);
    QCOMPARE(result.valid, codes.isEmpty() ? 1 : 0);
    QCOMPARE(result.reduceItems.at(0).valid, codes.isEmpty());
    if (codes.isEmpty())
        return;
    QCOMPARE(result.problems.at(0).row, 3);
    if (!column.isEmpty())
        QCOMPARE(result.problems.at(0).column, column);
    if (!messagePart.isEmpty())
        QVERIFY2(result.problems.at(0).message.contains(messagePart), qPrintable(result.problems.at(0).message));
}

void TestReduceRowChecker::normalizedItem()
{
    QVariantMap values = validRow();
    values.insert(ImportColumns::changeType(), QStringLiteral(" 终止 "));
    values.insert(ImportColumns::changeReason(), QStringLiteral("出境定居"));
    values.insert(ImportColumns::stopMonth(), QStringLiteral("2025/5"));
    const ImportResult result = run({values});
    QCOMPARE(result.valid, 1);
    const ReduceImportItem &item = result.reduceItems.at(0);
    QCOMPARE(item.name, QStringLiteral("李四"));
    QCOMPARE(item.idNumber, person());
    QCOMPARE(item.changeTypeCode, QStringLiteral("3"));
    QCOMPARE(item.changeReasonCode, QStringLiteral("33"));
    QCOMPARE(item.stopMonth.toString(), QStringLiteral("2025-05"));
    QCOMPARE(result.skippedRules, QStringList({QStringLiteral("person.not_enrolled")}));
}

void TestReduceRowChecker::duplicateIds()
{
    const ImportResult result = run({validRow(), validRow()});
    QCOMPARE(result.valid, 1);
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.at(0).code, QStringLiteral("id.duplicate"));
    QCOMPARE(result.problems.at(0).row, 4);
}

QTEST_GUILESS_MAIN(TestReduceRowChecker)
#include "tst_reducerowchecker.moc"
