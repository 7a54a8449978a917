#include "models/import/ImportChecker.h"

#include "models/import/AddRowChecker.h"
#include "models/import/CsvReader.h"
#include "models/import/ImportHeaderMap.h"
#include "models/import/ImportRowChecks.h"
#include "models/import/ReduceRowChecker.h"
#include "models/import/XlsxReader.h"

#include <QFile>
#include <QHash>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>

namespace shebao {

namespace {

const QString kDefaultRegion = QStringLiteral("430100");
// Below this many rows per thread, starting threads costs more than it saves.
constexpr qsizetype kMinRowsPerThread = 1000;

template <typename Item>
struct Chunk
{
    QList<qsizetype> rows; // indices into ImportSheet::rows
    QList<Item> items;
    QList<ImportProblem> problems;
};

// Checks the non-blank data rows in `threads` contiguous chunks and concatenates the results in
// row order. Each chunk has its own ImportRowChecks and checker (memo tables are per thread);
// dictionaries, the policy table and the sheet are only read.
// Rows between progress reports and cancel checks.
constexpr qsizetype kProgressStep = 2000;

// False when options.progress cancelled the check.
template <typename Item, typename MakeChecker>
bool checkRows(const ImportSheet &sheet, const ImportHeaderMap &map, const ImportCheckOptions &options,
               MakeChecker makeChecker, QList<Item> *items, QList<ImportProblem> *problems)
{
    QList<qsizetype> dataRows;
    dataRows.reserve(sheet.rows.size());
    for (qsizetype i = map.headerIndex() + 1; i < sheet.rows.size(); ++i) {
        if (!sheet.rows.at(i).isBlank())
            dataRows.append(i);
    }
    const int wanted = options.threads > 0 ? options.threads : QThread::idealThreadCount();
    const int threads = int(std::clamp<qsizetype>(dataRows.size() / kMinRowsPerThread, 1, std::max(1, wanted)));
    QList<Chunk<Item>> chunks(threads);
    for (int t = 0; t < threads; ++t) {
        const qsizetype begin = dataRows.size() * t / threads;
        const qsizetype end = dataRows.size() * (t + 1) / threads;
        chunks[t].rows = dataRows.mid(begin, end - begin);
    }
    const qsizetype total = dataRows.size();
    std::atomic<qsizetype> done = 0;
    std::atomic_bool cancelled = false;
    // Only the calling thread reports, so the callback needs no locking.
    auto report = [&] {
        if (options.progress && !options.progress(std::min(done.load(), total), total))
            cancelled = true;
    };
    auto run = [&](Chunk<Item> &chunk, bool reporting) {
        ImportRowChecks checks(map, options.today, &chunk.problems);
        auto checker = makeChecker(checks);
        chunk.items.reserve(chunk.rows.size());
        for (qsizetype i = 0; i < chunk.rows.size(); ++i) {
            if (i % kProgressStep == kProgressStep - 1) {
                done += kProgressStep;
                if (reporting)
                    report();
                if (cancelled)
                    return;
            }
            chunk.items.append(checker.check(sheet.rows.at(chunk.rows.at(i))));
        }
    };
    if (threads == 1) {
        run(chunks[0], true);
    } else {
        QThreadPool pool;
        pool.setMaxThreadCount(threads - 1);
        for (int t = 1; t < threads; ++t)
            pool.start([&run, &chunks, t] { run(chunks[t], false); });
        run(chunks[0], true);
        while (!pool.waitForDone(50))
            report();
    }
    if (cancelled)
        return false;
    done = total;
    report();
    if (cancelled)
        return false;
    items->reserve(dataRows.size());
    for (Chunk<Item> &chunk : chunks) {
        items->append(std::move(chunk.items));
        problems->append(std::move(chunk.problems));
    }
    return true;
}

// id.duplicate spans the file, so it is found after the rows: every later row with an ID number
// seen before gets the error (after its other problems) and is no longer valid.
template <typename Item>
void markDuplicates(const ImportHeaderMap &map, QList<Item> &items, QList<ImportProblem> &problems)
{
    QHash<QString, int> firstRow;
    firstRow.reserve(items.size());
    QList<ImportProblem> duplicates;
    for (Item &item : items) {
        if (item.idNumber.isEmpty())
            continue;
        const auto seen = firstRow.constFind(item.idNumber);
        if (seen == firstRow.constEnd()) {
            firstRow.insert(item.idNumber, item.row);
            continue;
        }
        item.valid = false;
        duplicates.append(ImportProblem{item.row, map.label(ImportColumns::idNumber()), QStringLiteral("id.duplicate"),
                                        ImportProblem::Severity::Error,
                                        QStringLiteral("公民身份号码与第 %1 行重复").arg(*seen)});
    }
    if (duplicates.isEmpty())
        return;
    QList<ImportProblem> merged;
    merged.reserve(problems.size() + duplicates.size());
    std::merge(std::make_move_iterator(problems.begin()), std::make_move_iterator(problems.end()),
               std::make_move_iterator(duplicates.begin()), std::make_move_iterator(duplicates.end()),
               std::back_inserter(merged), [](const ImportProblem &a, const ImportProblem &b) { return a.row < b.row; });
    problems = std::move(merged);
}

Error cancelledError()
{
    return Error{QStringLiteral("import.cancelled"), QStringLiteral("检查已取消"), QString(), QString()};
}

template <typename Item>
int countValid(const QList<Item> &items)
{
    return int(std::count_if(items.cbegin(), items.cend(), [](const Item &i) { return i.valid; }));
}

} // namespace

ImportChecker::ImportChecker(ImportCheckOptions options) : m_options(std::move(options)) {}

Result<ImportSheet> ImportChecker::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{QStringLiteral("import.unreadable"), QStringLiteral("无法打开文件：%1").arg(file.errorString()),
                     path, QString()};
    }
    const QByteArray magic = file.read(8);
    file.close();
    if (magic.startsWith("PK\x03\x04") || magic.startsWith("\xD0\xCF\x11\xE0"))
        return XlsxReader::read(path);
    return CsvReader::read(path);
}

