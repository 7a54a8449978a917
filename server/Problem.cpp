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
    {"auth.too_many", Status::TooManyRequests, "Too many failed logins from this address"},
    {"auth.token_invalid", Status::Unauthorized, "Invalid token"},
    {"auth.token_expired", Status::Unauthorized, "Token expired"},
    {"request.invalid", Status::BadRequest, "Invalid request"},
    {"idempotency.conflict", Status::UnprocessableEntity, "Idempotency key reused with a different request"},
    {"not_found", Status::NotFound, "Not found"},
    {"method.not_allowed", Status::MethodNotAllowed, "Method not allowed"},
    {"auth.not_authorized", Status::Forbidden, "Account not authorized for online business"},
    {"auth.challenge_invalid", Status::Unauthorized, "Challenge unknown, used or expired"},
    {"staff.role", Status::Forbidden, "Wrong staff role"},
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
    // 异动申报 (docs/declarations.md): field rules 422, state rules 409.
    {"required.missing", Status::UnprocessableEntity, "Required field missing"},
    {"name.invalid", Status::UnprocessableEntity, "Invalid name"},
    {"id.format", Status::UnprocessableEntity, "Invalid ID number"},
    {"id.checksum", Status::UnprocessableEntity, "ID number check character wrong"},
    {"id.birthdate", Status::UnprocessableEntity, "ID number birth date invalid"},
    {"gender.mismatch", Status::UnprocessableEntity, "Gender does not match the ID number"},
    {"birthdate.mismatch", Status::UnprocessableEntity, "Birth date does not match the ID number"},
    {"dict.unknown", Status::UnprocessableEntity, "Unknown code"},
    {"date.invalid", Status::UnprocessableEntity, "Invalid date"},
    {"start.too_early", Status::UnprocessableEntity, "Month more than two months back"},
    {"start.future", Status::UnprocessableEntity, "Month in the future"},
    {"age.under_16", Status::UnprocessableEntity, "Person under 16"},
    {"wage.invalid", Status::UnprocessableEntity, "Invalid wage"},
    {"phone.invalid", Status::UnprocessableEntity, "Invalid phone number"},
    {"batch.empty", Status::UnprocessableEntity, "No items to declare"},
    {"bulk.too_large", Status::UnprocessableEntity, "Too many items"},
    {"kind.mismatch", Status::Conflict, "Wrong kind of declaration for this person"},
    {"person.enrolled", Status::Conflict, "Person already enrolled"},
    {"name.mismatch", Status::Conflict, "Name differs from the agency's record"},
    {"person.pending_change", Status::Conflict, "Pending key-information change"},
    {"person.not_enrolled", Status::Conflict, "Person not enrolled in this unit"},
    {"item.duplicate", Status::Conflict, "Open item for this person exists"},
    {"item.not_pending", Status::Conflict, "Item not pending"},
    {"batch.state", Status::Conflict, "Not allowed in the batch's state"},
    // 信息维护 (docs/changes.md): field rules 422, state rules 409.
    {"change.empty", Status::UnprocessableEntity, "No field to change"},
    {"change.field_unknown", Status::UnprocessableEntity, "Field not changeable"},
    {"change.unchanged", Status::UnprocessableEntity, "Value equals the registered one"},
    {"creditcode.format", Status::UnprocessableEntity, "Invalid credit code"},
    {"creditcode.checksum", Status::UnprocessableEntity, "Credit code check character wrong"},
    {"creditcode.orgcode", Status::UnprocessableEntity, "Credit code organisation code check wrong"},
    {"creditcode.taken", Status::Conflict, "Credit code registered to another unit"},
    {"id.taken", Status::Conflict, "ID number registered to another person"},
    {"attachment.missing", Status::UnprocessableEntity, "Proof missing"},
    {"attachment.unknown", Status::UnprocessableEntity, "Attachment unknown or used"},
    {"attachment.kind", Status::UnprocessableEntity, "Attachment kind missing or unknown"},
    {"change.pending", Status::Conflict, "Key change already pending"},
    {"person.unknown", Status::NotFound, "Person not among the unit's staff"},
    {"change.state", Status::Conflict, "Not allowed in the request's state"},
    // 参保证明 (docs/certificates.md).
    {"certificate.kind", Status::UnprocessableEntity, "Unknown certificate kind"},
    {"certificate.purpose", Status::UnprocessableEntity, "Purpose missing or invalid"},
    {"certificate.person", Status::NotFound, "Person not enrolled with this unit"},
    {"certificate.empty", Status::UnprocessableEntity, "Nothing to certify"},
    {"certificate.unknown", Status::NotFound, "Certificate unknown"},
    {"certificate.revoked", Status::Conflict, "Certificate already revoked"},
    {"verify.too_many", Status::TooManyRequests, "Too many verification attempts"},
    // 网上缴费 (docs/bills.md): field rules 422, state rules 409, bank authentication 401.
    {"arrears.not_enrolled", Status::NotFound, "Person not enrolled with this unit"},
    {"arrears.employed_from", Status::UnprocessableEntity, "Invalid start of employment"},
    {"arrears.no_gaps", Status::UnprocessableEntity, "No gap months to pay"},
    {"arrears.wage", Status::UnprocessableEntity, "Invalid wage"},
    {"arrears.settlement", Status::UnprocessableEntity, "Only separate settlement"},
    {"arrears.window", Status::UnprocessableEntity, "Invalid month window"},
    {"policy.month_not_covered", Status::UnprocessableEntity, "Month not covered by the policy table"},
    {"policy.risk_class", Status::UnprocessableEntity, "Invalid work-injury risk class"},
    {"bill.open", Status::Conflict, "Months held by an open bill"},
    {"bill.number", Status::UnprocessableEntity, "Invalid bill number"},
    {"bill.unknown", Status::NotFound, "Bill unknown"},
    {"bill.paid", Status::Conflict, "Bill already paid"},
    {"bill.expired", Status::Conflict, "Bill expired"},
    {"bill.cancelled", Status::Conflict, "Bill cancelled"},
    {"bill.amount_mismatch", Status::UnprocessableEntity, "Amount differs from the bill"},
    {"bank.unknown", Status::Unauthorized, "Unknown bank"},
    {"bank.signature", Status::Unauthorized, "Bank signature invalid"},
    {"bank.stale", Status::Unauthorized, "Bank request timestamp out of range"},
    {"bank.transaction", Status::Conflict, "Transaction already paid another bill"},
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

