// 银行缴费单查询's list (ui/pay/BillTableModel) under QAbstractItemModelTester: columns, Beijing
// times, state names and colours, the next page appended without repeating a row, a bill seen
// again (paid, cancelled) replacing its row in place.
#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSignalSpy>
#include <QTest>

#include "tests/unit/printing/BillSamples.h"
#include "ui/pay/BillTableModel.h"
#include "ui/Translations.h"

using namespace shebao;
using ui::BillTableModel;

namespace {

Bill row(qint64 sequence, BillState state = BillState::Unpaid)
{
    Bill b = samples::bill(*YearMonth::of(2020, 1), 3, {QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")},
                           false, sequence);
    b.state = state;
    b.hasEstimate = false; // as GET /bills lists them
    b.estimate = {};
    b.createdAt = QDateTime(QDate(2026, 12, 4), QTime(17, 30), Qt::UTC); // 01:30 the next day in Beijing
    return b;
}

} // namespace

class TestBillTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(ui::installTranslations(QStringLiteral("zh_CN"))); }

    void rowsAndColumns()
    {
        BillTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBills({row(2), row(1, BillState::Paid)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(BillTableModel::ColumnCount));
        const QString number = row(2).number;
        QCOMPARE(model.index(0, BillTableModel::Number).data().toString(), number);
        QCOMPARE(model.index(0, BillTableModel::Number).data(Qt::UserRole).toString(), number);
        QCOMPARE(model.index(0, BillTableModel::State).data().toString(), QStringLiteral("未缴费"));
        QCOMPARE(model.index(0, BillTableModel::State).data(Qt::UserRole).toString(), QStringLiteral("unpaid"));
        QCOMPARE(model.index(1, BillTableModel::State).data().toString(), QStringLiteral("已缴费"));
        QCOMPARE(model.index(0, BillTableModel::Person).data().toString(), QStringLiteral("欧阳明娜"));
        QCOMPARE(model.index(0, BillTableModel::IdNumber).data().toString(), QStringLiteral("430102********8829"));
        QCOMPARE(model.index(0, BillTableModel::Months).data().toString(), QStringLiteral("2020-01 至 2020-03（3 个月）"));
        QCOMPARE(model.index(0, BillTableModel::Total).data().toString(), row(2).total.toDisplayString());
        QCOMPARE(model.index(0, BillTableModel::Total).data(Qt::UserRole).toLongLong(), row(2).total.fen());
        QCOMPARE(model.index(0, BillTableModel::IssuedAt).data().toString(), QStringLiteral("2026-12-05 01:30"));
        QCOMPARE(model.index(0, BillTableModel::PayBy).data().toString(), QStringLiteral("2026-12-10"));
        QCOMPARE(model.headerData(BillTableModel::Number, Qt::Horizontal).toString(), QStringLiteral("业务单据号"));
        // Paid green, unpaid amber, the rest grey.
        const QColor paid = model.index(1, BillTableModel::State).data(Qt::ForegroundRole).value<QBrush>().color();
        const QColor unpaid = model.index(0, BillTableModel::State).data(Qt::ForegroundRole).value<QBrush>().color();
        QVERIFY(paid.green() > paid.red());
        QVERIFY(unpaid.red() > unpaid.blue());
        QVERIFY(!model.index(0, BillTableModel::Person).data(Qt::ForegroundRole).isValid());
    }

    void nextPageAndUpdates()
    {
        BillTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBills({row(3), row(2)});
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.append({row(2), row(1)}); // the page boundary moved: row 2 is not listed twice
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.at(2).number, row(1).number);
        model.append({row(1)});
        QCOMPARE(model.rowCount(), 3);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        Bill paid = row(2, BillState::Paid);
        paid.payment = BillPayment{QStringLiteral("sandbox"), QStringLiteral("SBX0001"), QStringLiteral("online"), paid.total,
                                   QDateTime(QDate(2026, 12, 5), QTime(2, 0), Qt::UTC)};
        model.update(paid);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.rowOf(paid.number), 1);
        QCOMPARE(model.index(1, BillTableModel::State).data().toString(), QStringLiteral("已缴费"));
        QCOMPARE(model.index(1, BillTableModel::State).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("2026-12-05 10:00 已缴费（流水号 SBX0001）"));
        model.update(row(99)); // not listed: nothing happens
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(changed.count(), 1);
        model.setBills({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestBillTableModel)
#include "tst_billtablemodel.moc"
