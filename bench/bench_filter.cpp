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

#include "models/domain/Person.h"
#include "models/itemmodels/PersonFilterModel.h"
#include "models/itemmodels/PersonTableModel.h"

using namespace shebao;

namespace {

QChar checkChar(const QString &first17)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (first17.at(i).unicode() - u'0') * weights[i];
    return QLatin1Char("10X98765432"[sum % 11]);
}

QList<Person> makePeople(int n)
{
    static const QStringList surnames{QStringLiteral("王"), QStringLiteral("李"), QStringLiteral("张"), QStringLiteral("刘"),
                                      QStringLiteral("陈"), QStringLiteral("杨"), QStringLiteral("黄"), QStringLiteral("赵"),
                                      QStringLiteral("周"), QStringLiteral("吴"), QStringLiteral("徐"), QStringLiteral("孙")};
    static const QStringList given{QStringLiteral("伟"), QStringLiteral("芳"), QStringLiteral("娜"), QStringLiteral("敏"),
                                   QStringLiteral("静"), QStringLiteral("丽"), QStringLiteral("强"), QStringLiteral("磊"),
                                   QStringLiteral("军"), QStringLiteral("洋"), QStringLiteral("勇"), QStringLiteral("艳"),
                                   QStringLiteral("杰"), QStringLiteral("涛"), QStringLiteral("明"), QStringLiteral("超")};
    static const QStringList regions{QStringLiteral("430102"), QStringLiteral("430103"), QStringLiteral("430104"),
                                     QStringLiteral("430105"), QStringLiteral("430111"), QStringLiteral("430121")};
    QList<Person> people;
    people.reserve(n);
    quint32 seed = 12345;
    auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
    for (int i = 0; i < n; ++i) {
        Person p;
        p.id = i + 1;
        p.personNo = QStringLiteral("43%1").arg(i + 1, 8, 10, QLatin1Char('0'));
        p.name = surnames[next() % surnames.size()] + given[next() % given.size()] + given[next() % given.size()];
        const QDate birth = QDate(1965, 1, 1).addDays(next() % 14000);
        const QString first17 = regions[next() % regions.size()] + birth.toString(QStringLiteral("yyyyMMdd"))
                              + QStringLiteral("%1").arg(next() % 1000, 3, 10, QLatin1Char('0'));
        p.idNumber = first17 + checkChar(first17);
        p.gender = (first17.at(16).unicode() - u'0') % 2 ? QStringLiteral("1") : QStringLiteral("2");
        p.birthDate = birth.toString(Qt::ISODate);
        p.phone = QStringLiteral("138%1").arg(next() % 100000000, 8, 10, QLatin1Char('0'));
        for (const char *ins : {"110", "210", "410"})
            p.enrolments.append(Enrolment{QString::fromLatin1(ins), QStringLiteral("2020-01"), {}, EnrolmentStatus::Active,
                                          Money::fromFen(500000)});
        people.append(std::move(p));
    }
    return people;
}

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
