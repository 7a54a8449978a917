#pragma once

#include <QByteArray>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QString>

namespace shebao::server::http {

// A request header by name, case-insensitively (HTTP header names are case-insensitive and
// QHttpServerRequest 6.4 keeps them as sent).
QByteArray header(const QHttpServerRequest &request, const QByteArray &name);

// The token of "Authorization: Bearer <token>", empty when absent or of another scheme.
QString bearerToken(const QHttpServerRequest &request);

// The Idempotency-Key header, trimmed (empty when absent).
QString idempotencyKey(const QHttpServerRequest &request);

QString peer(const QHttpServerRequest &request);

QHttpServerResponse json(const QJsonObject &object,
                         QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok);
QHttpServerResponse jsonBytes(QByteArray body,
                              QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok);

} // namespace shebao::server::http
