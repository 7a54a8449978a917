#pragma once

#include <QJsonObject>

#include "models/core/Result.h"
#include "models/domain/Person.h"
#include "models/domain/Unit.h"

// The JSON form of the API types (docs/openapi.yaml). Field names are snake_case; money is a
// yuan string with two decimals; months are "YYYY-MM"; dates "YYYY-MM-DD". Decoding never
// trusts its input: a missing or mistyped field is an Error naming the JSON path.
namespace shebao::json {

QJsonObject encode(const Unit &unit);
QJsonObject encode(const Enrolment &enrolment);
QJsonObject encode(const Person &person);

Result<Unit> decodeUnit(const QJsonObject &object);
Result<Enrolment> decodeEnrolment(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<Person> decodePerson(const QJsonObject &object, const QString &path = QStringLiteral("$"));

} // namespace shebao::json
