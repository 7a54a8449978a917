#pragma once

#include "models/money/Money.h"

#include <QString>

namespace shebao {

// Which limit a declared wage was clamped to. 确认工资 (issue 4) warns instead of silently
// clamping, so it needs to know which way and what the limits were.
enum class BaseClamp { None, Lower, Upper };

// "none", "lower", "upper": stable codes for JSON and the CLI.
inline QString baseClampCode(BaseClamp clamp)
{
    switch (clamp) {
    case BaseClamp::Lower: return QStringLiteral("lower");
    case BaseClamp::Upper: return QStringLiteral("upper");
    case BaseClamp::None: break;
    }
    return QStringLiteral("none");
}

// A wage clamped to one period's contribution base limits.
struct ClampedBase
{
    Money wage;  // as declared
    Money base;  // applied: wage clamped to [lower, upper]
    BaseClamp clamp = BaseClamp::None;
    Money lower;
    Money upper;
    QString period; // label of the period whose limits applied, "2024-01..2024-12"

    bool operator==(const ClampedBase &) const = default;
};

} // namespace shebao
