#pragma once

#include <QByteArray>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>
#include <optional>

#include "models/core/Result.h"

namespace shebao::server::http {

// A request header by name, case-insensitively (HTTP header names are case-insensitive and
// QHttpServerRequest 6.4 keeps them as sent).
QByteArray header(const QHttpServerRequest &request, const QByteArray &name);

// The token of "Authorization: Bearer <token>", empty when absent or of another scheme.
QString bearerToken(const QHttpServerRequest &request);

// The Idempotency-Key header, trimmed (empty when absent).
QString idempotencyKey(const QHttpServerRequest &request);

QString peer(const QHttpServerRequest &request);

// Bodies larger than this are refused (413 upload.too_large) before anything else is done.
// QHttpServer 6.4 has no limit of its own and reads the whole body before a handler runs.
constexpr qint64 MaxBodyBytes = 5 * 1024 * 1024;
std::optional<QHttpServerResponse> refuseLargeBody(const QHttpServerRequest &request);

// A 429 problem answer for a peer that must wait: `retry_after` in the body and the
// Retry-After header, both in seconds.
QHttpServerResponse tooMany(const Error &error, qint64 seconds);

// The longest unit number or staff username a login takes (they are 11 digits and a short
// name): longer ones are request.invalid before anything stores or counts them.
constexpr qsizetype MaxNameLength = 32;

// The body as a JSON object, or request.invalid.
Result<QJsonObject> jsonObject(const QHttpServerRequest &request);
Result<QJsonObject> jsonObject(const QByteArray &body);

// "POST /api/v1/..." of a request, for signatures.
QByteArray methodName(QHttpServerRequest::Method method);

QHttpServerResponse json(const QJsonObject &object,
                         QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok);
QHttpServerResponse jsonBytes(QByteArray body,
                              QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok);

} // namespace shebao::server::http
