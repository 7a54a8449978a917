#include "models/policy/UInt128.h"

namespace shebao::uint128 {

namespace portable {

namespace {
constexpr quint64 kLow32 = 0xFFFFFFFFull;
}

UInt128 mul(quint64 a, quint64 b)
{
    const quint64 aLo = a & kLow32, aHi = a >> 32;
    const quint64 bLo = b & kLow32, bHi = b >> 32;
    const quint64 p0 = aLo * bLo;
    const quint64 p1 = aLo * bHi;
    const quint64 p2 = aHi * bLo;
    const quint64 p3 = aHi * bHi;
    // The middle column collects three 32-bit pieces; it cannot overflow 64 bits.
    const quint64 mid = (p0 >> 32) + (p1 & kLow32) + (p2 & kLow32);
    return UInt128{p3 + (p1 >> 32) + (p2 >> 32) + (mid >> 32), (p0 & kLow32) | (mid << 32)};
}

bool mulInPlace(UInt128 &value, quint64 factor)
{
    const UInt128 low = mul(value.lo, factor);
    const UInt128 high = mul(value.hi, factor);
    if (high.hi != 0)
        return false;
    const quint64 hi = high.lo + low.hi;
    if (hi < high.lo)
        return false;
    value = UInt128{hi, low.lo};
    return true;
}

quint32 divInPlace(UInt128 &value, quint32 divisor)
{
    const quint64 limbs[4] = {value.hi >> 32, value.hi & kLow32, value.lo >> 32, value.lo & kLow32};
    quint64 quotient[4] = {};
    quint64 rem = 0;
    // Each step divides a number below divisor × 2^32 <= 2^64, so 64-bit division is exact.
    for (int i = 0; i < 4; ++i) {
        const quint64 cur = (rem << 32) | limbs[i];
        quotient[i] = cur / divisor;
        rem = cur % divisor;
    }
    value = UInt128{(quotient[0] << 32) | quotient[1], (quotient[2] << 32) | quotient[3]};
    return quint32(rem);
}

} // namespace portable

#if defined(__SIZEOF_INT128__)

namespace {

// __extension__ keeps -Wpedantic quiet about the non-ISO type.
__extension__ typedef unsigned __int128 Native;

Native toNative(UInt128 v)
{
    return (Native(v.hi) << 64) | v.lo;
}

UInt128 fromNative(Native v)
{
    return UInt128{quint64(v >> 64), quint64(v)};
}

} // namespace

UInt128 mul(quint64 a, quint64 b)
{
    return fromNative(Native(a) * b);
}

bool mulInPlace(UInt128 &value, quint64 factor)
{
    const Native v = toNative(value);
    if (factor != 0 && v > ~Native(0) / factor)
        return false;
    value = fromNative(v * factor);
    return true;
}

quint32 divInPlace(UInt128 &value, quint32 divisor)
{
    const Native v = toNative(value);
    value = fromNative(v / divisor);
    return quint32(v % divisor);
}

#else

UInt128 mul(quint64 a, quint64 b) { return portable::mul(a, b); }
bool mulInPlace(UInt128 &value, quint64 factor) { return portable::mulInPlace(value, factor); }
quint32 divInPlace(UInt128 &value, quint32 divisor) { return portable::divInPlace(value, divisor); }

#endif

} // namespace shebao::uint128
