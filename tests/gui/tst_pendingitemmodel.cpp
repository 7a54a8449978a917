// 待申报's model: one row per pending item, checkable in the first column, checks kept across a
// refresh for the items still pending. QAbstractItemModelTester watches every change.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "ui/Translations.h"
#include "ui/declaration/submit/PendingItemModel.h"

using namespace shebao;
using ui::PendingItemModel;

namespace {
DeclarationItem item(qint64 id, DeclarationKind kind, const QString &name)
{
    DeclarationItem i;
    i.id = id;
    i.itemNo = QStringLiteral("YD20261204%1").arg(id, 5, 10, QLatin1Char('0'));
    i.kind = kind;
    i.name = name;
    i.idNumber = QStringLiteral("430102199001011237");
    if (kind == DeclarationKind::Reduce) {
        i.changeType = QStringLiteral("2");
        i.changeReason = QStringLiteral("22");
        i.stopMonth = QStringLiteral("2026-11");
    } else {
        i.insurances = {QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")};
        i.startMonth = QStringLiteral("2026-12");
        i.wage = Money::fromFen(300000);
        i.base = Money::fromFen(430000);
    }
    return i;
}
} // namespace

class TestPendingItemModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsTheItems();
    void checkingAndAll();
    void checksSurviveARefresh();
};

void TestPendingItemModel::initTestCase()
{
    QVERIFY(ui::installTranslations(QStringLiteral("zh_CN")));
}

void TestPendingItemModel::showsTheItems()
{
    PendingItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    DeclarationItem returned = item(2, DeclarationKind::Reduce, QStringLiteral("李四"));
    returned.returnedReason = QStringLiteral("缺少签字");
    model.setItems({item(1, DeclarationKind::Add, QStringLiteral("张三")), returned});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, PendingItemModel::KindColumn).data().toString(), QStringLiteral("新增"));
    QCOMPARE(model.index(0, PendingItemModel::IdNumberColumn).data().toString(), QStringLiteral("430102********1237"));
    QCOMPARE(model.index(0, PendingItemModel::MonthColumn).data().toString(), QStringLiteral("2026年12月"));
    QCOMPARE(model.index(0, PendingItemModel::WageColumn).data().toString(), QStringLiteral("4,300.00"));
    QCOMPARE(model.index(0, PendingItemModel::DetailColumn).data().toString(), QStringLiteral("养老、失业、工伤"));
    QCOMPARE(model.index(1, PendingItemModel::DetailColumn).data().toString(), QStringLiteral("停保 / 辞职"));
    QCOMPARE(model.index(1, PendingItemModel::WageColumn).data().toString(), QString());
    QVERIFY(model.index(1, PendingItemModel::NameColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("缺少签字")));
    QVERIFY(model.index(1, 0).data(Qt::ForegroundRole).isValid());
    QVERIFY(model.flags(model.index(0, PendingItemModel::KindColumn)) & Qt::ItemIsUserCheckable);
    QVERIFY(!(model.flags(model.index(0, PendingItemModel::NameColumn)) & Qt::ItemIsUserCheckable));
    QCOMPARE(model.headerData(PendingItemModel::MonthColumn, Qt::Horizontal).toString(), QStringLiteral("参保/停保年月"));
}

void TestPendingItemModel::checkingAndAll()
{
    PendingItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setItems({item(5, DeclarationKind::Add, QStringLiteral("甲")), item(3, DeclarationKind::Renew, QStringLiteral("乙")),
                    item(9, DeclarationKind::Reduce, QStringLiteral("丙"))});
    QSignalSpy checked(&model, &PendingItemModel::checkedChanged);
    QVERIFY(model.setData(model.index(2, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.setData(model.index(0, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(!model.setData(model.index(0, 1), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.checkedIds(), (QList<qint64>{5, 9})); // list order, not click order
    QCOMPARE(checked.count(), 2);
    QCOMPARE(model.index(0, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    model.setAllChecked(true);
    QCOMPARE(model.checkedCount(), 3);
    model.setAllChecked(false);
    QCOMPARE(model.checkedCount(), 0);
}

void TestPendingItemModel::checksSurviveARefresh()
{
    PendingItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setItems({item(1, DeclarationKind::Add, QStringLiteral("甲")), item(2, DeclarationKind::Add, QStringLiteral("乙"))});
    model.setAllChecked(true);
    // Item 1 was declared elsewhere meanwhile; item 4 is new.
    model.setItems({item(4, DeclarationKind::Add, QStringLiteral("丁")), item(2, DeclarationKind::Add, QStringLiteral("乙"))});
    QCOMPARE(model.checkedIds(), QList<qint64>{2});
}

QTEST_MAIN(TestPendingItemModel)
#include "tst_pendingitemmodel.moc"
