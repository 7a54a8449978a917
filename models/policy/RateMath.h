#pragma once

#include "models/core/Result.h"
#include "models/money/Money.h"
#include "models/policy/Rate.h"

namespace shebao {

// The two products of the contribution method (shared/domain/arrears.md, docs/policy.md).
// Rounding is half-up on the magnitude (0.005 -> 0.01, -0.005 -> -0.01), the 四舍五入 of
// Chinese bookkeeping. Products are formed exactly in 128 bits; a result that does not fit in
// Money fails with "money.overflow" instead of wrapping.
namespace RateMath {

// amount × rate, rounded to the fen (step 3: one 险种's unit or personal share).
Result<Money> apply(Money amount, Rate rate);
// amount × rate × factor, rounded to the fen ONCE at the end (step 6: principal × daily rate
// × days). Rounding the daily fee first and multiplying by the days would drift by up to
// days/2 fen.
Result<Money> apply(Money amount, Rate rate, qint64 factor);

} // namespace RateMath

} // namespace shebao
