#include "models/import/XlsxReader.h"

#include "models/import/ZipArchive.h"

#include <QFile>
#include <QHash>
#include <QThread>
#include <QThreadPool>

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

namespace shebao {

namespace {

Error xlsxError(const char *code, const QString &message, const QString &detail = QString())
{
    return Error{QLatin1String(code), message, detail, QString()};
}

// The local part of an element name: some exporters write prefixed SpreadsheetML (<x:row>).
const char *localName(const char *name)
{
    const char *colon = std::strchr(name, ':');
    return colon ? colon + 1 : name;
}

bool named(const pugi::xml_node &node, const char *local)
{
    return std::strcmp(localName(node.name()), local) == 0;
}

pugi::xml_node child(const pugi::xml_node &parent, const char *local)
{
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
        if (n.type() == pugi::node_element && named(n, local))
            return n;
    }
    return {};
}

QString nodeText(const pugi::xml_node &node)
{
    return QString::fromUtf8(node.child_value());
}

// Text of a shared string item or inline string: <t>, or the <t> of each rich-text run <r>;
// phonetic guides (<rPh>) are not part of the value.
QString stringItemText(const pugi::xml_node &si)
{
    QString text;
    for (pugi::xml_node n = si.first_child(); n; n = n.next_sibling()) {
        if (named(n, "t")) {
            text += nodeText(n);
        } else if (named(n, "r")) {
            if (const pugi::xml_node t = child(n, "t"))
                text += nodeText(t);
        }
    }
    return text;
}

// "xl/" + "worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml", "../x.xml" -> a zip entry name.
QByteArray resolveTarget(const QByteArray &baseDir, QByteArray target)
{
    QList<QByteArray> parts;
    if (target.startsWith('/'))
        target = target.mid(1);
    else
        parts = baseDir.split('/');
    parts.removeAll(QByteArray());
    for (const QByteArray &p : target.split('/')) {
        if (p == "..") {
            if (!parts.isEmpty())
                parts.removeLast();
        } else if (!p.isEmpty() && p != ".") {
            parts.append(p);
        }
    }
    return parts.join('/');
}

// Excel's grid: columns A..XFD, rows 1..1048576. A reference outside it is a damaged file.
constexpr int kMaxColumns = 16384;
constexpr int kMaxRows = 1048576;
constexpr int kOutsideGrid = -2;

// Column index of a cell reference ("AB12" -> 27); -1 when there are no letters, kOutsideGrid
// past column XFD.
int columnOf(const char *ref)
{
    int column = 0;
    bool any = false;
    for (; *ref; ++ref) {
        const char c = *ref;
        if (c >= 'A' && c <= 'Z')
            column = column * 26 + (c - 'A' + 1);
        else if (c >= 'a' && c <= 'z')
            column = column * 26 + (c - 'a' + 1);
        else
            break;
        if (column > kMaxColumns)
            return kOutsideGrid;
        any = true;
    }
    return any ? column - 1 : -1;
}

int toInt(const char *text, int fallback)
{
    int value = 0;
    const char *end = text + std::strlen(text);
    const auto [ptr, ec] = std::from_chars(text, end, value);
    return ec == std::errc() && ptr != text ? value : fallback;
}

struct Workbook
{
    QByteArray sheetEntry;
    QString sheetName;
    QByteArray sharedStringsEntry = "xl/sharedStrings.xml";
    QByteArray stylesEntry = "xl/styles.xml";
    bool date1904 = false;
    QStringList sheetNames;
};

Result<Workbook> readWorkbook(const ZipArchive &zip, const QString &wantedSheet)
{
    bool encrypted = false;
    std::optional<QByteArray> wb = zip.read("xl/workbook.xml", &encrypted);
    if (encrypted)
        return xlsxError("import.encrypted", QStringLiteral("文件已加密，请在 Excel 中取消密码保护后另存为 .xlsx 再导入"));
    if (!wb) {
        return xlsxError("import.not_xlsx", QStringLiteral("文件不是 Excel 工作簿（.xlsx）"),
                         QStringLiteral("xl/workbook.xml missing"));
    }
    pugi::xml_document doc;
    if (!doc.load_buffer_inplace(wb->data(), size_t(wb->size())))
        return xlsxError("import.malformed", QStringLiteral("工作簿文件已损坏，无法读取"), QStringLiteral("xl/workbook.xml"));
    const pugi::xml_node root = doc.document_element();
    Workbook out;
    if (const pugi::xml_node pr = child(root, "workbookPr")) {
        const QByteArray v = QByteArray(pr.attribute("date1904").value()).toLower();
        out.date1904 = v == "1" || v == "true";
    }

    QHash<QByteArray, QByteArray> targets; // relationship id -> entry
    QHash<QByteArray, bool> isWorksheet;   // relationship id -> a worksheet (not a chartsheet, ...)
    std::optional<QByteArray> rels = zip.read("xl/_rels/workbook.xml.rels");
    pugi::xml_document relDoc;
    if (rels && relDoc.load_buffer_inplace(rels->data(), size_t(rels->size()))) {
        for (pugi::xml_node r = relDoc.document_element().first_child(); r; r = r.next_sibling()) {
            const QByteArray type = r.attribute("Type").value();
            const QByteArray entry = resolveTarget("xl", r.attribute("Target").value());
            targets.insert(r.attribute("Id").value(), entry);
            isWorksheet.insert(r.attribute("Id").value(), type.endsWith("/worksheet"));
            if (type.endsWith("/sharedStrings"))
                out.sharedStringsEntry = entry;
            else if (type.endsWith("/styles"))
                out.stylesEntry = entry;
        }
    }

    const pugi::xml_node sheets = child(root, "sheets");
    int index = 0;
    for (pugi::xml_node s = sheets.first_child(); s; s = s.next_sibling()) {
        if (!named(s, "sheet"))
            continue;
        ++index;
        const QString name = QString::fromUtf8(s.attribute("name").value());
        out.sheetNames.append(name);
        QByteArray rid;
        for (pugi::xml_attribute a = s.first_attribute(); a; a = a.next_attribute()) {
            if (std::strcmp(localName(a.name()), "id") == 0 && std::strchr(a.name(), ':'))
                rid = a.value();
        }
        QByteArray entry = targets.value(rid);
        if (entry.isEmpty())
            entry = "xl/worksheets/sheet" + QByteArray::number(index) + ".xml";
        // The first sheet may be a chart sheet; data lives in worksheets.
        const bool wanted = wantedSheet.isEmpty() ? out.sheetEntry.isEmpty() && isWorksheet.value(rid, true)
                                                  : name == wantedSheet;
        if (wanted && out.sheetEntry.isEmpty()) {
            out.sheetEntry = entry;
            out.sheetName = name;
        }
    }
    if (out.sheetEntry.isEmpty()) {
        if (!wantedSheet.isEmpty())
            return xlsxError("import.no_sheet", QStringLiteral("工作簿中没有名为“%1”的工作表").arg(wantedSheet));
        return xlsxError("import.no_sheet", QStringLiteral("工作簿中没有工作表"));
    }
    return out;
}

QList<QString> readSharedStrings(const ZipArchive &zip, const QByteArray &entry)
{
    QList<QString> strings;
    std::optional<QByteArray> data = zip.read(entry);
    if (!data)
        return strings;
    pugi::xml_document doc;
    if (!doc.load_buffer_inplace(data->data(), size_t(data->size()), pugi::parse_default | pugi::parse_ws_pcdata))
        return strings;
    const pugi::xml_node sst = doc.document_element();
    // The announced count is a hint, not a promise: no more than the part could hold ("<si/>").
    strings.reserve(qBound(0, toInt(sst.attribute("uniqueCount").value(), 0), int(data->size() / 5)));
    for (pugi::xml_node si = sst.first_child(); si; si = si.next_sibling()) {
        if (named(si, "si"))
            strings.append(stringItemText(si));
    }
    return strings;
}

// For each cell style (index into cellXfs), whether it shows a date.
std::vector<bool> readDateStyles(const ZipArchive &zip, const QByteArray &entry)
{
    std::vector<bool> dateStyles;
    std::optional<QByteArray> data = zip.read(entry);
    if (!data)
        return dateStyles;
    pugi::xml_document doc;
    if (!doc.load_buffer_inplace(data->data(), size_t(data->size())))
        return dateStyles;
    const pugi::xml_node root = doc.document_element();
    QHash<int, QString> custom;
    for (pugi::xml_node f = child(root, "numFmts").first_child(); f; f = f.next_sibling()) {
        if (named(f, "numFmt"))
            custom.insert(toInt(f.attribute("numFmtId").value(), -1), QString::fromUtf8(f.attribute("formatCode").value()));
    }
    for (pugi::xml_node xf = child(root, "cellXfs").first_child(); xf; xf = xf.next_sibling()) {
        if (!named(xf, "xf"))
            continue;
        const int id = toInt(xf.attribute("numFmtId").value(), 0);
        dateStyles.push_back(XlsxReader::isDateFormat(id, custom.value(id)));
    }
    return dateStyles;
}

struct SheetContext
{
    const QList<QString> *sharedStrings;
    const std::vector<bool> *dateStyles;
    bool date1904;
};

// `type` and `style` are the cell's t and s attributes ("" when absent).
ImportCell makeCell(const pugi::xml_node &c, const char *type, const char *style, const SheetContext &ctx)
{
    ImportCell cell;
    if (std::strcmp(type, "inlineStr") == 0) {
        if (const pugi::xml_node is = child(c, "is")) {
            cell.text = stringItemText(is);
            cell.kind = ImportCell::Kind::String;
        }
        return cell;
    }
    const pugi::xml_node v = child(c, "v");
    if (!v)
        return cell;
    const char *value = v.child_value();
    if (std::strcmp(type, "s") == 0) {
        const int index = toInt(value, -1);
        if (index >= 0 && index < ctx.sharedStrings->size()) {
            cell.text = ctx.sharedStrings->at(index);
            cell.kind = ImportCell::Kind::String;
        }
    } else if (std::strcmp(type, "str") == 0 || std::strcmp(type, "e") == 0) {
        cell.text = QString::fromUtf8(value);
        cell.kind = ImportCell::Kind::String;
    } else if (std::strcmp(type, "b") == 0) {
        cell.kind = ImportCell::Kind::Bool;
        cell.number = std::strcmp(value, "1") == 0 ? 1 : 0;
        cell.text = cell.number != 0 ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    } else if (std::strcmp(type, "d") == 0) {
        cell.text = QString::fromLatin1(value);
        cell.date = QDate::fromString(cell.text.left(10), Qt::ISODate);
        cell.kind = cell.date.isValid() ? ImportCell::Kind::Date : ImportCell::Kind::String;
        if (cell.date.isValid())
            cell.text = cell.date.toString(Qt::ISODate);
    } else {
        const char *end = value + std::strlen(value);
        double number = 0;
        const auto [ptr, ec] = std::from_chars(value, end, number);
        if (ec != std::errc() || ptr == value) {
            cell.text = QString::fromUtf8(value);
            cell.kind = ImportCell::Kind::String;
            return cell;
        }
        cell.number = number;
        cell.kind = ImportCell::Kind::Number;
        const int styleIndex = *style ? toInt(style, 0) : 0;
        if (styleIndex > 0 && size_t(styleIndex) < ctx.dateStyles->size() && (*ctx.dateStyles)[size_t(styleIndex)]) {
            const QDate date = XlsxReader::serialToDate(number, ctx.date1904);
            if (date.isValid()) {
                cell.kind = ImportCell::Kind::Date;
                cell.date = date;
                cell.text = date.toString(Qt::ISODate);
                return cell;
            }
        }
        cell.text = QString::fromLatin1(value, ptr - value);
    }
    return cell;
}

struct RowNode
{
    pugi::xml_node node;
    int number;
};

// Sets `outsideGrid` to where the first cell past column XFD is, and stops there.
void convertRows(const std::vector<RowNode> &rowNodes, size_t begin, size_t end, const SheetContext &ctx, ImportRow *out,
                 QString *outsideGrid)
{
    qsizetype width = 0;
    for (size_t i = begin; i < end; ++i) {
        ImportRow &row = out[i];
        row.number = rowNodes[i].number;
        row.cells.reserve(width);
        int nextColumn = 0;
        for (pugi::xml_node c = rowNodes[i].node.first_child(); c; c = c.next_sibling()) {
            if (!named(c, "c"))
                continue;
            const char *ref = "";
            const char *type = "";
            const char *style = "";
            for (pugi::xml_attribute a = c.first_attribute(); a; a = a.next_attribute()) {
                const char *name = a.name();
                if (name[0] != 0 && name[1] == 0) {
                    if (name[0] == 'r')
                        ref = a.value();
                    else if (name[0] == 't')
                        type = a.value();
                    else if (name[0] == 's')
                        style = a.value();
                }
            }
            int column = columnOf(ref);
            if (column == -1)
                column = nextColumn;
            if (column < 0 || column >= kMaxColumns) {
                *outsideGrid = *ref ? QStringLiteral("单元格 %1").arg(QString::fromUtf8(QByteArray(ref).left(40)))
                                    : QStringLiteral("第 %1 行第 %2 个单元格").arg(row.number).arg(nextColumn + 1);
                return;
            }
            nextColumn = column + 1;
            ImportCell cell = makeCell(c, type, style, ctx);
            if (cell.kind == ImportCell::Kind::Empty)
                continue;
            if (row.cells.size() <= column)
                row.cells.resize(column + 1);
            row.cells[column] = std::move(cell);
        }
        width = qMax(width, row.cells.size());
    }
}

Error outsideGrid(const QString &sheetName, const QString &where)
{
    return xlsxError("import.malformed",
                     QStringLiteral("工作表“%1”已损坏：%2 超出 Excel 的范围（最多 16384 列、1048576 行）").arg(sheetName, where));
}

// Above this many rows the cells are converted on two or more threads: the DOM is only read.
constexpr size_t kRowsPerThread = 20000;

} // namespace

