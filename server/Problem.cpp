#include "server/Problem.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace shebao::server {

namespace {

using Status = QHttpServerResponse::StatusCode;

struct Mapping
{
    const char *code;
    Status status;
    const char *title;
};

// Codes are part of the API contract (docs/openapi.yaml); keep the two in step.
constexpr Mapping Mappings[] = {
    {"auth.invalid_credentials", Status::Unauthorized, "Invalid credentials"},
    {"auth.locked", Status::Locked, "Account locked"},
    {"auth.token_invalid", Status::Unauthorized, "Invalid token"},
    {"auth.token_expired", Status::Unauthorized, "Token expired"},
    {"request.invalid", Status::BadRequest, "Invalid request"},
    {"idempotency.conflict", Status::UnprocessableEntity, "Idempotency key reused with a different request"},
    {"not_found", Status::NotFound, "Not found"},
    {"method.not_allowed", Status::MethodNotAllowed, "Method not allowed"},
    {"auth.not_authorized", Status::Forbidden, "Account not authorized for online business"},
    {"auth.challenge_invalid", Status::Unauthorized, "Challenge unknown, used or expired"},
    {"staff.role", Status::Forbidden, "Wrong staff role"},
    {"change.field_unsupported", Status::UnprocessableEntity, "Field cannot be changed here"},
    {"authorization.none", Status::NotFound, "No authorization application"},
    {"authorization.state", Status::Conflict, "Not allowed in the application's state"},
    {"authorization.already", Status::Conflict, "Account already authorized"},
    {"upload.too_large", Status::PayloadTooLarge, "Upload too large"},
    {"upload.empty", Status::UnprocessableEntity, "Upload empty"},
    {"upload.type", Status::UnprocessableEntity, "Upload of a type not accepted"},
    {"upload.truncated", Status::UnprocessableEntity, "Upload incomplete"},
    {"cert.untrusted", Status::Unauthorized, "Certificate not trusted"},
    {"cert.expired", Status::Unauthorized, "Certificate expired or not yet valid"},
    {"cert.revoked", Status::Unauthorized, "Certificate revoked"},
    {"cert.not_bound", Status::Unauthorized, "Certificate not registered to this unit"},
    {"cert.bad_signature", Status::Unauthorized, "Challenge signature invalid"},
    {"certificate.conflict", Status::Conflict, "Certificate already registered"},
    {"signature.invalid", Status::Unauthorized, "Request signature missing or invalid"},
    {"password.weak", Status::UnprocessableEntity, "Password does not meet the rules"},
};

} // namespace

QHttpServerResponse::StatusCode Problem::status(const QString &code)
{
    for (const Mapping &m : Mappings) {
        if (code == QLatin1String(m.code))
            return m.status;
    }
    return Status::InternalServerError;
}

QString Problem::title(const QString &code)
{
    for (const Mapping &m : Mappings) {
        if (code == QLatin1String(m.code))
            return QLatin1String(m.title);
    }
    return QStringLiteral("Internal server error");
}

QJsonObject Problem::body(const Error &error, const QJsonObject &extra)
{
    const Status st = status(error.code);
    const bool internal = st == Status::InternalServerError;
    QJsonObject o{
        {QStringLiteral("type"), QStringLiteral("about:blank")},
        {QStringLiteral("title"), title(error.code)},
        {QStringLiteral("status"), int(st)},
        // Internal failures never leak driver text to clients; it goes to the log instead.
        {QStringLiteral("code"), internal ? QStringLiteral("internal") : error.code},
        {QStringLiteral("detail"), internal ? QStringLiteral("服务器内部错误，请稍后重试。") : error.message},
    };
    if (!error.field.isEmpty() && !extra.contains(QLatin1String("errors"))) {
        o.insert(QStringLiteral("errors"),
                 QJsonArray{QJsonObject{{QStringLiteral("field"), error.field},
                                        {QStringLiteral("message"), error.message}}});
    }
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QHttpServerResponse Problem::response(const Error &error, const QJsonObject &extra)
{
    if (status(error.code) == Status::InternalServerError)
        qWarning("shebao-server: %s: %s", qUtf8Printable(error.code), qUtf8Printable(error.detail));
    const QJsonObject o = body(error, extra);
    return QHttpServerResponse(QByteArrayLiteral("application/problem+json"),
                               QJsonDocument(o).toJson(QJsonDocument::Compact), status(error.code));
}

Error Problem::invalidRequest(const QString &message, const QString &field)
{
    return Error{QStringLiteral("request.invalid"), message, {}, field};
}

QHttpServerResponse Problem::validation(const QList<Error> &errors)
{
    // Form validation answers 422 (the request is well-formed, its values are not), still with
    // the code request.invalid and one entry per field.
    QJsonArray list;
    for (const Error &e : errors)
        list.append(QJsonObject{{QStringLiteral("field"), e.field}, {QStringLiteral("message"), e.message}});
    const Error first = errors.isEmpty() ? invalidRequest(QStringLiteral("请求内容有误。")) : errors.constFirst();
    QJsonObject o = body(Error{QStringLiteral("request.invalid"), first.message, {}, {}},
                         QJsonObject{{QStringLiteral("errors"), list}});
    o.insert(QStringLiteral("status"), int(Status::UnprocessableEntity));
    return QHttpServerResponse(QByteArrayLiteral("application/problem+json"),
                               QJsonDocument(o).toJson(QJsonDocument::Compact), Status::UnprocessableEntity);
}

Error Problem::notFound()
{
    return Error{QStringLiteral("not_found"), QStringLiteral("请求的资源不存在。"), {}, {}};
}

} // namespace shebao::server
