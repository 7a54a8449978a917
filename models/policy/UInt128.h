#pragma once

#include <QtGlobal>

namespace shebao {

// The few unsigned 128-bit operations the rate arithmetic needs: fen (< 2^63) times a rate
// numerator (< 2^47) times a day count overflows 64 bits long before the result does, so the
// product is formed exactly in 128 bits and divided back down once.
//
// GCC and Clang have a native unsigned __int128 and use it. MSVC has none, so the same operations
// exist in plain 64-bit code (32-bit limbs, the schoolbook method) under `portable`; that path is
// selected automatically where __SIZEOF_INT128__ is not defined, and tst_rate cross-checks it
// against the native one so the Windows build runs tested code.
struct UInt128
{
    quint64 hi = 0;
    quint64 lo = 0;

    bool operator==(const UInt128 &) const = default;
};

namespace uint128 {

// a × b, exact.
UInt128 mul(quint64 a, quint64 b);
// value × factor; false (value unspecified) when the product needs more than 128 bits.
bool mulInPlace(UInt128 &value, quint64 factor);
// value /= divisor, returning the remainder. divisor must be non-zero and below 2^32.
quint32 divInPlace(UInt128 &value, quint32 divisor);

namespace portable {
UInt128 mul(quint64 a, quint64 b);
bool mulInPlace(UInt128 &value, quint64 factor);
quint32 divInPlace(UInt128 &value, quint32 divisor);
} // namespace portable

} // namespace uint128

} // namespace shebao
