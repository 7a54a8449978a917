#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

class QHttpServer;

namespace shebao::server {

class AuditLog;
class Authenticator;
class DeclarationService;
class IdempotencyStore;

// The counter's side of 异动申报 (role clerk): the declared batches with their unit, receiving
// the stamped 人员异动申报表 (the batch takes effect) or returning a batch with a reason. Every
// staff action, reads included, is audited as in StaffRoutes.
class StaffBatchRoutes
{
public:
    StaffBatchRoutes(Authenticator &auth, DeclarationService &service, IdempotencyStore &idempotency, AuditLog &audit)
        : m_auth(auth), m_service(service), m_idempotency(idempotency), m_audit(audit)
    {
    }
    void registerOn(QHttpServer &server);

private:
    QHttpServerResponse list(const QHttpServerRequest &request);
    QHttpServerResponse show(const QString &batchNo, const QHttpServerRequest &request);
    QHttpServerResponse receive(const QString &batchNo, const QHttpServerRequest &request);
    QHttpServerResponse giveBack(const QString &batchNo, const QHttpServerRequest &request);

    Authenticator &m_auth;
    DeclarationService &m_service;
    IdempotencyStore &m_idempotency;
    AuditLog &m_audit;
};

} // namespace shebao::server
