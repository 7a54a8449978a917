#include "models/policy/Rate.h"

namespace shebao {

namespace {

Error invalid(QStringView text)
{
    return Error{QStringLiteral("rate.invalid"),
                 QStringLiteral("费率格式错误：“%1”应为非负小数，最多 %2 位小数").arg(text).arg(Rate::kMaxDecimals),
                 text.toString(), QString()};
}

// `scaled` over 10^decimals written with no trailing fractional zeros.
QString decimalString(qint64 scaled, int decimals)
{
    qint64 divisor = 1;
    for (int i = 0; i < decimals; ++i)
        divisor *= 10;
    QString s = QString::number(scaled / divisor);
    qint64 fraction = scaled % divisor;
    if (fraction == 0)
        return s;
    QString digits = QStringLiteral("%1").arg(fraction, decimals, 10, QLatin1Char('0'));
    while (digits.endsWith(u'0'))
        digits.chop(1);
    return s + u'.' + digits;
}

} // namespace

Result<Rate> Rate::parse(QStringView text)
{
    qint64 whole = 0;
    qint64 fraction = 0;
    int intDigits = 0;
    int decimals = 0;
    bool inFraction = false;
    for (const QChar c : text) {
        if (c == u'.' && !inFraction) {
            inFraction = true;
            continue;
        }
        const char16_t u = c.unicode();
        if (u < u'0' || u > u'9')
            return invalid(text);
        if (inFraction) {
            if (++decimals > kMaxDecimals)
                return invalid(text);
            fraction = fraction * 10 + (u - u'0');
        } else {
            if (++intDigits > kMaxIntegerDigits)
                return invalid(text);
            whole = whole * 10 + (u - u'0');
        }
    }
    if (intDigits == 0 || (inFraction && decimals == 0))
        return invalid(text);
    for (int i = decimals; i < kMaxDecimals; ++i)
        fraction *= 10;
    return Rate(whole * kScale + fraction);
}

std::optional<Rate> Rate::fromScaled(qint64 scaled)
{
    if (scaled < 0 || scaled > kMaxScaled)
        return std::nullopt;
    return Rate(scaled);
}

QString Rate::toString() const
{
    return decimalString(m_scaled, kMaxDecimals);
}

QString Rate::toPercentString() const
{
    return decimalString(m_scaled, kMaxDecimals - 2) + u'%';
}

} // namespace shebao
