#include "models/import/TemplateWriter.h"

#include "models/dictionaries/Dictionaries.h"

#include <QFile>

#include <xlsxwriter.h>

#include <cstdint>

namespace shebao {

namespace {

// The built-in "@" (Text) format. By id, not by the string "@": libxlsxwriter would store the
// string as a custom format 164, which some readers do not treat as text.
constexpr uint8_t kTextFormat = 49;

QByteArray utf8(const QString &s)
{
    return s.toUtf8();
}

void writeText(lxw_worksheet *sheet, int row, int column, const QString &text, lxw_format *format)
{
    worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), utf8(text).constData(), format);
}

// Where a block of the 字典 sheet keeps its names, for the data sheet's drop-down lists.
struct Block
{
    int nextColumn;
    int nameColumn;
    int firstRow; // 0-based
    int lastRow;
};

// "'字典'!$B$3:$B$9"
QByteArray rangeFormula(const Block &block)
{
    char column[8] = {};
    lxw_col_to_name(column, lxw_col_t(block.nameColumn), true);
    return QStringLiteral("='%1'!%2$%3:%2$%4")
        .arg(TemplateWriter::dictionarySheetName(), QString::fromLatin1(column))
        .arg(block.firstRow + 1)
        .arg(block.lastRow + 1)
        .toUtf8();
}

// A drop-down list on the column below the header. Errors are not shown: codes and other
// spellings (01, 非农业) are valid input too, the list is only a help.
void addDropDown(lxw_worksheet *sheet, int column, const QByteArray &formula, const char *const *values = nullptr)
{
    lxw_data_validation validation{};
    if (values) {
        validation.validate = LXW_VALIDATION_TYPE_LIST;
        validation.value_list = const_cast<char **>(values);
    } else {
        validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        validation.value_formula = const_cast<char *>(formula.constData());
    }
    validation.show_error = LXW_VALIDATION_OFF;
    worksheet_data_validation_range(sheet, 1, lxw_col_t(column), LXW_ROW_MAX - 1, lxw_col_t(column), &validation);
}

// One block of the 字典 sheet: the column's header over 代码 | 名称 (| 变更类型) | 也可写 rows.
Block writeDictionaryBlock(lxw_worksheet *sheet, int column, const QString &title, const Dictionary &dictionary,
                           const Dictionary *parents, lxw_format *bold, lxw_format *text)
{
    const int aliasColumn = column + (parents ? 3 : 2);
    writeText(sheet, 0, column, title, bold);
    writeText(sheet, 1, column, QStringLiteral("代码"), bold);
    writeText(sheet, 1, column + 1, QStringLiteral("名称"), bold);
    if (parents)
        writeText(sheet, 1, column + 2, QStringLiteral("变更类型"), bold);
    writeText(sheet, 1, aliasColumn, QStringLiteral("也可写"), bold);
    int row = 2;
    for (const DictionaryEntry &e : dictionary.entries()) {
        if (e.historic)
            continue;
        writeText(sheet, row, column, e.code, text);
        // The name column feeds the drop-down lists, so it holds the plain name only.
        writeText(sheet, row, column + 1, e.name, text);
        if (parents)
            writeText(sheet, row, column + 2, parents->nameOf(e.parent), text);
        QStringList other = e.aliases;
        if (!e.shortName.isEmpty())
            other.prepend(e.shortName);
        if (!other.isEmpty())
            writeText(sheet, row, aliasColumn, other.join(QStringLiteral("、")), text);
        ++row;
    }
    worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), 6, text);
    worksheet_set_column(sheet, lxw_col_t(column + 1), lxw_col_t(column + 1), 16, text);
    if (parents)
        worksheet_set_column(sheet, lxw_col_t(column + 2), lxw_col_t(column + 2), 10, text);
    worksheet_set_column(sheet, lxw_col_t(aliasColumn), lxw_col_t(aliasColumn), 20, text);
    return Block{aliasColumn + 2, column + 1, 2, row - 1}; // one empty column between blocks
}

} // namespace

QString TemplateWriter::dataSheetName(ImportKind kind)
{
    return kind == ImportKind::Add ? QStringLiteral("新增续保") : QStringLiteral("减少");
}

QString TemplateWriter::dictionarySheetName()
{
    return QStringLiteral("字典");
}

Result<void> TemplateWriter::write(const QString &path, ImportKind kind)
{
    lxw_workbook *workbook = workbook_new(QFile::encodeName(path).constData());
    if (!workbook) {
        return Error{QStringLiteral("import.template_write"), QStringLiteral("无法创建模板文件"), path, QString()};
    }
    lxw_format *text = workbook_add_format(workbook);
    format_set_num_format_index(text, kTextFormat);
    lxw_format *header = workbook_add_format(workbook);
    format_set_num_format_index(header, kTextFormat);
    format_set_bold(header);
    lxw_format *requiredHeader = workbook_add_format(workbook);
    format_set_num_format_index(requiredHeader, kTextFormat);
    format_set_bold(requiredHeader);
    format_set_font_color(requiredHeader, LXW_COLOR_RED);

    lxw_worksheet *data = workbook_add_worksheet(workbook, utf8(dataSheetName(kind)).constData());
    const QList<ImportColumn> &columns = ImportColumns::of(kind);
    for (int c = 0; c < columns.size(); ++c) {
        const ImportColumn &column = columns.at(c);
        worksheet_set_column(data, lxw_col_t(c), lxw_col_t(c), column.width, text);
        writeText(data, 0, c, column.header, column.required ? requiredHeader : header);
        if (!column.hint.isEmpty())
            worksheet_write_comment(data, 0, lxw_col_t(c), utf8(column.hint).constData());
    }
    worksheet_freeze_panes(data, 1, 0);

    lxw_worksheet *dict = workbook_add_worksheet(workbook, utf8(dictionarySheetName()).constData());
    int next = 0;
    for (int c = 0; c < columns.size(); ++c) {
        const ImportColumn &column = columns.at(c);
        if (column.header == ImportColumns::gender()) {
            static const char *const genders[] = {"男", "女", nullptr};
            addDropDown(data, c, QByteArray(), genders);
        }
        if (column.dictionaryId.isEmpty())
            continue;
        const Dictionary &dictionary = Dictionaries::byId(column.dictionaryId);
        const bool withParent = column.dictionaryId == QLatin1String("change_reason");
        const Block block = writeDictionaryBlock(dict, next, column.header, dictionary,
                                                 withParent ? &Dictionaries::changeType() : nullptr, header, text);
        next = block.nextColumn;
        // 险种 takes several values in one cell; a list would only offer one.
        if (column.dictionaryId != QLatin1String("insurance"))
            addDropDown(data, c, rangeFormula(block));
    }

    if (kind == ImportKind::Add) {
        writeText(dict, 0, next, QStringLiteral("性别"), header);
        writeText(dict, 1, next, QStringLiteral("名称"), header);
        writeText(dict, 2, next, QStringLiteral("男"), text);
        writeText(dict, 3, next, QStringLiteral("女"), text);
    }

    const lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR) {
        return Error{QStringLiteral("import.template_write"),
                     QStringLiteral("模板文件写入失败：%1").arg(QString::fromUtf8(lxw_strerror(error))), path, QString()};
    }
    return {};
}

} // namespace shebao
