// Filtering the people table as the clerk types: 100,000 people in PersonTableModel, the
// purpose-built PersonFilterModel, and a QTableView attached and shown (offscreen), so each
// keystroke includes the view's reaction. Prints median / p90 / max per keystroke.
// Usage: QT_QPA_PLATFORM=offscreen bench_filter [persons]
#include <QApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QTableView>

#include <algorithm>
#include <cstdio>

#include "BenchPeople.h"
#include "models/domain/Person.h"
#include "models/itemmodels/PersonFilterModel.h"
#include "models/itemmodels/PersonTableModel.h"

using namespace shebao;
using shebao::bench::makePeople;

namespace {

struct Stats
{
    double median, p90, max;
};

Stats stats(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[qsizetype(ms.size() * 0.9)], ms.last()};
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;

    PersonTableModel table;
    QElapsedTimer load;
    load.start();
    table.setPersons(makePeople(n));
    PersonFilterModel filter;
    filter.setPersonModel(&table);
    const qint64 loadMs = load.elapsed();
    QTableView view;
    view.setModel(&filter);
    view.resize(1200, 800);
    view.show();
    app.processEvents();

    const Person &sample = table.personAt(n / 2);
    // What clerks type: an ID number digit by digit (then corrected), a name, a person number.
    const QStringList sequences{sample.idNumber, sample.name, sample.personNo.left(6), QStringLiteral("4301")};
    QList<double> times;
    QElapsedTimer t;
    for (const QString &typed : sequences) {
        for (qsizetype i = 1; i <= typed.size(); ++i) {
            t.start();
            filter.setFilterText(typed.left(i));
            app.processEvents();
            times << t.nsecsElapsed() / 1e6;
        }
        for (qsizetype i = typed.size() - 1; i >= 0; --i) { // backspace to empty
            t.start();
            filter.setFilterText(typed.left(i));
            app.processEvents();
            times << t.nsecsElapsed() / 1e6;
        }
    }
    const Stats s = stats(times);
    std::printf("people:                 %d (model + filter keys built in %lld ms)\n", n, loadMs);
    std::printf("keystrokes measured:    %lld (typing and backspacing ID number, name, person number)\n",
                qlonglong(times.size()));
    std::printf("per keystroke median:   %.2f ms   (target <= 30 ms)\n", s.median);
    std::printf("per keystroke p90:      %.2f ms\n", s.p90);
    std::printf("per keystroke max:      %.2f ms\n", s.max);
    return 0;
}
