// 参保证明 to PDF (issue 7 benchmarks): one 单位参保证明 (target <= 150 ms) and a 参保人员名单 of
// 1,000 people (print the time), each the whole EnrolmentCertificateForm::writePdf (signed content
// checked, data, template, layout, painting with QR code and seal, file). Prints the medians, the
// page count and the file size. The records are the tests' samples
// (tests/unit/printing/CertificateSamples.h).
// Usage: bench_certificate_form [roster people] [rounds]
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "app/EnrolmentCertificateForm.h"
#include "tests/unit/printing/CertificateSamples.h"

using namespace shebao;

namespace {

struct Figures
{
    double wall = 0;
    double cpu = 0;
    int pages = 0;
    qint64 bytes = 0;
};

Figures measure(const IssuedCertificate &certificate, const QString &pdf, int rounds)
{
    QList<double> times, cpuTimes;
    Figures f;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        const std::clock_t c0 = std::clock();
        t.start();
        const auto printed = EnrolmentCertificateForm::writePdf(certificate, pdf);
        times.append(double(t.nsecsElapsed()) / 1e9);
        cpuTimes.append(double(std::clock() - c0) / CLOCKS_PER_SEC);
        if (!printed) {
            std::fprintf(stderr, "%s\n", qPrintable(printed.error().message));
            std::exit(2);
        }
        f.pages = printed.value().pages;
    }
    std::sort(times.begin(), times.end());
    std::sort(cpuTimes.begin(), cpuTimes.end());
    f.wall = times.at(times.size() / 2);
    f.cpu = cpuTimes.at(cpuTimes.size() / 2);
    f.bytes = QFile(pdf).size();
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int people = argc > 1 ? std::max(1, atoi(argv[1])) : 1000;
    const int rounds = argc > 2 ? std::max(1, atoi(argv[2])) : 5;
    QTemporaryDir dir;
    // Fonts load on first use; one untimed run keeps that out of the figures.
    measure(samples::personCertificate(), dir.filePath(QStringLiteral("warm.pdf")), 1);

    const Figures unit = measure(samples::unitCertificate(), dir.filePath(QStringLiteral("unit.pdf")), rounds);
    const Figures roster = measure(samples::rosterCertificate(people), dir.filePath(QStringLiteral("roster.pdf")), rounds);
    std::printf("wall time (process CPU time), median of %d rounds\n", rounds);
    std::printf("单位参保证明 to PDF: %.3f s (%.3f s), %d page(s), %lld bytes   target <= 0.150 s [%s]\n", unit.wall,
                unit.cpu, unit.pages, unit.bytes, unit.wall <= 0.150 ? "met" : "MISSED");
    std::printf("参保人员名单 of %d people to PDF: %.3f s (%.3f s), %d pages, %lld bytes\n", people, roster.wall,
                roster.cpu, roster.pages, roster.bytes);
    return 0;
}
