#include "models/import/ImportColumns.h"

#include "models/validation/TextFold.h"

namespace shebao {

const QList<ImportColumn> &ImportColumns::of(ImportKind kind)
{
    static const QList<ImportColumn> add = {
        {name(), true, QString(), 12, QStringLiteral("2–30 个字符：汉字、字母、·")},
        {idNumber(), true, QString(), 22, QStringLiteral("18 位（或旧 15 位）公民身份号码")},
        {gender(), false, QString(), 6, QStringLiteral("男 / 女，须与公民身份号码一致")},
        {ethnicity(), true, QStringLiteral("ethnicity"), 8, QStringLiteral("名称或代码")},
        {hukou(), true, QStringLiteral("hukou"), 10, QString()},
        {employmentForm(), true, QStringLiteral("employment_form"), 10, QString()},
        {identity(), false, QStringLiteral("identity"), 10, QStringLiteral("工人 / 干部（决定退休年龄）")},
        {workStartDate(), true, QString(), 14, QStringLiteral("如 2024-03-05")},
        {startMonth(), true, QString(), 14, QStringLiteral("如 2024-03；最早为本月往前两个月")},
        {wage(), true, QString(), 12, QStringLiteral("元，最多两位小数")},
        {phone(), true, QString(), 16, QStringLiteral("手机号或 0731-88886666")},
        {insurances(), false, QStringLiteral("insurance"), 16, QStringLiteral("代码或名称，逗号或顿号分隔；默认 110,210,410")},
    };
    static const QList<ImportColumn> reduce = {
        {name(), true, QString(), 12, QStringLiteral("2–30 个字符：汉字、字母、·")},
        {idNumber(), true, QString(), 22, QStringLiteral("18 位（或旧 15 位）公民身份号码")},
        {changeType(), true, QStringLiteral("change_type"), 10, QString()},
        {changeReason(), true, QStringLiteral("change_reason"), 14, QStringLiteral("须属于所选变更类型")},
        {stopMonth(), true, QString(), 14, QStringLiteral("如 2024-03；最早为本月往前两个月")},
    };
    return kind == ImportKind::Add ? add : reduce;
}

QStringList ImportColumns::requiredHeaders(ImportKind kind)
{
    QStringList out;
    for (const ImportColumn &c : of(kind)) {
        if (c.required)
            out.append(c.header);
    }
    return out;
}

std::optional<ImportColumn> ImportColumns::column(ImportKind kind, QStringView header)
{
    const QString key = normalizeHeader(header);
    for (const ImportColumn &c : of(kind)) {
        if (c.header == key)
            return c;
    }
    return std::nullopt;
}

QString ImportColumns::normalizeHeader(QStringView text)
{
    QString key = TextFold::foldCompact(text);
    key.remove(u'*');
    key.remove(QStringLiteral("(必填)"));
    key.remove(QStringLiteral("(选填)"));
    return key;
}

QString ImportColumns::kindCode(ImportKind kind)
{
    return kind == ImportKind::Add ? QStringLiteral("add") : QStringLiteral("reduce");
}

std::optional<ImportKind> ImportColumns::kindFromCode(QStringView code)
{
    if (code == u"add")
        return ImportKind::Add;
    if (code == u"reduce")
        return ImportKind::Reduce;
    return std::nullopt;
}

QString ImportColumns::kindTitle(ImportKind kind)
{
    return kind == ImportKind::Add ? QStringLiteral("新增/续保") : QStringLiteral("减少");
}

} // namespace shebao
