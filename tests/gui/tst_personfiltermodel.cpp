#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "PeopleFixture.h"
#include "models/itemmodels/PersonFilterModel.h"
#include "models/itemmodels/PersonTableModel.h"

using namespace shebao;

class TestPersonFilterModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void passesModelTester();
    void matches();
    void typingMatchesBruteForce_data();
    void typingMatchesBruteForce();
    void headersStayWhenNothingMatches();
    void newSnapshotKeepsFilter();
    void revealReachesProxy();

private:
    QList<int> bruteForce(const QString &text) const;

    QList<Person> m_people;
    PersonTableModel *m_model = nullptr;
    PersonFilterModel *m_filter = nullptr;
};

void TestPersonFilterModel::init()
{
    m_people = test::makePeople(400);
    m_model = new PersonTableModel(this);
    m_model->setPersons(m_people);
    m_filter = new PersonFilterModel(this);
    m_filter->setPersonModel(m_model);
}

void TestPersonFilterModel::cleanup()
{
    delete m_filter;
    delete m_model;
}

QList<int> TestPersonFilterModel::bruteForce(const QString &text) const
{
    const QString needle = PersonFilterModel::normalize(text);
    QList<int> rows;
    for (int i = 0; i < m_people.size(); ++i) {
        const Person &p = m_people[i];
        if (p.name.toLower().contains(needle) || p.idNumber.toLower().contains(needle)
            || p.personNo.toLower().contains(needle))
            rows << i;
    }
    return rows;
}

void TestPersonFilterModel::passesModelTester()
{
    QAbstractItemModelTester tester(m_filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const char *text : {"张", "张伟", "", "4301", "zzz", "", "1960"})
        m_filter->setFilterText(QString::fromUtf8(text));
    m_model->setPersons(test::makePeople(20));
    m_model->setRevealed(0, true);
    QVERIFY(m_filter->rowCount() > 0);
}

void TestPersonFilterModel::matches()
{
    // Rows are chosen from the fixture so each case names what it proves.
    const Person &p = m_people.at(123);
    const QList<std::pair<QString, QList<int>>> cases{
        {p.name, bruteForce(p.name)},
        {p.idNumber, {123}},                            // full number although it is shown masked
        {p.idNumber.mid(6, 8), bruteForce(p.idNumber.mid(6, 8))},
        {p.personNo, {123}},
        {QStringLiteral("  ") + p.personNo + QStringLiteral(" "), {123}}, // blanks around pasted text
        {QStringLiteral("４３") + p.personNo.mid(2), {123}},            // full-width digits from an IME
        {m_people.at(9).idNumber.toLower(), {9}},                       // lower-case x
        {QStringLiteral("无此人"), {}},
    };
    for (const auto &[text, expected] : cases) {
        m_filter->setFilterText(text);
        QList<int> rows;
        for (int r = 0; r < m_filter->rowCount(); ++r)
            rows << m_filter->sourceRowOf(r);
        QCOMPARE(rows, expected);
        m_filter->setFilterText({});
        QCOMPARE(m_filter->rowCount(), m_people.size());
    }
}

void TestPersonFilterModel::typingMatchesBruteForce_data()
{
    QTest::addColumn<QStringList>("keystrokes");
    QTest::newRow("name grows") << QStringList{QStringLiteral("张"), QStringLiteral("张伟")};
    QTest::newRow("id grows then shrinks")
        << QStringList{QStringLiteral("4"), QStringLiteral("43"), QStringLiteral("4301"), QStringLiteral("430102196"),
                       QStringLiteral("43010219"), QStringLiteral("4301")};
    QTest::newRow("replace text") << QStringList{QStringLiteral("张"), QStringLiteral("王"), QStringLiteral("王芳")};
    QTest::newRow("middle growth") << QStringList{QStringLiteral("02"), QStringLiteral("0219"), QStringLiteral("10219")};
    QTest::newRow("case") << QStringList{QStringLiteral("x"), QStringLiteral("9X")};
}

void TestPersonFilterModel::typingMatchesBruteForce()
{
    QFETCH(QStringList, keystrokes);
    QSignalSpy changed(m_filter, &PersonFilterModel::filterChanged);
    for (const QString &text : keystrokes) {
        m_filter->setFilterText(text);
        QList<int> rows;
        for (int r = 0; r < m_filter->rowCount(); ++r)
            rows << m_filter->sourceRowOf(r);
        QCOMPARE(rows, bruteForce(text));
        // mapFromSource inverts mapToSource.
        for (int r = 0; r < m_filter->rowCount(); ++r)
            QCOMPARE(m_filter->mapFromSource(m_filter->mapToSource(m_filter->index(r, 1))).row(), r);
    }
    QCOMPARE(changed.size(), keystrokes.size());
}

void TestPersonFilterModel::headersStayWhenNothingMatches()
{
    m_filter->setFilterText(QStringLiteral("无此人"));
    QCOMPARE(m_filter->rowCount(), 0);
    QCOMPARE(m_filter->columnCount(), m_model->columnCount());
    QCOMPARE(m_filter->headerData(PersonTableModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Name"));
}

void TestPersonFilterModel::newSnapshotKeepsFilter()
{
    m_filter->setFilterText(QStringLiteral("张"));
    const int before = m_filter->rowCount();
    QVERIFY(before > 0);
    m_people = test::makePeople(800);
    m_model->setPersons(m_people);
    QCOMPARE(m_filter->filterText(), QStringLiteral("张"));
    QCOMPARE(m_filter->rowCount(), bruteForce(QStringLiteral("张")).size());
    QVERIFY(m_filter->rowCount() > before);
    QCOMPARE(m_filter->totalCount(), 800);
}

void TestPersonFilterModel::revealReachesProxy()
{
    const Person &p = m_people.at(50);
    m_filter->setFilterText(p.personNo);
    QCOMPARE(m_filter->rowCount(), 1);
    const QModelIndex id = m_filter->index(0, PersonTableModel::IdNumberColumn);
    QVERIFY(id.data().toString() != p.idNumber);
    QSignalSpy changed(m_filter, &QAbstractItemModel::dataChanged);
    m_model->setRevealed(m_filter->sourceRowOf(0), true);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(id.data().toString(), p.idNumber);
    m_model->setRevealed(49, true); // filtered out: nothing to tell the view
    QCOMPARE(changed.size(), 1);
}

QTEST_GUILESS_MAIN(TestPersonFilterModel)
#include "tst_personfiltermodel.moc"
