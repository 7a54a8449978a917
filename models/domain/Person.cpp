#include "models/domain/Person.h"

namespace shebao {

QString enrolmentStatusCode(EnrolmentStatus status)
{
    switch (status) {
    case EnrolmentStatus::Active: return QStringLiteral("active");
    case EnrolmentStatus::Suspended: return QStringLiteral("suspended");
    case EnrolmentStatus::Terminated: return QStringLiteral("terminated");
    }
    return QStringLiteral("active");
}

bool parseEnrolmentStatus(const QString &code, EnrolmentStatus *status)
{
    for (EnrolmentStatus s : {EnrolmentStatus::Active, EnrolmentStatus::Suspended, EnrolmentStatus::Terminated}) {
        if (enrolmentStatusCode(s) == code) {
            *status = s;
            return true;
        }
    }
    return false;
}

bool Person::statusOf(const QString &insurance, EnrolmentStatus *status) const
{
    const Enrolment *latest = nullptr;
    for (const Enrolment &e : enrolments) {
        if (e.insurance != insurance)
            continue;
        // The open period describes the person now; without one, the period that started last.
        const bool latestIsOpen = latest && latest->endMonth.isEmpty();
        if (!latest || (!latestIsOpen && (e.endMonth.isEmpty() || e.startMonth > latest->startMonth)))
            latest = &e;
    }
    if (!latest)
        return false;
    *status = latest->status;
    return true;
}

} // namespace shebao