QStringList ImportChecker::skippedRules(ImportKind kind)
{
    return {kind == ImportKind::Add ? QStringLiteral("person.enrolled") : QStringLiteral("person.not_enrolled")};
}

Result<ImportResult> ImportChecker::checkFile(const QString &path, std::optional<ImportKind> kind) const
{
    Result<ImportSheet> sheet = readFile(path);
    if (!sheet)
        return sheet.error();
    return check(sheet.value(), kind);
}

Result<ImportResult> ImportChecker::check(const ImportSheet &sheet, std::optional<ImportKind> kind) const
{
    Result<ImportHeaderMap> mapResult = kind ? ImportHeaderMap::detect(sheet, *kind) : ImportHeaderMap::detectAny(sheet);
    if (!mapResult)
        return mapResult.error();
    const ImportHeaderMap &map = mapResult.value();

    ImportResult result;
    result.kind = map.kind();
    result.sheetName = sheet.name;
    result.headerRow = map.headerRow();
    result.skippedRules = skippedRules(map.kind());

    if (map.kind() == ImportKind::Add) {
        std::optional<PolicyTable> policy = m_options.policy;
        if (!policy) {
            Result<PolicyTable> embedded = PolicyTable::forRegion(kDefaultRegion);
            if (!embedded)
                return embedded.error();
            policy = std::move(embedded).value();
        }
        const PolicyTable &table = *policy;
        if (!checkRows(sheet, map, m_options, [&table](ImportRowChecks &checks) { return AddRowChecker(checks, table); },
                       &result.addItems, &result.problems))
            return cancelledError();
        markDuplicates(map, result.addItems, result.problems);
        result.rows = int(result.addItems.size());
        result.valid = countValid(result.addItems);
    } else {
        if (!checkRows(sheet, map, m_options, [](ImportRowChecks &checks) { return ReduceRowChecker(checks); },
                       &result.reduceItems, &result.problems))
            return cancelledError();
        markDuplicates(map, result.reduceItems, result.problems);
        result.rows = int(result.reduceItems.size());
        result.valid = countValid(result.reduceItems);
    }
    return result;
}

} // namespace shebao
