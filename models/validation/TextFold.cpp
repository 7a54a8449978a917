#include "models/validation/TextFold.h"

namespace shebao {

QChar TextFold::foldChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= 0xFF01 && u <= 0xFF5E)
        return QChar(char16_t(u - 0xFEE0));
    if (u == 0x3000)
        return QChar(u' ');
    return c;
}

QString TextFold::fold(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        out.append(foldChar(c));
    return out;
}

bool TextFold::isBlank(QChar c)
{
    // Zero-width space and BOM are not QChar::isSpace(), yet they arrive from copied web pages and
    // UTF-8 exports and are invisible to the user.
    return c.isSpace() || c.unicode() == 0x200B || c.unicode() == 0xFEFF;
}

QString TextFold::foldTrimmed(QStringView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isBlank(foldChar(text[begin])))
        ++begin;
    while (end > begin && isBlank(foldChar(text[end - 1])))
        --end;
    return fold(text.sliced(begin, end - begin));
}

QString TextFold::foldCompact(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const QChar f = foldChar(c);
        if (!isBlank(f))
            out.append(f);
    }
    return out;
}

bool TextFold::isAsciiDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (!isAsciiDigit(c))
            return false;
    }
    return true;
}

} // namespace shebao
