#include "server/AuthorizationRoutes.h"

#include <QFileInfo>
#include <QHttpServer>
#include <QUrl>

#include "models/files/UploadCheck.h"
#include "models/validation/IdNumber.h"
#include "models/validation/PersonName.h"
#include "models/validation/Phone.h"
#include "server/AuditLog.h"
#include "server/Authenticator.h"
#include "server/AuthorizationService.h"
#include "server/FormChecks.h"
#include "server/HttpUtil.h"
#include "server/IdempotencyStore.h"
#include "server/Problem.h"

namespace shebao::server {

namespace {

Error already()
{
    return Error{QStringLiteral("authorization.already"), QStringLiteral("本单位已开通网上经办权限，无需再申请授权。"), {}, {}};
}

Error fieldError(const QString &field, const QString &message)
{
    return Error{QStringLiteral("request.invalid"), message, {}, field};
}

} // namespace

void AuthorizationRoutes::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/authorization"), QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &request) { return show(request); });
    server.route(QStringLiteral("/api/v1/authorization"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return save(request); });
    server.route(QStringLiteral("/api/v1/authorization/confirm"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return confirm(request); });
    server.route(QStringLiteral("/api/v1/authorization/scan"), QHttpServerRequest::Method::Post,
                 [this](const QHttpServerRequest &request) { return scan(request); });
}

QHttpServerResponse AuthorizationRoutes::show(const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateUnit(request);
    if (!session)
        return Problem::response(session.error());
    auto id = m_service.idOfUnit(session.value().unitId);
    if (!id)
        return Authenticator::withLevel(Problem::response(id.error()), session.value());
    auto application = m_service.application(id.value());
    if (!application)
        return Authenticator::withLevel(Problem::response(application.error()), session.value());
    return Authenticator::withLevel(http::json(application.value()), session.value());
}

QHttpServerResponse AuthorizationRoutes::transition(const QHttpServerRequest &request, const QString &action,
                                                    const Step &step)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    auto session = m_auth.authenticateUnit(request);
    if (!session)
        return Problem::response(session.error());
    const Session s = session.value();
    auto run = [&]() -> QHttpServerResponse {
        if (s.level != QLatin1String("ordinary"))
            return Problem::response(already());
        auto id = step(s);
        if (!id) {
            // Refusals are audited too: they show what a unit tried when it calls the counter.
            m_audit.record(Authenticator::actorOf(s), action, id.error().code, http::peer(request));
            return Problem::response(id.error());
        }
        auto application = m_service.application(id.value());
        if (!application)
            return Problem::response(application.error());
        if (auto r = m_audit.record(Authenticator::actorOf(s), action, QStringLiteral("success"), http::peer(request),
                                    application.value().value(QLatin1String("application_no")).toString());
            !r)
            return Problem::response(r.error());
        return http::json(application.value());
    };
    return Authenticator::withLevel(m_idempotency.handle(request, Authenticator::scopeOf(s), run), s);
}

QHttpServerResponse AuthorizationRoutes::save(const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    // Validation errors are several at once: answered before the state machine is touched.
    QList<Error> errors;
    AuthorizationService::Applicant applicant;
    auto body = http::jsonObject(request);
    if (body) {
        const QJsonObject a = body.value().value(QLatin1String("applicant")).toObject();
        const QString prefix = QStringLiteral("applicant.");
        const QString name = FormChecks::text(a, QStringLiteral("name"), QStringLiteral("经办人姓名"), true, &errors, prefix);
        if (!name.isEmpty()) {
            auto n = PersonName::normalize(name);
            if (n)
                applicant.name = n.value();
            else
                errors.append(fieldError(prefix + QStringLiteral("name"), n.error().message));
        }
        const QString id = FormChecks::text(a, QStringLiteral("id_number"), QStringLiteral("身份证号码"), true, &errors, prefix);
        if (!id.isEmpty()) {
            auto parsed = IdNumber::parse(id);
            if (parsed)
                applicant.idNumber = parsed.value().number();
            else
                errors.append(fieldError(prefix + QStringLiteral("id_number"), parsed.error().message));
        }
        const QString mobile = FormChecks::text(a, QStringLiteral("mobile"), QStringLiteral("手机号码"), true, &errors, prefix);
        if (!mobile.isEmpty()) {
            auto phone = Phone::parse(mobile);
            if (phone && phone.value().kind() == Phone::Kind::Mobile)
                applicant.mobile = phone.value().number();
            else
                errors.append(fieldError(prefix + QStringLiteral("mobile"),
                                         phone ? QStringLiteral("请填写手机号码（11 位，以 1 开头），不能填写固定电话。")
                                               : phone.error().message));
        }
        const QString email = FormChecks::text(a, QStringLiteral("email"), QStringLiteral("电子邮箱"), true, &errors, prefix);
        if (!email.isEmpty()) {
            if (FormChecks::isEmail(email))
                applicant.email = email;
            else
                errors.append(fieldError(prefix + QStringLiteral("email"), QStringLiteral("电子邮箱格式不正确，例如 hr@example.cn。")));
        }
    }
    if (!body || !errors.isEmpty()) {
        auto session = m_auth.authenticateUnit(request);
        if (!session)
            return Problem::response(session.error());
        if (!body)
            return Authenticator::withLevel(Problem::response(body.error()), session.value());
        return Authenticator::withLevel(Problem::validation(errors), session.value());
    }
    return transition(request, QStringLiteral("authorization.save"),
                      [&](const Session &s) { return m_service.save(s.unitId, applicant); });
}

QHttpServerResponse AuthorizationRoutes::confirm(const QHttpServerRequest &request)
{
    return transition(request, QStringLiteral("authorization.confirm"), [&](const Session &s) -> Result<qint64> {
        auto id = m_service.idOfUnit(s.unitId);
        if (!id)
            return id.error();
        if (auto r = m_service.confirm(id.value()); !r)
            return r.error();
        return id;
    });
}

QHttpServerResponse AuthorizationRoutes::scan(const QHttpServerRequest &request)
{
    return transition(request, QStringLiteral("authorization.scan"), [&](const Session &s) -> Result<qint64> {
        auto id = m_service.idOfUnit(s.unitId);
        if (!id)
            return id.error();
        QString fileName = QUrl::fromPercentEncoding(http::header(request, QByteArrayLiteral("X-File-Name")).trimmed());
        fileName = QFileInfo(fileName.replace(u'\\', u'/')).fileName().left(200);
        if (fileName.isEmpty())
            fileName = QStringLiteral("承诺书扫描件");
        const QByteArray bytes = request.body();
        auto kind = checkUpload(fileName, bytes);
        if (!kind)
            return kind.error();
        if (auto r = m_service.storeScan(id.value(), {fileName, fileKindName(kind.value()), fileKindMimeType(kind.value()), bytes});
            !r)
            return r.error();
        return id;
    });
}

} // namespace shebao::server
