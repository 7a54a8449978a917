#include "server/StaffChangeRoutes.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

#include "models/change/ChangeJson.h"
#include "server/AuditLog.h"
#include "server/Authenticator.h"
#include "server/ChangeService.h"
#include "server/HttpUtil.h"
#include "server/IdempotencyStore.h"
#include "server/Problem.h"

namespace shebao::server {

namespace {

const QStringList Reviewers{QStringLiteral("reviewer")};

} // namespace

void StaffChangeRoutes::registerOn(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/staff/changes"), Method::Get,
                 [this](const QHttpServerRequest &request) { return list(request); });
    server.route(QStringLiteral("/api/v1/staff/changes/<arg>"), Method::Get,
                 [this](qint64 id, const QHttpServerRequest &request) { return show(id, request); });
    server.route(QStringLiteral("/api/v1/staff/changes/<arg>/attachments/<arg>"), Method::Get,
                 [this](qint64 id, qint64 attachmentId, const QHttpServerRequest &request) {
                     return attachment(id, attachmentId, request);
                 });
    server.route(QStringLiteral("/api/v1/staff/changes/<arg>/approve"), Method::Post,
                 [this](qint64 id, const QHttpServerRequest &request) { return approve(id, request); });
    server.route(QStringLiteral("/api/v1/staff/changes/<arg>/reject"), Method::Post,
                 [this](qint64 id, const QHttpServerRequest &request) { return reject(id, request); });
}

QHttpServerResponse StaffChangeRoutes::list(const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateStaff(request, Reviewers);
    if (!session)
        return Problem::response(session.error());
    const QString stateText = request.query().queryItemValue(QStringLiteral("state"));
    std::optional<ChangeState> state = ChangeState::Pending;
    if (stateText == u"all")
        state.reset();
    else if (!stateText.isEmpty() && stateText != u"pending")
        return Problem::response(Problem::invalidRequest(QStringLiteral("state 须为 pending 或 all。"), QStringLiteral("state")));
    auto requests = m_service.store().list(0, std::nullopt, state, true);
    if (!requests)
        return Problem::response(requests.error());
    m_audit.record(Authenticator::actorOf(session.value()), QStringLiteral("staff.changes.list"), QStringLiteral("success"),
                   http::peer(request), stateText);
    QJsonArray array;
    for (const ChangeRequest &r : requests.value())
        array.append(json::encode(r));
    return http::json(QJsonObject{{QStringLiteral("requests"), array}});
}

QHttpServerResponse StaffChangeRoutes::show(qint64 id, const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateStaff(request, Reviewers);
    if (!session)
        return Problem::response(session.error());
    auto found = m_service.store().find(id, 0);
    if (!found)
        return Problem::response(found.error());
    m_audit.record(Authenticator::actorOf(session.value()), QStringLiteral("staff.changes.show"),
                   found.value() ? QStringLiteral("success") : QStringLiteral("not_found"), http::peer(request),
                   found.value() ? found.value()->request.requestNo : QString::number(id));
    if (!found.value())
        return Problem::response(Problem::notFound());
    return http::json(json::encode(found.value()->request));
}

QHttpServerResponse StaffChangeRoutes::attachment(qint64 id, qint64 attachmentId, const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateStaff(request, Reviewers);
    if (!session)
        return Problem::response(session.error());
    auto found = m_service.store().attachmentContent(id, attachmentId);
    if (!found)
        return Problem::response(found.error());
    m_audit.record(Authenticator::actorOf(session.value()), QStringLiteral("staff.changes.attachment"),
                   found.value() ? QStringLiteral("success") : QStringLiteral("not_found"), http::peer(request),
                   QStringLiteral("%1/%2").arg(id).arg(attachmentId));
    if (!found.value())
        return Problem::response(Problem::notFound());
    const AttachmentContent &content = *found.value();
    QHttpServerResponse response(content.attachment.mimeType.toLatin1(), content.data);
    response.addHeader(QByteArrayLiteral("X-File-Name"), QUrl::toPercentEncoding(content.attachment.fileName));
    return response;
}

QHttpServerResponse StaffChangeRoutes::approve(qint64 id, const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    auto session = m_auth.authenticateStaff(request, Reviewers);
    if (!session)
        return Problem::response(session.error());
    const Session s = session.value();
    return m_idempotency.handle(request, Authenticator::scopeOf(s), [&]() -> QHttpServerResponse {
        const QString actor = Authenticator::actorOf(s);
        auto approved = m_service.approve(id, actor);
        if (!approved) {
            m_audit.record(actor, QStringLiteral("staff.changes.approve"), approved.error().code, http::peer(request),
                           QString::number(id));
            return Problem::fieldResponse(approved.error());
        }
        if (auto r = m_audit.record(actor, QStringLiteral("staff.changes.approve"), QStringLiteral("success"),
                                    http::peer(request), approved.value().requestNo,
                                    approved.value().unitNo
                                        + (approved.value().creditCodeOverridden ? QStringLiteral(" credit_code_overridden")
                                                                                 : QString()));
            !r)
            return Problem::response(r.error());
        return http::json(json::encode(approved.value()));
    });
}

QHttpServerResponse StaffChangeRoutes::reject(qint64 id, const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    auto session = m_auth.authenticateStaff(request, Reviewers);
    if (!session)
        return Problem::response(session.error());
    const Session s = session.value();
    return m_idempotency.handle(request, Authenticator::scopeOf(s), [&]() -> QHttpServerResponse {
        const QString actor = Authenticator::actorOf(s);
        auto body = http::jsonObject(request);
        if (!body)
            return Problem::response(body.error());
        const QJsonValue reason = body.value().value(QLatin1String("reason"));
        const QString text = reason.isString() ? reason.toString().trimmed() : QString();
        if (text.isEmpty() || text.size() > 200) {
            const Error missing{QStringLiteral("required.missing"),
                                QStringLiteral("退回须填写原因（最多 200 个字符），单位将在申请记录中看到它"), {},
                                QStringLiteral("reason")};
            return Problem::fieldResponse(missing, {missing});
        }
        auto rejected = m_service.reject(id, actor, text);
        if (!rejected) {
            m_audit.record(actor, QStringLiteral("staff.changes.reject"), rejected.error().code, http::peer(request),
                           QString::number(id));
            return Problem::fieldResponse(rejected.error());
        }
        if (auto r = m_audit.record(actor, QStringLiteral("staff.changes.reject"), QStringLiteral("success"),
                                    http::peer(request), rejected.value().requestNo, text);
            !r)
            return Problem::response(r.error());
        return http::json(json::encode(rejected.value()));
    });
}

} // namespace shebao::server
