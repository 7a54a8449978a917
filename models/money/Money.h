#pragma once

#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace shebao {

// An amount of money in integer fen (1 yuan = 100 fen). Never a double: amounts are parsed
// from and formatted to decimal strings exactly.
class Money
{
public:
    constexpr Money() = default;
    static constexpr Money fromFen(qint64 fen) { return Money(fen); }

    // Parses yuan with at most two decimals: "5000", "5000.5", "5,000.00", "-12.30", full-width
    // digits are accepted. Returns nullopt for anything else (empty, three decimals, letters,
    // out of range).
    static std::optional<Money> parseYuan(QStringView text);

    constexpr qint64 fen() const { return m_fen; }
    // "5000.00", "-0.05": two decimals, no grouping (the API and file format).
    QString toYuanString() const;
    // "5,000.00": grouped for display.
    QString toDisplayString() const;

    constexpr Money operator+(Money o) const { return Money(m_fen + o.m_fen); }
    constexpr Money operator-(Money o) const { return Money(m_fen - o.m_fen); }
    constexpr Money &operator+=(Money o) { m_fen += o.m_fen; return *this; }
    constexpr Money &operator-=(Money o) { m_fen -= o.m_fen; return *this; }
    constexpr auto operator<=>(const Money &) const = default;

private:
    constexpr explicit Money(qint64 fen) : m_fen(fen) {}
    qint64 m_fen = 0;
};

} // namespace shebao
