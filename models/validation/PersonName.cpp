#include "models/validation/PersonName.h"

#include "models/validation/TextFold.h"

#include <QList>

namespace shebao {

namespace {

constexpr char32_t kMiddleDot = 0x00B7;

bool isMiddleDotLike(char32_t c)
{
    return c == kMiddleDot || c == 0x30FB || c == 0xFF65 || c == 0x2022 || c == 0x2027
        || c == 0x2219 || c == 0x22C5;
}

bool isIdeograph(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF)       // CJK Unified Ideographs
        || (c >= 0x3400 && c <= 0x4DBF)       // Extension A
        || (c >= 0x20000 && c <= 0x323AF)     // Extensions B-H (rare characters in names)
        || (c >= 0xF900 && c <= 0xFAFF)       // Compatibility Ideographs
        || (c >= 0x2F800 && c <= 0x2FA1F)     // Compatibility Supplement
        || c == 0x3007;                       // 〇, used in names
}

bool isLatinLetter(char32_t c)
{
    return QChar::isLetter(c) && QChar::script(c) == QChar::Script_Latin;
}

bool isBlank(char32_t c)
{
    return c < 0x10000 && TextFold::isBlank(QChar(char16_t(c)));
}

Error nameError(const QString &message, const QString &input)
{
    return Error{QStringLiteral("name.invalid"), message, input, PersonName::fieldName()};
}

} // namespace

QString PersonName::fieldName()
{
    return QStringLiteral("姓名");
}

Result<QString> PersonName::normalize(QStringView text)
{
    const QString input = TextFold::foldTrimmed(text);
    if (input.isEmpty())
        return nameError(QStringLiteral("姓名不能为空"), input);

    QList<char32_t> out;
    const QList<uint> codePoints = input.toUcs4();
    for (qsizetype i = 0; i < codePoints.size(); ++i) {
        const char32_t c = codePoints[i];
        if (isMiddleDotLike(c)) {
            if (out.isEmpty() || out.last() == kMiddleDot || i + 1 == codePoints.size())
                return nameError(QStringLiteral("姓名中的间隔号“·”只能出现在两个字之间"), input);
            out.append(kMiddleDot);
        } else if (isBlank(c)) {
            // Runs of blanks collapse to one; only allowed between two Latin letters.
            qsizetype next = i;
            while (next + 1 < codePoints.size() && isBlank(codePoints[next + 1]))
                ++next;
            if (out.isEmpty() || !isLatinLetter(out.last()) || next + 1 == codePoints.size()
                || !isLatinLetter(codePoints[next + 1])) {
                return nameError(QStringLiteral("姓名中不能有空格（外文姓名的单词之间除外）"), input);
            }
            out.append(U' ');
            i = next;
        } else if (isIdeograph(c) || isLatinLetter(c)) {
            out.append(c);
        } else {
            return nameError(QStringLiteral("姓名只能包含汉字、字母和间隔号“·”，不能包含“%1”")
                                 .arg(QString::fromUcs4(&c, 1)),
                             input);
        }
    }
    if (out.size() < kMinLength || out.size() > kMaxLength) {
        return nameError(QStringLiteral("姓名应为 %1–%2 个字，实际为 %3 个").arg(kMinLength).arg(kMaxLength).arg(out.size()),
                         input);
    }
    return QString::fromUcs4(out.constData(), out.size());
}

} // namespace shebao
