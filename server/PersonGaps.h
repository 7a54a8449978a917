#pragma once

#include <QDate>
#include <QString>

#include <optional>

#include "models/bill/Bill.h"
#include "models/core/Result.h"
#include "models/policy/PolicyTable.h"
#include "server/GapFinder.h"

namespace shebao::server {

class BillStore;
class Database;

// One person's gaps with one unit as the database holds them (docs/bills.md, Gaps): the person
// (by 公民身份号码, as typed or its 18-character form), every enrolment of theirs, the unit's
// risk class, and the months already in open bills. A person who never had an enrolment with the
// unit is arrears.not_enrolled, exactly as a person the agency does not know.
struct PersonGaps
{
    qint64 personId = 0;
    QString idNumber;             // as stored
    QDate birthDate;
    ArrearsGaps answer;           // units: exactly the caller's unit

    const UnitGaps &unit() const { return answer.units.constFirst(); }

    // today: the Beijing date of the server's clock. employedFrom was checked for its form and
    // the 1995 floor; here against the window's start and the person's 16th birthday.
    static Result<PersonGaps> load(Database &db, BillStore &bills, const PolicyTable &policy, qint64 unitId,
                                   const QString &idNumber, std::optional<YearMonth> employedFrom, QDate today);

    static Error notEnrolled();
};

} // namespace shebao::server
