#include "models/import/ImportValues.h"

#include "models/validation/TextFold.h"

#include <cmath>

namespace shebao {

namespace {

// Reads an unsigned decimal at `pos` with between minDigits and maxDigits digits.
std::optional<int> readNumber(QStringView s, qsizetype &pos, int minDigits, int maxDigits)
{
    int value = 0;
    int digits = 0;
    while (pos < s.size() && digits < maxDigits && TextFold::isAsciiDigit(s.at(pos))) {
        value = value * 10 + (s.at(pos).unicode() - u'0');
        ++pos;
        ++digits;
    }
    if (digits < minDigits)
        return std::nullopt;
    return value;
}

bool isSeparator(QChar c)
{
    return c == u'-' || c == u'/' || c == u'.';
}

// Year, month and optional day of "2024-03-05", "2024/3/5", "2024.3", "2024年3月5日", "20240305",
// "202403". `day` is 0 when the text has none.
bool splitDate(QStringView s, int &year, int &month, int &day)
{
    day = 0;
    if (TextFold::isAsciiDigits(s) && (s.size() == 8 || s.size() == 6)) {
        year = s.left(4).toInt();
        month = s.mid(4, 2).toInt();
        if (s.size() == 8)
            day = s.mid(6, 2).toInt();
        return true;
    }
    qsizetype pos = 0;
    const std::optional<int> y = readNumber(s, pos, 4, 4);
    if (!y || pos >= s.size())
        return false;
    const QChar sep = s.at(pos);
    const bool chinese = sep == u'年';
    if (!chinese && !isSeparator(sep))
        return false;
    ++pos;
    const std::optional<int> m = readNumber(s, pos, 1, 2);
    if (!m)
        return false;
    year = *y;
    month = *m;
    if (chinese) {
        if (pos >= s.size() || s.at(pos) != u'月')
            return false;
        ++pos;
        if (pos == s.size())
            return true;
        const std::optional<int> d = readNumber(s, pos, 1, 2);
        if (!d)
            return false;
        day = *d;
        if (pos < s.size() && (s.at(pos) == u'日' || s.at(pos) == u'号'))
            ++pos;
        return pos == s.size();
    }
    if (pos == s.size())
        return true;
    if (s.at(pos) != sep)
        return false;
    ++pos;
    const std::optional<int> d = readNumber(s, pos, 1, 2);
    if (!d || pos != s.size())
        return false;
    day = *d;
    return true;
}

} // namespace

namespace {

// Most cells need no folding or trimming; returning the cell's own (implicitly shared) string
// then saves an allocation per cell, which matters at 1.2 million cells.
bool isFolded(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u <= 0x20 || (u >= 0x7F && u <= 0xA0) || (u >= 0xFF01 && u <= 0xFF5E) || u == 0x3000 || u == 0xFEFF
            || (u >= 0x2000 && u <= 0x200B) || u == 0x2028 || u == 0x2029 || u == 0x202F || u == 0x205F || u == 0x1680)
            return false;
    }
    return true;
}

} // namespace

QString ImportValues::text(const ImportCell &cell)
{
    if (cell.kind == ImportCell::Kind::Number && std::fabs(cell.number) < 1e15 && cell.number == std::floor(cell.number))
        return QString::number(qint64(cell.number));
    if (isFolded(cell.text))
        return cell.text;
    return TextFold::foldTrimmed(cell.text);
}

std::optional<QDate> ImportValues::parseDate(QStringView text)
{
    int year = 0;
    int month = 0;
    int day = 0;
    if (!splitDate(text, year, month, day) || day == 0)
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

std::optional<QDate> ImportValues::date(const ImportCell &cell)
{
    if (cell.kind == ImportCell::Kind::Date)
        return cell.date.isValid() ? std::optional<QDate>(cell.date) : std::nullopt;
    return parseDate(text(cell));
}

std::optional<YearMonth> ImportValues::parseMonth(QStringView text)
{
    int year = 0;
    int month = 0;
    int day = 0;
    if (!splitDate(text, year, month, day))
        return std::nullopt;
    if (day != 0 && !QDate(year, month, day).isValid())
        return std::nullopt;
    return YearMonth::of(year, month);
}

std::optional<YearMonth> ImportValues::month(const ImportCell &cell)
{
    if (cell.kind == ImportCell::Kind::Date)
        return cell.date.isValid() ? std::optional<YearMonth>(YearMonth::ofDate(cell.date)) : std::nullopt;
    return parseMonth(text(cell));
}

std::optional<Money> ImportValues::wage(const ImportCell &cell)
{
    std::optional<Money> money;
    if (cell.kind == ImportCell::Kind::Number) {
        // The file holds a binary double ("5000.1" may be stored as 5000.1000000000004): accept it
        // when it is a whole number of fen to within rounding noise.
        const double fen = cell.number * 100.0;
        if (!std::isfinite(fen) || std::fabs(fen) > 1e12 || std::fabs(fen - std::round(fen)) > 1e-4)
            return std::nullopt;
        money = Money::fromFen(qint64(std::llround(fen)));
    } else if (cell.kind == ImportCell::Kind::String) {
        QString t = TextFold::foldCompact(cell.text);
        if (t.endsWith(u'元'))
            t.chop(1);
        money = Money::parseYuan(t);
    }
    if (!money || money->fen() <= 0)
        return std::nullopt;
    return money;
}

} // namespace shebao
