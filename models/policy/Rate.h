#pragma once

#include "models/core/Result.h"

#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace shebao {

// An exact, non-negative decimal rate ("0.16", "0.0005", "1"), stored as an integer numerator
// over 10^8. Rates come from policy files as strings and never pass through a double, so
// 0.007 is exactly seven thousandths and every product with Money is exact until the one
// rounding the method prescribes (see RateMath.h and docs/policy.md).
class Rate
{
public:
    static constexpr int kMaxDecimals = 8;
    static constexpr qint64 kScale = 100'000'000;             // 10^kMaxDecimals
    static constexpr int kMaxIntegerDigits = 6;               // rates up to 999999.99999999
    static constexpr qint64 kMaxScaled = 1'000'000 * kScale - 1;

    constexpr Rate() = default; // zero

    // Digits with an optional fraction of 1–8 digits: "0", "1", "0.16", "0.0005", "16.5".
    // Refused (error code "rate.invalid"): empty, signs, exponents, spaces, ".5", "5.",
    // more than 8 decimals or more than 6 integer digits, full-width digits.
    static Result<Rate> parse(QStringView text);
    // numerator / 10^8; nullopt when negative or above kMaxScaled.
    static std::optional<Rate> fromScaled(qint64 scaled);

    constexpr qint64 scaled() const { return m_scaled; }
    constexpr bool isZero() const { return m_scaled == 0; }
    // Shortest exact decimal: "0.0005", "0.16", "1", "0".
    QString toString() const;
    // The same value in percent for display: "0.05%", "16%", "0.7%".
    QString toPercentString() const;

    constexpr auto operator<=>(const Rate &) const = default;

private:
    constexpr explicit Rate(qint64 scaled) : m_scaled(scaled) {}
    qint64 m_scaled = 0;
};

} // namespace shebao
