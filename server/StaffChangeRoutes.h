#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

class QHttpServer;

namespace shebao::server {

class AuditLog;
class Authenticator;
class ChangeService;
class IdempotencyStore;

// The reviewer's side of 信息维护 (docs/changes.md; role reviewer, a clerk gets 403 staff.role):
// the requests of every unit, their proofs (the uploaded bytes), approval (the key values are
// written, who and when recorded) and rejection with a reason. Every staff action, reads
// included, is audited as in StaffRoutes.
class StaffChangeRoutes
{
public:
    StaffChangeRoutes(Authenticator &auth, ChangeService &service, IdempotencyStore &idempotency, AuditLog &audit)
        : m_auth(auth), m_service(service), m_idempotency(idempotency), m_audit(audit)
    {
    }
    void registerOn(QHttpServer &server);

private:
    QHttpServerResponse list(const QHttpServerRequest &request);
    QHttpServerResponse show(qint64 id, const QHttpServerRequest &request);
    QHttpServerResponse attachment(qint64 id, qint64 attachmentId, const QHttpServerRequest &request);
    QHttpServerResponse approve(qint64 id, const QHttpServerRequest &request);
    QHttpServerResponse reject(qint64 id, const QHttpServerRequest &request);

    Authenticator &m_auth;
    ChangeService &m_service;
    IdempotencyStore &m_idempotency;
    AuditLog &m_audit;
};

} // namespace shebao::server
