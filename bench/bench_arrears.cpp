// estimate-arrears for a 360-month gap (1995-01..2024-12) with the shipped Changsha table:
// prints the median time per ArrearsCalculator::estimate call, and per "load the table from its
// JSON + estimate" (what one shebao-cli estimate-arrears run does besides start-up).
// Usage: bench_arrears [rounds]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>

#include "models/policy/ArrearsCalculator.h"
#include "models/policy/PolicyTable.h"

using namespace shebao;

namespace {

// Runs `call` `iterations` times per round and returns the median of the per-call times in µs.
template <typename Call>
double medianMicros(int rounds, int iterations, Call call)
{
    QList<double> perCall;
    perCall.reserve(rounds);
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < iterations; ++i)
            call();
        perCall.append(double(t.nsecsElapsed()) / 1000.0 / iterations);
    }
    std::sort(perCall.begin(), perCall.end());
    return perCall.at(perCall.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 31;

    const Result<PolicyTable> table = PolicyTable::forRegion(QStringLiteral("430100"));
    if (!table) {
        std::fprintf(stderr, "cannot load the policy table: %s\n", qPrintable(table.error().message));
        return 2;
    }
    ArrearsRequest request;
    request.monthlyWage = Money::fromFen(800000);
    request.riskClass = 2;
    request.months = YearMonth::range(*YearMonth::parse(u"1995-01"), *YearMonth::parse(u"2024-12"));
    request.calculationDate = QDate(2026, 12, 31);

    const ArrearsCalculator calc(table.value());
    qint64 sink = 0;
    const auto estimate = [&] {
        const Result<ArrearsEstimate> e = calc.estimate(request);
        sink += e.ok() ? e.value().total.fen() : -1;
    };
    for (int i = 0; i < 50; ++i) // warm-up
        estimate();
    const double estimateUs = medianMicros(rounds, 200, estimate);

    QFile file(PolicyTable::resourcePath(QStringLiteral("430100")));
    if (!file.open(QIODevice::ReadOnly))
        return 2;
    const QByteArray json = file.readAll();
    const auto loadAndEstimate = [&] {
        const Result<PolicyTable> t = PolicyTable::fromJson(json);
        const Result<ArrearsEstimate> e = ArrearsCalculator(t.value()).estimate(request);
        sink += e.ok() ? e.value().total.fen() : -1;
    };
    const double loadUs = medianMicros(rounds, 50, loadAndEstimate);

    const Result<ArrearsEstimate> e = calc.estimate(request);
    std::printf("bench_arrears: 360 months (1995-01..2024-12), 3 险种, table %s (%lld periods)\n",
                qPrintable(table.value().region()), qlonglong(table.value().periods().size()));
    std::printf("  total %s (principal %s, late fee %s)\n", qPrintable(e.value().total.toYuanString()),
                qPrintable(e.value().principal.toYuanString()), qPrintable(e.value().lateFee.toYuanString()));
    std::printf("  estimate:                median %.1f us per call (%d rounds x 200 calls)\n", estimateUs, rounds);
    std::printf("  parse table + estimate:  median %.1f us per call (%d rounds x 50 calls)\n", loadUs, rounds);
    return sink == 0 ? 1 : 0;
}
