#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include "server/PeerThrottle.h"
#include "server/VerifyRoutes.h"

class QHttpServer;

namespace shebao::server {

class AuditLog;
class BankPaymentService;
class Clock;
class SandboxBank;

// The sandbox bank's payment page (docs/bills.md, The sandbox bank), served with --bank-sandbox
// only: GET /bank-sandbox/pay?bill=NUMBER shows the bill with a 付款账号 field and 确认支付; the
// form's POST takes the payment at once and leaves the signed callback to SandboxBank. No token
// (a bank page), no scripts, a strict CSP; numbers that miss are throttled per address like
// /verify, since the page shows a unit's name for a bill number.
class SandboxBankRoutes
{
public:
    SandboxBankRoutes(SandboxBank &bank, BankPaymentService &bills, const Clock &clock, AuditLog &audit)
        : m_bank(bank), m_bills(bills), m_audit(audit), m_throttle(clock, VerifyRoutes::ThrottleCapacity, VerifyRoutes::ThrottleRefillSeconds)
    {
    }
    void registerOn(QHttpServer &server);

    static inline const QString Payee = QStringLiteral("长沙市社会保险经办机构");

private:
    QHttpServerResponse page(const QHttpServerRequest &request);
    QHttpServerResponse pay(const QHttpServerRequest &request);

    SandboxBank &m_bank;
    BankPaymentService &m_bills;
    AuditLog &m_audit;
    PeerThrottle m_throttle;
};

} // namespace shebao::server
