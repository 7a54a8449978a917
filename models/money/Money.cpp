#include "models/money/Money.h"

#include <limits>

namespace shebao {

namespace {

// Full-width digits and punctuation are folded here too, so a figure typed with a Chinese IME
// parses the same as an ASCII one.
QChar foldChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= 0xFF01 && u <= 0xFF5E)
        return QChar(char16_t(u - 0xFEE0));
    return c;
}

// |fen| without the overflow of -fen for the most negative qint64.
quint64 magnitude(qint64 fen)
{
    return fen < 0 ? quint64(0) - quint64(fen) : quint64(fen);
}

} // namespace

std::optional<Money> Money::parseYuan(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    qsizetype i = 0;
    bool negative = false;
    if (foldChar(t[0]) == u'-') {
        negative = true;
        ++i;
    }
    // The largest whole yuan whose fen (plus up to 99) still fits in qint64.
    constexpr qint64 maxYuan = (std::numeric_limits<qint64>::max() - 99) / 100;
    qint64 yuan = 0;
    int intDigits = 0;
    int decimals = 0;
    qint64 fraction = 0;
    bool inFraction = false;
    // Grouping commas must separate groups of exactly three digits ("5,000.00"): a loose comma
    // such as "50,00" may be a decimal comma and must not silently become 5000.
    bool grouped = false;
    int groupDigits = 0;
    for (; i < t.size(); ++i) {
        const QChar c = foldChar(t[i]);
        if (c == u',' && !inFraction) {
            if (intDigits == 0 || (grouped ? groupDigits != 3 : groupDigits > 3))
                return std::nullopt;
            grouped = true;
            groupDigits = 0;
            continue;
        }
        if (c == u'.' && !inFraction) {
            if (grouped && groupDigits != 3)
                return std::nullopt;
            inFraction = true;
            continue;
        }
        if (!c.isDigit() || c.unicode() > u'9')
            return std::nullopt;
        const int d = c.unicode() - u'0';
        if (inFraction) {
            if (++decimals > 2)
                return std::nullopt;
            fraction = fraction * 10 + d;
        } else {
            if (yuan > (maxYuan - d) / 10)
                return std::nullopt;
            yuan = yuan * 10 + d;
            ++intDigits;
            ++groupDigits;
        }
    }
    if (intDigits == 0 && decimals == 0)
        return std::nullopt;
    if (grouped && !inFraction && groupDigits != 3)
        return std::nullopt;
    if (decimals == 1)
        fraction *= 10;
    const qint64 fen = yuan * 100 + fraction;
    return Money(negative ? -fen : fen);
}

QString Money::toYuanString() const
{
    const quint64 a = magnitude(m_fen);
    QString s = QString::number(a / 100) + u'.' + QStringLiteral("%1").arg(a % 100, 2, 10, QLatin1Char('0'));
    return m_fen < 0 ? u'-' + s : s;
}

QString Money::toDisplayString() const
{
    const quint64 a = magnitude(m_fen);
    QString whole = QString::number(a / 100);
    for (qsizetype pos = whole.size() - 3; pos > 0; pos -= 3)
        whole.insert(pos, u',');
    QString s = whole + u'.' + QStringLiteral("%1").arg(a % 100, 2, 10, QLatin1Char('0'));
    return m_fen < 0 ? u'-' + s : s;
}

} // namespace shebao
