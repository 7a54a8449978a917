#include "models/import/CsvReader.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace shebao {

Result<QString> CsvReader::decode(const QByteArray &bytes, Encoding *encoding)
{
    QByteArrayView data(bytes);
    if (data.startsWith("\xEF\xBB\xBF"))
        data = data.sliced(3);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(data);
    if (!utf8.hasError()) {
        if (encoding)
            *encoding = Encoding::Utf8;
        return text;
    }
    QStringDecoder gb("GB18030");
    if (!gb.isValid()) {
        return Error{QStringLiteral("import.encoding"),
                     QStringLiteral("文件不是 UTF-8 编码，且本机不支持 GBK/GB18030 解码；请另存为 UTF-8 编码的 CSV"),
                     QString(), QString()};
    }
    text = gb.decode(data);
    if (gb.hasError()) {
        return Error{QStringLiteral("import.encoding"),
                     QStringLiteral("文件编码无法识别（既不是 UTF-8 也不是 GBK）；请另存为 UTF-8 编码的 CSV"),
                     QString(), QString()};
    }
    if (encoding)
        *encoding = Encoding::Gb18030;
    return text;
}

QChar CsvReader::detectDelimiter(QStringView text)
{
    int comma = 0;
    int semicolon = 0;
    int tab = 0;
    int lines = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"') {
            quoted = !quoted;
        } else if (quoted) {
            continue;
        } else if (c == u',') {
            ++comma;
        } else if (c == u';') {
            ++semicolon;
        } else if (c == u'\t') {
            ++tab;
        } else if (c == u'\n' && ++lines >= 20) {
            break;
        }
    }
    if (semicolon > comma && semicolon >= tab)
        return u';';
    if (tab > comma && tab > semicolon)
        return u'\t';
    return u',';
}

Result<ImportSheet> CsvReader::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{QStringLiteral("import.unreadable"), QStringLiteral("无法打开文件：%1").arg(file.errorString()),
                     path, QString()};
    }
    return parse(file.readAll(), QFileInfo(path).fileName());
}

Result<ImportSheet> CsvReader::parse(const QByteArray &bytes, const QString &name)
{
    Result<QString> decoded = decode(bytes);
    if (!decoded)
        return decoded.error();
    const QString &text = decoded.value();
    const QChar delimiter = detectDelimiter(text);

    ImportSheet sheet;
    sheet.name = name;
    ImportRow row;
    row.number = 1;
    QString field;
    bool quoted = false;
    bool fieldStarted = false; // something (maybe an empty quoted "") was read into this field
    auto endField = [&] {
        ImportCell cell;
        if (!field.isEmpty()) {
            cell.text = field;
            cell.kind = ImportCell::Kind::String;
        }
        row.cells.append(std::move(cell));
        field.clear();
        fieldStarted = false;
    };
    auto endRow = [&] {
        endField();
        while (!row.cells.isEmpty() && row.cells.last().kind == ImportCell::Kind::Empty)
            row.cells.removeLast();
        const int next = row.number + 1;
        sheet.rows.append(std::move(row));
        row = ImportRow();
        row.number = next;
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == u'"' && !fieldStarted && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == delimiter) {
            endField();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                ++i;
            endRow();
        } else {
            // A quote inside an unquoted field, or text after a closing quote, is kept as is,
            // the way Excel reads such files.
            field += c;
        }
    }
    if (!field.isEmpty() || fieldStarted || !row.cells.isEmpty())
        endRow();
    return sheet;
}

} // namespace shebao