QDate XlsxReader::serialToDate(double serial, bool date1904)
{
    if (!std::isfinite(serial) || serial < 0 || serial > 2958465) // 9999-12-31
        return {};
    const qint64 days = qint64(std::floor(serial));
    if (date1904)
        return QDate(1904, 1, 1).addDays(days);
    if (days == 0 || days == 60) // 1900-01-00 and the fictitious 1900-02-29
        return {};
    return days < 60 ? QDate(1899, 12, 31).addDays(days) : QDate(1899, 12, 30).addDays(days);
}

bool XlsxReader::isDateFormat(int numFmtId, const QString &formatCode)
{
    // 14-22 and 45-47 everywhere; 27-36 and 50-58 are the East Asian built-in date formats
    // (zh-CN "yyyy年m月d日" and friends) that Chinese Excel and WPS write without a numFmt entry.
    if ((numFmtId >= 14 && numFmtId <= 22) || (numFmtId >= 45 && numFmtId <= 47)
        || (numFmtId >= 27 && numFmtId <= 36) || (numFmtId >= 50 && numFmtId <= 58))
        return true;
    if (numFmtId < 164 || formatCode.isEmpty())
        return false;
    // Only the first section counts; quoted text, [colour]/[$-locale] and \-escaped characters
    // are not format codes ("0.00\"d\"" is a number).
    bool sawDate = false;
    bool sawTime = false;
    bool quoted = false;
    int bracket = 0;
    for (qsizetype i = 0; i < formatCode.size(); ++i) {
        const QChar c = formatCode.at(i);
        if (quoted) {
            quoted = c != u'"';
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u'\\' || c == u'_' || c == u'*') {
            ++i;
        } else if (c == u'[') {
            ++bracket;
        } else if (c == u']') {
            bracket = qMax(0, bracket - 1);
        } else if (bracket == 0) {
            if (c == u';')
                break;
            const char16_t l = QChar::toLower(c.unicode());
            if (l == u'y' || l == u'd' || c == u'年' || c == u'日')
                sawDate = true;
            else if (l == u'h' || l == u's')
                sawTime = true;
            else if (l == u'm' || c == u'月')
                sawDate = sawDate || !sawTime;
        }
    }
    return sawDate;
}

