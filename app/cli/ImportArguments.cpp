#include "ImportArguments.h"

#include "ArgumentReader.h"
#include "models/policy/PolicyTable.h"

namespace shebao::cli {

Result<ImportArguments> ImportArguments::read(ArgumentReader &reader, const QString &command)
{
    const std::optional<QString> kindArg = reader.value(QStringLiteral("--kind"));
    const std::optional<QString> todayArg = reader.value(QStringLiteral("--today"));
    const std::optional<QString> policyArg = reader.value(QStringLiteral("--policy"));
    const QStringList files = reader.positional();
    if (!reader.missingValue().isEmpty())
        return usageError(QStringLiteral("选项 %1 缺少取值").arg(reader.missingValue()), reader.missingValue());
    if (const QString unknown = reader.unknown(); !unknown.isEmpty())
        return usageError(QStringLiteral("%1 不认识参数 %2").arg(command, unknown));
    if (files.size() != 1)
        return usageError(QStringLiteral("%1 需要且只需要一个文件").arg(command), QStringLiteral("file"));

    ImportArguments a;
    a.file = files.first();
    if (kindArg) {
        a.kind = ImportColumns::kindFromCode(*kindArg);
        if (!a.kind)
            return usageError(QStringLiteral("--kind 应为 add（新增/续保）或 reduce（减少），而不是“%1”").arg(*kindArg),
                              QStringLiteral("kind"));
    }
    if (todayArg) {
        a.options.today = QDate::fromString(*todayArg, Qt::ISODate);
        if (!a.options.today.isValid())
            return usageError(QStringLiteral("--today“%1”无效：应为 YYYY-MM-DD").arg(*todayArg), QStringLiteral("today"));
    }
    if (policyArg) {
        Result<PolicyTable> table = PolicyTable::load(*policyArg);
        if (!table)
            return table.error();
        a.options.policy = std::move(table).value();
    }
    return a;
}

} // namespace shebao::cli
