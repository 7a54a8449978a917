#include "models/bill/BillNumber.h"

namespace shebao::BillNumber {

namespace {

// One step of the MOD 11,10 hybrid system (GB/T 17710 = ISO 7064): the running product P starts
// at 10; per digit, S = (P + d) mod 10 (10 when 0), P = (2 × S) mod 11.
int step(int product, int digit)
{
    int sum = (product + digit) % 10;
    if (sum == 0)
        sum = 10;
    return (2 * sum) % 11;
}

bool allDigits(QStringView text)
{
    for (QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

} // namespace

QChar checkDigit(QStringView digits)
{
    int product = 10;
    for (QChar c : digits)
        product = step(product, c.unicode() - u'0');
    // The check digit c makes (P + c) mod 10 == 1.
    return QChar(u'0' + (11 - product) % 10);
}

bool isValid(QStringView number)
{
    return number.size() == Length && allDigits(number) && checkDigit(number.first(Length - 1)) == number.back();
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
