#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QSslError>

#include <optional>

#include "models/core/Result.h"

// The one place where transport failures and problem+json answers become shebao::Error values.
namespace shebao::api {

// Codes the client produces itself.
inline const QString Unreachable = QStringLiteral("net.unreachable");
inline const QString Timeout = QStringLiteral("net.timeout");
inline const QString TlsUntrusted = QStringLiteral("tls.untrusted");

// A reply that ended without an HTTP answer (or with a TLS failure). timedOut: the transfer
// timeout fired (Qt reports that as an aborted operation).
Error transportError(QNetworkReply::NetworkError error, const QString &errorString,
                     const QList<QSslError> &sslErrors, bool timedOut);

// An HTTP answer with status >= 400. application/problem+json becomes {code, detail as message,
// the whole problem object as compact JSON in Error::detail, errors[0].field as field};
// anything else "http.<status>".
Error httpError(int status, const QByteArray &contentType, const QByteArray &body);

// An answer this client cannot read (json.parse): not JSON, or not the shape the API promises.
// `detail` says what exactly, for the log.
Error unreadable(const QString &detail);
// The reply's JSON object, or the reply's error, or unreadable when it is not an object.
Result<QJsonObject> objectOf(const Result<QJsonDocument> &reply);

// The problem object behind an Error made by httpError(), or empty.
QJsonObject problemOf(const Error &error);
// Login failures: tries left before the lockout (-1 if not given), end of the lockout.
int triesLeft(const Error &error);
QDateTime lockedUntil(const Error &error);

bool isTokenError(const Error &error);     // auth.token_*: the session is gone
bool isConnectivityError(const Error &error); // net.unreachable / net.timeout: offline is allowed

} // namespace shebao::api
