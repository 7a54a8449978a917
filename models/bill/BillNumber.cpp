#include "models/bill/BillNumber.h"

namespace shebao::BillNumber {

namespace {

// Damm's weakly totally anti-symmetric quasigroup of order 10 (H. Michael Damm, 2004).
constexpr int Quasigroup[10][10] = {
    {0, 3, 1, 7, 5, 9, 8, 6, 4, 2}, {7, 0, 9, 2, 1, 5, 4, 8, 6, 3}, {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
    {1, 7, 5, 0, 9, 8, 3, 4, 2, 6}, {6, 1, 2, 3, 0, 4, 5, 9, 7, 8}, {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
    {5, 8, 6, 9, 7, 2, 0, 1, 3, 4}, {8, 9, 4, 5, 3, 6, 2, 0, 1, 7}, {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
    {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};

bool allDigits(QStringView text)
{
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

// The interim digit after the whole string; the check digit of a string is its interim, and a
// string ending in its check digit has interim 0.
int interim(QStringView digits)
{
    int state = 0;
    for (QChar c : digits)
        state = Quasigroup[state][c.unicode() - u'0'];
    return state;
}

} // namespace

QChar checkDigit(QStringView digits)
{
    return QChar(u'0' + interim(digits));
}

bool isValid(QStringView number)
{
    return number.size() == Length && allDigits(number) && interim(number) == 0;
}

QString normalize(QStringView typed)
{
    QString folded;
    folded.reserve(typed.size());
    for (QChar c : typed) {
        const char16_t u = c.unicode();
        if (u >= u'\uFF10' && u <= u'\uFF19')
            folded.append(QChar(u'0' + (u - u'\uFF10')));
        else if (c.isSpace() || u == u'-' || u == u'\uFF0D' || u == u'\u2014' || u == u'\u3000')
            continue;
        else
            folded.append(c);
    }
    return folded.size() == Length && allDigits(folded) ? folded : QString();
}

QString make(QDate issueDate, qint64 sequence)
{
    if (!issueDate.isValid() || issueDate.year() < 1000 || issueDate.year() > 9999 || sequence < 1
        || sequence > 99'999'999)
        return {};
    const QString body = issueDate.toString(QStringLiteral("yyyyMMdd"))
                         + QStringLiteral("%1").arg(sequence, 8, 10, QLatin1Char('0'));
    return body + checkDigit(body);
}

} // namespace shebao::BillNumber
