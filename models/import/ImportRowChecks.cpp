#include "models/import/ImportRowChecks.h"

#include "models/import/ImportColumns.h"
#include "models/import/ImportValues.h"
#include "models/validation/PersonName.h"
#include "models/validation/TextFold.h"

#include <cmath>

namespace shebao {

namespace {

// How Excel's General format shows a long number: "4.30102E+17".
QString excelGeneral(double number)
{
    QString s = QString::number(number, 'G', 6);
    s.replace(QStringLiteral("e+"), QStringLiteral("E+"));
    s.replace(QStringLiteral("e-"), QStringLiteral("E-"));
    return s;
}

// "4.30102E+17": a digit, optional decimals, E+ and an exponent.
bool isScientific(QStringView s)
{
    const qsizetype e = s.indexOf(u'E', 0, Qt::CaseInsensitive);
    if (s.size() > 14 || e < 1 || e + 2 >= s.size() || s.at(e + 1) != u'+' || !TextFold::isAsciiDigit(s.at(0)))
        return false;
    const QStringView mantissa = s.first(e);
    if (mantissa.size() > 1 && (mantissa.at(1) != u'.' || !TextFold::isAsciiDigits(mantissa.sliced(2))))
        return false;
    return TextFold::isAsciiDigits(s.sliced(e + 2));
}

QString optionsOf(const Dictionary &dictionary, const QString &parent)
{
    const QList<DictionaryEntry> entries = parent.isEmpty() ? dictionary.entries() : dictionary.entriesWithParent(parent);
    if (entries.size() > 12)
        return QStringLiteral("请填写%1的名称或代码（见模板的“字典”工作表）").arg(dictionary.title());
    QStringList names;
    for (const DictionaryEntry &e : entries) {
        if (!e.historic)
            names.append(e.name);
    }
    return QStringLiteral("可填：%1").arg(names.join(QStringLiteral("、")));
}

} // namespace

ImportRowChecks::ImportRowChecks(const ImportHeaderMap &map, QDate today, QList<ImportProblem> *problems)
    : m_map(map), m_today(today), m_currentMonth(YearMonth::ofDate(today)), m_problems(problems)
{
}

int ImportRowChecks::columnOf(const QString &header) const
{
    // QStringLiteral data is static (no allocation, so capacity 0) and never reused for other
    // text, so its address identifies it; any other string goes through the map.
    if (header.capacity() != 0 || header.isEmpty())
        return m_map.column(header);
    const QChar *key = header.constData();
    for (const auto &[literal, column] : m_literalColumns) {
        if (literal == key)
            return column;
    }
    const int column = m_map.column(header);
    m_literalColumns.append({key, column});
    return column;
}

const ImportCell &ImportRowChecks::cell(const ImportRow &row, const QString &header) const
{
    return row.cell(columnOf(header));
}

bool ImportRowChecks::isBlank(const ImportRow &row, const QString &header) const
{
    const int column = columnOf(header);
    return column < 0 || row.cell(column).isBlank();
}

void ImportRowChecks::report(const ImportRow &row, const QString &header, const char *code,
                             ImportProblem::Severity severity, const QString &message)
{
    m_problems->append(ImportProblem{row.number, m_map.label(header), QLatin1String(code), severity, message});
}

bool ImportRowChecks::needsValue(const ImportRow &row, const QString &header, bool required)
{
    if (!isBlank(row, header))
        return true;
    if (required)
        error(row, header, "required.missing", QStringLiteral("“%1”是必填项，不能为空").arg(header));
    return false;
}

bool ImportRowChecks::rowHasErrors(const ImportRow &row) const
{
    for (qsizetype i = m_rowProblemStart; i < m_problems->size(); ++i) {
        const ImportProblem &p = m_problems->at(i);
        if (p.row == row.number && p.isError())
            return true;
    }
    return false;
}

std::optional<QString> ImportRowChecks::name(const ImportRow &row)
{
    const QString header = ImportColumns::name();
    if (!needsValue(row, header, true))
        return std::nullopt;
    const Result<QString> name = PersonName::normalize(ImportValues::text(cell(row, header)));
    if (!name) {
        error(row, header, "name.invalid", name.error().message);
        return std::nullopt;
    }
    return name.value();
}

std::optional<IdNumber> ImportRowChecks::idNumber(const ImportRow &row)
{
    const QString header = ImportColumns::idNumber();
    if (!needsValue(row, header, true))
        return std::nullopt;
    const ImportCell &c = cell(row, header);
    // A double holds 15-16 significant digits: an 18-digit number typed into a General cell has
    // lost its last digits (and any X) before the file was saved; nothing can restore them.
    // A CSV saved by Excel from such a sheet carries the number as Excel displayed it.
    const QString text = ImportValues::text(c);
    const bool number = (c.kind == ImportCell::Kind::Number || c.kind == ImportCell::Kind::Date) && std::fabs(c.number) >= 1e15;
    if (number || (c.kind == ImportCell::Kind::String && isScientific(text))) {
        error(row, header, "id.numeric_cell",
              QStringLiteral("公民身份号码被 Excel 存成了数字（显示为 %1），后几位已丢失；"
                             "请把该列设置为“文本”格式后重新输入号码")
                  .arg(number ? excelGeneral(c.number) : text));
        return std::nullopt;
    }
    const Result<IdNumber> id = IdNumber::parse(text, m_today);
    if (!id) {
        const QByteArray code = id.error().code.toLatin1();
        error(row, header, code.constData(), id.error().message);
        return std::nullopt;
    }
    if (id.value().upgradedFrom15()) {
        warning(row, header, "id.upgraded15",
                QStringLiteral("15 位旧号码 %1 已升级为 18 位：%2").arg(id.value().original(), id.value().number()));
    }
    return id.value();
}

std::optional<DictionaryEntry> ImportRowChecks::dictionaryValue(const ImportRow &row, const QString &header,
                                                                const Dictionary &dictionary, bool required,
                                                                const QString &parent)
{
    if (!needsValue(row, header, required))
        return std::nullopt;
    const ImportCell &c = cell(row, header);
    if (std::optional<DictionaryEntry> entry = lookup(c, dictionary, parent))
        return entry;
    const QString text = ImportValues::text(c);
    if (!parent.isEmpty()) {
        if (const std::optional<DictionaryEntry> other = dictionary.find(text)) {
            error(row, header, "dict.unknown",
                  QStringLiteral("%1“%2”不适用于所选变更类型；%3").arg(dictionary.title(), other->name, optionsOf(dictionary, parent)));
            return std::nullopt;
        }
    }
    error(row, header, "dict.unknown",
          QStringLiteral("“%1”不是有效的%2；%3").arg(text, dictionary.title(), optionsOf(dictionary, parent)));
    return std::nullopt;
}

std::optional<DictionaryEntry> ImportRowChecks::lookup(const ImportCell &c, const Dictionary &dictionary,
                                                       const QString &parent)
{
    LookupMemo *memo = nullptr;
    for (LookupMemo &m : m_lookups) {
        if (m.dictionary == &dictionary && m.parent == parent)
            memo = &m;
    }
    if (!memo)
        memo = &m_lookups.emplaceBack(LookupMemo{&dictionary, parent, {}});
    const bool number = c.kind == ImportCell::Kind::Number;
    QHash<QString, std::optional<DictionaryEntry>> &byText = memo->byText[number ? 1 : 0];
    const auto found = byText.constFind(c.text);
    if (found != byText.constEnd())
        return *found;
    auto find = [&](const QString &t) { return parent.isEmpty() ? dictionary.find(t) : dictionary.find(t, parent); };
    const QString text = ImportValues::text(c);
    std::optional<DictionaryEntry> entry = find(text);
    // "01" typed into a General cell arrives as the number 1.
    if (!entry && number && text.size() == 1)
        entry = find(QLatin1Char('0') + text);
    byText.insert(c.text, entry);
    return entry;
}

std::optional<QDate> ImportRowChecks::date(const ImportRow &row, const QString &header, bool required)
{
    if (!needsValue(row, header, required))
        return std::nullopt;
    const ImportCell &c = cell(row, header);
    const std::optional<QDate> d = ImportValues::date(c);
    if (!d) {
        error(row, header, "date.invalid",
              QStringLiteral("“%1”不是有效的日期；请写成 2024-03-05 或 2024年3月5日").arg(ImportValues::text(c)));
    }
    return d;
}

std::optional<YearMonth> ImportRowChecks::recentMonth(const ImportRow &row, const QString &header)
{
    if (!needsValue(row, header, true))
        return std::nullopt;
    const ImportCell &c = cell(row, header);
    const std::optional<YearMonth> month = ImportValues::month(c);
    if (!month) {
        error(row, header, "date.invalid",
              QStringLiteral("“%1”不是有效的年月；请写成 2024-03 或 2024年3月").arg(ImportValues::text(c)));
        return std::nullopt;
    }
    const YearMonth earliest = m_currentMonth.addMonths(-2);
    if (*month < earliest) {
        error(row, header, "start.too_early",
              QStringLiteral("%1 %2 早于 %3：最多只能往前选两个月").arg(header, month->toString(), earliest.toString()));
        return std::nullopt;
    }
    if (*month > m_currentMonth) {
        error(row, header, "start.future",
              QStringLiteral("%1 %2 晚于本月 %3").arg(header, month->toString(), m_currentMonth.toString()));
        return std::nullopt;
    }
    return month;
}

} // namespace shebao
