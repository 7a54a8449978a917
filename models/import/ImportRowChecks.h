#pragma once

#include "models/dictionaries/Dictionary.h"
#include "models/import/ImportHeaderMap.h"
#include "models/import/ImportProblem.h"
#include "models/policy/YearMonth.h"
#include "models/validation/IdNumber.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <optional>

namespace shebao {

// The checks the 新增/续保 and 减少 sheets share, one column at a time: each reports its
// problems for the row and returns the normalized value, or nullopt when the cell is empty
// (and optional) or wrong. Dictionary lookups are memoized by cell text: a column of 100,000
// rows holds a handful of distinct 民族 or 用工形式 values. One instance per thread; id.duplicate
// spans the whole file and is found afterwards (ImportChecker).
class ImportRowChecks
{
public:
    ImportRowChecks(const ImportHeaderMap &map, QDate today, QList<ImportProblem> *problems);

    QDate today() const { return m_today; }
    YearMonth currentMonth() const { return m_currentMonth; }
    const ImportHeaderMap &map() const { return m_map; }

    const ImportCell &cell(const ImportRow &row, const QString &header) const;
    bool isBlank(const ImportRow &row, const QString &header) const;
    void report(const ImportRow &row, const QString &header, const char *code, ImportProblem::Severity severity,
                const QString &message);
    void error(const ImportRow &row, const QString &header, const char *code, const QString &message)
    {
        report(row, header, code, ImportProblem::Severity::Error, message);
    }
    void warning(const ImportRow &row, const QString &header, const char *code, const QString &message)
    {
        report(row, header, code, ImportProblem::Severity::Warning, message);
    }
    // required.missing when blank and required; true when there is a value to check.
    bool needsValue(const ImportRow &row, const QString &header, bool required);

    std::optional<QString> name(const ImportRow &row);
    std::optional<IdNumber> idNumber(const ImportRow &row);
    // A code of `dictionary` (restricted to the children of `parent` when given).
    std::optional<DictionaryEntry> dictionaryValue(const ImportRow &row, const QString &header, const Dictionary &dictionary,
                                                   bool required, const QString &parent = QString());
    std::optional<QDate> date(const ImportRow &row, const QString &header, bool required);
    // A month within [current month - 2, current month]: start.too_early / start.future.
    std::optional<YearMonth> recentMonth(const ImportRow &row, const QString &header);

    bool rowHasErrors(const ImportRow &row) const;
    void beginRow() { m_rowProblemStart = m_problems->size(); }

private:
    int columnOf(const QString &header) const;

    const ImportHeaderMap &m_map;
    // Header -> column for the literal header names of ImportColumns, by the address of their
    // static data: a few pointer compares instead of a string hash for every cell.
    mutable QVarLengthArray<std::pair<const QChar *, int>, 16> m_literalColumns;
    QDate m_today;
    YearMonth m_currentMonth;
    QList<ImportProblem> *m_problems;
    qsizetype m_rowProblemStart = 0;
    struct LookupMemo
    {
        const Dictionary *dictionary;
        QString parent;
        QHash<QString, std::optional<DictionaryEntry>> byText[2]; // [0] text cells, [1] number cells
    };
    std::optional<DictionaryEntry> lookup(const ImportCell &cell, const Dictionary &dictionary, const QString &parent);
    QList<LookupMemo> m_lookups;
};

} // namespace shebao
