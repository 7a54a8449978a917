#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "models/bill/Bill.h"
#include "models/core/Result.h"
#include "models/policy/ArrearsCalculator.h"
#include "server/BillChecks.h"
#include "server/BillStore.h"
#include "server/PersonGaps.h"

namespace shebao::server {

class Clock;
class Database;

// 网上缴费 on the unit's side (docs/bills.md): the gaps, the estimate, the 断档缴费单 with its
// 业务单据号, 有单缴费's look-up, 银行缴费单查询 and 作废; and the staff's view of every unit's
// bills. Checks come first and write nothing, so a refusal leaves the caller's transaction
// (IdempotencyStore) clean. A refusal is an Error or, with `fieldErrors` filled, the 422 answer.
class BillService
{
public:
    BillService(Database &db, const Clock &clock, PolicyTable policy);

    BillStore &store() { return m_store; }
    const PolicyTable &policy() const { return m_calculator.table(); }
    BillChecks checks() const;

    // Where a bill is paid online: `template` with {number} replaced (--bank-pay-url), or the
    // sandbox bank's page under `publicBase` (--bank-sandbox); neither: no online payment.
    void setPaymentPage(const QString &publicBase, bool sandbox, const QString &payUrlTemplate);
    QString paymentUrl(const Bill &bill) const;

    // GET /arrears/gaps: id_number and employed_from of `body` (BillChecks::fromQuery).
    Result<ArrearsGaps> gaps(qint64 unitId, const QJsonObject &body, QList<Error> *fieldErrors);

    // What a bill for the request would be today: the person, their months and the amounts.
    struct Plan
    {
        PersonGaps gaps;
        BillRequest request;
        QList<YearMonth> months;
        ArrearsEstimate estimate;
    };
    // The checks of GET /arrears/estimate and POST /bills: the request's fields, the person, the
    // months (bill.open when one is in an open bill, arrears.no_gaps when none is left), and the
    // arithmetic (policy.* naming the month).
    Result<Plan> plan(qint64 unitId, const QJsonObject &body, QList<Error> *fieldErrors);
    // Writes the planned bill; the person's row is locked first on PostgreSQL, and the open-bill
    // rule is checked again under that lock.
    Result<Bill> create(qint64 unitId, const QString &actor, qint64 signatureId, const Plan &plan);

    // 有单缴费: the unit's bill by number; idNumber (may be empty) must be its person's.
    Result<Bill> bill(qint64 unitId, const QString &number, const QString &idNumber);
    Result<BillPage> list(qint64 unitId, const QUrlQuery &query);
    // 作废: an unpaid bill (open or expired) becomes cancelled.
    Result<Bill> cancel(qint64 unitId, const QString &actor, const QString &number);

    // The staff (any unit).
    Result<BillPage> staffList(const QUrlQuery &query);
    Result<Bill> staffBill(const QString &number);

    static Error unknown();
    static Error mismatch();
    static Error stateError(BillState state);

private:
    QDate today() const;
    Bill withUrl(Bill bill) const;

    Database &m_db;
    const Clock &m_clock;
    ArrearsCalculator m_calculator;
    BillStore m_store;
    QString m_publicBase;
    bool m_sandbox = false;
    QString m_payUrlTemplate;
};

} // namespace shebao::server
