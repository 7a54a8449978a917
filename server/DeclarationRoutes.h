#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include <functional>

#include "models/core/Result.h"
#include "server/TokenService.h"

class QHttpServer;

namespace shebao::server {

class AuditLog;
class Authenticator;
class BusinessGuard;
class DeclarationService;
class IdempotencyStore;

// The unit side of 异动申报 (docs/declarations.md): /api/v1/declarations/lookup, items (one,
// bulk, list, withdraw) and batches (declare, list, detail). Every POST is a business action
// (BusinessGuard: ordinary refused, certificate bodies signed and the signature recorded),
// idempotent through IdempotencyStore, and audited with its outcome.
class DeclarationRoutes
{
public:
    DeclarationRoutes(Authenticator &auth, DeclarationService &service, IdempotencyStore &idempotency,
                      BusinessGuard &guard, AuditLog &audit)
        : m_auth(auth), m_service(service), m_idempotency(idempotency), m_guard(guard), m_audit(audit)
    {
    }
    void registerOn(QHttpServer &server);

private:
    struct Signed;
    using Action = std::function<QHttpServerResponse(const Session &, Signed &)>;

    QHttpServerResponse lookup(const QHttpServerRequest &request);
    QHttpServerResponse saveItem(const QHttpServerRequest &request);
    QHttpServerResponse saveBulk(const QHttpServerRequest &request);
    QHttpServerResponse listItems(const QHttpServerRequest &request);
    QHttpServerResponse withdraw(qint64 itemId, const QHttpServerRequest &request);
    QHttpServerResponse declare(const QHttpServerRequest &request);
    QHttpServerResponse listBatches(const QHttpServerRequest &request);
    QHttpServerResponse showBatch(const QString &batchNo, const QHttpServerRequest &request);

    // A business POST: authentication, the guard's precheck, idempotency and the level header.
    QHttpServerResponse business(const QHttpServerRequest &request, const Action &action);
    Result<void> audit(const QHttpServerRequest &request, const Session &session, const QString &action, const QString &outcome,
               const QString &target, const QString &detail = {});

    Authenticator &m_auth;
    DeclarationService &m_service;
    IdempotencyStore &m_idempotency;
    BusinessGuard &m_guard;
    AuditLog &m_audit;
};

} // namespace shebao::server
