#pragma once

#include <QString>

#include "models/bill/Bill.h"
#include "models/core/Result.h"
#include "server/BillEffect.h"

namespace shebao::server {

class BillStore;
class Database;

// The bank's side of a bill (docs/bills.md, The bank interface): what a counter is shown for a
// number, and a payment: to the fen, once per (bank, transaction) — a repeated notification is
// answered `repeated` and changes nothing — and never for a paid, expired or cancelled bill. A
// payment fills the person's enrolment periods in its own transaction.
class BankPaymentService
{
public:
    BankPaymentService(Database &db, BillStore &bills) : m_db(db), m_bills(bills), m_effect(db) {}

    // bill.unknown for an unknown or malformed number.
    Result<BankBill> bankBill(const QString &number);
    // Runs in a transaction of its own (the bank has no Idempotency-Key: the transaction id is).
    Result<BankPaymentAnswer> pay(const QString &bankId, const BankPayment &payment);

private:
    Result<BankPaymentAnswer> payLocked(const QString &bankId, const BankPayment &payment);

    Database &m_db;
    BillStore &m_bills;
    BillEffect m_effect;
};

} // namespace shebao::server
