#include "models/validation/CreditCode.h"

#include "models/validation/TextFold.h"

namespace shebao {

namespace {

constexpr QLatin1String kCharset("0123456789ABCDEFGHJKLMNPQRTUWXY");
// 3^(i-1) mod 31 for positions 1..17.
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr int kOrgWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};

int symbolValue(QChar c)
{
    return int(kCharset.indexOf(c));
}

// GB 11714 values: 0-9 as digits, A-Z as 10-35 (the whole alphabet, unlike GB 32100).
int orgValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'A' && u <= u'Z')
        return u - u'A' + 10;
    return -1;
}

Error creditError(const QString &code, const QString &message, const QString &input)
{
    return Error{code, message, input, CreditCode::fieldName()};
}

QString normalize(QStringView text)
{
    return TextFold::foldTrimmed(text).toUpper();
}

Result<void> checkFormat(const QString &s)
{
    if (s.isEmpty())
        return creditError(QStringLiteral("creditcode.format"), QStringLiteral("统一社会信用代码不能为空"), s);
    if (s.size() != 18) {
        return creditError(QStringLiteral("creditcode.format"),
                           QStringLiteral("统一社会信用代码应为 18 位，实际为 %1 位").arg(s.size()), s);
    }
    for (const QChar c : s) {
        if (symbolValue(c) < 0) {
            return creditError(QStringLiteral("creditcode.format"),
                               QStringLiteral("统一社会信用代码含有无效字符“%1”（只允许数字和除 I、O、S、V、Z 以外的大写字母）")
                                   .arg(c),
                               s);
        }
    }
    if (!TextFold::isAsciiDigits(QStringView(s).mid(2, 6))) {
        return creditError(QStringLiteral("creditcode.format"),
                           QStringLiteral("统一社会信用代码第 3–8 位应为行政区划代码（6 位数字）"), s);
    }
    return {};
}

Result<void> checkChecksum(const QString &s)
{
    const QChar expected = CreditCode::checkCharacter(QStringView(s).left(17));
    if (expected != s.back()) {
        return creditError(QStringLiteral("creditcode.checksum"),
                           QStringLiteral("统一社会信用代码校验位错误，应为 %1").arg(expected), s);
    }
    return {};
}

Result<void> checkOrganization(const QString &s)
{
    const QChar expected = CreditCode::organizationCheckCharacter(QStringView(s).mid(8, 8));
    if (expected != s.at(16)) {
        return creditError(QStringLiteral("creditcode.orgcode"),
                           QStringLiteral("统一社会信用代码中的组织机构代码校验位错误（第 17 位应为 %1）").arg(expected),
                           s);
    }
    return {};
}

} // namespace

QString CreditCode::fieldName()
{
    return QStringLiteral("统一社会信用代码");
}

QChar CreditCode::checkCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const int v = symbolValue(first17[i]);
        if (v < 0)
            return {};
        sum += v * kWeights[i];
    }
    const int check = (31 - sum % 31) % 31;
    return kCharset[check];
}

QChar CreditCode::organizationCheckCharacter(QStringView first8)
{
    if (first8.size() != 8)
        return {};
    int sum = 0;
    for (int i = 0; i < 8; ++i) {
        const int v = orgValue(first8[i]);
        if (v < 0)
            return {};
        sum += v * kOrgWeights[i];
    }
    const int check = 11 - sum % 11;
    if (check == 10)
        return QChar(u'X');
    if (check == 11)
        return QChar(u'0');
    return QChar(char16_t(u'0' + check));
}

Result<CreditCode> CreditCode::parse(QStringView text)
{
    const QString s = normalize(text);
    if (const Result<void> r = checkFormat(s); !r)
        return r.error();
    if (const Result<void> r = checkChecksum(s); !r)
        return r.error();
    CreditCode code;
    code.m_code = s;
    return code;
}

QList<Error> CreditCode::check(QStringView text)
{
    const QString s = normalize(text);
    if (const Result<void> r = checkFormat(s); !r)
        return {r.error()};
    QList<Error> errors;
    if (const Result<void> r = checkChecksum(s); !r)
        errors.append(r.error());
    if (const Result<void> r = checkOrganization(s); !r)
        errors.append(r.error());
    return errors;
}

bool CreditCode::organizationCodeValid() const
{
    return checkOrganization(m_code).ok();
}

Result<void> CreditCode::organizationCodeError() const
{
    return checkOrganization(m_code);
}

} // namespace shebao
