// The 批量导入 preview model: the file's rows with Excel's row numbers, every problem on its cell
// (tooltip, colour, roles), row-level problems on the first cell, later problems (the server's
// refusals) added in place. QAbstractItemModelTester watches every change.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "ui/declaration/import/ImportPreviewModel.h"

using namespace shebao;
using ui::ImportPreviewModel;

namespace {
ImportCell text(const QString &value)
{
    ImportCell cell;
    cell.text = value;
    cell.kind = value.isEmpty() ? ImportCell::Kind::Empty : ImportCell::Kind::String;
    return cell;
}

ImportRow row(int number, const QStringList &cells)
{
    ImportRow r;
    r.number = number;
    for (const QString &c : cells)
        r.cells.append(text(c));
    return r;
}

ImportSheet sheet()
{
    ImportSheet s;
    s.name = QStringLiteral("新增续保");
    s.rows = {row(1, {QStringLiteral("新增人员名单")}),
              row(2, {QStringLiteral("姓名"), QStringLiteral("* 公民身份号码"), QStringLiteral("工资基数"), QString()}),
              row(3, {QStringLiteral("张三"), QStringLiteral("430102199001011237"), QStringLiteral("6000")}),
              row(5, {QStringLiteral("李四"), QStringLiteral("430102199001011234"), QStringLiteral("3000")}),
              row(6, {}),
              row(7, {QStringLiteral("王五"), QStringLiteral("４３０１０２"), QStringLiteral("abc")})};
    return s;
}

ImportProblem makeProblem(int rowNumber, const QString &column, const QString &code, bool error, const QString &message)
{
    return {rowNumber, column, code, error ? ImportProblem::Severity::Error : ImportProblem::Severity::Warning, message};
}
} // namespace

class TestImportPreviewModel : public QObject
{
    Q_OBJECT

private slots:
    void rowsAndHeaders();
    void problemsOnTheirCells();
    void rowProblemsOnTheFirstCell();
    void laterProblemsAreAdded();
};

void TestImportPreviewModel::rowsAndHeaders()
{
    ImportPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSheet(sheet(), 2, {});
    QCOMPARE(model.columnCount(), 3); // the empty trailing header cell carries nothing
    QCOMPARE(model.rowCount(), 3);    // title, header and the blank row 6 are not data
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("* 公民身份号码"));
    QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 3);
    QCOMPARE(model.headerData(1, Qt::Vertical).toInt(), 5);
    QCOMPARE(model.headerData(2, Qt::Vertical).toInt(), 7);
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("李四"));
    QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("430102")); // folded as the checker reads it
    QCOMPARE(model.index(1, 0).data(ImportPreviewModel::RowNumberRole).toInt(), 5);
    QVERIFY(!model.index(0, 0).data(Qt::ToolTipRole).isValid());
    QCOMPARE(model.rowOfNumber(7), 2);
    QCOMPARE(model.rowOfNumber(6), -1);
}

void TestImportPreviewModel::problemsOnTheirCells()
{
    ImportPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<ImportProblem> problems{
        makeProblem(5, QStringLiteral("公民身份号码"), QStringLiteral("id.checksum"), true, QStringLiteral("校验码错误")),
        makeProblem(5, QStringLiteral("工资基数"), QStringLiteral("wage.out_of_range"), false, QStringLiteral("低于下限")),
        makeProblem(7, QStringLiteral("工资基数"), QStringLiteral("wage.invalid"), true, QStringLiteral("不是金额")),
        makeProblem(7, QStringLiteral("工资基数"), QStringLiteral("other"), false, QStringLiteral("第二条"))};
    model.setSheet(sheet(), 2, problems);
    // Matched after normalizing the file's header ("* 公民身份号码").
    const QModelIndex id = model.index(1, 1);
    QCOMPARE(id.data(ImportPreviewModel::SeverityRole).toString(), QStringLiteral("error"));
    QCOMPARE(id.data(Qt::ToolTipRole).toString(), QStringLiteral("校验码错误"));
    QCOMPARE(id.data(Qt::AccessibleDescriptionRole).toString(), QStringLiteral("校验码错误"));
    QCOMPARE(id.data(Qt::BackgroundRole).value<QBrush>().color(), QColor(0xff, 0xd6, 0xd6));
    QCOMPARE(model.index(1, 2).data(ImportPreviewModel::SeverityRole).toString(), QStringLiteral("warning"));
    QCOMPARE(model.index(1, 2).data(Qt::BackgroundRole).value<QBrush>().color(), QColor(0xff, 0xf0, 0xc0));
    // Two problems on one cell: both messages, the worse colour.
    QCOMPARE(model.index(2, 2).data(ImportPreviewModel::ProblemsRole).toStringList(),
             (QStringList{QStringLiteral("不是金额"), QStringLiteral("第二条")}));
    QCOMPARE(model.index(2, 2).data(ImportPreviewModel::SeverityRole).toString(), QStringLiteral("error"));
    QVERIFY(!model.index(0, 1).data(ImportPreviewModel::SeverityRole).isValid());
    QCOMPARE(model.indexOf(problems.at(0)), id);
    // Rows with errors have a red row number.
    QVERIFY(model.headerData(1, Qt::Vertical, Qt::ForegroundRole).isValid());
    QVERIFY(!model.headerData(0, Qt::Vertical, Qt::ForegroundRole).isValid());
}

void TestImportPreviewModel::rowProblemsOnTheFirstCell()
{
    ImportPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const ImportProblem missing =
        makeProblem(3, QStringLiteral("联系电话"), QStringLiteral("required.missing"), true, QStringLiteral("缺少联系电话"));
    const ImportProblem elsewhere = makeProblem(99, QStringLiteral("姓名"), QStringLiteral("x"), true, QStringLiteral("x"));
    model.setSheet(sheet(), 2, {missing, elsewhere});
    QCOMPARE(model.indexOf(missing), model.index(0, 0));
    QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("缺少联系电话"));
    QVERIFY(!model.indexOf(elsewhere).isValid());
    QCOMPARE(model.problems().size(), 2);
}

void TestImportPreviewModel::laterProblemsAreAdded()
{
    ImportPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSheet(sheet(), 2, {});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.addProblems({makeProblem(3, QStringLiteral("公民身份号码"), QStringLiteral("person.enrolled"), true,
                               QStringLiteral("已在其他单位参保"))});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), model.index(0, 1));
    QCOMPARE(model.index(0, 1).data(Qt::ToolTipRole).toString(), QStringLiteral("已在其他单位参保"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

QTEST_MAIN(TestImportPreviewModel)
#include "tst_importpreviewmodel.moc"
