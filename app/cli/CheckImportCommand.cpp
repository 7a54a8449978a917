#include <QFileInfo>

#include "ArgumentReader.h"
#include "CliContext.h"
#include "ImportArguments.h"
#include "Command.h"
#include "TextTable.h"
#include "models/import/ImportChecker.h"
#include "models/import/ImportReport.h"

namespace shebao::cli {

namespace {

// What each rule left to the server means, for the human report.
QString skippedRuleText(const QString &code)
{
    if (code == QLatin1String("person.enrolled"))
        return QStringLiteral("该人员是否已在本单位或其他单位参保（需联网由服务器核对）");
    if (code == QLatin1String("person.not_enrolled"))
        return QStringLiteral("该人员是否在本单位参保、能否减少（需联网由服务器核对）");
    return code;
}

// 异动 batch import check without a server (issue 4; shared/domain/import.md): exit 0 no
// errors, 1 errors found (listed), 2 the file could not be read or is not an import sheet.
class CheckImportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("check-import"); }
    QString usage() const override
    {
        return QStringLiteral("check-import FILE [--kind add|reduce] [--today YYYY-MM-DD] [--policy FILE]");
    }
    QString summary() const override { return QStringLiteral("check an .xlsx/.csv 异动 import file (no server)"); }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        Result<ImportArguments> arguments = ImportArguments::read(reader, name());
        if (!arguments)
            return context.fail(arguments.error());
        const QString file = arguments.value().file;
        const std::optional<ImportKind> kind = arguments.value().kind;
        ImportCheckOptions options = std::move(arguments.value().options);

        const ImportChecker checker(std::move(options));
        Result<ImportResult> result = checker.checkFile(file, kind);
        if (!result)
            return context.fail(result.error());
        const ImportResult &r = result.value();
        if (context.json()) {
            context.out() << QString::fromUtf8(importReportJson(r, file));
        } else {
            printHuman(context.out(), r, file);
        }
        return r.hasErrors() ? ExitInputProblems : ExitOk;
    }

private:
    static void printHuman(QTextStream &out, const ImportResult &r, const QString &file)
    {
        out << QFileInfo(file).fileName() << "：" << ImportColumns::kindTitle(r.kind) << "，工作表“" << r.sheetName
            << "”，表头在第 " << r.headerRow << " 行\n";
        out << "数据行 " << r.rows << "，无错误 " << r.valid << "，错误 " << r.errorCount() << " 处，提醒 "
            << r.warningCount() << " 处\n";
        if (!r.problems.isEmpty()) {
            TextTable table({QStringLiteral("行"), QStringLiteral("列"), QStringLiteral("级别"), QStringLiteral("代码"),
                             QStringLiteral("说明")});
            for (const ImportProblem &p : r.problems) {
                table.addRow({QString::number(p.row), p.column,
                              p.isError() ? QStringLiteral("错误") : QStringLiteral("提醒"), p.code, p.message});
            }
            out << '\n';
            table.print(out);
        }
        if (!r.skippedRules.isEmpty()) {
            out << "\n未检查（离线检查时跳过，需服务器核对的规则）：\n";
            for (const QString &code : r.skippedRules)
                out << "  " << code << "：" << skippedRuleText(code) << '\n';
        }
    }
};

const RegisterCommand<CheckImportCommand> registered;

} // namespace

} // namespace shebao::cli
