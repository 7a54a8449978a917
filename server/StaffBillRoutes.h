#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

class QHttpServer;

namespace shebao::server {

class AuditLog;
class Authenticator;
class BillService;

// The agency's view of 断档缴费单 (docs/bills.md, Staff): GET /api/v1/staff/bills (every unit, or one
// by unit_no; the unit list's filters and pages) and /staff/bills/{number} with its estimate and
// payment. Any staff role; every read is audited.
class StaffBillRoutes
{
public:
    StaffBillRoutes(Authenticator &auth, BillService &service, AuditLog &audit) : m_auth(auth), m_service(service), m_audit(audit) {}
    void registerOn(QHttpServer &server);

private:
    QHttpServerResponse list(const QHttpServerRequest &request);
    QHttpServerResponse show(const QString &number, const QHttpServerRequest &request);

    Authenticator &m_auth;
    BillService &m_service;
    AuditLog &m_audit;
};

} // namespace shebao::server
