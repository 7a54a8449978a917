#pragma once

#include <QJsonObject>

#include "models/change/ChangeRequest.h"
#include "models/core/Result.h"

// The JSON of 信息维护 (docs/changes.md, docs/openapi.yaml), in the style of DeclarationJson:
// snake_case members, times ISO 8601 UTC, decoding that names the JSON path of a problem.
namespace shebao::json {

QJsonObject encode(const FieldChange &change);
QJsonObject encode(const ChangeAttachment &attachment);
QJsonObject encode(const ChangeRequest &request);
// The body of POST /changes: {"target", "person_no"?, "changes": {member: value}, "attachments": [ids],
// "credit_code_override"}.
QJsonObject encode(const ChangeSubmission &submission);

Result<FieldChange> decodeFieldChange(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<ChangeAttachment> decodeAttachment(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<ChangeRequest> decodeChangeRequest(const QJsonObject &object, const QString &path = QStringLiteral("$"));

} // namespace shebao::json
