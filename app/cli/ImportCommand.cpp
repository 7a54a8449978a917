#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include "ArgumentReader.h"
#include "CliContext.h"
#include "ImportArguments.h"
#include "CliSession.h"
#include "Command.h"
#include "TextTable.h"
#include "app/ApiErrors.h"
#include "app/ImportItems.h"
#include "app/OutboxService.h"
#include "models/declaration/DeclarationJson.h"
#include "models/import/ImportChecker.h"
#include "models/validation/IdNumber.h"

namespace shebao::cli {

namespace {

// One row of the file that went to the server (or stayed queued).
struct SubmittedRow
{
    int row = 0;
    DeclarationItem item;
    OutboxEntry entry;
};

// A problem of the report: the file's own (ImportProblem) or the server's refusal of a row.
struct ReportProblem
{
    int row = 0;
    QString column;
    QString code;
    QString severity; // "error" | "warning"
    QString message;
    QString source;   // "file" | "server"
};

// The server's refusal of one row as problems: one per errors[] member of a 422, otherwise the
// problem itself (409 person.enrolled, kind.mismatch, ...).
QList<ReportProblem> refusalProblems(int row, const Error &error)
{
    QList<ReportProblem> list;
    const QJsonArray errors = api::problemOf(error).value(QLatin1String("errors")).toArray();
    for (const QJsonValue &value : errors) {
        const QJsonObject e = value.toObject();
        list.append({row, importColumnOfField(e.value(QLatin1String("field")).toString()),
                     e.value(QLatin1String("code")).toString(), QStringLiteral("error"),
                     e.value(QLatin1String("detail")).toString(), QStringLiteral("server")});
    }
    if (list.isEmpty())
        list.append({row, importColumnOfField(error.field), error.code, QStringLiteral("error"), error.message,
                     QStringLiteral("server")});
    return list;
}

// shebao-cli import FILE: the file is checked like check-import, the valid rows are saved as
// pending items through the outbox (POST /declarations/items/bulk), and every problem is listed:
// the file's, with rows as Excel numbers them, and the server's refusals per row. Rows of a
// 新增/续保 sheet go as 新增; those the server says are 续保 (kind.mismatch) are sent again as
// 续保 by OutboxService::submitImport. Exit 0: every
// row saved; 1: some rows had problems (the good ones were saved all the same); 2: cannot run
// (unreadable file, no login, the connection was lost: what was not sent stays queued locally).
class ImportCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("import"); }
    QString usage() const override
    {
        return QStringLiteral("import FILE [--kind add|reduce] [--today YYYY-MM-DD] [--policy FILE] [--cache FILE]");
    }
    QString summary() const override
    {
        return QStringLiteral("check an .xlsx/.csv 异动 file and save its valid rows as pending items (needs a login)");
    }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        // Before ImportArguments: the value of --cache must not be taken for the FILE.
        const std::optional<QString> cacheArg = reader.value(QStringLiteral("--cache"));
        Result<ImportArguments> arguments = ImportArguments::read(reader, name());
        if (!arguments)
            return context.fail(arguments.error());
        const std::optional<ImportKind> kind = arguments.value().kind;
        ImportCheckOptions options = std::move(arguments.value().options);

        // The file first: an unreadable file needs no login.
        const QString file = arguments.value().file;
        Result<ImportResult> checked = ImportChecker(std::move(options)).checkFile(file, kind);
        if (!checked)
            return context.fail(checked.error());
        const ImportResult &r = checked.value();

        QList<ReportProblem> problems;
        for (const ImportProblem &p : r.problems)
            problems.append({p.row, p.column, p.code, ImportProblem::severityCode(p.severity), p.message,
                             QStringLiteral("file")});
        QList<SubmittedRow> rows;
        if (r.kind == ImportKind::Add) {
            for (const AddImportItem &row : r.addItems) {
                if (row.valid)
                    rows.append({row.row, declarationItem(row), {}});
            }
        } else {
            for (const ReduceImportItem &row : r.reduceItems) {
                if (row.valid)
                    rows.append({row.row, declarationItem(row), {}});
            }
        }

        CliSession session(context);
        if (Result<void> opened = session.open(cacheArg); !opened)
            return context.fail(opened.error());
        // What an earlier run left queued goes first, under its own keys.
        session.flush();

        QList<DeclarationItem> items;
        for (const SubmittedRow &row : rows)
            items << row.item;
        const bool verbose = !context.json() && items.size() > OutboxService::DefaultChunkSize;
        auto submitted = context.wait<QList<OutboxEntry>>([&](QObject *, ApiClient::Callback<QList<OutboxEntry>> done) {
            session.outbox().submitImport(
                items,
                [&](int done, int total) {
                    if (verbose)
                        context.err() << QStringLiteral("已发送 %1 / %2 行").arg(done).arg(total) << Qt::endl;
                    return true;
                },
                std::move(done));
        });
        if (!submitted)
            return context.fail(submitted.error());

