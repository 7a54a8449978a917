#pragma once

#include <QString>

#include "models/declaration/Declaration.h"
#include "models/import/ImportResult.h"

namespace shebao {

// A checked import row (models/import) as the 异动 item it becomes when it is added to the
// pending list (the import wizard's 加入待申报, shebao-cli import). A 新增/续保 sheet does not
// say which of the two applies: `kind` is the caller's choice, normally the lookup's
// suggested_kind (the server refuses the wrong one with kind.mismatch).
DeclarationItem declarationItem(const AddImportItem &row, DeclarationKind kind = DeclarationKind::Add);
DeclarationItem declarationItem(const ReduceImportItem &row);

// The import column a field of the API names (a server refusal's errors[].field, e.g.
// "start_month" -> 参保开始年月), so refusals are shown on the cell they are about; `field`
// itself when it is not a column.
QString importColumnOfField(const QString &field);

} // namespace shebao
