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
class ChangeService;
class IdempotencyStore;

// The unit side of 信息维护 (docs/changes.md): POST /api/v1/changes/attachments (a proof),
// POST /api/v1/changes (a submission: applied at once and/or pending review), GET
// /api/v1/changes[/{id}] and POST /api/v1/changes/{id}/withdraw. Every POST is a business
// action (BusinessGuard: ordinary refused, certificate bodies signed and the signature kept),
// idempotent through IdempotencyStore, and audited with its outcome.
class ChangeRoutes
{
public:
    ChangeRoutes(Authenticator &auth, ChangeService &service, IdempotencyStore &idempotency, BusinessGuard &guard,
                 AuditLog &audit)
        : m_auth(auth), m_service(service), m_audit(audit)
        , m_post(auth, guard, idempotency, audit, QStringLiteral("change"))
    {
    }
    void registerOn(QHttpServer &server);

private:
    using Signed = BusinessPost::Signed;

    QHttpServerResponse upload(const QHttpServerRequest &request);
    QHttpServerResponse submit(const QHttpServerRequest &request);
    QHttpServerResponse list(const QHttpServerRequest &request);
    QHttpServerResponse show(qint64 id, const QHttpServerRequest &request);
    QHttpServerResponse withdraw(qint64 id, const QHttpServerRequest &request);

    Result<void> audit(const QHttpServerRequest &request, const Session &session, const QString &action,
                       const QString &outcome, const QString &target, const QString &detail = {});

    Authenticator &m_auth;
    ChangeService &m_service;
    AuditLog &m_audit;
    BusinessPost m_post;
};

} // namespace shebao::server