namespace {

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return xlsxError("import.unreadable", QStringLiteral("无法打开文件：%1").arg(file.errorString()), path);
    return file.readAll();
}

// The error of bytes that are no workbook at all; nullopt for a zip archive.
std::optional<Error> notAnArchive(const QByteArray &bytes)
{
    if (bytes.startsWith("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        return xlsxError("import.encrypted",
                         QStringLiteral("文件已加密或是旧版 .xls 格式；请在 Excel 中取消密码保护并另存为 .xlsx 后再导入"));
    }
    if (!bytes.startsWith("PK"))
        return xlsxError("import.not_xlsx", QStringLiteral("文件不是 Excel 工作簿（.xlsx）"));
    return std::nullopt;
}

} // namespace

Result<QStringList> XlsxReader::sheetNames(const QString &path)
{
    Result<QByteArray> bytes = readFile(path);
    if (!bytes)
        return bytes.error();
    return sheetNamesOf(bytes.value());
}

Result<QStringList> XlsxReader::sheetNamesOf(const QByteArray &bytes)
{
    ZipArchive zip(bytes);
    if (!zip.open())
        return xlsxError("import.not_xlsx", QStringLiteral("文件不是 Excel 工作簿（.xlsx）"));
    Result<Workbook> wb = readWorkbook(zip, QString());
    if (!wb)
        return wb.error();
    return wb.value().sheetNames;
}

