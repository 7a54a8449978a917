#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include "ArgumentReader.h"
#include "CliContext.h"
#include "CliSession.h"
#include "Command.h"
#include "TextTable.h"
#include "app/DeclarationForm.h"
#include "app/DeclarationService.h"
#include "app/Session.h"
#include "models/declaration/DeclarationJson.h"
#include "models/validation/IdNumber.h"

namespace shebao::cli {

namespace {

Error argumentError(const QString &message, const QString &field)
{
    return Error{QStringLiteral("cli.usage"), message, {}, field};
}

// Refusals of the declaration itself (a rule: phone.invalid, item.not_pending, batch.empty) are
// problems of the input (exit 1); everything else means the command could not run (exit 2).
bool isInputProblem(const Error &error)
{
    return !error.code.startsWith(QLatin1String("net.")) && !error.code.startsWith(QLatin1String("tls."))
        && !error.code.startsWith(QLatin1String("auth.")) && !error.code.startsWith(QLatin1String("signature."))
        && !error.code.startsWith(QLatin1String("http.")) && !error.code.startsWith(QLatin1String("json."))
        && !error.code.startsWith(QLatin1String("cache."));
}

// shebao-cli declare: 申报 of the pending items (all, or the ids given) with 报送人 and 联系电话;
// prints the batch number and its state, and with --form writes the 《人员异动申报表》 PDF.
// What an earlier import left queued in the outbox is sent first, so it can be declared too.
class DeclareCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("declare"); }
    QString usage() const override
    {
        return QStringLiteral("declare --reporter NAME --phone TEL [--items all|ID,ID,...] [--form OUT.pdf] [--cache FILE]");
    }
    QString summary() const override
    {
        return QStringLiteral("declare the pending items in one batch; --form writes the 申报表 PDF (needs a login)");
    }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        const std::optional<QString> reporter = reader.value(QStringLiteral("--reporter"));
        const std::optional<QString> phone = reader.value(QStringLiteral("--phone"));
        const std::optional<QString> itemsArg = reader.value(QStringLiteral("--items"));
        const std::optional<QString> formArg = reader.value(QStringLiteral("--form"));
        const std::optional<QString> cacheArg = reader.value(QStringLiteral("--cache"));
        const QStringList positional = reader.positional();
        if (!reader.missingValue().isEmpty())
            return context.fail(argumentError(QStringLiteral("选项 %1 缺少取值").arg(reader.missingValue()),
                                              reader.missingValue()));
        if (const QString unknown = reader.unknown(); !unknown.isEmpty() || !positional.isEmpty())
            return context.fail(argumentError(
                QStringLiteral("declare 不认识参数 %1").arg(unknown.isEmpty() ? positional.first() : unknown), {}));
        if (!reporter || !phone)
            return context.fail(argumentError(QStringLiteral("declare 需要 --reporter 报送人 和 --phone 联系电话"),
                                              reporter ? QStringLiteral("phone") : QStringLiteral("reporter")));
        std::optional<QList<qint64>> chosen;
        if (itemsArg && *itemsArg != QLatin1String("all")) {
            QList<qint64> ids;
            for (const QString &part : itemsArg->split(u',', Qt::SkipEmptyParts)) {
                bool ok = false;
                const qint64 id = part.trimmed().toLongLong(&ok);
                if (!ok || id <= 0)
                    return context.fail(argumentError(
                        QStringLiteral("--items 应为 all 或以逗号分隔的事项 id（见 shebao-cli items），而不是“%1”").arg(*itemsArg),
                        QStringLiteral("items")));
                ids << id;
            }
            if (ids.isEmpty())
                return context.fail(argumentError(QStringLiteral("--items 没有给出事项 id"), QStringLiteral("items")));
            chosen = ids;
        }

        CliSession session(context);
        if (Result<void> opened = session.open(cacheArg); !opened)
            return context.fail(opened.error());
        const std::optional<Error> stuck = session.flush();
        if (stuck && !context.json())
            context.err() << "注意：本机仍有未送达的异动，未包含在本次申报中：" << stuck->message << Qt::endl;

        DeclarationService &service = session.declarations();
        QList<qint64> ids;
        if (chosen) {
            ids = *chosen;
        } else {
            auto pending = context.wait<QList<DeclarationItem>>([&](QObject *c, auto done) {
                service.items(ItemState::Pending, c, std::move(done));
            });
            if (!pending)
                return context.fail(pending.error());
            for (const DeclarationItem &item : pending.value())
                ids << item.id;
            if (ids.isEmpty()) {
                const Error none{QStringLiteral("batch.empty"), QStringLiteral("没有待申报的异动，无需申报。"), {}, {}};
                context.fail(none);
                return ExitInputProblems;
            }
        }
        auto declared = context.wait<DeclarationBatch>([&](QObject *c, auto done) {
            service.declare(ids, *reporter, *phone, c, std::move(done));
        });
        if (!declared) {
            const int code = context.fail(declared.error());
            return isInputProblem(declared.error()) ? ExitInputProblems : code;
        }
        DeclarationBatch batch = declared.value();

        std::optional<PrintedForm> printed;
        if (formArg) {
            // The batch with its items (the answer of POST /batches carries them; asked again in
            // case an older server left them out) and the unit for the form's header.
            if (batch.items.isEmpty()) {
                auto full = context.wait<DeclarationBatch>([&](QObject *c, auto done) {
                    service.batch(batch.batchNo, c, std::move(done));
                });
                if (!full)
                    return context.fail(full.error());
                batch = full.value();
            }
            ApiClient &api = session.api();
            auto unit = context.wait<Unit>([&](QObject *c, auto done) { api.fetchUnit(c, std::move(done)); });
            if (!unit)
                return context.fail(unit.error());
            Result<PrintedForm> written = DeclarationForm::writePdf(batch, unit.value(), *formArg,
                                                                    session.session().cache());
            if (!written) {
                context.fail(written.error());
                if (!context.json())
                    context.err() << "批次 " << batch.batchNo << " 已申报，申报表可用 shebao-cli batches 查到后重新打印。"
                                  << Qt::endl;
                return ExitCannotRun;
            }
            printed = written.value();
        }

        if (context.json()) {
            QJsonObject o{{QStringLiteral("batch"), json::encode(batch)}};
            if (printed)
                o.insert(QStringLiteral("form"), QJsonObject{{QStringLiteral("file"), printed->file},
                                                            {QStringLiteral("pages"), printed->pages}});
            context.printJson(o);
            return ExitOk;
        }
        QTextStream &out = context.out();
        out << "已申报：批次 " << batch.batchNo << "，状态 " << batchStateName(batch.state) << "，共 " << batch.itemCount
            << " 人（增 " << batch.addCount << "，减 " << batch.reduceCount << "）"
            << (batch.isSigned ? "，已签名" : "") << '\n';
        if (batch.state == BatchState::AwaitingPaper)
            out << "请打印《人员异动申报表》，加盖单位公章后交到社保经办窗口。\n";
        if (!batch.items.isEmpty()) {
            TextTable table({QStringLiteral("事项编号"), QStringLiteral("类别"), QStringLiteral("姓名"),
                             QStringLiteral("公民身份号码")});
            for (const DeclarationItem &item : batch.items)
                table.addRow({item.itemNo, declarationKindName(item.kind), item.name, IdNumber::mask(item.idNumber)});
            table.print(out);
        }
        if (printed)
            out << "申报表：" << QFileInfo(printed->file).absoluteFilePath() << "（" << printed->pages << " 页）\n";
        return ExitOk;
    }
};

const RegisterCommand<DeclareCommand> registered;

} // namespace

} // namespace shebao::cli
