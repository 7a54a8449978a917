// The person picker of the 参保证明 page (ui/certificate/PersonPickerModel) under
// QAbstractItemModelTester: masked ID numbers, the 个人编号 under Qt::UserRole, lookup by the shown
// text or by the number, and nothing for a name that is nobody of the unit.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QRegularExpression>
#include <QTest>

#include "ui/certificate/PersonPickerModel.h"

using namespace shebao;
using ui::PersonPickerModel;

class TestPersonPickerModel : public QObject
{
    Q_OBJECT

private slots:
    void textsAndLookup()
    {
        PersonPickerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Person a;
        a.personNo = QStringLiteral("43900000003");
        a.name = QStringLiteral("杨晓燕");
        a.idNumber = QStringLiteral("430181199001017069");
        Person b = a;
        b.personNo = QStringLiteral("43900000004");
        b.name = QStringLiteral("欧阳秀英");
        b.idNumber = QStringLiteral("43010219850615352X");
        model.setPersons({a, b});
        QCOMPARE(model.rowCount(), 2);
        const QString shown = model.index(0).data().toString();
        QCOMPARE(shown, QStringLiteral("杨晓燕　43900000003　430181********7069"));
        QVERIFY(!shown.contains(QStringLiteral("19900101"))); // the birth date stays hidden
        QCOMPARE(model.index(1).data(Qt::UserRole).toString(), QStringLiteral("43900000004"));
        QCOMPARE(model.find(shown), 0);
        QCOMPARE(model.find(QStringLiteral(" 43900000004 ")), 1);
        QCOMPARE(model.find(QStringLiteral("杨晓燕")), -1); // a bare name may be two people: pick from the list
        QCOMPARE(model.find(QString()), -1);
        model.setPersons({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.find(shown), -1);
    }

    // QComboBox asks an empty model for row -1 (its current item's icon); that is no misuse.
    void emptyInAComboBoxWarnsNothing()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        PersonPickerModel model;
        QComboBox combo;
        combo.setModel(&model);
        combo.setEditable(true);
        QCOMPARE(combo.currentIndex(), -1);
        QVERIFY(combo.itemIcon(-1).isNull());
    }
};

QTEST_MAIN(TestPersonPickerModel)
#include "tst_personpickermodel.moc"
