#pragma once

// Writes the spreadsheets the import tests read, the way Excel, WPS and LibreOffice leave them:
// libxlsxwriter for ordinary workbooks (shared strings, numbers, date-formatted serials), and a
// hand-made archive (minizip's zip.h) for what libxlsxwriter never writes: inline strings,
// formula string results, cells without references, prefixed SpreadsheetML, the 1904 system.

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QVariant>

namespace shebao::test {

// A cell to write: QString -> string, double/int/qlonglong -> number, QDate -> serial number in a
// date-formatted cell ("yyyy-mm-dd"), bool -> boolean, invalid QVariant -> no cell.
using FixtureRow = QList<QVariant>;

struct FixtureSheet
{
    QString name = QStringLiteral("Sheet1");
    QList<FixtureRow> rows;      // written from row 1 down
    QList<int> rowNumbers;       // optional: the 1-based row to write each row at (gaps allowed)
    QString mergedTitle;         // optional: a title written at A1 (merged A1:F1); rows start at 2
};

bool writeXlsx(const QString &path, const QList<FixtureSheet> &sheets);

// One archive entry per pair (name, content), stored deflated.
bool writeZip(const QString &path, const QList<std::pair<QByteArray, QByteArray>> &entries);

// A 17-digit prefix plus its MOD 11-2 check character.
QString validId(const QString &region, const QString &birth, const QString &sequence);

} // namespace shebao::test
