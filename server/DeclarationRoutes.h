#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include <functional>

#include "models/core/Result.h"
#include "server/BusinessPost.h"
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
        : m_auth(auth), m_service(service), m_audit(audit)
        , m_post(auth, guard, idempotency, audit, QStringLiteral("declaration"))
    {
    }
    void registerOn(QHttpServer &server);

private:
    using Signed = BusinessPost::Signed;

    QHttpServerResponse lookup(const QHttpServerRequest &request);
    QHttpServerResponse saveItem(const QHttpServerRequest &request);
    QHttpServerResponse saveBulk(const QHttpServerRequest &request);
    QHttpServerResponse listItems(const QHttpServerRequest &request);
    QHttpServerResponse withdraw(qint64 itemId, const QHttpServerRequest &request);
    QHttpServerResponse declare(const QHttpServerRequest &request);
    QHttpServerResponse listBatches(const QHttpServerRequest &request);
    QHttpServerResponse showBatch(const QString &batchNo, const QHttpServerRequest &request);

    Result<void> audit(const QHttpServerRequest &request, const Session &session, const QString &action, const QString &outcome,
               const QString &target, const QString &detail = {});

    Authenticator &m_auth;
    DeclarationService &m_service;
    AuditLog &m_audit;
    BusinessPost m_post;
};

} // namespace shebao::server