Result<ImportSheet> XlsxReader::read(const QString &path, const QString &sheetName)
{
    Result<QByteArray> bytes = readFile(path);
    if (!bytes)
        return bytes.error();
    Result<ImportSheet> sheet = parse(bytes.value(), sheetName);
    if (!sheet && sheet.error().detail.isEmpty()) {
        Error withPath = sheet.error();
        withPath.detail = path;
        return withPath;
    }
    return sheet;
}

Result<ImportSheet> XlsxReader::parse(const QByteArray &bytes, const QString &sheetName)
{
    if (std::optional<Error> refused = notAnArchive(bytes))
        return *refused;
    ZipArchive zip(bytes);
    if (!zip.open())
        return xlsxError("import.not_xlsx", QStringLiteral("文件不是 Excel 工作簿（.xlsx）"));

    Result<Workbook> wbResult = readWorkbook(zip, sheetName);
    if (!wbResult)
        return wbResult.error();
    const Workbook &wb = wbResult.value();
    const QList<QString> sharedStrings = readSharedStrings(zip, wb.sharedStringsEntry);
    const std::vector<bool> dateStyles = readDateStyles(zip, wb.stylesEntry);

    bool encrypted = false;
    std::optional<QByteArray> xml = zip.read(wb.sheetEntry, &encrypted);
    if (!xml) {
        return xlsxError("import.malformed", QStringLiteral("工作表“%1”无法读取，文件可能已损坏").arg(wb.sheetName),
                         QString::fromUtf8(wb.sheetEntry));
    }
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer_inplace(xml->data(), size_t(xml->size()),
                                                                  pugi::parse_default | pugi::parse_ws_pcdata);
    if (!parsed) {
        return xlsxError("import.malformed", QStringLiteral("工作表“%1”已损坏，无法读取").arg(wb.sheetName),
                         QString::fromUtf8(parsed.description()));
    }

    ImportSheet sheet;
    sheet.name = wb.sheetName;
    const SheetContext ctx{&sharedStrings, &dateStyles, wb.date1904};
    const pugi::xml_node sheetData = child(doc.document_element(), "sheetData");
    std::vector<RowNode> rowNodes;
    int lastRow = 0;
    for (pugi::xml_node r = sheetData.first_child(); r; r = r.next_sibling()) {
        if (!named(r, "row"))
            continue;
        lastRow = toInt(r.attribute("r").value(), lastRow + 1);
        if (lastRow < 1 || lastRow > kMaxRows)
            return outsideGrid(wb.sheetName, QStringLiteral("第 %1 行").arg(lastRow));
        rowNodes.push_back({r, lastRow});
    }
    sheet.rows.resize(qsizetype(rowNodes.size()));
    ImportRow *out = sheet.rows.data();
    const size_t threads = std::clamp<size_t>(rowNodes.size() / kRowsPerThread, 1, size_t(qMax(1, QThread::idealThreadCount())));
    std::vector<QString> outside(threads);
    if (threads == 1) {
        convertRows(rowNodes, 0, rowNodes.size(), ctx, out, &outside[0]);
    } else {
        QThreadPool pool;
        pool.setMaxThreadCount(int(threads) - 1);
        for (size_t t = 1; t < threads; ++t) {
            pool.start([&, t] {
                convertRows(rowNodes, rowNodes.size() * t / threads, rowNodes.size() * (t + 1) / threads, ctx, out,
                            &outside[t]);
            });
        }
        convertRows(rowNodes, 0, rowNodes.size() / threads, ctx, out, &outside[0]);
        pool.waitForDone();
    }
    for (const QString &where : outside) {
        if (!where.isEmpty())
            return outsideGrid(wb.sheetName, where);
    }
    return sheet;
}

} // namespace shebao
