// The 100,000-row filter with a real QTableView attached (offscreen). Prints the per-keystroke
// figures for bench/README.md; it asserts what the view shows, not how fast (no timed tests).
#include <QElapsedTimer>
#include <QHeaderView>
#include <QTableView>
#include <QTest>

#include <algorithm>

#include "PeopleFixture.h"
#include "models/itemmodels/PersonFilterModel.h"
#include "models/itemmodels/PersonTableModel.h"

using namespace shebao;

class TestPersonFilterView : public QObject
{
    Q_OBJECT

private slots:
    void typingOverHundredThousandRows();
};

void TestPersonFilterView::typingOverHundredThousandRows()
{
    const QList<Person> people = test::makePeople(100000);
    PersonTableModel model;
    QElapsedTimer setup;
    setup.start();
    model.setPersons(people);
    PersonFilterModel filter;
    filter.setPersonModel(&model);
    const qint64 keysMs = setup.elapsed();

    QTableView view;
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.setModel(&filter);
    view.resize(1100, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCoreApplication::processEvents();

    // What a clerk types: a name, cleared, an ID number digit by digit, cleared.
    const Person &target = people.at(77777);
    QStringList keystrokes;
    for (int i = 1; i <= target.name.size(); ++i)
        keystrokes << target.name.left(i);
    for (int i = target.name.size() - 1; i >= 0; --i)
        keystrokes << target.name.left(i);
    for (int i = 1; i <= target.idNumber.size(); ++i)
        keystrokes << target.idNumber.left(i);
    for (int i = target.idNumber.size() - 1; i >= 0; --i)
        keystrokes << target.idNumber.left(i);

    QList<double> ms;
    QElapsedTimer timer;
    for (const QString &text : std::as_const(keystrokes)) {
        timer.start();
        filter.setFilterText(text);
        view.viewport()->repaint(); // the paint the clerk waits for
        QCoreApplication::processEvents();
        ms << double(timer.nsecsElapsed()) / 1e6;
        if (text == target.idNumber) {
            QCOMPARE(filter.rowCount(), 1);
            QCOMPARE(filter.index(0, PersonTableModel::NameColumn).data().toString(), target.name);
        }
    }
    QCOMPARE(filter.rowCount(), 100000);

    QList<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted.at(sorted.size() / 2);
    qInfo("filter 100000 rows with QTableView: %lld keystrokes, median %.2f ms, p90 %.2f ms, max %.2f ms "
          "(model + keys built in %lld ms)",
          qlonglong(ms.size()), median, sorted.at(sorted.size() * 9 / 10), sorted.last(), keysMs);
}

QTEST_MAIN(TestPersonFilterView)
#include "tst_personfilterview.moc"
