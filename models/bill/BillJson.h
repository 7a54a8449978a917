#pragma once

#include <QJsonObject>

#include "models/bill/Bill.h"
#include "models/core/Result.h"
#include "models/policy/ArrearsEstimate.h"

// The JSON of 网上缴费 (docs/bills.md, docs/openapi.yaml), in the style of CertificateJson:
// snake_case members, times ISO 8601 UTC, dates "YYYY-MM-DD", months "YYYY-MM", amounts as yuan
// strings with two decimals, rates as decimal strings (Rate::toString), decoding that names the
// JSON path of a problem. Absent optionals are null.
namespace shebao::json {

// ArrearsEstimate in full: {policy: {name, region, source}, periods: [label], calculation_date,
//  months: [{month, period, base: {wage, base, clamp, lower, upper, period},
//            items: [{insurance, name, unit_rate, person_rate, unit, person}], principal,
//            due_date, late_fee_days, daily_rate, late_fee, late_fee_capped}],
//  principal, late_fee, total}
QJsonObject encode(const ArrearsEstimate &estimate);
QJsonObject encode(const ClampedBase &base);
QJsonObject encode(const ArrearsItem &item);
QJsonObject encode(const ArrearsMonth &month);
QJsonObject encode(const GapRange &range);
QJsonObject encode(const UnitGaps &gaps);
QJsonObject encode(const ArrearsGaps &gaps);
QJsonObject encode(const BillRequest &request);
QJsonObject encode(const BillPayment &payment);
// withEstimate false: the list row's shape (no "estimate" member).
QJsonObject encode(const Bill &bill, bool withEstimate = true);
QJsonObject encode(const BillPage &page);
QJsonObject encode(const BankBill &bill);
QJsonObject encode(const BankPayment &payment);
QJsonObject encode(const BankPaymentAnswer &answer);

Result<ClampedBase> decodeClampedBase(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<ArrearsItem> decodeArrearsItem(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<ArrearsMonth> decodeArrearsMonth(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<ArrearsEstimate> decodeArrearsEstimate(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<GapRange> decodeGapRange(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<UnitGaps> decodeUnitGaps(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<ArrearsGaps> decodeArrearsGaps(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<BillRequest> decodeBillRequest(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<BillPayment> decodeBillPayment(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<Bill> decodeBill(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<BillPage> decodeBillPage(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<BankBill> decodeBankBill(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<BankPayment> decodeBankPayment(const QJsonObject &object, const QString &path = QStringLiteral("$"));
Result<BankPaymentAnswer> decodeBankPaymentAnswer(const QJsonObject &object, const QString &path = QStringLiteral("$"));

} // namespace shebao::json
