#pragma once

#include <QJsonValue>

#include <cmath>
#include <optional>

namespace shebao::json {

// A JSON number that is a whole number a double holds exactly (|n| ≤ 2^53), or nullopt.
// Casting 1e300 or NaN to an integer is undefined behaviour, so nothing read from the wire is
// cast without this check.
inline std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    constexpr double Limit = 9007199254740992.0; // 2^53
    if (!(d >= -Limit && d <= Limit) || std::trunc(d) != d)
        return std::nullopt;
    return qint64(d);
}

} // namespace shebao::json
