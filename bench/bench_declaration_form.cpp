// The 人员异动申报表 of a 1,000-item batch to PDF (issue 4 benchmark, target <= 2 s): times
//   (a) DeclarationForm::data (dictionary names, 增 before 减),
//   (b) FormRenderer::layout for a 600 dpi PDF device (text measuring, pagination),
//   (c) the whole DeclarationForm::writePdf (data + template + layout + painting + file),
// and prints the medians, the page count and the file size. The batch is the tests' sample data
// (tests/unit/export/DeclarationSamples.h): 新增 / 续保 / 减少 mixed, every dictionary column filled.
// Usage: bench_declaration_form [items] [rounds] [OUT.pdf]
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QPdfWriter>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "app/DeclarationForm.h"
#include "printing/FormRenderer.h"
#include "printing/FormTemplate.h"
#include "tests/unit/export/DeclarationSamples.h"

using namespace shebao;

namespace {

// Median wall time of `rounds` calls; `cpu` gets the median process CPU time.
template <typename Call>
double medianSeconds(int rounds, Call call, double *cpu = nullptr)
{
    QList<double> times;
    QList<double> cpuTimes;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        const std::clock_t c0 = std::clock();
        t.start();
        call();
        times.append(double(t.nsecsElapsed()) / 1e9);
        cpuTimes.append(double(std::clock() - c0) / CLOCKS_PER_SEC);
    }
    std::sort(times.begin(), times.end());
    std::sort(cpuTimes.begin(), cpuTimes.end());
    if (cpu)
        *cpu = cpuTimes.at(cpuTimes.size() / 2);
    return times.at(times.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int items = argc > 1 ? std::max(1, atoi(argv[1])) : 1000;
    const int rounds = argc > 2 ? std::max(1, atoi(argv[2])) : 3;
    QTemporaryDir dir;
    const QString pdf = argc > 3 ? QString::fromLocal8Bit(argv[3]) : dir.filePath(QStringLiteral("form.pdf"));

    const DeclarationBatch batch = samples::batch(items);
    const Unit unit = samples::unit();
    const auto form = printing::FormTemplate::load(QString::fromLatin1(DeclarationForm::FormId));
    if (!form) {
        std::fprintf(stderr, "%s\n", qPrintable(form.error().message));
        return 2;
    }
    // Fonts are loaded on first use; one untimed run keeps that out of the figures (a clerk's
    // client has them loaded long before the first print).
    if (const auto warm = DeclarationForm::writePdf(samples::batch(1), unit, dir.filePath(QStringLiteral("w.pdf"))); !warm) {
        std::fprintf(stderr, "%s\n", qPrintable(warm.error().message));
        return 2;
    }

    double dataCpu = 0, layoutCpu = 0, fullCpu = 0;
    printing::FormData data;
    const double dataTime = medianSeconds(rounds, [&] { data = DeclarationForm::data(batch, unit).value(); }, &dataCpu);
    int pages = 0;
    const double layoutTime = medianSeconds(rounds, [&] {
        printing::FormRenderer renderer(form.value(), data);
        QPdfWriter device(dir.filePath(QStringLiteral("layout.pdf")));
        device.setPageLayout(renderer.pageLayout());
        device.setResolution(600);
        pages = renderer.layout(device).value();
    }, &layoutCpu);
    int written = 0;
    const double full = medianSeconds(rounds, [&] {
        const auto printed = DeclarationForm::writePdf(batch, unit, pdf);
        if (!printed) {
            std::fprintf(stderr, "%s\n", qPrintable(printed.error().message));
            std::exit(2);
        }
        written = printed.value().pages;
    }, &fullCpu);

    std::printf("wall time (process CPU time), median of %d rounds\n", rounds);
    std::printf("(a) DeclarationForm::data, %d items: %.3f s (%.3f s)\n", items, dataTime, dataCpu);
    std::printf("(b) layout (600 dpi PDF device): %.3f s (%.3f s), %d pages\n", layoutTime, layoutCpu, pages);
    std::printf("(c) writePdf, whole: %.3f s (%.3f s), %d pages, %lld bytes   target <= 2 s [%s]\n", full, fullCpu,
                written, QFile(pdf).size(), full <= 2.0 ? "met" : "MISSED");
    return 0;
}
