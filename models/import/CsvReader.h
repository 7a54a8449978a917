#pragma once

#include "models/core/Result.h"
#include "models/import/ImportSheet.h"

#include <QByteArray>
#include <QChar>
#include <QString>

namespace shebao {

// Reads a CSV file into plain rows: RFC 4180 quoting (quoted fields may hold delimiters, doubled
// quotes and line breaks), CRLF or LF, the delimiter detected among ',', ';' and tab, and the
// encoding detected: UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise GB18030
// (a superset of GBK and GB2312, which Excel and WPS write for "CSV" on Chinese Windows).
// Every non-empty cell is a String; row numbers count records from 1, as Excel numbers the
// rows when it opens the file. Errors: import.unreadable, import.encoding.
class CsvReader
{
public:
    enum class Encoding { Utf8, Gb18030 };

    static Result<ImportSheet> read(const QString &path);
    static Result<ImportSheet> parse(const QByteArray &bytes, const QString &name = QString());

    // The decoded text; sets `encoding` when given.
    static Result<QString> decode(const QByteArray &bytes, Encoding *encoding = nullptr);
    // ',' ';' or '\t': the one found most often outside quotes in the first lines; ',' on a tie.
    static QChar detectDelimiter(QStringView text);
};

} // namespace shebao
