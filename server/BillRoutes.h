#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include <optional>

#include "models/core/Result.h"
#include "server/BusinessPost.h"
#include "server/TokenService.h"

class QHttpServer;

namespace shebao::server {

class AuditLog;
class Authenticator;
class BillService;
class BusinessGuard;
class IdempotencyStore;

// The unit side of 网上缴费 (docs/bills.md): GET /api/v1/arrears/gaps and /arrears/estimate, POST
// and GET /bills, GET /bills/{number} (有单缴费) and POST /bills/{number}/cancel. All of it is
// business: ordinary accounts are refused, certificate users sign the POSTs (BusinessPost);
// POSTs are idempotent and audited, as are the look-ups of a person.
class BillRoutes
{
public:
    BillRoutes(Authenticator &auth, BillService &service, IdempotencyStore &idempotency, BusinessGuard &guard,
               AuditLog &audit)
        : m_auth(auth), m_service(service), m_audit(audit), m_post(auth, guard, idempotency, audit, QStringLiteral("bill"))
    {
    }
    void registerOn(QHttpServer &server);

    // The answer of a refusal: problem+json, with the held bill's number for bill.open.
    static QHttpServerResponse refusal(const Error &error, const QList<Error> &fieldErrors = {});

private:
    QHttpServerResponse gaps(const QHttpServerRequest &request);
    QHttpServerResponse estimate(const QHttpServerRequest &request);
    QHttpServerResponse create(const QHttpServerRequest &request);
    QHttpServerResponse list(const QHttpServerRequest &request);
    QHttpServerResponse show(const QString &number, const QHttpServerRequest &request);
    QHttpServerResponse cancel(const QString &number, const QHttpServerRequest &request);

    // A unit session allowed to do business, or the answer that refuses it.
    std::optional<QHttpServerResponse> admit(const QHttpServerRequest &request, Session *session);

    Authenticator &m_auth;
    BillService &m_service;
    AuditLog &m_audit;
    BusinessPost m_post;
};

} // namespace shebao::server
