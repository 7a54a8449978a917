#include "server/StaffBatchRoutes.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QUrlQuery>

#include "models/declaration/DeclarationJson.h"
#include "server/AuditLog.h"
#include "server/Authenticator.h"
#include "server/DeclarationService.h"
#include "server/HttpUtil.h"
#include "server/IdempotencyStore.h"
#include "server/Problem.h"

namespace shebao::server {

namespace {

const QStringList Clerks{QStringLiteral("clerk")};

// The batch as the unit sees it plus the unit it came from.
QJsonObject staffJson(const StaffBatch &b, bool withItems)
{
    QJsonObject o = json::encode(b.batch, withItems);
    o.insert(QStringLiteral("unit_no"), b.unitNo);
    o.insert(QStringLiteral("unit_name"), b.unitName);
    return o;
}

} // namespace

void StaffBatchRoutes::registerOn(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/staff/batches"), Method::Get,
                 [this](const QHttpServerRequest &request) { return list(request); });
    server.route(QStringLiteral("/api/v1/staff/batches/<arg>"), Method::Get,
                 [this](const QString &batchNo, const QHttpServerRequest &request) { return show(batchNo, request); });
    server.route(QStringLiteral("/api/v1/staff/batches/<arg>/receive"), Method::Post,
                 [this](const QString &batchNo, const QHttpServerRequest &request) { return receive(batchNo, request); });
    server.route(QStringLiteral("/api/v1/staff/batches/<arg>/return"), Method::Post,
                 [this](const QString &batchNo, const QHttpServerRequest &request) { return giveBack(batchNo, request); });
}

QHttpServerResponse StaffBatchRoutes::list(const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateStaff(request, Clerks);
    if (!session)
        return Problem::response(session.error());
    std::optional<BatchState> state;
    const QString stateText = request.query().queryItemValue(QStringLiteral("state"));
    if (!stateText.isEmpty()) {
        BatchState parsed;
        if (!parseBatchState(stateText, &parsed))
            return Problem::response(Problem::invalidRequest(
                QStringLiteral("state 须为 declared、awaiting_paper、accepted、effective 或 returned。"), QStringLiteral("state")));
        state = parsed;
    }
    auto batches = m_service.store().batches(0, state);
    if (!batches)
        return Problem::response(batches.error());
    m_audit.record(Authenticator::actorOf(session.value()), QStringLiteral("staff.batches.list"), QStringLiteral("success"),
                   http::peer(request), stateText);
    QJsonArray array;
    for (const StaffBatch &b : batches.value())
        array.append(staffJson(b, false));
    return http::json(QJsonObject{{QStringLiteral("batches"), array}});
}

QHttpServerResponse StaffBatchRoutes::show(const QString &batchNo, const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateStaff(request, Clerks);
    if (!session)
        return Problem::response(session.error());
    auto batch = m_service.store().batch(0, batchNo, true);
    if (!batch)
        return Problem::response(batch.error());
    m_audit.record(Authenticator::actorOf(session.value()), QStringLiteral("staff.batches.show"),
                   batch.value() ? QStringLiteral("success") : QStringLiteral("not_found"), http::peer(request), batchNo);
    if (!batch.value())
        return Problem::response(Problem::notFound());
    return http::json(staffJson(*batch.value(), true));
}

QHttpServerResponse StaffBatchRoutes::receive(const QString &batchNo, const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    auto session = m_auth.authenticateStaff(request, Clerks);
    if (!session)
        return Problem::response(session.error());
    const Session s = session.value();
    return m_idempotency.handle(request, Authenticator::scopeOf(s), [&]() -> QHttpServerResponse {
        const QString actor = Authenticator::actorOf(s);
        auto batch = m_service.receive(actor, batchNo);
        if (!batch) {
            m_audit.record(actor, QStringLiteral("staff.batches.receive"), batch.error().code, http::peer(request), batchNo);
            return Problem::response(batch.error());
        }
        if (auto r = m_audit.record(actor, QStringLiteral("staff.batches.receive"), QStringLiteral("success"),
                                    http::peer(request), batchNo, batch.value().unitNo);
            !r)
            return Problem::response(r.error());
        return http::json(staffJson(batch.value(), true));
    });
}

QHttpServerResponse StaffBatchRoutes::giveBack(const QString &batchNo, const QHttpServerRequest &request)
{
    if (auto refused = http::refuseLargeBody(request))
        return std::move(*refused);
    auto session = m_auth.authenticateStaff(request, Clerks);
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
                                QStringLiteral("退回须填写原因（最多 200 个字符），单位将在待申报列表中看到它"), {},
                                QStringLiteral("reason")};
            return Problem::fieldResponse(missing, {missing});
        }
        auto batch = m_service.returnBatch(actor, batchNo, text);
        if (!batch) {
            m_audit.record(actor, QStringLiteral("staff.batches.return"), batch.error().code, http::peer(request), batchNo);
            return Problem::response(batch.error());
        }
        if (auto r = m_audit.record(actor, QStringLiteral("staff.batches.return"), QStringLiteral("success"),
                                    http::peer(request), batchNo, text);
            !r)
            return Problem::response(r.error());
        return http::json(staffJson(batch.value(), true));
    });
}

} // namespace shebao::server
