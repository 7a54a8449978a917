#include "server/StaffBillRoutes.h"

#include <QHttpServer>
#include <QUrlQuery>

#include "models/bill/BillJson.h"
#include "server/AuditLog.h"
#include "server/Authenticator.h"
#include "server/BillRoutes.h"
#include "server/BillService.h"
#include "server/HttpUtil.h"
#include "server/Problem.h"

namespace shebao::server {

void StaffBillRoutes::registerOn(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/staff/bills"), Method::Get, [this](const QHttpServerRequest &request) { return list(request); });
    server.route(QStringLiteral("/api/v1/staff/bills/<arg>"), Method::Get,
                 [this](const QString &number, const QHttpServerRequest &request) { return show(number, request); });
}

QHttpServerResponse StaffBillRoutes::list(const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateStaff(request);
    if (!session)
        return Problem::response(session.error());
    auto page = m_service.staffList(request.query());
    m_audit.record(Authenticator::actorOf(session.value()), QStringLiteral("bill.staff_list"),
                   page ? QStringLiteral("success") : page.error().code, http::peer(request),
                   request.query().queryItemValue(QStringLiteral("unit_no")).left(20));
    if (!page)
        return BillRoutes::refusal(page.error());
    return http::json(json::encode(page.value()));
}

QHttpServerResponse StaffBillRoutes::show(const QString &number, const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateStaff(request);
    if (!session)
        return Problem::response(session.error());
    auto bill = m_service.staffBill(number);
    m_audit.record(Authenticator::actorOf(session.value()), QStringLiteral("bill.staff_show"),
                   bill ? QStringLiteral("success") : bill.error().code, http::peer(request), number.left(40));
    if (!bill)
        return BillRoutes::refusal(bill.error());
    return http::json(json::encode(bill.value()));
}

} // namespace shebao::server
