// 网上缴费's shared types (docs/bills.md): a bill with the estimate it was computed with survives
// the JSON round trip to the fen and the rate, list rows carry no estimate, absent optionals are
// null, and bad input names its JSON path.
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "models/bill/Bill.h"
#include "models/bill/BillJson.h"
#include "models/policy/ArrearsCalculator.h"

using namespace shebao;

namespace {

YearMonth month(const char *text)
{
    return *YearMonth::parse(QString::fromLatin1(text));
}

// A real estimate: the shipped table, a wage above the upper limit in one month and below the
// lower in none, late fees up to the issue date.
ArrearsEstimate estimate()
{
    auto table = PolicyTable::forRegion(QStringLiteral("430100"));
    if (!table)
        qFatal("the shipped policy table does not load: %s", qPrintable(table.error().message));
    ArrearsCalculator calculator(table.value());
    ArrearsRequest request;
    request.monthlyWage = *Money::parseYuan(u"5000.00");
    request.riskClass = 2;
    request.months = YearMonth::range(month("2023-11"), month("2024-02"));
    request.calculationDate = QDate(2024, 6, 30);
    auto result = calculator.estimate(request);
    if (!result)
        qFatal("estimate: %s", qPrintable(result.error().message));
    return result.value();
}

Bill paidBill()
{
    Bill b;
    b.number = QStringLiteral("20240630000000423");
    b.state = BillState::Paid;
    b.unitNo = QStringLiteral("43010000001");
    b.unitName = QStringLiteral("长沙示例科技有限公司");
    b.personNo = QStringLiteral("43700000001");
    b.personName = QStringLiteral("汤志远");
    b.idNumberMasked = QStringLiteral("430102********1234");
    b.insurances = {QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")};
    b.riskClass = 2;
    b.wage = *Money::parseYuan(u"5000.00");
    b.estimate = estimate();
    b.hasEstimate = true;
    b.firstMonth = b.estimate.months.first().month;
    b.lastMonth = b.estimate.months.last().month;
    b.monthCount = int(b.estimate.months.size());
    b.principal = b.estimate.principal;
    b.lateFee = b.estimate.lateFee;
    b.total = b.estimate.total;
    b.policyName = b.estimate.policyName;
    b.calculationDate = b.estimate.calculationDate;
    b.payBy = QDate(2024, 7, 6);
    b.createdAt = QDateTime(QDate(2024, 6, 30), QTime(1, 2, 3), Qt::UTC);
    b.expiresAt = QDateTime(QDate(2024, 7, 6), QTime(16, 0, 0), Qt::UTC);
    b.createdBy = QStringLiteral("43010000001");
    b.paymentUrl = QStringLiteral("https://127.0.0.1:8443/bank-sandbox/pay?bill=20240630000000423");
    b.payment = BillPayment{QStringLiteral("sandbox"), QStringLiteral("SBX-0001"), QStringLiteral("online"), b.total,
                            QDateTime(QDate(2024, 7, 1), QTime(2, 0, 0), Qt::UTC)};
    return b;
}

QJsonObject throughText(const QJsonObject &object)
{
    return QJsonDocument::fromJson(QJsonDocument(object).toJson(QJsonDocument::Compact)).object();
}

} // namespace

class TestBillJson : public QObject
{
    Q_OBJECT

private slots:
    void statesHaveCodesAndNames()
    {
        BillState state{};
        QVERIFY(parseBillState(QStringLiteral("expired"), &state));
        QCOMPARE(state, BillState::Expired);
        QVERIFY(!parseBillState(QStringLiteral("Paid"), &state));
        QCOMPARE(billStateName(BillState::Unpaid), QStringLiteral("未缴费"));
        QCOMPARE(billStateName(BillState::Cancelled), QStringLiteral("已作废"));
    }

