#pragma once

#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <optional>

#include "models/bill/Bill.h"
#include "models/core/Result.h"

namespace shebao::server {

class Clock;
class Database;

// A bill as stored, with the ids the rules need and the full 公民身份号码 for 有单缴费's check.
struct BillRecord
{
    Bill bill;                    // state derived as of now; paymentUrl left empty
    qint64 id = 0;
    qint64 unitId = 0;
    qint64 personId = 0;
    QString personIdNumber;
};

// What a new bill is made of (BillService computed it; the store only writes it).
struct NewBill
{
    qint64 unitId = 0;
    qint64 personId = 0;
    QString actor;
    qint64 signatureId = 0;       // the certificate user's signed request, 0: none
    QStringList insurances;
    int riskClass = 0;
    Money wage;
    QList<YearMonth> months;      // ascending
    ArrearsEstimate estimate;
};

// The rows of 网上缴费 (tables bills, bill_months, bill_payments) as the shared types. No rules:
// BillService and BankPaymentService decide. Unit reads take the unit id (0: any unit, for the
// staff and the bank), so one unit's query never returns another's bill.
class BillStore
{
public:
    BillStore(Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

    // Numbers the bill (issue date + the `bill` sequence + check digit), derives 限缴日期 and
    // expiry, and writes the bill with its months.
    Result<BillRecord> insert(const NewBill &bill);

    // nullopt when no such bill (of this unit). lock: on PostgreSQL the row stays locked until
    // the transaction ends (a payment and a cancel of the same bill never interleave).
    Result<std::optional<BillRecord>> find(const QString &number, qint64 unitId, bool withEstimate, bool lock = false);

    // Newest first, without estimates. unitId 0 with unitNo: the staff's filter by 单位编号.
    Result<BillPage> list(qint64 unitId, const QString &unitNo, const BillQuery &query);

    // The months of the person's open bills (unpaid, not expired) with the unit, with their numbers.
    Result<QMap<YearMonth, QString>> openMonths(qint64 personId, qint64 unitId);
    Result<QList<YearMonth>> months(qint64 billId);
    // 险种 of the unit's unpaid bills, open or expired (参保证明's 欠费).
    static Result<QSet<QString>> unpaidInsurances(Database &db, qint64 unitId);

    Result<void> cancel(qint64 billId, const QString &actor);

    // The bill number a bank's transaction paid, nullopt when the transaction is new.
    Result<std::optional<QString>> billOfTransaction(const QString &bankId, const QString &transactionId);
    Result<void> recordPayment(qint64 billId, const QString &bankId, const BankPayment &payment);

private:
    Result<QList<BillRecord>> read(const QString &where, const QVariantList &values, bool withEstimate,
                                   const QString &tail = {});

    Database &m_db;
    const Clock &m_clock;
};

} // namespace shebao::server
