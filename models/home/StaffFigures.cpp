#include "models/home/StaffFigures.h"

#include <QMap>

#include <bitset>

namespace shebao {

StaffFigures StaffFigures::compute(const QList<Person> &persons, YearMonth current)
{
    StaffFigures figures;
    // Coverage of the window [current − 12, current]: bit i is month first + i. The month
    // before the first shown month decides whether the first month's arrivals are new.
    const YearMonth first = current.addMonths(-MonthCount);
    constexpr int Span = MonthCount + 1;
    for (int i = 1; i < Span; ++i)
        figures.months.append(Month{first.addMonths(i), {}, {}});

    QMap<QString, QList<qint64>> enrolled; // ordered by code
    for (const Person &person : persons) {
        std::bitset<Span> covered;
        bool enrolledAnywhere = false;
        for (const Enrolment &e : person.enrolments) {
            if (!enrolled.contains(e.insurance))
                enrolled.insert(e.insurance, {});
            const bool open = e.endMonth.isEmpty();
            if (open && e.status == EnrolmentStatus::Active) {
                QList<qint64> &ids = enrolled[e.insurance];
                if (ids.isEmpty() || ids.constLast() != person.id)
                    ids.append(person.id);
                enrolledAnywhere = true;
            }
            const std::optional<YearMonth> start = YearMonth::parse(e.startMonth);
            const std::optional<YearMonth> end = open ? std::optional<YearMonth>(current) : YearMonth::parse(e.endMonth);
            if (!start || !end)
                continue; // a malformed period says nothing about months
            const int from = std::max(0, first.monthsTo(*start));
            const int to = std::min(Span - 1, first.monthsTo(std::min(*end, current)));
            for (int i = from; i <= to; ++i)
                covered.set(size_t(i));
        }
        if (enrolledAnywhere)
            figures.enrolledPeople.append(person.id);
        for (int i = 1; i < Span; ++i) {
            if (covered.test(size_t(i)) && !covered.test(size_t(i - 1)))
                figures.months[i - 1].added.append(person.id);
            else if (!covered.test(size_t(i)) && covered.test(size_t(i - 1)))
                figures.months[i - 1].removed.append(person.id);
        }
    }
    for (auto it = enrolled.cbegin(); it != enrolled.cend(); ++it)
        figures.insurances.append(Insurance{it.key(), it.value()});
    return figures;
}

} // namespace shebao
