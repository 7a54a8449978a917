#include "models/policy/RateMath.h"

#include "models/policy/UInt128.h"

#include <limits>

namespace shebao::RateMath {

namespace {

quint64 magnitude(qint64 v)
{
    return v < 0 ? quint64(0) - quint64(v) : quint64(v);
}

Error overflow(Money amount, Rate rate, qint64 factor)
{
    return Error{QStringLiteral("money.overflow"), QStringLiteral("金额超出可计算的范围"),
                 QStringLiteral("%1 × %2 × %3").arg(amount.toYuanString(), rate.toString()).arg(factor),
                 QString()};
}

} // namespace

Result<Money> apply(Money amount, Rate rate)
{
    return apply(amount, rate, 1);
}

Result<Money> apply(Money amount, Rate rate, qint64 factor)
{
    static_assert(Rate::kScale < (qint64(1) << 32), "divInPlace takes a 32-bit divisor");
    UInt128 product = uint128::mul(magnitude(amount.fen()), quint64(rate.scaled()));
    if (!uint128::mulInPlace(product, magnitude(factor)))
        return overflow(amount, rate, factor);
    const quint32 remainder = uint128::divInPlace(product, quint32(Rate::kScale));
    constexpr quint64 maxFen = quint64(std::numeric_limits<qint64>::max());
    if (product.hi != 0 || product.lo > maxFen)
        return overflow(amount, rate, factor);
    quint64 fen = product.lo;
    if (quint64(remainder) * 2 >= quint64(Rate::kScale)) {
        if (fen == maxFen)
            return overflow(amount, rate, factor);
        ++fen;
    }
    const bool negative = (amount.fen() < 0) != (factor < 0);
    return Money::fromFen(negative ? -qint64(fen) : qint64(fen));
}

} // namespace shebao::RateMath
