#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

#include "models/money/Money.h"
#include "models/policy/ArrearsEstimate.h"
#include "models/policy/YearMonth.h"

// 网上缴费 (issue 6, docs/bills.md): the gaps of a person with a unit, the request for a
// 断档缴费单, the bill as issued by the server, and what the bank sees and sends.
namespace shebao {

// Stored: unpaid, paid, cancelled. Expired is derived (unpaid and now >= expiresAt).
enum class BillState { Unpaid, Paid, Expired, Cancelled };

QString billStateCode(BillState state); // "unpaid" | "paid" | "expired" | "cancelled"
bool parseBillState(const QString &code, BillState *state);
QString billStateName(BillState state); // 未缴费, 已缴费, 已过期, 已作废

// Consecutive months, inclusive.
struct GapRange
{
    YearMonth from;
    YearMonth to;
    int months = 0;        // to − from + 1
    QString billNumber;    // only in UnitGaps::billed: the open bill that holds these months

    bool operator==(const GapRange &) const = default;
};

// One unit's side of a person's gaps (docs/bills.md, Gaps).
struct UnitGaps
{
    QString unitNo;
    QString unitName;
    int riskClass = 0;            // the unit's 工伤 risk class 1–8
    QStringList insurances;       // 险种 of the person's enrolments with the unit, code order
    Money suggestedWage;          // wage base of the person's latest period with the unit
    YearMonth windowFrom;         // first covered month (or employed_from when earlier)
    YearMonth windowTo;           // last covered month (current month when a period is open)
    QList<GapRange> eligible;     // 1995-01 <= m <= current month − 3, not in an open bill
    QList<GapRange> recent;       // gap months of the last three months: 异动申报
    QList<GapRange> billed;       // gap months held by an open bill (billNumber set)

    int eligibleMonths() const;
    bool operator==(const UnitGaps &) const = default;
};

// GET /arrears/gaps.
struct ArrearsGaps
{
    QString personNo;
    QString personName;
    QString idNumberMasked;       // IdNumber::mask
    YearMonth currentMonth;       // Beijing, at the time of the answer
    YearMonth latestEligible;     // currentMonth − 3
    QList<UnitGaps> units;        // the reference backend: at most the logged-in unit

    bool operator==(const ArrearsGaps &) const = default;
};

// The body of POST /bills (and the query of GET /arrears/estimate).
struct BillRequest
{
    QString idNumber;                     // 公民身份号码 (15 or 18 digits, as typed; the server folds it)
    Money wage;                           // 缴费工资, > 0; clamped per month
    std::optional<YearMonth> employedFrom;// 用工起始年月, extends the window backwards
    std::optional<YearMonth> from;        // restrict the months to [from, to]
    std::optional<YearMonth> to;
    QString settlement = QStringLiteral("separate"); // 不参与单位结算; "unit" is refused

    bool operator==(const BillRequest &) const = default;
};

// The bank's payment of a bill (POST /bank/payments; the online callback is the same request).
struct BankPayment
{
    QString billNumber;
    Money amount;
    QString transactionId;   // the bank's 流水号, 1–64 of A-Za-z0-9-_
    QString channel;         // "online" | "counter"
    QDateTime paidAt;        // UTC

    bool operator==(const BankPayment &) const = default;
};

// A bill's payment as recorded (in Bill).
struct BillPayment
{
    QString bankId;
    QString transactionId;
    QString channel;
    Money amount;
    QDateTime paidAt;

    bool operator==(const BillPayment &) const = default;
};

// 断档缴费单 as issued (GET /bills/{number}); list rows carry no estimate (hasEstimate false).
struct Bill
{
    QString number;               // 业务单据号, BillNumber
    BillState state = BillState::Unpaid;
    QString unitNo;
    QString unitName;
    QString personNo;
    QString personName;
    QString idNumberMasked;
    QStringList insurances;
    int riskClass = 0;
    Money wage;                   // declared 缴费工资
    YearMonth firstMonth;
    YearMonth lastMonth;
    int monthCount = 0;
    Money principal;
    Money lateFee;
    Money total;
    QString policyName;
    QDate calculationDate;        // late fee up to and including this day (the issue date)
    QDate payBy;                  // 限缴日期: issue date + 6
    QDateTime createdAt;          // UTC
    QDateTime expiresAt;          // end of payBy, Beijing, as UTC
    QString createdBy;            // the audit actor of the account that made it: "unit:<unit_no>"
    QString paymentUrl;           // empty when no online bank is configured
    std::optional<BillPayment> payment;
    QDateTime cancelledAt;
    bool hasEstimate = false;
    ArrearsEstimate estimate;     // as computed at issue, never recomputed

    bool operator==(const Bill &) const = default;
};

// GET /bills: 银行缴费单查询.
struct BillQuery
{
    std::optional<BillState> state;
    QDate from;                   // issue date (Beijing), inclusive; null: open
    QDate to;
    QString idNumber;
    int limit = 50;               // 1..200
    QString cursor;               // from the previous page's nextCursor

    bool operator==(const BillQuery &) const = default;
};

struct BillPage
{
    QList<Bill> bills;            // newest first, without estimate
    QString nextCursor;           // empty on the last page

    bool operator==(const BillPage &) const = default;
};

// GET /bank/bills/{number}: what a bank counter is shown.
struct BankBill
{
    QString number;
    BillState state = BillState::Unpaid;
    Money amount;                 // the total to pay, to the fen
    QString unitName;
    QString personNameMasked;     // "汤*远"
    QDate payBy;

    bool operator==(const BankBill &) const = default;
};

// The answer to POST /bank/payments.
struct BankPaymentAnswer
{
    QString billNumber;
    BillState state = BillState::Paid;
    QString transactionId;
    bool repeated = false;        // the same bank and transaction id was already recorded

    bool operator==(const BankPaymentAnswer &) const = default;
};

// "汤*远", "李*", "欧**娜": the first character kept, the rest masked except the last of three or more.
QString maskPersonName(const QString &name);

} // namespace shebao
