#pragma once

#include <QList>
#include <QString>

#include "models/domain/Person.h"

namespace shebao::test {

// Synthetic people for the item-model tests and the 100,000-row filter measurement:
// deterministic names, 18-character ID numbers and enrolments in 110/210/410 (310 for some).
QList<Person> makePeople(int count);

} // namespace shebao::test
