#pragma once

#include "models/core/Result.h"
#include "models/import/ImportCheckOptions.h"
#include "models/import/ImportColumns.h"
#include "models/import/ImportResult.h"
#include "models/import/ImportSheet.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace shebao {

// The UI-free core of 异动 batch import: reads a file, finds the header, checks every data row
// with AddRowChecker or ReduceRowChecker and collects items and problems. The preview model and
// the import wizard sit on top; shebao-cli check-import prints importReportJson() of the result.
class ImportChecker
{
public:
    explicit ImportChecker(ImportCheckOptions options = {});

    // .xlsx (XlsxReader, first sheet) or .csv / .txt (CsvReader), chosen by the file's content
    // (a zip archive or an OLE file is a workbook), not by the extension.
    static Result<ImportSheet> readFile(const QString &path);

    // `kind` nullopt: detected from the header. Errors: those of the readers,
    // import.header_missing, import.cancelled (options.progress said stop), policy.* (an
    // unloadable embedded policy table).
    Result<ImportResult> checkFile(const QString &path, std::optional<ImportKind> kind = std::nullopt) const;
    Result<ImportResult> check(const ImportSheet &sheet, std::optional<ImportKind> kind = std::nullopt) const;

    // Rules of import.md that need the server or the local cache and are not applied here.
    static QStringList skippedRules(ImportKind kind);

private:
    ImportCheckOptions m_options;
};

} // namespace shebao
