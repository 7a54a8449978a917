#pragma once

#include <QDateTime>

#include "models/bill/Bill.h"
#include "models/bill/BillNumber.h"
#include "models/policy/ArrearsCalculator.h"
#include "models/policy/PolicyTable.h"

// Bills as the server issues them, with the arithmetic of the embedded 430100 table (the same
// ArrearsCalculator the server runs), for the slip's tests.
namespace shebao::samples {

// `count` months from `first` (with a hole after the third month when `withHole`), risk class 2,
// issued 2026-12-04 (Beijing) at sequence `sequence`.
inline Bill bill(YearMonth first, int count, QStringList insurances = {QStringLiteral("110"), QStringLiteral("210"),
                                                                       QStringLiteral("410")},
                 bool withHole = false, qint64 sequence = 17)
{
    const QDate issued(2026, 12, 4);
    ArrearsRequest request;
    request.monthlyWage = Money::fromFen(500000);
    request.riskClass = 2;
    request.insurances = insurances;
    request.calculationDate = issued;
    for (int i = 0; i < count; ++i)
        request.months << first.addMonths(withHole && i >= 3 ? i + 2 : i);
    ArrearsCalculator calculator(PolicyTable::forRegion(QStringLiteral("430100")).value());
    const ArrearsEstimate estimate = calculator.estimate(request).value();

    Bill b;
    b.number = BillNumber::make(issued, sequence);
    b.state = BillState::Unpaid;
    b.unitNo = QStringLiteral("43010000001");
    b.unitName = QStringLiteral("长沙湘江示范科技有限公司");
    b.personNo = QStringLiteral("43700000123");
    b.personName = QStringLiteral("欧阳明娜");
    b.idNumberMasked = QStringLiteral("430102********8829");
    b.insurances = insurances;
    b.riskClass = 2;
    b.wage = request.monthlyWage;
    b.firstMonth = estimate.months.first().month;
    b.lastMonth = estimate.months.last().month;
    b.monthCount = int(estimate.months.size());
    b.principal = estimate.principal;
    b.lateFee = estimate.lateFee;
    b.total = estimate.total;
    b.policyName = estimate.policyName;
    b.calculationDate = issued;
    b.payBy = issued.addDays(6);
    b.createdAt = QDateTime(issued, QTime(9, 30), Qt::OffsetFromUTC, 8 * 3600).toUTC();
    // Far ahead: the slip refuses a bill whose 限缴日期 has passed by the clock of the test.
    b.expiresAt = QDateTime(QDate(2099, 12, 31), QTime(16, 0), Qt::UTC);
    b.createdBy = b.unitNo;
    b.paymentUrl = QStringLiteral("https://127.0.0.1:8443/bank-sandbox/pay?bill=%1").arg(b.number);
    b.hasEstimate = true;
    b.estimate = estimate;
    return b;
}

} // namespace shebao::samples
