#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

class QHttpServer;

namespace shebao::server {

class AuditLog;
class Authenticator;
class BusinessGuard;
class Clock;
class Database;
class IdempotencyStore;

// POST /api/v1/unit/changes: the first business action. For now only the non-key fields
// (联系人, 联系电话, 通讯地址, 电子邮箱), applied at once; key fields need attachments and a
// review (单位信息变更, issue 5) and are refused with change.field_unsupported.
class UnitChangeRoutes
{
public:
    UnitChangeRoutes(Authenticator &auth, Database &db, const Clock &clock, IdempotencyStore &idempotency,
                     BusinessGuard &guard, AuditLog &audit)
        : m_auth(auth), m_db(db), m_clock(clock), m_idempotency(idempotency), m_guard(guard), m_audit(audit)
    {
    }
    void registerOn(QHttpServer &server);

private:
    QHttpServerResponse change(const QHttpServerRequest &request);

    Authenticator &m_auth;
    Database &m_db;
    const Clock &m_clock;
    IdempotencyStore &m_idempotency;
    BusinessGuard &m_guard;
    AuditLog &m_audit;
};

} // namespace shebao::server
