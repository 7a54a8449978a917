#include "server/ChangeRoutes.h"

#include <QFileInfo>
#include <QHttpServer>
#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

#include "models/change/ChangeJson.h"
#include "models/files/UploadCheck.h"
#include "server/AuditLog.h"
#include "server/Authenticator.h"
#include "server/BusinessGuard.h"
#include "server/ChangeService.h"
#include "server/HttpUtil.h"
#include "server/IdempotencyStore.h"
#include "server/Problem.h"

namespace shebao::server {

namespace {

using Status = QHttpServerResponse::StatusCode;

QJsonObject requestsJson(const QList<ChangeRequest> &requests)
{
    QJsonArray array;
    for (const ChangeRequest &r : requests)
        array.append(json::encode(r));
    return QJsonObject{{QStringLiteral("requests"), array}};
}

// What the audit keeps of a submission: the numbers, states and members, never the values.
QString summary(const QList<ChangeRequest> &requests)
{
    QStringList parts;
    for (const ChangeRequest &r : requests) {
        QStringList members;
        for (const FieldChange &f : r.fields)
            members.append(f.member);
        QString part = changeStateCode(r.state) + u' ' + members.join(u',');
        if (r.creditCodeOverridden)
            part += QStringLiteral(" credit_code_overridden");
        if (r.idUpgrade)
            part += QStringLiteral(" id_upgrade");
        parts.append(r.requestNo + u' ' + part);
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

void ChangeRoutes::registerOn(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/changes/attachments"), Method::Post,
                 [this](const QHttpServerRequest &request) { return upload(request); });
    server.route(QStringLiteral("/api/v1/changes"), Method::Post,
                 [this](const QHttpServerRequest &request) { return submit(request); });
    server.route(QStringLiteral("/api/v1/changes"), Method::Get,
                 [this](const QHttpServerRequest &request) { return list(request); });
    server.route(QStringLiteral("/api/v1/changes/<arg>"), Method::Get,
                 [this](qint64 id, const QHttpServerRequest &request) { return show(id, request); });
    server.route(QStringLiteral("/api/v1/changes/<arg>/withdraw"), Method::Post,
                 [this](qint64 id, const QHttpServerRequest &request) { return withdraw(id, request); });
}

Result<void> ChangeRoutes::audit(const QHttpServerRequest &request, const Session &session, const QString &action,
                                 const QString &outcome, const QString &target, const QString &detail)
{
    return m_audit.record(Authenticator::actorOf(session), action, outcome, http::peer(request), target, detail);
}

QHttpServerResponse ChangeRoutes::upload(const QHttpServerRequest &request)
{
    return m_post.handle(request, [&](const Session &s, Signed &signature) -> QHttpServerResponse {
        const QString kindCode = QString::fromLatin1(http::header(request, QByteArrayLiteral("X-Attachment-Kind")).trimmed());
        AttachmentKind kind;
        if (!parseAttachmentKind(kindCode, &kind)) {
            audit(request, s, QStringLiteral("change.attachment.upload"), QStringLiteral("attachment.kind"), kindCode);
            return Problem::fieldResponse(
                Error{QStringLiteral("attachment.kind"),
                      QStringLiteral("请在 X-Attachment-Kind 中说明材料种类：business_licence（营业执照）、"
                                     "org_code_certificate（组织机构代码证）、legal_rep_id（法定代表人身份证）、"
                                     "bank_permit（开户许可证）或 id_card（身份证）"),
                      {}, QStringLiteral("attachments")});
        }
        QString fileName = QUrl::fromPercentEncoding(http::header(request, QByteArrayLiteral("X-File-Name")).trimmed());
        fileName = QFileInfo(fileName.replace(u'\\', u'/')).fileName().left(200);
        if (fileName.isEmpty())
            fileName = attachmentKindName(kind);
        const QByteArray bytes = request.body();
        auto fileKind = checkUpload(fileName, bytes);
        if (!fileKind) {
            audit(request, s, QStringLiteral("change.attachment.upload"), fileKind.error().code, fileName);
            Error e = fileKind.error();
            e.field = QStringLiteral("attachments");
            return Problem::fieldResponse(e);
        }
        if (auto r = signature.record(); !r)
            return Problem::response(r.error());
        auto stored = m_service.store().insertAttachment(s.unitId, kind, fileName, fileKindMimeType(fileKind.value()), bytes);
        if (!stored)
            return Problem::response(stored.error());
        if (auto r = audit(request, s, QStringLiteral("change.attachment.upload"), QStringLiteral("success"),
                           QString::number(stored.value().id),
                           QStringLiteral("%1 %2 %3 bytes").arg(kindCode, fileName).arg(bytes.size()));
            !r)
            return Problem::response(r.error());
        return http::json(json::encode(stored.value()), Status::Created);
    });
}

QHttpServerResponse ChangeRoutes::submit(const QHttpServerRequest &request)
{
    return m_post.handle(request, [&](const Session &s, Signed &signature) -> QHttpServerResponse {
        auto body = http::jsonObject(request);
        if (!body)
            return Problem::response(body.error());
        QList<Error> errors;
        auto plan = m_service.plan(s.unitId, body.value(), &errors);
        const QString target = body.value().value(QLatin1String("target")).toString().left(20);
        if (!plan) {
            audit(request, s, QStringLiteral("change.submit"), plan.error().code, target, plan.error().field);
            return Problem::fieldResponse(plan.error(), errors);
        }
        auto signatureId = signature.record();
        if (!signatureId)
            return Problem::response(signatureId.error());
        auto requests = m_service.submit(plan.value(), Authenticator::actorOf(s), signature.isSigned(),
                                         signatureId.value());
        if (!requests)
            return Problem::response(requests.error());
        if (auto r = audit(request, s, QStringLiteral("change.submit"), QStringLiteral("success"), target,
                           summary(requests.value()));
            !r)
            return Problem::response(r.error());
        return http::json(requestsJson(requests.value()), Status::Created);
    });
}

QHttpServerResponse ChangeRoutes::list(const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateUnit(request);
    if (!session)
        return Problem::response(session.error());
    const Session &s = session.value();
    std::optional<ChangeTarget> target;
    std::optional<ChangeState> state;
    const QString targetText = request.query().queryItemValue(QStringLiteral("target"));
    const QString stateText = request.query().queryItemValue(QStringLiteral("state"));
    if (!targetText.isEmpty()) {
        ChangeTarget parsed;
        if (!parseChangeTarget(targetText, &parsed))
            return Authenticator::withLevel(
                Problem::response(Problem::invalidRequest(QStringLiteral("target 须为 unit 或 person。"), QStringLiteral("target"))), s);
        target = parsed;
    }
    if (!stateText.isEmpty()) {
        ChangeState parsed;
        if (!parseChangeState(stateText, &parsed))
            return Authenticator::withLevel(
                Problem::response(Problem::invalidRequest(
                    QStringLiteral("state 须为 applied、pending、approved、rejected 或 withdrawn。"), QStringLiteral("state"))),
                s);
        state = parsed;
    }
    auto requests = m_service.store().list(s.unitId, target, state, false);
    if (!requests)
        return Problem::response(requests.error());
    return Authenticator::withLevel(http::json(requestsJson(requests.value())), s);
}

QHttpServerResponse ChangeRoutes::show(qint64 id, const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateUnit(request);
    if (!session)
        return Problem::response(session.error());
    const Session &s = session.value();
    // Another unit's request is simply not found here.
    auto found = m_service.store().find(id, s.unitId);
    if (!found)
        return Problem::response(found.error());
    if (!found.value())
        return Authenticator::withLevel(Problem::response(Problem::notFound()), s);
    return Authenticator::withLevel(http::json(json::encode(found.value()->request)), s);
}

QHttpServerResponse ChangeRoutes::withdraw(qint64 id, const QHttpServerRequest &request)
{
    return m_post.handle(request, [&, id](const Session &s, Signed &signature) -> QHttpServerResponse {
        auto withdrawn = m_service.withdraw(s.unitId, id, Authenticator::actorOf(s));
        audit(request, s, QStringLiteral("change.withdraw"), withdrawn ? QStringLiteral("success") : withdrawn.error().code,
              withdrawn ? withdrawn.value().requestNo : QString::number(id));
        if (!withdrawn)
            return Problem::fieldResponse(withdrawn.error());
        if (auto r = signature.record(); !r)
            return Problem::response(r.error());
        return http::json(json::encode(withdrawn.value()));
    });
}

} // namespace shebao::server
