#include "models/validation/Phone.h"

#include "models/validation/TextFold.h"

#include <QStringList>

#include <utility>

namespace shebao {

namespace {

Error phoneError(const QString &input)
{
    return Error{QStringLiteral("phone.invalid"),
                 QStringLiteral("联系电话应为 11 位手机号码（1 开头）或带区号的固定电话（如 0731-88886666）"),
                 input, Phone::fieldName()};
}

bool isMobile(QStringView digits)
{
    return digits.size() == 11 && TextFold::isAsciiDigits(digits) && digits[0] == u'1' && digits[1] >= u'3';
}

int areaCodeLength(QStringView digits)
{
    if (digits.size() < 3 || digits[0] != u'0')
        return 0;
    if (digits[1] == u'1')
        return digits[2] == u'0' ? 3 : 0; // only 010 (北京) exists in 01x
    if (digits[1] == u'2')
        return 3;
    return digits[1] == u'0' ? 0 : 4;
}

bool isLocalNumber(QStringView digits)
{
    return (digits.size() == 7 || digits.size() == 8) && TextFold::isAsciiDigits(digits)
        && digits[0] >= u'2';
}

// Splits off a trailing extension written as "转123", "ext123", "ext.123", "x123" or "#123";
// the hyphen form ("-123") is recognised later from the digit groups.
QString takeExtension(QString &s)
{
    const qsizetype end = s.size();
    qsizetype i = end;
    while (i > 0 && TextFold::isAsciiDigit(s[i - 1]))
        --i;
    if (i == end || end - i > 6)
        return {};
    const QString digits = s.mid(i);
    while (i > 0 && s[i - 1].isSpace())
        --i;
    const QStringView head = QStringView(s).left(i);
    for (const QString &marker : {QStringLiteral("ext."), QStringLiteral("ext"), QStringLiteral("x"),
                                  QStringLiteral("#"), QStringLiteral("转")}) {
        if (head.endsWith(marker, Qt::CaseInsensitive)) {
            s.truncate(i - marker.size());
            return digits;
        }
    }
    return {};
}

} // namespace

QString Phone::fieldName()
{
    return QStringLiteral("联系电话");
}

QString Phone::number() const
{
    if (m_kind == Kind::Mobile)
        return m_local;
    QString s = m_areaCode + u'-' + m_local;
    if (!m_extension.isEmpty())
        s += u'-' + m_extension;
    return s;
}

Result<Phone> Phone::parse(QStringView text)
{
    const QString input = TextFold::foldTrimmed(text);
    QString s = input;
    QString extension = takeExtension(s);
    if (s.startsWith(QLatin1String("+86")))
        s.remove(0, 3);

    // Digit groups separated by blanks, hyphens or the parentheses of "(0731)88886666".
    QStringList groups;
    QString current;
    for (const QChar c : std::as_const(s)) {
        if (TextFold::isAsciiDigit(c)) {
            current.append(c);
        } else if (c.isSpace() || c == u'-' || c == u'(' || c == u')') {
            if (!current.isEmpty())
                groups.append(std::exchange(current, QString()));
        } else {
            return phoneError(input);
        }
    }
    if (!current.isEmpty())
        groups.append(current);
    if (groups.isEmpty())
        return phoneError(input);

    Phone phone;
    if (groups.first().startsWith(u'1')) {
        // Mobile numbers are written in any grouping ("138 1234 5678", "138-1234-5678").
        const QString digits = groups.join(QString());
        if (!extension.isEmpty() || !isMobile(digits))
            return phoneError(input);
        phone.m_kind = Kind::Mobile;
        phone.m_local = digits;
        return phone;
    }

    // Landline: "[area][local]" joined, or area and local separated; the local number may itself
    // be split in two ("0731-8888-6666"); a last group is the extension.
    QString area;
    QString local;
    if (groups[0].size() > 4) {
        const int len = areaCodeLength(groups[0]);
        if (len == 0)
            return phoneError(input);
        area = groups[0].left(len);
        local = groups[0].mid(len);
        groups.removeFirst();
    } else {
        area = groups.takeFirst();
        if (areaCodeLength(area) != area.size() || groups.isEmpty())
            return phoneError(input);
        local = groups.takeFirst();
        if ((local.size() == 3 || local.size() == 4) && !groups.isEmpty() && groups[0].size() == 4)
            local += groups.takeFirst();
    }
    if (groups.size() > 1 || (groups.size() == 1 && !extension.isEmpty()))
        return phoneError(input);
    if (groups.size() == 1)
        extension = groups[0];
    if (!isLocalNumber(local) || extension.size() > 6)
        return phoneError(input);

    phone.m_kind = Kind::Landline;
    phone.m_areaCode = area;
    phone.m_local = local;
    phone.m_extension = extension;
    return phone;
}

} // namespace shebao
