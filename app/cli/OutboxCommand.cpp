#include <QJsonArray>
#include <QJsonObject>

#include "ArgumentReader.h"
#include "CliContext.h"
#include "CliSession.h"
#include "Command.h"
#include "TextTable.h"
#include "app/OutboxService.h"
#include "models/declaration/DeclarationJson.h"
#include "models/validation/IdNumber.h"

namespace shebao::cli {

namespace {

Error argumentError(const QString &message, const QString &field)
{
    return Error{QStringLiteral("cli.usage"), message, {}, field};
}

// shebao-cli outbox [--flush]: what this computer holds for the server (items an import could
// not send, and those the server refused). Logging in sends what is queued (--flush only says
// so explicitly); exit 0 when nothing is left queued, 1 when refused items remain, 2 when
// queued items could not be sent.
class OutboxCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("outbox"); }
    QString usage() const override { return QStringLiteral("outbox [--flush] [--cache FILE]"); }
    QString summary() const override
    {
        return QStringLiteral("send and list the items kept on this computer (queued or refused; needs a login)");
    }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        reader.flag(QStringLiteral("--flush"));
        const std::optional<QString> cacheArg = reader.value(QStringLiteral("--cache"));
        const QStringList positional = reader.positional();
        if (!reader.missingValue().isEmpty())
            return context.fail(argumentError(QStringLiteral("选项 %1 缺少取值").arg(reader.missingValue()),
                                              reader.missingValue()));
        if (const QString unknown = reader.unknown(); !unknown.isEmpty() || !positional.isEmpty())
            return context.fail(argumentError(
                QStringLiteral("outbox 不认识参数 %1").arg(unknown.isEmpty() ? positional.first() : unknown), {}));
        CliSession session(context);
        if (Result<void> opened = session.open(cacheArg); !opened)
            return context.fail(opened.error());
        session.flush();
        auto unsettled = session.outbox().unsettled();
        if (!unsettled)
            return context.fail(unsettled.error());
        int queued = 0;
        int refused = 0;
        for (const OutboxEntry &e : unsettled.value())
            (e.state == OutboxEntry::State::Queued ? queued : refused) += 1;
        if (context.json()) {
            QJsonArray array;
            for (const OutboxEntry &e : unsettled.value()) {
                array.append(QJsonObject{{QStringLiteral("id"), e.id},
                                         {QStringLiteral("state"), outboxStateCode(e.state)},
                                         {QStringLiteral("attempts"), e.attempts},
                                         {QStringLiteral("item"), json::encode(e.item)},
                                         {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), e.error.code},
                                                                               {QStringLiteral("message"), e.error.message}}}});
            }
            context.printJson({{QStringLiteral("entries"), array}});
        } else {
            TextTable table({QStringLiteral("id"), QStringLiteral("状态"), QStringLiteral("尝试"), QStringLiteral("类别"),
                             QStringLiteral("姓名"), QStringLiteral("公民身份号码"), QStringLiteral("说明")});
            for (const OutboxEntry &e : unsettled.value()) {
                table.addRow({QString::number(e.id),
                              e.state == OutboxEntry::State::Queued ? QStringLiteral("待发送") : QStringLiteral("被退回"),
                              QString::number(e.attempts), declarationKindName(e.item.kind), e.item.name,
                              IdNumber::mask(e.item.idNumber), e.error.message});
            }
            table.print(context.out());
            context.out() << "待发送 " << queued << " 条，被服务器退回 " << refused << " 条\n";
        }
        if (queued > 0)
            return ExitCannotRun;
        return refused > 0 ? ExitInputProblems : ExitOk;
    }
};

const RegisterCommand<OutboxCommand> registered;

} // namespace

} // namespace shebao::cli
