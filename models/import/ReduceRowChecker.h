#pragma once

#include "models/import/ImportResult.h"
#include "models/import/ImportRowChecks.h"

namespace shebao {

// Every rule of the 减少 sheet (shared/domain/import.md) applied to one row. 变更原因 must be a
// child of the row's 变更类型; 停保年月 follows the two-month rule of 参保开始年月 (and reports it
// with the same codes start.too_early / start.future). person.not_enrolled needs the server.
class ReduceRowChecker
{
public:
    explicit ReduceRowChecker(ImportRowChecks &checks);

    ReduceImportItem check(const ImportRow &row);

private:
    ImportRowChecks &m_checks;
};

} // namespace shebao
