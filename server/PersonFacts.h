#pragma once

#include <QList>
#include <QString>

#include "models/core/Result.h"
#include "models/declaration/Declaration.h"

namespace shebao::server {

class Database;

// What the agency knows of one ID number, seen from one unit: the facts every 异动 rule asks
// about (earlier enrolment anywhere, open enrolment here or elsewhere, a pending key change).
// Other units' periods are kept only as "not this unit"; their identity never leaves here.
struct PersonFacts
{
    qint64 personId = 0;        // 0: unknown to the agency
    QString personNo;
    QString name;
    DeclarationPerson person;
    bool hasEnrolment = false;
    bool activeHere = false;
    bool activeElsewhere = false;
    bool pendingChange = false;
    QList<LookupPeriod> history;

    bool known() const { return personId != 0; }

    static Result<PersonFacts> load(Database &db, qint64 unitId, const QString &idNumber);
};

} // namespace shebao::server
