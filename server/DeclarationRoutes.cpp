#include "server/DeclarationRoutes.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QUrlQuery>

#include "models/declaration/DeclarationJson.h"
#include "models/validation/IdNumber.h"
#include "server/AuditLog.h"
#include "server/Authenticator.h"
#include "server/BusinessGuard.h"
#include "server/DeclarationService.h"
#include "server/HttpUtil.h"
#include "server/IdempotencyStore.h"
#include "server/Problem.h"

namespace shebao::server {

namespace {

using Status = QHttpServerResponse::StatusCode;

} // namespace

void DeclarationRoutes::registerOn(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/declarations/lookup"), Method::Get,
                 [this](const QHttpServerRequest &request) { return lookup(request); });
    server.route(QStringLiteral("/api/v1/declarations/items"), Method::Get,
                 [this](const QHttpServerRequest &request) { return listItems(request); });
    server.route(QStringLiteral("/api/v1/declarations/items"), Method::Post,
                 [this](const QHttpServerRequest &request) { return saveItem(request); });
    server.route(QStringLiteral("/api/v1/declarations/items/bulk"), Method::Post,
                 [this](const QHttpServerRequest &request) { return saveBulk(request); });
    server.route(QStringLiteral("/api/v1/declarations/items/<arg>/withdraw"), Method::Post,
                 [this](qint64 id, const QHttpServerRequest &request) { return withdraw(id, request); });
    server.route(QStringLiteral("/api/v1/declarations/batches"), Method::Get,
                 [this](const QHttpServerRequest &request) { return listBatches(request); });
    server.route(QStringLiteral("/api/v1/declarations/batches"), Method::Post,
                 [this](const QHttpServerRequest &request) { return declare(request); });
    server.route(QStringLiteral("/api/v1/declarations/batches/<arg>"), Method::Get,
                 [this](const QString &batchNo, const QHttpServerRequest &request) { return showBatch(batchNo, request); });
}

Result<void> DeclarationRoutes::audit(const QHttpServerRequest &request, const Session &session, const QString &action,
                                      const QString &outcome, const QString &target, const QString &detail)
{
    return m_audit.record(Authenticator::actorOf(session), action, outcome, http::peer(request), target, detail);
}

QHttpServerResponse DeclarationRoutes::lookup(const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateUnit(request);
    if (!session)
        return Problem::response(session.error());
    const Session &s = session.value();
    const QString idNumber = request.query().queryItemValue(QStringLiteral("id_number"), QUrl::FullyDecoded);
    QList<Error> errors;
    auto found = m_service.lookup(s.unitId, idNumber, &errors);
    audit(request, s, QStringLiteral("declaration.lookup"), found ? QStringLiteral("success") : found.error().code,
          IdNumber::mask(idNumber.trimmed()));
    if (!found)
        return Authenticator::withLevel(Problem::fieldResponse(found.error(), errors), s);
    return Authenticator::withLevel(http::json(json::encode(found.value())), s);
}

QHttpServerResponse DeclarationRoutes::saveItem(const QHttpServerRequest &request)
{
    return m_post.handle(request, [&](const Session &s, Signed &signature) -> QHttpServerResponse {
        auto body = http::jsonObject(request);
        if (!body)
            return Problem::response(body.error());
        QList<Error> errors;
        auto checked = m_service.check(s.unitId, body.value(), &errors);
        if (!checked) {
            audit(request, s, QStringLiteral("declaration.item.save"), checked.error().code,
                  IdNumber::mask(body.value().value(QLatin1String("id_number")).toString()));
            return Problem::fieldResponse(checked.error(), errors);
        }
        auto signatureId = signature.record();
        if (!signatureId)
            return Problem::response(signatureId.error());
        auto saved = m_service.save(s.unitId, Authenticator::actorOf(s), signatureId.value(), checked.value());
        if (!saved)
            return Problem::response(saved.error());
        if (auto r = audit(request, s, QStringLiteral("declaration.item.save"), QStringLiteral("success"), saved.value().itemNo,
                           declarationKindCode(saved.value().kind) + u' ' + IdNumber::mask(saved.value().idNumber));
            !r)
            return Problem::response(r.error());
        return http::json(json::encode(saved.value()), Status::Created);
    });
}

QHttpServerResponse DeclarationRoutes::saveBulk(const QHttpServerRequest &request)
{
    return m_post.handle(request, [&](const Session &s, Signed &signature) -> QHttpServerResponse {
        auto body = http::jsonObject(request);
        if (!body)
            return Problem::response(body.error());
        const QJsonValue itemsValue = body.value().value(QLatin1String("items"));
        if (!itemsValue.isArray() || itemsValue.toArray().isEmpty())
            return Problem::fieldResponse(Error{QStringLiteral("required.missing"),
                                                QStringLiteral("“items”应为至少一条异动的列表"), {}, QStringLiteral("items")});
        const QJsonArray items = itemsValue.toArray();
        if (items.size() > DeclarationService::MaxBulkItems)
            return Problem::fieldResponse(Error{QStringLiteral("bulk.too_large"),
                                                QStringLiteral("一次最多提交 %1 条异动（本次 %2 条），请分批提交")
                                                    .arg(DeclarationService::MaxBulkItems)
                                                    .arg(items.size()),
                                                {}, QStringLiteral("items")});
        // Each item on its own: a refused one never holds back the others. Items are checked
        // and saved in order, so a second item of the same person is item.duplicate.
        QJsonArray results;
        int saved = 0;
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject result{{QStringLiteral("index"), int(i)}};
            QList<Error> errors;
            auto checked = items.at(i).isObject()
                ? m_service.check(s.unitId, items.at(i).toObject(), &errors)
                : Result<DeclarationItem>(Problem::invalidRequest(QStringLiteral("第 %1 条不是 JSON 对象").arg(i + 1)));
            if (!checked) {
                result.insert(QStringLiteral("problem"), Problem::fieldBody(checked.error(), errors));
                results.append(result);
                if (Problem::status(checked.error().code) == Status::InternalServerError)
                    return Problem::response(checked.error());
                continue;
            }
            auto signatureId = signature.record();
            if (!signatureId)
                return Problem::response(signatureId.error());
            auto item = m_service.save(s.unitId, Authenticator::actorOf(s), signatureId.value(), checked.value());
            if (!item)
                return Problem::response(item.error());
            ++saved;
            result.insert(QStringLiteral("item"), json::encode(item.value()));
            results.append(result);
        }
        if (auto r = audit(request, s, QStringLiteral("declaration.item.bulk"), QStringLiteral("success"), {},
                           QStringLiteral("%1/%2 saved").arg(saved).arg(items.size()));
            !r)
            return Problem::response(r.error());
        return http::json(QJsonObject{{QStringLiteral("results"), results}});
    });
}

