#pragma once

#include "models/core/Result.h"
#include "models/import/ImportColumns.h"
#include "models/import/ImportSheet.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace shebao {

// Where the header row is and which column holds which field. The header row is the first row
// (a title row or notes may come before it) that contains every required header of the kind;
// order is free, unknown columns are ignored, and of two columns with the same header the first
// wins.
class ImportHeaderMap
{
public:
    // Error import.header_missing naming the required headers missing from the best candidate
    // row (the one with the most of them).
    static Result<ImportHeaderMap> detect(const ImportSheet &sheet, ImportKind kind);
    // Add or reduce, whichever header is found first (a 减少 header has 变更类型).
    static Result<ImportHeaderMap> detectAny(const ImportSheet &sheet);

    ImportKind kind() const { return m_kind; }
    qsizetype headerIndex() const { return m_headerIndex; } // index into ImportSheet::rows
    int headerRow() const { return m_headerRow; }           // as Excel numbers it
    int column(const QString &header) const { return m_columns.value(header, -1); }
    bool has(const QString &header) const { return m_columns.contains(header); }
    // The header as the file spells it (trimmed), for problem reports; the template name if absent.
    QString label(const QString &header) const { return m_labels.value(header, header); }

private:
    ImportKind m_kind = ImportKind::Add;
    qsizetype m_headerIndex = -1;
    int m_headerRow = 0;
    QHash<QString, int> m_columns;
    QHash<QString, QString> m_labels;
};

} // namespace shebao
