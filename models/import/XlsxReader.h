#pragma once

#include "models/core/Result.h"
#include "models/import/ImportSheet.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

namespace shebao {

// Reads one worksheet of an .xlsx file (Office Open XML, as written by Excel, WPS, LibreOffice
// and libxlsxwriter) into plain rows: minizip for the archive, pugixml for the XML, because
// QXmlStreamReader is several times too slow for 100,000-row sheets (shared/TOOLCHAIN.md).
//
// Handles shared strings (rich text runs concatenated, phonetic runs skipped), inline strings,
// formula string results, numbers, booleans, error values, cell references with gaps, and
// date-formatted numbers (built-in formats 14-22, 27-36, 45-47, 50-58 and custom formats with
// y/m/d outside quotes and brackets) converted with the workbook's 1900 or 1904 date system.
//
// Errors (codes stable, messages Chinese): import.unreadable, import.encrypted (an OLE compound
// file: a password-protected workbook, or an old .xls), import.not_xlsx, import.malformed,
// import.no_sheet.
class XlsxReader
{
public:
    // The first sheet in workbook order, or the one named `sheetName`.
    static Result<ImportSheet> read(const QString &path, const QString &sheetName = QString());
    // The same from the bytes of a workbook (read() reads the file and calls this).
    static Result<ImportSheet> parse(const QByteArray &bytes, const QString &sheetName = QString());
    // The sheet names in workbook order.
    static Result<QStringList> sheetNames(const QString &path);
    static Result<QStringList> sheetNamesOf(const QByteArray &bytes);

    // Excel serial day number -> date. 1900 system: serial 1 = 1900-01-01 and the fictitious
    // 1900-02-29 (serial 60) that Lotus 1-2-3 introduced yields an invalid date; 1904 system:
    // serial 0 = 1904-01-01. The fraction (time of day) is dropped.
    static QDate serialToDate(double serial, bool date1904 = false);
    // Whether a number format shows a date: built-in id or custom format code.
    static bool isDateFormat(int numFmtId, const QString &formatCode = QString());
};

} // namespace shebao