QHttpServerResponse DeclarationRoutes::listItems(const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateUnit(request);
    if (!session)
        return Problem::response(session.error());
    const Session &s = session.value();
    std::optional<ItemState> state;
    const QString stateText = request.query().queryItemValue(QStringLiteral("state"));
    if (!stateText.isEmpty()) {
        ItemState parsed;
        if (!parseItemState(stateText, &parsed) || parsed == ItemState::Withdrawn)
            return Authenticator::withLevel(
                Problem::response(Problem::invalidRequest(QStringLiteral("state 须为 pending、declared 或 effective。"),
                                                          QStringLiteral("state"))),
                s);
        state = parsed;
    }
    auto items = m_service.store().items(s.unitId, state);
    if (!items)
        return Problem::response(items.error());
    QJsonArray array;
    for (const DeclarationItem &item : items.value())
        array.append(json::encode(item));
    return Authenticator::withLevel(http::json(QJsonObject{{QStringLiteral("items"), array}}), s);
}

QHttpServerResponse DeclarationRoutes::withdraw(qint64 itemId, const QHttpServerRequest &request)
{
    return m_post.handle(request, [&, itemId](const Session &s, Signed &signature) -> QHttpServerResponse {
        auto withdrawn = m_service.withdraw(s.unitId, itemId);
        audit(request, s, QStringLiteral("declaration.item.withdraw"),
              withdrawn ? QStringLiteral("success") : withdrawn.error().code,
              withdrawn ? withdrawn.value().itemNo : QString::number(itemId));
        if (!withdrawn)
            return Problem::fieldResponse(withdrawn.error());
        // A withdrawal changes the pending list the unit signed for: keep its signature too.
        if (auto r = signature.record(); !r)
            return Problem::response(r.error());
        return http::json(json::encode(withdrawn.value()));
    });
}

QHttpServerResponse DeclarationRoutes::declare(const QHttpServerRequest &request)
{
    return m_post.handle(request, [&](const Session &s, Signed &signature) -> QHttpServerResponse {
        auto body = http::jsonObject(request);
        if (!body)
            return Problem::response(body.error());
        QList<Error> errors;
        auto plan = m_service.planDeclare(s.unitId, body.value(), signature.isSigned(), &errors);
        if (!plan) {
            audit(request, s, QStringLiteral("declaration.batch.declare"), plan.error().code, {});
            return Problem::fieldResponse(plan.error(), errors);
        }
        auto signatureId = signature.record();
        if (!signatureId)
            return Problem::response(signatureId.error());
        auto batch = m_service.declare(s.unitId, Authenticator::actorOf(s), plan.value(), signature.isSigned(),
                                       signatureId.value());
        if (!batch)
            return Problem::response(batch.error());
        if (auto r = audit(request, s, QStringLiteral("declaration.batch.declare"), QStringLiteral("success"),
                           batch.value().batchNo,
                           QStringLiteral("%1 items, %2").arg(batch.value().itemCount).arg(batchStateCode(batch.value().state)));
            !r)
            return Problem::response(r.error());
        return http::json(json::encode(batch.value()), Status::Created);
    });
}

QHttpServerResponse DeclarationRoutes::listBatches(const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateUnit(request);
    if (!session)
        return Problem::response(session.error());
    const Session &s = session.value();
    std::optional<BatchState> state;
    const QString stateText = request.query().queryItemValue(QStringLiteral("state"));
    if (!stateText.isEmpty()) {
        BatchState parsed;
        if (!parseBatchState(stateText, &parsed))
            return Authenticator::withLevel(
                Problem::response(Problem::invalidRequest(
                    QStringLiteral("state 须为 declared、awaiting_paper、accepted、effective 或 returned。"),
                    QStringLiteral("state"))),
                s);
        state = parsed;
    }
    auto batches = m_service.store().batches(s.unitId, state);
    if (!batches)
        return Problem::response(batches.error());
    QJsonArray array;
    for (const StaffBatch &b : batches.value())
        array.append(json::encode(b.batch, false));
    return Authenticator::withLevel(http::json(QJsonObject{{QStringLiteral("batches"), array}}), s);
}

QHttpServerResponse DeclarationRoutes::showBatch(const QString &batchNo, const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateUnit(request);
    if (!session)
        return Problem::response(session.error());
    const Session &s = session.value();
    // Another unit's batch is simply not found here.
    auto batch = m_service.store().batch(s.unitId, batchNo, true);
    if (!batch)
        return Problem::response(batch.error());
    if (!batch.value())
        return Authenticator::withLevel(Problem::response(Problem::notFound()), s);
    return Authenticator::withLevel(http::json(json::encode(batch.value()->batch)), s);
}

} // namespace shebao::server
