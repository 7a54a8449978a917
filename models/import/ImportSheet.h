#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace shebao {

// One cell as the spreadsheet stored it. The checkers need to know more than the text: an ID
// number that arrived as a number has lost its last digits, a date-formatted number is a date.
struct ImportCell
{
    enum class Kind { Empty, String, Number, Date, Bool };

    QString text;      // strings as stored; numbers as written in the file ("4.30102199E+17");
                       // dates as "yyyy-MM-dd"; booleans "TRUE" / "FALSE"
    Kind kind = Kind::Empty;
    double number = 0; // Number and Date (the serial), Bool (0 / 1)
    QDate date;        // Date only

    bool isBlank() const;
};

// A row with the number Excel shows for it (1-based; gaps stay gaps).
struct ImportRow
{
    int number = 0;
    QList<ImportCell> cells; // index = column (A = 0); trailing missing cells are absent

    const ImportCell &cell(qsizetype column) const;
    bool isBlank() const;
};

// The rows of one sheet of an .xlsx file or of a CSV file, nothing interpreted yet.
struct ImportSheet
{
    QString name; // the sheet name; the file name for CSV
    QList<ImportRow> rows;
};

} // namespace shebao
