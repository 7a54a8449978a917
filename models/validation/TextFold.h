#pragma once

#include <QChar>
#include <QString>
#include <QStringView>

namespace shebao {

// Input typed with a Chinese IME or pasted from Excel/WPS carries full-width digits and letters,
// ideographic spaces and stray blanks. Every validator folds its input through these helpers first,
// so "４３０１０２" and "430102" are the same value everywhere.
class TextFold
{
public:
    // U+FF01..U+FF5E -> U+0021..U+007E, U+3000 -> ' '; every other character unchanged.
    static QChar foldChar(QChar c);
    static QString fold(QStringView text);
    // fold() then strip leading/trailing white space (also NBSP, zero-width space and BOM,
    // which Excel exports leave behind).
    static QString foldTrimmed(QStringView text);
    // foldTrimmed() with every remaining white space removed ("0731 8888 6666" -> "073188886666").
    static QString foldCompact(QStringView text);

    static bool isAsciiDigit(QChar c) { return c.unicode() >= u'0' && c.unicode() <= u'9'; }
    static bool isAsciiDigits(QStringView text); // non-empty and only 0-9
    static bool isBlank(QChar c);                 // white space, or a zero-width space / BOM
};

} // namespace shebao
