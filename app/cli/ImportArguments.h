#pragma once

#include <QString>

#include <optional>

#include "models/core/Result.h"
#include "models/import/ImportCheckOptions.h"
#include "models/import/ImportColumns.h"

namespace shebao::cli {

class ArgumentReader;

// What check-import and import both take: FILE [--kind add|reduce] [--today YYYY-MM-DD]
// [--policy FILE]. Read the command's own options from the reader first: this reads the rest,
// the positional FILE, and refuses anything nobody asked for (cli.usage), or a policy table that
// does not load (its own error).
struct ImportArguments
{
    QString file;
    std::optional<ImportKind> kind; // nullopt: detected from the header
    ImportCheckOptions options;

    static Result<ImportArguments> read(ArgumentReader &reader, const QString &command);
};

} // namespace shebao::cli
