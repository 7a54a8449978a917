#include "models/policy/YearMonth.h"

namespace shebao {

namespace {

constexpr int kMaxYear = 9999;

int digit(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') ? int(u - u'0') : -1;
}

} // namespace

std::optional<YearMonth> YearMonth::of(int year, int month)
{
    if (year < 1 || year > kMaxYear || month < 1 || month > 12)
        return std::nullopt;
    return YearMonth(year * 12 + month - 1);
}

std::optional<YearMonth> YearMonth::parse(QStringView text)
{
    if (text.size() != 7 || text[4] != u'-')
        return std::nullopt;
    int year = 0;
    for (qsizetype i = 0; i < 4; ++i) {
        const int d = digit(text[i]);
        if (d < 0)
            return std::nullopt;
        year = year * 10 + d;
    }
    const int m1 = digit(text[5]);
    const int m2 = digit(text[6]);
    if (m1 < 0 || m2 < 0)
        return std::nullopt;
    return of(year, m1 * 10 + m2);
}

std::optional<std::pair<YearMonth, YearMonth>> YearMonth::parseRange(QStringView text)
{
    const qsizetype dots = text.indexOf(QLatin1String(".."));
    const std::optional<YearMonth> first = parse(dots < 0 ? text : text.left(dots));
    const std::optional<YearMonth> last = dots < 0 ? first : parse(text.mid(dots + 2));
    if (!first || !last || *first > *last)
        return std::nullopt;
    return std::make_pair(*first, *last);
}

QList<YearMonth> YearMonth::range(YearMonth first, YearMonth last)
{
    QList<YearMonth> out;
    if (!first.isValid() || !last.isValid() || first > last)
        return out;
    out.reserve(first.monthsTo(last) + 1);
    for (int i = first.m_index; i <= last.m_index; ++i)
        out.append(YearMonth(i));
    return out;
}

YearMonth YearMonth::ofDate(QDate date)
{
    if (!date.isValid())
        return YearMonth();
    return of(date.year(), date.month()).value_or(YearMonth());
}

QString YearMonth::toString() const
{
    if (!isValid())
        return QString();
    return QStringLiteral("%1-%2").arg(year(), 4, 10, QLatin1Char('0')).arg(month(), 2, 10, QLatin1Char('0'));
}

QDate YearMonth::firstDay() const
{
    return isValid() ? QDate(year(), month(), 1) : QDate();
}

QDate YearMonth::day(int day) const
{
    if (!isValid() || !QDate::isValid(year(), month(), day))
        return QDate();
    return QDate(year(), month(), day);
}

YearMonth YearMonth::addMonths(int months) const
{
    if (!isValid())
        return YearMonth();
    const qint64 index = qint64(m_index) + months;
    if (index < 12 || index >= qint64(kMaxYear + 1) * 12)
        return YearMonth();
    return YearMonth(int(index));
}

} // namespace shebao
