// 首页's figures from the cached people: enrolled per 险种, arrivals and departures per month,
// and the monthly deadline with its reminder.
#include <QtTest>

#include "models/home/MonthlyDeadline.h"
#include "models/home/StaffFigures.h"

using namespace shebao;

namespace {

const YearMonth Current = *YearMonth::parse(u"2026-03");

Enrolment period(const char *insurance, const char *start, const char *end = "",
                 EnrolmentStatus status = EnrolmentStatus::Active)
{
    Enrolment e;
    e.insurance = QString::fromLatin1(insurance);
    e.startMonth = QString::fromLatin1(start);
    e.endMonth = QString::fromLatin1(end);
    e.status = *end ? (status == EnrolmentStatus::Active ? EnrolmentStatus::Suspended : status) : status;
    return e;
}

Person person(qint64 id, QList<Enrolment> enrolments)
{
    Person p;
    p.id = id;
    p.name = QStringLiteral("人员%1").arg(id);
    p.enrolments = std::move(enrolments);
    return p;
}

const StaffFigures::Month &month(const StaffFigures &f, const char *text)
{
    const YearMonth m = *YearMonth::parse(QString::fromLatin1(text));
    for (const StaffFigures::Month &month : f.months) {
        if (month.month == m)
            return month;
    }
    static const StaffFigures::Month none;
    qWarning("no month %s", text);
    return none;
}

} // namespace

class TestStaffFigures : public QObject
{
    Q_OBJECT

private slots:
    void twelveMonthsEndingNow()
    {
        const StaffFigures f = StaffFigures::compute({}, Current);
        QCOMPARE(f.months.size(), 12);
        QCOMPARE(f.months.first().month.toString(), QStringLiteral("2025-04"));
        QCOMPARE(f.months.last().month.toString(), QStringLiteral("2026-03"));
        QVERIFY(f.insurances.isEmpty());
        QVERIFY(f.enrolledPeople.isEmpty());
    }

    void enrolledPerInsurance()
    {
        const QList<Person> people{
            person(1, {period("110", "2020-01"), period("210", "2020-01"), period("410", "2020-01")}),
            person(2, {period("110", "2021-05"), period("310", "2019-01", "2022-12")}),
            // Left the unit: closed periods only.
            person(3, {period("110", "2018-01", "2025-06")}),
            // An open period whose payment is suspended (暂停缴费) is not 参保缴费.
            person(4, {period("110", "2024-01", "", EnrolmentStatus::Suspended)}),
        };
        const StaffFigures f = StaffFigures::compute(people, Current);
        QStringList codes;
        for (const auto &i : f.insurances)
            codes << i.code;
        QCOMPARE(codes, (QStringList{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("310"),
                                     QStringLiteral("410")}));
        QCOMPARE(f.insurances.at(0).enrolled, (QList<qint64>{1, 2}));
        QCOMPARE(f.insurances.at(1).enrolled, (QList<qint64>{1}));
        QVERIFY(f.insurances.at(2).enrolled.isEmpty());
        QCOMPARE(f.insurances.at(3).enrolled, (QList<qint64>{1}));
        QCOMPARE(f.enrolledPeople, (QList<qint64>{1, 2}));
    }

    void arrivalsAndDepartures()
    {
        const QList<Person> people{
            // 新增 in 2025-09 with three 险种: one arrival, not three.
            person(1, {period("110", "2025-09"), period("210", "2025-09"), period("410", "2025-09")}),
            // Last paid month 2025-11: the 减少 takes effect in 2025-12.
            person(2, {period("110", "2020-01", "2025-11"), period("210", "2020-01", "2025-11")}),
            // Gone in 2025-07, back (续保) in 2026-02.
            person(3, {period("110", "2019-01", "2025-06"), period("110", "2026-02")}),
            // A 险种 added while already enrolled is no arrival.
            person(4, {period("110", "2019-01"), period("410", "2025-10")}),
            // Before the window: neither.
            person(5, {period("110", "2010-01", "2015-12")}),
            // Arrived exactly in the first shown month; left in the current month.
            person(6, {period("110", "2025-04", "2026-02")}),
            // Arrived the month before the window: no arrival shown.
            person(7, {period("110", "2025-03")}),
        };
        const StaffFigures f = StaffFigures::compute(people, Current);
        QCOMPARE(month(f, "2025-09").added, (QList<qint64>{1}));
        QCOMPARE(month(f, "2025-12").removed, (QList<qint64>{2}));
        QCOMPARE(month(f, "2025-07").removed, (QList<qint64>{3}));
        QCOMPARE(month(f, "2026-02").added, (QList<qint64>{3}));
        QVERIFY(month(f, "2025-10").added.isEmpty());
        QCOMPARE(month(f, "2025-04").added, (QList<qint64>{6}));
        QCOMPARE(month(f, "2026-03").removed, (QList<qint64>{6}));
        int arrivals = 0;
        int departures = 0;
        for (const auto &m : f.months) {
            arrivals += int(m.added.size());
            departures += int(m.removed.size());
        }
        QCOMPARE(arrivals, 3);
        QCOMPARE(departures, 3);
    }

    void malformedPeriodsAreIgnored()
    {
        const StaffFigures f = StaffFigures::compute({person(1, {period("110", "2025-13")}), person(2, {period("110", "")})},
                                                     Current);
        for (const auto &m : f.months)
            QVERIFY(m.added.isEmpty() && m.removed.isEmpty());
    }

    void deadline_data()
    {
        QTest::addColumn<QDate>("today");
        QTest::addColumn<int>("day");
        QTest::addColumn<int>("reminder");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<int>("daysLeft");
        QTest::addColumn<bool>("near");
        QTest::newRow("well before") << QDate(2026, 3, 10) << 25 << 3 << QDate(2026, 3, 25) << 15 << false;
        QTest::newRow("three days") << QDate(2026, 3, 22) << 25 << 3 << QDate(2026, 3, 25) << 3 << true;
        QTest::newRow("four days") << QDate(2026, 3, 21) << 25 << 3 << QDate(2026, 3, 25) << 4 << false;
        QTest::newRow("the day itself") << QDate(2026, 3, 25) << 25 << 0 << QDate(2026, 3, 25) << 0 << true;
        QTest::newRow("passed: next month") << QDate(2026, 3, 26) << 25 << 3 << QDate(2026, 4, 25) << 30 << false;
        QTest::newRow("31 in February") << QDate(2026, 2, 10) << 31 << 3 << QDate(2026, 2, 28) << 18 << false;
        QTest::newRow("31 in a leap February") << QDate(2028, 2, 27) << 31 << 3 << QDate(2028, 2, 29) << 2 << true;
        QTest::newRow("after the 30th of April") << QDate(2026, 5, 1) << 31 << 3 << QDate(2026, 5, 31) << 30 << false;
        QTest::newRow("year end") << QDate(2026, 12, 28) << 20 << 5 << QDate(2027, 1, 20) << 23 << false;
    }

    void deadline()
    {
        QFETCH(QDate, today);
        QFETCH(int, day);
        QFETCH(int, reminder);
        QFETCH(QDate, date);
        QFETCH(int, daysLeft);
        QFETCH(bool, near);
        const MonthlyDeadline d = MonthlyDeadline::next(today, day, reminder);
        QCOMPARE(d.date, date);
        QCOMPARE(d.daysLeft, daysLeft);
        QCOMPARE(d.near, near);
    }
};

QTEST_GUILESS_MAIN(TestStaffFigures)
#include "tst_stafffigures.moc"
