#pragma once

#include <QString>

#include <optional>

#include "models/import/ImportResult.h"
#include "models/import/ImportSheet.h"

namespace shebao::ui {

class ImportPreviewModel;

// What the pages of 批量导入 share: the file and sheet kind, the checked sheet, and the preview
// model that shows the checker's problems and later the server's refusals.
struct ImportData
{
    ImportKind kind = ImportKind::Add;
    QString file;
    ImportSheet sheet;
    std::optional<ImportResult> result;
    ImportPreviewModel *preview = nullptr;
};

} // namespace shebao::ui
