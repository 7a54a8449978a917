#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include "models/core/Result.h"

class QHttpServer;

namespace shebao::server {

class AuditLog;
class BankKeys;
class BankPaymentService;
class Clock;

// The bank interface (docs/bills.md): GET /api/v1/bank/bills/{number} and POST
// /api/v1/bank/payments, with no token: every request is signed with the HMAC key shared with
// the bank (X-Bank-Id, X-Bank-Timestamp, X-Bank-Signature over BankSignature's string). An
// unknown bank, a wrong signature or a timestamp more than 300 s off is 401 with nothing done,
// and audited like every answer.
class BankRoutes
{
public:
    BankRoutes(const BankKeys &keys, BankPaymentService &service, const Clock &clock, AuditLog &audit)
        : m_keys(keys), m_service(service), m_clock(clock), m_audit(audit)
    {
    }
    void registerOn(QHttpServer &server);

private:
    QHttpServerResponse bill(const QString &number, const QHttpServerRequest &request);
    QHttpServerResponse payment(const QHttpServerRequest &request);
    // The bank id of a correctly signed, fresh request; the refusal is audited.
    Result<QString> authenticate(const QHttpServerRequest &request);

    const BankKeys &m_keys;
    BankPaymentService &m_service;
    const Clock &m_clock;
    AuditLog &m_audit;
};

} // namespace shebao::server
