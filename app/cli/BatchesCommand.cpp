#include <QJsonArray>
#include <QJsonObject>

#include "ArgumentReader.h"
#include "CliContext.h"
#include "Command.h"
#include "TextTable.h"
#include "app/DeclarationService.h"
#include "models/declaration/DeclarationJson.h"

namespace shebao::cli {

namespace {

Error argumentError(const QString &message, const QString &field)
{
    return Error{QStringLiteral("cli.usage"), message, {}, field};
}

// shebao-cli batches [--state S]: the unit's declared batches (申报查询), newest first, with
// their states (已申报, 待交纸质表, 已受理, 已生效, 退回 and the reason). --json: {"batches": [...]}.
class BatchesCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("batches"); }
    QString usage() const override
    {
        return QStringLiteral("batches [--state declared|awaiting_paper|accepted|effective|returned]");
    }
    QString summary() const override { return QStringLiteral("list the unit's declared batches (needs a login)"); }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        const std::optional<QString> stateArg = reader.value(QStringLiteral("--state"));
        const QStringList positional = reader.positional();
        if (!reader.missingValue().isEmpty())
            return context.fail(argumentError(QStringLiteral("选项 %1 缺少取值").arg(reader.missingValue()),
                                              reader.missingValue()));
        if (const QString unknown = reader.unknown(); !unknown.isEmpty() || !positional.isEmpty())
            return context.fail(argumentError(
                QStringLiteral("batches 不认识参数 %1").arg(unknown.isEmpty() ? positional.first() : unknown), {}));
        std::optional<BatchState> state;
        if (stateArg) {
            BatchState parsed;
            if (!parseBatchState(*stateArg, &parsed))
                return context.fail(argumentError(
                    QStringLiteral("--state 应为 declared、awaiting_paper、accepted、effective 或 returned，而不是“%1”")
                        .arg(*stateArg),
                    QStringLiteral("state")));
            state = parsed;
        }

        auto login = context.login();
        if (!login)
            return context.fail(login.error());
        DeclarationService service(context.api().value(), nullptr);
        auto batches = context.wait<QList<DeclarationBatch>>([&](QObject *c, auto done) {
            service.batches(state, c, std::move(done));
        });
        if (!batches)
            return context.fail(batches.error());

        if (context.json()) {
            QJsonArray array;
            for (const DeclarationBatch &b : batches.value())
                array.append(json::encode(b, false));
            context.printJson({{QStringLiteral("batches"), array}});
            return ExitOk;
        }
        TextTable table({QStringLiteral("批次号"), QStringLiteral("状态"), QStringLiteral("申报时间"),
                         QStringLiteral("人数"), QStringLiteral("增"), QStringLiteral("减"), QStringLiteral("报送人"),
                         QStringLiteral("签名"), QStringLiteral("退回原因")});
        for (const DeclarationBatch &b : batches.value()) {
            table.addRow({b.batchNo, batchStateName(b.state),
                          b.declaredAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                          QString::number(b.itemCount), QString::number(b.addCount), QString::number(b.reduceCount),
                          b.reporter, b.isSigned ? QStringLiteral("是") : QStringLiteral("否"),
                          b.returnReason.isEmpty() ? QStringLiteral("-") : b.returnReason});
        }
        table.print(context.out());
        context.out() << batches.value().size() << " 个批次\n";
        return ExitOk;
    }
};

const RegisterCommand<BatchesCommand> registered;

} // namespace

} // namespace shebao::cli
