#include "server/BankPaymentService.h"

#include "server/BillChecks.h"
#include "server/BillService.h"
#include "server/BillStore.h"
#include "server/Database.h"

namespace shebao::server {

namespace {

Error unknownBill()
{
    return Error{QStringLiteral("bill.unknown"), QStringLiteral("没有找到该业务单据号的缴费单"), {}, QStringLiteral("bill_number")};
}

} // namespace

Result<BankBill> BankPaymentService::bankBill(const QString &typed)
{
    auto number = BillChecks::number(typed);
    if (!number)
        return unknownBill();
    auto found = m_bills.find(number.value(), 0, false);
    if (!found)
        return found.error();
    if (!found.value())
        return unknownBill();
    const Bill &b = found.value()->bill;
    // A counter sees what it needs to take the money, and the person's name masked.
    return BankBill{b.number, b.state, b.total, b.unitName, maskPersonName(b.personName), b.payBy};
}

Result<BankPaymentAnswer> BankPaymentService::pay(const QString &bankId, const BankPayment &payment)
{
    if (auto r = m_db.begin(); !r)
        return r.error();
    auto answer = payLocked(bankId, payment);
    if (!answer) {
        m_db.rollback();
        return answer;
    }
    if (auto r = m_db.commit(); !r)
        return r.error();
    return answer;
}

Result<BankPaymentAnswer> BankPaymentService::payLocked(const QString &bankId, const BankPayment &payment)
{
    // The bill's row first: a resent notification racing the first one waits here and then
    // finds its transaction recorded.
    auto found = m_bills.find(payment.billNumber, 0, false, true);
    if (!found)
        return found.error();
    auto known = m_bills.billOfTransaction(bankId, payment.transactionId);
    if (!known)
        return known.error();
    if (known.value()) {
        if (*known.value() != payment.billNumber)
            return Error{QStringLiteral("bank.transaction"), QStringLiteral("该银行流水号已用于另一张缴费单"), {},
                         QStringLiteral("transaction_id")};
        return BankPaymentAnswer{payment.billNumber, BillState::Paid, payment.transactionId, true};
    }
    if (!found.value())
        return unknownBill();
    const BillRecord &record = *found.value();
    if (record.bill.state != BillState::Unpaid)
        return BillService::stateError(record.bill.state);
    if (payment.amount != record.bill.total)
        return Error{QStringLiteral("bill.amount_mismatch"),
                     QStringLiteral("缴费金额与缴费单金额不符（应缴 %1 元）").arg(record.bill.total.toYuanString()), {},
                     QStringLiteral("amount")};
    if (auto r = m_bills.recordPayment(record.id, bankId, payment); !r)
        return r.error();
    auto months = m_bills.months(record.id);
    if (!months)
        return months.error();
    if (auto r = m_effect.fill(record, months.value()); !r)
        return r.error();
    return BankPaymentAnswer{payment.billNumber, BillState::Paid, payment.transactionId, false};
}

} // namespace shebao::server