    void billRoundTripsWithItsEstimate()
    {
        const Bill bill = paidBill();
        QVERIFY(bill.estimate.months.size() == 4);
        const QJsonObject object = throughText(json::encode(bill));
        // Amounts are yuan strings, rates exact decimal strings: never numbers.
        const QJsonObject firstMonth = object[u"estimate"][u"months"][0].toObject();
        QCOMPARE(firstMonth[u"items"][0][u"unit_rate"].toString(), QStringLiteral("0.16"));
        QCOMPARE(firstMonth[u"principal"].toString(), bill.estimate.months.first().principal.toYuanString());
        QCOMPARE(object[u"total"].toString(), bill.total.toYuanString());
        QCOMPARE(object[u"pay_by"].toString(), QStringLiteral("2024-07-06"));
        QCOMPARE(object[u"state_name"].toString(), QStringLiteral("已缴费"));
        auto decoded = json::decodeBill(object);
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().detail));
        QCOMPARE(decoded.value(), bill);
    }

    void listRowHasNoEstimateAndNullOptionals()
    {
        Bill bill = paidBill();
        bill.state = BillState::Unpaid;
        bill.payment.reset();
        bill.paymentUrl.clear();
        BillPage page{{bill}, QString()};
        const QJsonObject object = throughText(json::encode(page));
        const QJsonObject row = object[u"bills"][0].toObject();
        QVERIFY(!row.contains(u"estimate"));
        QVERIFY(row[u"payment"].isNull());
        QVERIFY(row[u"payment_url"].isNull());
        QVERIFY(row[u"cancelled_at"].isNull());
        QVERIFY(object[u"next_cursor"].isNull());
        auto decoded = json::decodeBillPage(object);
        QVERIFY(decoded.ok());
        const Bill &back = decoded.value().bills.first();
        QVERIFY(!back.hasEstimate);
        QVERIFY(!back.payment.has_value());
        QCOMPARE(back.total, bill.total);
        QCOMPARE(back.firstMonth, bill.firstMonth);
        // A full bill whose estimate is absent is a row: hasEstimate false, not an empty estimate.
        QCOMPARE(json::encode(bill, true)[u"estimate"].isNull(), false);
        bill.hasEstimate = false;
        QVERIFY(json::encode(bill, true)[u"estimate"].isNull());
    }

    void gapsRoundTrip()
    {
        ArrearsGaps gaps;
        gaps.personNo = QStringLiteral("43700000009");
        gaps.personName = QStringLiteral("李四");
        gaps.idNumberMasked = QStringLiteral("430181********8624");
        gaps.currentMonth = month("2026-12");
        gaps.latestEligible = month("2026-09");
        UnitGaps unit;
        unit.unitNo = QStringLiteral("43010000001");
        unit.unitName = QStringLiteral("长沙示例科技有限公司");
        unit.riskClass = 3;
        unit.insurances = {QStringLiteral("110"), QStringLiteral("410")};
        unit.suggestedWage = *Money::parseYuan(u"6200.50");
        unit.windowFrom = month("2019-03");
        unit.windowTo = month("2026-12");
        unit.eligible = {{month("2019-03"), month("2019-08"), 6, {}}, {month("2021-01"), month("2021-01"), 1, {}}};
        unit.recent = {{month("2026-11"), month("2026-12"), 2, {}}};
        unit.billed = {{month("2022-05"), month("2022-06"), 2, QStringLiteral("20261201000000015")}};
        gaps.units = {unit};
        const QJsonObject object = throughText(json::encode(gaps));
        QCOMPARE(object[u"units"][0][u"eligible_months"].toInt(), 7);
        QVERIFY(!object[u"units"][0][u"eligible"][0].toObject().contains(u"bill_number"));
        auto decoded = json::decodeArrearsGaps(object);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value(), gaps);
    }

    void requestRoundTripsWithAbsentMonths()
    {
        BillRequest request;
        request.idNumber = QStringLiteral("430181198707068624");
        request.wage = *Money::parseYuan(u"4500.00");
        request.to = month("2020-06");
        const QJsonObject object = throughText(json::encode(request));
        QVERIFY(object[u"employed_from"].isNull());
        QVERIFY(object[u"from"].isNull());
        QCOMPARE(object[u"to"].toString(), QStringLiteral("2020-06"));
        QCOMPARE(object[u"settlement"].toString(), QStringLiteral("separate"));
        auto decoded = json::decodeBillRequest(object);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value(), request);
        QVERIFY(!decoded.value().from.has_value());
    }

    void bankTypesRoundTrip()
    {
        BankPayment payment{QStringLiteral("20240630000000423"), *Money::parseYuan(u"5244.71"),
                            QStringLiteral("CSB-2024-0001_a"), QStringLiteral("counter"),
                            QDateTime(QDate(2024, 7, 1), QTime(9, 30, 0), Qt::UTC)};
        auto p = json::decodeBankPayment(throughText(json::encode(payment)));
        QVERIFY(p.ok());
        QCOMPARE(p.value(), payment);

        BankBill bill{QStringLiteral("20240630000000423"), BillState::Expired, *Money::parseYuan(u"5244.71"),
                      QStringLiteral("长沙示例科技有限公司"), QStringLiteral("汤*远"), QDate(2024, 7, 6)};
        auto b = json::decodeBankBill(throughText(json::encode(bill)));
        QVERIFY(b.ok());
        QCOMPARE(b.value(), bill);

        BankPaymentAnswer answer{QStringLiteral("20240630000000423"), BillState::Paid, QStringLiteral("T1"), true};
        auto a = json::decodeBankPaymentAnswer(throughText(json::encode(answer)));
        QVERIFY(a.ok());
        QCOMPARE(a.value(), answer);
    }

    void badInputNamesItsPath_data()
    {
        QTest::addColumn<QString>("pointer"); // where to damage the encoded bill, '/'-separated
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("path");
        QTest::newRow("state unknown") << QStringLiteral("state") << QJsonValue(QStringLiteral("overdue"))
                                       << QStringLiteral("$.state");
        QTest::newRow("total a number") << QStringLiteral("total") << QJsonValue(12.5) << QStringLiteral("$.total");
        QTest::newRow("three decimals") << QStringLiteral("principal") << QJsonValue(QStringLiteral("1.005"))
                                        << QStringLiteral("$.principal");
        QTest::newRow("month malformed") << QStringLiteral("first_month") << QJsonValue(QStringLiteral("2024-3"))
                                         << QStringLiteral("$.first_month");
        QTest::newRow("date with time") << QStringLiteral("pay_by") << QJsonValue(QStringLiteral("2024-07-06T00:00"))
                                        << QStringLiteral("$.pay_by");
        QTest::newRow("nested rate") << QStringLiteral("estimate/months/1/items/2/unit_rate")
                                     << QJsonValue(QStringLiteral("-0.1"))
                                     << QStringLiteral("$.estimate.months[1].items[2].unit_rate");
        QTest::newRow("nested clamp") << QStringLiteral("estimate/months/0/base/clamp")
                                      << QJsonValue(QStringLiteral("sideways"))
                                      << QStringLiteral("$.estimate.months[0].base.clamp");
        QTest::newRow("days huge") << QStringLiteral("estimate/months/3/late_fee_days") << QJsonValue(1e300)
                                   << QStringLiteral("$.estimate.months[3].late_fee_days");
        QTest::newRow("payment not object") << QStringLiteral("payment") << QJsonValue(QStringLiteral("x"))
                                            << QStringLiteral("$.payment");
        QTest::newRow("number missing") << QStringLiteral("number") << QJsonValue(QJsonValue::Undefined)
                                        << QStringLiteral("$.number");
    }

    void badInputNamesItsPath()
    {
        QFETCH(QString, pointer);
        QFETCH(QJsonValue, value);
        QFETCH(QString, path);
        const QJsonObject object = json::encode(paidBill());
        const QJsonObject damaged = replaced(object, pointer.split(u'/'), value).toObject();
        auto decoded = json::decodeBill(damaged);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, QStringLiteral("json.field"));
        QCOMPARE(decoded.error().field, path);
    }

private:
    static QJsonValue replaced(const QJsonValue &at, QStringList keys, const QJsonValue &value)
    {
        if (keys.isEmpty())
            return value;
        const QString key = keys.takeFirst();
        bool isIndex = false;
        const int index = key.toInt(&isIndex);
        if (isIndex) {
            QJsonArray array = at.toArray();
            array[index] = replaced(array.at(index), keys, value);
            return array;
        }
        QJsonObject object = at.toObject();
        if (keys.isEmpty() && value.isUndefined())
            object.remove(key);
        else
            object[key] = replaced(object.value(key), keys, value);
        return object;
    }
};

QTEST_GUILESS_MAIN(TestBillJson)
#include "tst_billjson.moc"
