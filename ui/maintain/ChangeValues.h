#pragma once

#include <QMap>
#include <QString>

#include "models/change/ChangeFields.h"
#include "models/domain/Person.h"
#include "models/domain/Unit.h"

namespace shebao::ui {

// The agency's current value of every member of ChangeFields::of(target), as stored (codes,
// "YYYY-MM-DD", the risk class as text): the 当前 column of the 信息变更 forms, read from the
// unit and people the local cache holds after a sync.
using ChangeValueMap = QMap<QString, QString>;

ChangeValueMap currentValues(const Unit &unit);
ChangeValueMap currentValues(const Person &person);

// "credit_code" → "creditCode": the stem of the form's objectNames.
QString memberObjectStem(const QString &member);

} // namespace shebao::ui
