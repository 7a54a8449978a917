#pragma once

#include <QJsonObject>

#include "models/core/Result.h"
#include "models/declaration/Declaration.h"

// The JSON form of the 异动 types (docs/declarations.md, docs/openapi.yaml): snake_case members,
// money as yuan strings with two decimals, months "YYYY-MM", times ISO 8601 UTC. The server
// encodes its answers with these; the client decodes them and encodes its requests.
// Decoding never trusts its input: a missing or mistyped member is an Error (json.field)
// naming the JSON path. The server checks request bodies itself, with per-field Chinese
// messages (server/FormChecks.h), rather than through decode*.
namespace shebao::json {

QJsonObject encode(const DeclarationNotice &notice);
QJsonObject encode(const DeclarationPerson &person);
// The whole item as the server answers it.
QJsonObject encode(const DeclarationItem &item);
// Only what a client may send in POST /declarations/items: kind, name, id_number and either
// person, insurances, start_month, wage (新增 / 续保) or change_type, change_reason, stop_month (减少).
QJsonObject encodeItemRequest(const DeclarationItem &item);
QJsonObject encode(const BatchEvent &event);
// Lists carry no items: `withItems` false leaves "items" out.
QJsonObject encode(const DeclarationBatch &batch, bool withItems = true);
QJsonObject encode(const LookupPeriod &period);
QJsonObject encode(const PersonLookup &lookup);

Result<DeclarationNotice> decodeNotice(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<DeclarationPerson> decodeDeclarationPerson(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<DeclarationItem> decodeItem(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<BatchEvent> decodeBatchEvent(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<DeclarationBatch> decodeBatch(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<PersonLookup> decodeLookup(const QJsonObject &object, const QString &path = QStringLiteral("$"));

} // namespace shebao::json