        int saved = 0;
        std::optional<Error> queuedBecause;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            SubmittedRow &row = rows[i];
            row.entry = submitted.value().at(i);
            switch (row.entry.state) {
            case OutboxEntry::State::Sent: ++saved; break;
            case OutboxEntry::State::Refused: problems += refusalProblems(row.row, row.entry.error); break;
            case OutboxEntry::State::Queued:
                if (!queuedBecause)
                    queuedBecause = row.entry.error;
                break;
            }
        }
        std::stable_sort(problems.begin(), problems.end(),
                         [](const ReportProblem &a, const ReportProblem &b) { return a.row < b.row; });
        const int queued = int(std::count_if(rows.cbegin(), rows.cend(), [](const SubmittedRow &row) {
            return row.entry.state == OutboxEntry::State::Queued;
        }));

        if (context.json())
            printJson(context, file, r, rows, problems, queuedBecause);
        else
            printHuman(context, file, r, rows, problems, saved, queued, queuedBecause);
        if (queued > 0)
            return ExitCannotRun;
        return saved == r.rows ? ExitOk : ExitInputProblems;
    }

private:
    static QJsonObject rowJson(const SubmittedRow &row)
    {
        QJsonObject o{{QStringLiteral("row"), row.row},
                      {QStringLiteral("name"), row.item.name},
                      {QStringLiteral("id_number"), row.item.idNumber},
                      {QStringLiteral("kind"), declarationKindCode(row.entry.item.kind)},
                      {QStringLiteral("state"), outboxStateCode(row.entry.state)}};
        if (row.entry.state == OutboxEntry::State::Sent)
            o.insert(QStringLiteral("item"), json::encode(row.entry.item));
        if (!row.entry.error.code.isEmpty())
            o.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), row.entry.error.code},
                                                         {QStringLiteral("message"), row.entry.error.message}});
        return o;
    }

    static void printJson(CliContext &context, const QString &file, const ImportResult &r,
                          const QList<SubmittedRow> &rows, const QList<ReportProblem> &problems,
                          const std::optional<Error> &queuedBecause)
    {
        QJsonArray saved;
        QJsonArray refused;
        QJsonArray queued;
        for (const SubmittedRow &row : rows) {
            switch (row.entry.state) {
            case OutboxEntry::State::Sent: saved.append(rowJson(row)); break;
            case OutboxEntry::State::Refused: refused.append(rowJson(row)); break;
            case OutboxEntry::State::Queued: queued.append(rowJson(row)); break;
            }
        }
        QJsonArray list;
        for (const ReportProblem &p : problems) {
            list.append(QJsonObject{{QStringLiteral("row"), p.row},
                                    {QStringLiteral("column"), p.column},
                                    {QStringLiteral("code"), p.code},
                                    {QStringLiteral("severity"), p.severity},
                                    {QStringLiteral("message"), p.message},
                                    {QStringLiteral("source"), p.source}});
        }
        QJsonObject o{{QStringLiteral("file"), file},
                      {QStringLiteral("kind"), ImportColumns::kindCode(r.kind)},
                      {QStringLiteral("rows"), r.rows},
                      {QStringLiteral("valid"), r.valid},
                      {QStringLiteral("saved"), saved},
                      {QStringLiteral("refused"), refused},
                      {QStringLiteral("queued"), queued},
                      {QStringLiteral("problems"), list}};
        if (queuedBecause)
            o.insert(QStringLiteral("queued_because"), QJsonObject{{QStringLiteral("code"), queuedBecause->code},
                                                                   {QStringLiteral("message"), queuedBecause->message}});
        context.printJson(o);
    }

    static void printHuman(CliContext &context, const QString &file, const ImportResult &r,
                           const QList<SubmittedRow> &rows, const QList<ReportProblem> &problems, int saved,
                           int queued, const std::optional<Error> &queuedBecause)
    {
        QTextStream &out = context.out();
        out << QFileInfo(file).fileName() << "：" << ImportColumns::kindTitle(r.kind) << "，数据行 " << r.rows
            << "，文件检查无错误 " << r.valid << " 行，已保存为待申报 " << saved << " 行\n";
        if (saved > 0) {
            TextTable table({QStringLiteral("行"), QStringLiteral("事项编号"), QStringLiteral("类别"),
                             QStringLiteral("姓名"), QStringLiteral("公民身份号码"), QStringLiteral("核定基数")});
            for (const SubmittedRow &row : rows) {
                if (row.entry.state != OutboxEntry::State::Sent)
                    continue;
                const DeclarationItem &item = row.entry.item;
                table.addRow({QString::number(row.row), item.itemNo, declarationKindName(item.kind), item.name,
                              IdNumber::mask(item.idNumber),
                              item.isReduce() ? QStringLiteral("-") : item.base.toYuanString()});
            }
            out << '\n';
            table.print(out);
        }
        if (!problems.isEmpty()) {
            out << "\n问题（文件检查和服务器的审核）：\n";
            TextTable table({QStringLiteral("行"), QStringLiteral("列"), QStringLiteral("级别"),
                             QStringLiteral("来源"), QStringLiteral("代码"), QStringLiteral("说明")});
            for (const ReportProblem &p : problems) {
                table.addRow({QString::number(p.row), p.column,
                              p.severity == QLatin1String("error") ? QStringLiteral("错误") : QStringLiteral("提醒"),
                              p.source == QLatin1String("file") ? QStringLiteral("文件") : QStringLiteral("服务器"),
                              p.code, p.message});
            }
            table.print(out);
        }
        if (queued > 0) {
            out << "\n" << queued << " 行未能送达服务器，已保存在本机待发送（下次运行 import、declare 或 outbox --flush 时发送）";
            if (queuedBecause)
                out << "：" << queuedBecause->message << " [" << queuedBecause->code << ']';
            out << '\n';
        }
    }
};

const RegisterCommand<ImportCommand> registered;

} // namespace

} // namespace shebao::cli
