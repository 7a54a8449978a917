#pragma once

#include "models/core/Result.h"
#include "models/import/ImportColumns.h"

#include <QString>

namespace shebao {

// Writes the 下载模板 workbook for 新增/续保 or 减少 with libxlsxwriter: one data sheet whose
// columns are all formatted as text ("@", built-in number format 49, so Excel keeps ID numbers
// and leading zeros as typed), a bold header row with the required headers in red, frozen below
// the header, and a second sheet "字典" listing the valid values of every coded column.
// Error: import.template_write (the message names the libxlsxwriter error).
class TemplateWriter
{
public:
    static Result<void> write(const QString &path, ImportKind kind);

    static QString dataSheetName(ImportKind kind); // "新增续保" / "减少"
    static QString dictionarySheetName();          // "字典"
};

} // namespace shebao
