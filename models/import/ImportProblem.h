#pragma once

#include <QString>

namespace shebao {

// One finding of an import check: the row as Excel numbers it, the column header as the file
// spells it after trimming (or the template's name), a stable code of shared/domain/import.md and
// a Chinese message for the user.
struct ImportProblem
{
    enum class Severity { Error, Warning };

    int row = 0;
    QString column;
    QString code;
    Severity severity = Severity::Error;
    QString message;

    bool isError() const { return severity == Severity::Error; }
    // "error" / "warning", as in the JSON report.
    static QString severityCode(Severity severity)
    {
        return severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
    }

    bool operator==(const ImportProblem &) const = default;
};

} // namespace shebao
