#pragma once

#include "models/import/ImportSheet.h"
#include "models/money/Money.h"
#include "models/policy/YearMonth.h"

#include <QDate>
#include <QString>
#include <QStringView>

#include <optional>

namespace shebao {

// The accepted spellings of shared/domain/import.md, applied to one cell. Text is folded
// (full-width -> ASCII) and trimmed first; numeric cells are read as the number they hold.
class ImportValues
{
public:
    // Folded, trimmed text. A Number cell holding a whole number below 10^15 is written without
    // exponent or fraction ("13812345678", "1"), because Excel stores typed digits that way.
    static QString text(const ImportCell &cell);

    // 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305, or a date cell (serial number in a
    // date-formatted cell). nullopt for anything else, including impossible days.
    static std::optional<QDate> date(const ImportCell &cell);
    static std::optional<QDate> parseDate(QStringView text);

    // 2024-03, 2024/3, 2024.3, 2024年3月, 202403, and, since spreadsheets turn typed months into
    // dates, any accepted date spelling or date cell (its month).
    static std::optional<YearMonth> month(const ImportCell &cell);
    static std::optional<YearMonth> parseMonth(QStringView text);

    // A positive amount in yuan with at most two decimals ("5000", "5,000.50"; a Number cell
    // whose value is a whole number of fen). nullopt otherwise, including zero and negatives.
    static std::optional<Money> wage(const ImportCell &cell);
};

} // namespace shebao
