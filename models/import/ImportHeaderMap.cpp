#include "models/import/ImportHeaderMap.h"

#include "models/validation/TextFold.h"

namespace shebao {

namespace {

// Title rows and notes sit above the header; a header further down than this is not looked for.
constexpr qsizetype kMaxHeaderSearchRows = 50;

} // namespace

Result<ImportHeaderMap> ImportHeaderMap::detect(const ImportSheet &sheet, ImportKind kind)
{
    const QStringList required = ImportColumns::requiredHeaders(kind);
    QStringList bestMissing = required;
    const qsizetype limit = qMin(sheet.rows.size(), kMaxHeaderSearchRows);
    for (qsizetype i = 0; i < limit; ++i) {
        const ImportRow &row = sheet.rows.at(i);
        ImportHeaderMap map;
        map.m_kind = kind;
        for (qsizetype c = 0; c < row.cells.size(); ++c) {
            const ImportCell &cell = row.cells.at(c);
            if (cell.kind != ImportCell::Kind::String)
                continue;
            const std::optional<ImportColumn> column = ImportColumns::column(kind, cell.text);
            if (column && !map.m_columns.contains(column->header)) {
                map.m_columns.insert(column->header, int(c));
                map.m_labels.insert(column->header, TextFold::foldTrimmed(cell.text));
            }
        }
        QStringList missing;
        for (const QString &h : required) {
            if (!map.m_columns.contains(h))
                missing.append(h);
        }
        if (missing.isEmpty()) {
            map.m_headerIndex = i;
            map.m_headerRow = row.number;
            return map;
        }
        if (missing.size() < bestMissing.size())
            bestMissing = missing;
    }
    return Error{QStringLiteral("import.header_missing"),
                 QStringLiteral("没有找到%1表的表头，缺少列：%2").arg(ImportColumns::kindTitle(kind),
                                                                     bestMissing.join(QStringLiteral("、"))),
                 bestMissing.join(u','), QString()};
}

Result<ImportHeaderMap> ImportHeaderMap::detectAny(const ImportSheet &sheet)
{
    Result<ImportHeaderMap> reduce = detect(sheet, ImportKind::Reduce);
    Result<ImportHeaderMap> add = detect(sheet, ImportKind::Add);
    if (reduce && add)
        return add.value().headerIndex() <= reduce.value().headerIndex() ? add : reduce;
    if (reduce)
        return reduce;
    if (add)
        return add;
    return Error{QStringLiteral("import.header_missing"),
                 QStringLiteral("没有找到表头：新增/续保表须有列 %1；减少表须有列 %2")
                     .arg(ImportColumns::requiredHeaders(ImportKind::Add).join(QStringLiteral("、")),
                          ImportColumns::requiredHeaders(ImportKind::Reduce).join(QStringLiteral("、"))),
                 QString(), QString()};
}

} // namespace shebao
