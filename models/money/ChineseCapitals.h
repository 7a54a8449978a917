#pragma once

#include <QString>

#include "models/money/Money.h"

namespace shebao {

// An amount in the Chinese financial capitals banks require on payment slips (人民币大写, the
// rules of 《支付结算办法》 附件一): 零壹贰叁肆伍陆柒捌玖 with 拾佰仟万亿, 元角分, "整" after 元 or 角
// when there are no fen, one 零 for any run of zeros between non-zero digits (also across 万 and
// 亿), and 零 after 元 when 角 is zero but 分 is not. 1318.26 → 壹仟叁佰壹拾捌元贰角陆分;
// 16409.02 → 壹万陆仟肆佰零玖元零贰分; 0.50 → 伍角整; 0 → 零元整; a negative amount starts with 负.
// Without the "人民币" prefix, which the form prints in front.
QString chineseCapitals(Money amount);

} // namespace shebao