QJsonObject Problem::fieldBody(const Error &error, const QList<Error> &fieldErrors)
{
    // Entries carry the rule's code and its Chinese text as "detail" (docs/declarations.md) and,
    // as every other form answer, as "message".
    QList<Error> list = fieldErrors;
    if (list.isEmpty() && !error.field.isEmpty())
        list.append(error);
    QJsonArray entries;
    for (const Error &e : std::as_const(list))
        entries.append(QJsonObject{{QStringLiteral("field"), e.field},
                                   {QStringLiteral("code"), e.code},
                                   {QStringLiteral("detail"), e.message},
                                   {QStringLiteral("message"), e.message}});
    const Error head = fieldErrors.isEmpty() ? error : fieldErrors.constFirst();
    QJsonObject o = body(Error{head.code, head.message, {}, {}}, QJsonObject{{QStringLiteral("errors"), entries}});
    if (status(head.code) == Status::InternalServerError)
        return body(head);
    if (!fieldErrors.isEmpty())
        o.insert(QStringLiteral("status"), int(Status::UnprocessableEntity));
    return o;
}

QHttpServerResponse Problem::fieldResponse(const Error &error, const QList<Error> &fieldErrors)
{
    if (fieldErrors.isEmpty() && status(error.code) == Status::InternalServerError)
        return response(error);
    const QJsonObject o = fieldBody(error, fieldErrors);
    return QHttpServerResponse(QByteArrayLiteral("application/problem+json"),
                               QJsonDocument(o).toJson(QJsonDocument::Compact), Status(o.value(QLatin1String("status")).toInt()));
}

Error Problem::notFound()
{
    return Error{QStringLiteral("not_found"), QStringLiteral("请求的资源不存在。"), {}, {}};
}

} // namespace shebao::server
