// check-import of a 100,000-row .xlsx (issue 4 benchmark): generates the workbook once with
// libxlsxwriter (12 columns of the 新增/续保 sheet, shared strings and numbers like an Excel
// file), then times
//   (a) the bare sheet parse: unzip sharedStrings + sheet1 and a pugixml walk of every cell,
//   (b) XlsxReader::read alone (the rows the checkers get),
//   (c) the full check: ImportChecker::checkFile (read + header + every rule of every row),
//   (d) the rules alone: ImportChecker::check of the sheet (b) returned,
// and prints the medians and the ratio (c)/(a). Targets: (c) <= 2 s and <= 2x (a).
// Usage: bench_import [rows] [rounds] [FILE.xlsx]  (FILE: reused if it exists, else generated there)
#include "models/import/ImportChecker.h"
#include "models/import/ImportColumns.h"
#include "models/import/XlsxReader.h"
#include "models/validation/IdNumber.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <pugixml.hpp>
#include <unzip.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <cstring>

using namespace shebao;

namespace {

const QDate kToday(2025, 6, 15);

bool generate(const QString &path, int rows)
{
    lxw_workbook *wb = workbook_new(QFile::encodeName(path).constData());
    lxw_worksheet *ws = workbook_add_worksheet(wb, "新增续保");
    const QList<ImportColumn> &columns = ImportColumns::of(ImportKind::Add);
    for (int c = 0; c < columns.size(); ++c)
        worksheet_write_string(ws, 0, lxw_col_t(c), columns.at(c).header.toUtf8().constData(), nullptr);
    static const char *names[] = {"张三", "李四", "王五", "赵六", "欧阳娜娜", "陈小明", "刘洋", "周杰"};
    static const char *ethnic[] = {"汉族", "01", "土家族", "苗族"};
    static const char *forms[] = {"合同制", "劳务派遣", "非全日制", "临时工"};
    static const char *months[] = {"2025-04", "2025-05", "2025-06"};
    const QDate firstBirth(1970, 1, 1);
    for (int r = 1; r <= rows; ++r) {
        const QDate birth = firstBirth.addDays(r % 12000);
        const QString first17 = QStringLiteral("430102") + birth.toString(QStringLiteral("yyyyMMdd"))
                                + QStringLiteral("%1").arg(r / 12000 * 2 + 1, 3, 10, QLatin1Char('0'));
        const QByteArray id = (first17 + IdNumber::checkCharacter(first17)).toLatin1();
        const lxw_row_t row = lxw_row_t(r);
        worksheet_write_string(ws, row, 0, names[r % 8], nullptr);
        worksheet_write_string(ws, row, 1, id.constData(), nullptr);
        // Mostly clean, with a problem in about 3 % of the rows, like a real file.
        worksheet_write_string(ws, row, 2, (r % 100) == 7 ? "女" : "男", nullptr); // odd sequences: men
        worksheet_write_string(ws, row, 3, ethnic[r % 4], nullptr);
        worksheet_write_string(ws, row, 4, (r % 3) ? "城镇" : "农村", nullptr);
        worksheet_write_string(ws, row, 5, forms[r % 4], nullptr);
        worksheet_write_string(ws, row, 6, (r % 5) ? "工人" : "干部", nullptr);
        worksheet_write_string(ws, row, 7, "2015-07-01", nullptr);
        worksheet_write_string(ws, row, 8, months[r % 3], nullptr);
        worksheet_write_number(ws, row, 9, (r % 100) == 3 ? 3000 : 4200 + (r % 160) * 100.5, nullptr);
        if ((r % 100) == 5)
            worksheet_write_string(ws, row, 10, "12345", nullptr);
        else
            worksheet_write_number(ws, row, 10, 13800000000.0 + r, nullptr);
        worksheet_write_string(ws, row, 11, "110,210,410", nullptr);
    }
    return workbook_close(wb) == LXW_NO_ERROR;
}

QByteArray unzipEntry(unzFile zip, const char *name)
{
    QByteArray data;
    unz_file_info64 info{};
    if (unzLocateFile(zip, name, 0) != UNZ_OK || unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK
        || unzOpenCurrentFile(zip) != UNZ_OK)
        return data;
    data.resize(qsizetype(info.uncompressed_size));
    qsizetype done = 0;
    int n = 0;
    while (done < data.size() && (n = unzReadCurrentFile(zip, data.data() + done, unsigned(data.size() - done))) > 0)
        done += n;
    unzCloseCurrentFile(zip);
    return data;
}

// The floor: inflate and parse the XML, touch every cell's value. Returns the number of cells.
qint64 bareParse(const QString &path)
{
    unzFile zip = unzOpen64(QFile::encodeName(path).constData());
    QByteArray sst = unzipEntry(zip, "xl/sharedStrings.xml");
    QByteArray sheet = unzipEntry(zip, "xl/worksheets/sheet1.xml");
    unzClose(zip);
    pugi::xml_document sstDoc;
    sstDoc.load_buffer_inplace(sst.data(), size_t(sst.size()));
    qint64 chars = 0;
    for (pugi::xml_node si : sstDoc.document_element().children("si"))
        chars += qint64(std::strlen(si.child("t").child_value()));
    pugi::xml_document doc;
    doc.load_buffer_inplace(sheet.data(), size_t(sheet.size()));
    qint64 cells = 0;
    for (pugi::xml_node row : doc.document_element().child("sheetData").children("row")) {
        for (pugi::xml_node c : row.children("c")) {
            chars += qint64(std::strlen(c.child("v").child_value())) + qint64(std::strlen(c.attribute("r").value()));
            ++cells;
        }
    }
    return chars > 0 ? cells : -1;
}

// Median wall time of `rounds` calls; `cpu` gets the median process CPU time (all threads), which
// shows what the figures would be on an otherwise idle machine with one core.
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
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? std::max(1, atoi(argv[1])) : 100000;
    const int rounds = argc > 2 ? std::max(1, atoi(argv[2])) : 3;
    QTemporaryDir dir;
    const QString file = argc > 3 ? QString::fromLocal8Bit(argv[3]) : dir.filePath(QStringLiteral("import.xlsx"));
    if (!QFile::exists(file)) {
        QElapsedTimer gen;
        gen.start();
        if (!generate(file, rows)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file));
            return 2;
        }
        std::printf("generated %d rows x 12 columns (%lld bytes) in %.2f s\n", rows, QFile(file).size(),
                    double(gen.elapsed()) / 1000.0);
    }

    qint64 cells = 0;
    double bareCpu = 0;
    double readCpu = 0;
    double fullCpu = 0;
    double rulesCpu = 0;
    const double bare = medianSeconds(rounds, [&] { cells = bareParse(file); }, &bareCpu);
    qsizetype readRows = 0;
    const double read = medianSeconds(rounds, [&] { readRows = XlsxReader::read(file).value().rows.size(); }, &readCpu);
    ImportCheckOptions options;
    options.today = kToday;
    const ImportChecker checker(options);
    int checked = 0;
    int valid = 0;
    qsizetype problems = 0;
    const double full = medianSeconds(rounds, [&] {
        const auto result = checker.checkFile(file, ImportKind::Add);
        checked = result.value().rows;
        valid = result.value().valid;
        problems = result.value().problems.size();
    }, &fullCpu);
    const ImportSheet sheet = XlsxReader::read(file).value();
    const double rules =
        medianSeconds(rounds, [&] { checked = checker.check(sheet, ImportKind::Add).value().rows; }, &rulesCpu);
    std::printf("%d threads; wall time (process CPU time)\n", QThread::idealThreadCount());
    std::printf("(a) bare sheet parse (unzip + pugixml walk, %lld cells): %.3f s (%.3f s)\n", cells, bare, bareCpu);
    std::printf("(b) XlsxReader::read (%lld rows): %.3f s (%.3f s)\n", qlonglong(readRows), read, readCpu);
    std::printf("(c) full check-import (%d rows, %d valid, %lld problems): %.3f s (%.3f s)\n", checked, valid,
                qlonglong(problems), full, fullCpu);
    std::printf("(d) the rules alone (check of the read sheet): %.3f s (%.3f s)\n", rules, rulesCpu);
    std::printf("ratio (c)/(a): %.2f   targets: (c) <= 2 s [%s], ratio <= 2 [%s]   (median of %d rounds)\n", full / bare,
                full <= 2.0 ? "met" : "MISSED", full / bare <= 2.0 ? "met" : "MISSED", rounds);
    return 0;
}
