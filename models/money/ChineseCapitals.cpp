#include "models/money/ChineseCapitals.h"

#include <QList>

namespace shebao {

namespace {

constexpr char16_t Digits[] = u"零壹贰叁肆伍陆柒捌玖";
constexpr char16_t Places[] = u"\0拾佰仟"; // within a group of four digits
const QString Groups[] = {QString(), QStringLiteral("万"), QStringLiteral("亿"), QStringLiteral("万亿")};

// The whole yuan, read group of four digits by group from the top. A zero is written once for
// each run of zeros that stands between two non-zero digits, wherever the run is.
QString yuanText(quint64 yuan)
{
    if (yuan == 0)
        return QString();
    QList<int> groups; // least significant first
    for (quint64 rest = yuan; rest > 0; rest /= 10000)
        groups.append(int(rest % 10000));
    QString text;
    bool zeroPending = false;
    for (qsizetype g = groups.size() - 1; g >= 0; --g) {
        const int group = groups.at(g);
        if (group == 0) {
            zeroPending = !text.isEmpty();
            continue;
        }
        for (int place = 3; place >= 0; --place) {
            int power = 1;
            for (int i = 0; i < place; ++i)
                power *= 10;
            const int digit = group / power % 10;
            if (digit == 0) {
                zeroPending = zeroPending || !text.isEmpty();
                continue;
            }
            if (zeroPending)
                text += Digits[0];
            zeroPending = false;
            text += Digits[digit];
            if (place > 0)
                text += Places[place];
        }
        text += Groups[g];
    }
    return text;
}

} // namespace

QString chineseCapitals(Money amount)
{
    const qint64 fen = amount.fen();
    // qint64's minimum has no positive counterpart; as unsigned it still reads right.
    const quint64 magnitude = fen < 0 ? quint64(0) - quint64(fen) : quint64(fen);
    const quint64 yuan = magnitude / 100;
    const int jiao = int(magnitude / 10 % 10);
    const int fenDigit = int(magnitude % 10);
    if (yuan / 10000 / 10000 / 10000 / 10000 > 0) // beyond 万亿: never on a slip
        return amount.toYuanString();

    QString text = fen < 0 ? QStringLiteral("负") : QString();
    const QString whole = yuanText(yuan);
    if (!whole.isEmpty())
        text += whole + u'元';
    if (jiao == 0 && fenDigit == 0)
        return text + (whole.isEmpty() ? QStringLiteral("零元整") : QStringLiteral("整"));
    if (jiao != 0)
        text += QString(Digits[jiao]) + u'角';
    else if (!whole.isEmpty())
        text += Digits[0];
    if (fenDigit != 0)
        text += QString(Digits[fenDigit]) + u'分';
    else
        text += u'整';
    return text;
}

} // namespace shebao
