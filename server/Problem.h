#pragma once

#include <QHttpServerResponse>
#include <QJsonObject>
#include <QList>

#include "models/core/Result.h"

namespace shebao::server {

// The one place where errors become HTTP: a stable code maps to a status and an English
// title; the Chinese Error::message becomes "detail". Body is application/problem+json.
class Problem
{
public:
    static QHttpServerResponse::StatusCode status(const QString &code);
    static QString title(const QString &code);

    // extra: code-specific members ("tries_left", "locked_until", "errors").
    static QJsonObject body(const Error &error, const QJsonObject &extra = {});
    static QHttpServerResponse response(const Error &error, const QJsonObject &extra = {});

    // 422 request.invalid with per-field "errors" (validation of a submitted form).
    static QHttpServerResponse validation(const QList<Error> &errors);

    // A rule's refusal with per-field entries {field, code, detail, message}: with fieldErrors
    // 422 whose code and detail are the first entry's (异动申报); without, `error` with its
    // own status and, when it names a field, that one entry.
    static QJsonObject fieldBody(const Error &error, const QList<Error> &fieldErrors = {});
    static QHttpServerResponse fieldResponse(const Error &error, const QList<Error> &fieldErrors = {});

    // Shorthands for the common request errors.
    static Error invalidRequest(const QString &message, const QString &field = {});
    static Error notFound();
};

} // namespace shebao::server
