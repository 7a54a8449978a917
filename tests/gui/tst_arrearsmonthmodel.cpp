// The 断档补缴 wizard's months (ui/pay/ArrearsMonthModel) under QAbstractItemModelTester: one pair of
// 单位 / 个人 columns per 险种 of the estimate, amounts as display strings with their fen, the
// limit a wage was clamped to, the late-fee days with their due date.
#include <QAbstractItemModelTester>
#include <QTest>

#include "tests/unit/printing/BillSamples.h"
#include "ui/pay/ArrearsMonthModel.h"
#include "ui/Translations.h"

using namespace shebao;
using ui::ArrearsMonthModel;

class TestArrearsMonthModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(ui::installTranslations(QStringLiteral("zh_CN"))); }

    void columnsFollowTheInsurances()
    {
        ArrearsMonthModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), 3 + 4); // month, period, base; principal, days, fee, subtotal
        const Bill three = samples::bill(*YearMonth::of(2019, 3), 4);
        model.setEstimate(three.estimate);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), 3 + 6 + 4);
        QCOMPARE(model.insurances(), (QStringList{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")}));
        QStringList headers;
        for (int c = 0; c < model.columnCount(); ++c)
            headers << model.headerData(c, Qt::Horizontal).toString();
        QCOMPARE(headers, (QStringList{QStringLiteral("所属期"), QStringLiteral("政策期间"), QStringLiteral("缴费基数"),
                                       QStringLiteral("养老单位"), QStringLiteral("养老个人"), QStringLiteral("失业单位"),
                                       QStringLiteral("失业个人"), QStringLiteral("工伤单位"), QStringLiteral("工伤个人"),
                                       QStringLiteral("本金"), QStringLiteral("滞纳天数"), QStringLiteral("滞纳金"),
                                       QStringLiteral("小计")}));
        const ArrearsMonth &m = three.estimate.months.first();
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("2019-03"));
        QCOMPARE(model.index(0, 1).data().toString(), m.period);
        QCOMPARE(model.index(0, 3).data().toString(), m.items.at(0).unit.toDisplayString());
        QCOMPARE(model.index(0, 3).data(Qt::UserRole).toLongLong(), m.items.at(0).unit.fen());
        QCOMPARE(model.index(0, 6).data().toString(), m.items.at(1).person.toDisplayString());
        QCOMPARE(model.index(0, 9).data().toString(), m.principal.toDisplayString());
        QCOMPARE(model.index(0, 10).data().toString(), QString::number(m.lateFeeDays));
        QVERIFY(model.index(0, 10).data(Qt::ToolTipRole).toString().contains(m.dueDate.toString(Qt::ISODate)));
        QCOMPARE(model.index(0, 11).data(Qt::UserRole).toLongLong(), m.lateFee.fen());
        QCOMPARE(model.index(0, 12).data(Qt::UserRole).toLongLong(), m.total().fen());
        QCOMPARE(model.index(0, 0).data(Qt::UserRole), QVariant());

        const Bill five = samples::bill(*YearMonth::of(2010, 1), 2,
                                        {QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("310"),
                                         QStringLiteral("410"), QStringLiteral("510")});
        model.setEstimate(five.estimate);
        QCOMPARE(model.columnCount(), 3 + 10 + 4);
        QCOMPARE(model.headerData(9, Qt::Horizontal).toString(), QStringLiteral("工伤单位"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void clampedBaseSaysWhichLimit()
    {
        ArrearsMonthModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ArrearsEstimate e = samples::bill(*YearMonth::of(2024, 3), 2).estimate;
        e.months[0].base.clamp = BaseClamp::Lower;
        e.months[0].base.wage = Money::fromFen(300000);
        e.months[1].base.clamp = BaseClamp::Upper;
        model.setEstimate(e);
        QVERIFY(model.index(0, 2).data().toString().endsWith(QStringLiteral("（按下限）")));
        QVERIFY(model.index(0, 2).data(Qt::ToolTipRole).toString().contains(QStringLiteral("3,000.00")));
        QVERIFY(model.index(1, 2).data().toString().endsWith(QStringLiteral("（按上限）")));
    }
};

QTEST_MAIN(TestArrearsMonthModel)
#include "tst_arrearsmonthmodel.moc"
