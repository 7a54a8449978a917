#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "PeopleFixture.h"
#include "models/itemmodels/PersonTableModel.h"

using namespace shebao;

class TestPersonTableModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester();
    void columnsFollowInsurancesPresent();
    void idNumberMaskedUntilRevealed();
    void revealSurvivesNewSnapshot();
    void statusTexts_data();
    void statusTexts();
};

void TestPersonTableModel::passesModelTester()
{
    PersonTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPersons(test::makePeople(50));
    model.setRevealed(3, true);
    model.setPersons(test::makePeople(10));
    model.setPersons({});
    QCOMPARE(model.rowCount(), 0);
}

void TestPersonTableModel::columnsFollowInsurancesPresent()
{
    PersonTableModel model;
    model.setPersons(test::makePeople(5));
    // 310 comes after 410: the portal's order, not the numeric one.
    QCOMPARE(model.insuranceColumns(), (QStringList{QStringLiteral("110"), QStringLiteral("210"),
                                                   QStringLiteral("410"), QStringLiteral("310")}));
    QCOMPARE(model.columnCount(), 5 + 4 + 1);
    QCOMPARE(model.headerData(PersonTableModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Name"));
    QCOMPARE(model.headerData(model.columnOfInsurance(QStringLiteral("110")), Qt::Horizontal).toString(),
             QStringLiteral("Pension"));
    QCOMPARE(model.headerData(model.phoneColumn(), Qt::Horizontal).toString(), QStringLiteral("Phone"));
    QCOMPARE(model.columnOfInsurance(QStringLiteral("510")), -1);

    QList<Person> onlyPension = test::makePeople(1);
    onlyPension[0].enrolments.resize(1);
    model.setPersons(onlyPension);
    QCOMPARE(model.columnCount(), 5 + 1 + 1);
    QCOMPARE(model.index(0, model.phoneColumn()).data().toString(), onlyPension[0].phone);
}

void TestPersonTableModel::idNumberMaskedUntilRevealed()
{
    PersonTableModel model;
    const QList<Person> people = test::makePeople(3);
    model.setPersons(people);
    const QModelIndex id = model.index(1, PersonTableModel::IdNumberColumn);
    const QString full = people[1].idNumber;
    const QString masked = id.data().toString();
    QCOMPARE(masked.size(), 18);
    QCOMPARE(masked.left(6), full.left(6));
    QCOMPARE(masked.right(4), full.right(4));
    QCOMPARE(masked.mid(6, 8), QString(8, QLatin1Char('*')));
    QVERIFY(!masked.contains(full.mid(6, 8)));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRevealed(1, true);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), id);
    QCOMPARE(id.data().toString(), full);
    QVERIFY(id.data(PersonTableModel::RevealedRole).toBool());
    QVERIFY(model.index(0, PersonTableModel::IdNumberColumn).data().toString() != people[0].idNumber);

    model.setRevealed(1, true); // no change, no signal
    QCOMPARE(changed.size(), 1);
    model.setRevealed(1, false);
    QCOMPARE(id.data().toString(), masked);
}

void TestPersonTableModel::revealSurvivesNewSnapshot()
{
    PersonTableModel model;
    QList<Person> people = test::makePeople(4);
    model.setPersons(people);
    model.setRevealed(2, true);
    people.removeFirst(); // the revealed person moves to row 1
    model.setPersons(people);
    QVERIFY(model.isRevealed(1));
    QVERIFY(!model.isRevealed(2));
    QCOMPARE(model.index(1, PersonTableModel::IdNumberColumn).data().toString(), people[1].idNumber);
}

void TestPersonTableModel::statusTexts_data()
{
    QTest::addColumn<QList<Enrolment>>("enrolments");
    QTest::addColumn<QString>("expected");
    const auto e = [](const char *start, const char *end, EnrolmentStatus status) {
        return Enrolment{QStringLiteral("110"), QString::fromLatin1(start), QString::fromLatin1(end), status, {}};
    };
    QTest::newRow("open active") << QList<Enrolment>{e("2020-01", "", EnrolmentStatus::Active)}
                                 << QStringLiteral("Contributing");
    QTest::newRow("suspended") << QList<Enrolment>{e("2020-01", "", EnrolmentStatus::Suspended)}
                               << QStringLiteral("Suspended");
    QTest::newRow("closed only") << QList<Enrolment>{e("2018-01", "2019-01", EnrolmentStatus::Terminated)}
                                 << QStringLiteral("Terminated");
    QTest::newRow("open wins over later closed")
        << QList<Enrolment>{e("2015-01", "", EnrolmentStatus::Active), e("2018-01", "2019-01", EnrolmentStatus::Terminated)}
        << QStringLiteral("Contributing");
    QTest::newRow("other insurance only")
        << QList<Enrolment>{Enrolment{QStringLiteral("210"), QStringLiteral("2020-01"), {}, EnrolmentStatus::Active, {}}}
        << QStringLiteral("Not enrolled");
}

void TestPersonTableModel::statusTexts()
{
    QFETCH(QList<Enrolment>, enrolments);
    QFETCH(QString, expected);
    QList<Person> people = test::makePeople(2);
    people[1].enrolments = enrolments;
    PersonTableModel model;
    model.setPersons(people); // person 0 keeps 110, so the column exists
    QCOMPARE(model.index(1, model.columnOfInsurance(QStringLiteral("110"))).data().toString(), expected);
}

QTEST_GUILESS_MAIN(TestPersonTableModel)
#include "tst_persontablemodel.moc"
