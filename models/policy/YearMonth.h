#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>
#include <utility>

namespace shebao {

// A calendar month ("费款所属期"), written "YYYY-MM" in files, the API and the CLI. Stored as a
// single month index so comparisons, ranges and "the month after" are plain integer arithmetic.
class YearMonth
{
public:
    constexpr YearMonth() = default; // invalid

    // Year 1–9999, month 1–12; nullopt otherwise.
    static std::optional<YearMonth> of(int year, int month);
    // Exactly "YYYY-MM" (four digits, dash, two digits, month 01–12); nothing else is accepted,
    // so "2024-3", "2024/03" and " 2024-03" are refused rather than guessed at.
    static std::optional<YearMonth> parse(QStringView text);
    // "2023-01..2023-06" (inclusive) or a single month "2023-01"; nullopt when malformed or
    // when the first month is after the last.
    static std::optional<std::pair<YearMonth, YearMonth>> parseRange(QStringView text);
    // Every month from `first` to `last` inclusive; empty when first > last or either is invalid.
    static QList<YearMonth> range(YearMonth first, YearMonth last);
    // The month containing a date.
    static YearMonth ofDate(QDate date);

    constexpr bool isValid() const { return m_index >= 12; }
    constexpr int year() const { return m_index / 12; }
    constexpr int month() const { return m_index % 12 + 1; }
    QString toString() const; // "2024-03"; empty when invalid
    QDate firstDay() const;
    // Day `day` of this month, or an invalid date when the month has no such day.
    QDate day(int day) const;

    YearMonth addMonths(int months) const;
    constexpr int monthsTo(YearMonth other) const { return other.m_index - m_index; }

    constexpr auto operator<=>(const YearMonth &) const = default;

private:
    constexpr explicit YearMonth(int index) : m_index(index) {}
    int m_index = -1; // year * 12 + (month - 1)
};

} // namespace shebao
