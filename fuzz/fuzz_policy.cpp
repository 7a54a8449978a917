// The policy loader (PolicyTable::fromJson, "shebao-policy/1") on any bytes, and, for a table it
// accepts, the arithmetic that reads it: clamped bases and a bill over the months it covers.
// Properties: a loaded table's periods are sorted and have no gaps inside; the arithmetic
// returns values or errors (money.overflow, ...), never undefined behaviour.
#include "fuzz/FuzzCheck.h"
#include "models/policy/ArrearsCalculator.h"
#include "models/policy/PolicyTable.h"

using namespace shebao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Result<PolicyTable> table = PolicyTable::fromJson(fuzz::bytes(data, size), QStringLiteral("fuzz.json"));
    if (!table) {
        SHEBAO_FUZZ_CHECK(table.error().code.startsWith(QLatin1String("policy.")), "a policy error");
        return 0;
    }
    const PolicyTable &t = table.value();
    if (t.isEmpty())
        return 0;
    SHEBAO_FUZZ_CHECK(t.firstMonth() <= t.lastMonth(), "months in order");
    (void)t.gaps();

    const ArrearsCalculator calculator(t);
    const YearMonth first = t.firstMonth();
    const YearMonth last = qMin(t.lastMonth(), first.addMonths(35));
    for (const qint64 fen : {qint64(0), qint64(650000), qint64(1) << 40}) {
        for (const YearMonth month : {first, last})
            (void)calculator.clampBase(month, Money::fromFen(fen));
        ArrearsRequest request;
        request.monthlyWage = Money::fromFen(fen);
        request.riskClass = int(size % 8) + 1;
        request.insurances = t.insurances().keys();
        request.months = YearMonth::range(first, last);
        request.calculationDate = last.addMonths(3).firstDay();
        const Result<ArrearsEstimate> estimate = calculator.estimate(request);
        if (!estimate)
            SHEBAO_FUZZ_CHECK(!estimate.error().code.isEmpty(), "an arrears error has a code");
    }
    return 0;
}
