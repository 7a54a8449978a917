#pragma once

// What the import wizard and shebao-cli do with a sheet once read: the header detection and the
// row checks of shared/domain/import.md, and the JSON report. Shared by the CSV and .xlsx
// targets so a fuzzed sheet reaches the checkers, not only the reader.

#include "fuzz/FuzzCheck.h"
#include "models/import/ImportChecker.h"
#include "models/import/ImportReport.h"
#include "models/import/ImportSheet.h"

namespace shebao::fuzz {

inline void checkSheet(const ImportSheet &sheet)
{
    for (const ImportRow &row : sheet.rows) {
        for (const ImportCell &cell : row.cells)
            SHEBAO_FUZZ_CHECK(cell.kind != ImportCell::Kind::Date || cell.date.isValid(), "a date cell has a date");
    }
    static const PolicyTable policy = PolicyTable::forRegion(QStringLiteral("430100")).value();
    ImportCheckOptions options;
    options.today = today();
    options.policy = policy;
    options.threads = 1;
    const ImportChecker checker(options);
    const Result<ImportResult> result = checker.check(sheet);
    if (!result)
        return;
    const ImportResult &r = result.value();
    SHEBAO_FUZZ_CHECK(r.valid >= 0 && r.valid <= r.rows, "valid rows within the rows checked");
    (void)importReportObject(r, QStringLiteral("fuzz"));
}

} // namespace shebao::fuzz
