#include "server/UnitChangeRoutes.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include "models/domain/JsonCodec.h"
#include "models/validation/Phone.h"
#include "server/AuditLog.h"
#include "server/Authenticator.h"
#include "server/BusinessGuard.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "server/FormChecks.h"
#include "server/HttpUtil.h"
#include "server/IdempotencyStore.h"
#include "server/Problem.h"
#include "server/UnitRoutes.h"

namespace shebao::server {

namespace {

struct Field
{
    const char *member;
    const char *column;
    const char *label;
};

constexpr Field NonKeyFields[] = {
    {"contact_name", "contact_name", "联系人"},
    {"contact_phone", "contact_phone", "联系电话"},
    {"postal_address", "postal_address", "通讯地址"},
    {"email", "email", "电子邮箱"},
};

const Field *nonKeyField(const QString &member)
{
    for (const Field &f : NonKeyFields) {
        if (member == QLatin1String(f.member))
            return &f;
    }
    return nullptr;
}

} // namespace

void UnitChangeRoutes::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/unit/changes"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return change(request); });
}

QHttpServerResponse UnitChangeRoutes::change(const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    auto session = m_auth.authenticateUnit(request);
    if (!session)
        return Problem::response(session.error());
    const Session s = session.value();
    BusinessGuard::Admission admission;
    auto precheck = [&]() -> std::optional<QHttpServerResponse> {
        auto admitted = m_guard.admit(request, s);
        if (!admitted)
            return Problem::response(admitted.error());
        admission = admitted.value();
        return std::nullopt;
    };
    auto action = [&]() -> QHttpServerResponse {
        auto body = http::jsonObject(request);
        if (!body)
            return Problem::response(body.error());
        const QJsonValue changesValue = body.value().value(QLatin1String("changes"));
        if (!changesValue.isObject() || changesValue.toObject().isEmpty())
            return Problem::response(Problem::invalidRequest(QStringLiteral("请至少填写一项要变更的信息。"), QStringLiteral("changes")));
        const QJsonObject changes = changesValue.toObject();
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (!nonKeyField(it.key()))
                return Problem::response(
                    Error{QStringLiteral("change.field_unsupported"),
                          QStringLiteral("该项为关键信息，需上传证明材料并审核，将在“单位信息变更”中提供。"), {},
                          QStringLiteral("changes.") + it.key()});
        }
        QList<Error> errors;
        QList<QPair<const Field *, QString>> values;
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            const Field *f = nonKeyField(it.key());
            QString value = FormChecks::text(changes, it.key(), QString::fromUtf8(f->label), true, &errors,
                                             QStringLiteral("changes."));
            if (value.isEmpty())
                continue;
            if (it.key() == QLatin1String("contact_phone")) {
                auto phone = Phone::parse(value);
                if (!phone) {
                    errors.append(Error{QStringLiteral("request.invalid"), phone.error().message, {},
                                        QStringLiteral("changes.contact_phone")});
                    continue;
                }
                value = phone.value().number();
            } else if (it.key() == QLatin1String("email") && !FormChecks::isEmail(value)) {
                errors.append(Error{QStringLiteral("request.invalid"),
                                    QStringLiteral("电子邮箱格式不正确，例如 hr@example.cn。"), {}, QStringLiteral("changes.email")});
                continue;
            }
            values.append({f, value});
        }
        if (!errors.isEmpty())
            return Problem::validation(errors);

        auto signatureId = m_guard.record(request, s, admission);
        if (!signatureId)
            return Problem::response(signatureId.error());
        QJsonObject applied;
        for (const auto &[field, value] : std::as_const(values)) {
            auto r = m_db.exec(QStringLiteral("UPDATE units SET %1 = ? WHERE id = ?").arg(QLatin1String(field->column)),
                               {value, s.unitId});
            if (!r)
                return Problem::response(r.error());
            applied.insert(QLatin1String(field->member), value);
        }
        const QString changesText = QString::fromUtf8(QJsonDocument(applied).toJson(QJsonDocument::Compact));
        auto inserted = m_db.exec(QStringLiteral("INSERT INTO unit_changes (unit_id, changes, state, actor, signature_id, at)"
                                                 " VALUES (?, ?, 'effective', ?, ?, ?) RETURNING id"),
                                  {s.unitId, changesText, Authenticator::actorOf(s),
                                   signatureId.value() ? QVariant(signatureId.value()) : QVariant(QMetaType::fromType<qint64>()),
                                   m_clock.now()});
        if (!inserted)
            return Problem::response(inserted.error());
        if (!inserted.value().next())
            return Problem::response(Database::sqlError(inserted.value(), QStringLiteral("insert unit change")));
        const qint64 id = inserted.value().value(0).toLongLong();
        inserted.value().finish();
        if (auto r = m_audit.record(Authenticator::actorOf(s), QStringLiteral("unit.change"), QStringLiteral("success"),
                                    http::peer(request), QString::number(id), changesText);
            !r)
            return Problem::response(r.error());
        auto unit = UnitRoutes::loadUnit(m_db, s.unitId);
        if (!unit)
            return Problem::response(unit.error());
        return http::json(QJsonObject{{QStringLiteral("id"), id},
                                      {QStringLiteral("state"), QStringLiteral("effective")},
                                      {QStringLiteral("unit"), json::encode(unit.value())}});
    };
    return Authenticator::withLevel(m_idempotency.handle(request, Authenticator::scopeOf(s), action, precheck), s);
}

} // namespace shebao::server
