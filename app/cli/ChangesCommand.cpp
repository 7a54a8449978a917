#include <QJsonObject>

#include "ArgumentReader.h"
#include "ChangeOutput.h"
#include "CliContext.h"
#include "Command.h"
#include "app/ChangeService.h"
#include "models/change/ChangeJson.h"

namespace shebao::cli {

namespace {

// shebao-cli changes [--target unit|person] [--state STATE]: the unit's 信息维护 requests, newest
// first, with their states (已生效, 待审核, 已退回 and the reason, 已撤回). `changes withdraw ID`
// withdraws a pending one. --json: {"requests": [...]} (withdraw: {"request": {...}}).
class ChangesCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("changes"); }
    QString usage() const override
    {
        return QStringLiteral("changes [--target unit|person] [--state applied|pending|approved|rejected|withdrawn] "
                              "| changes withdraw ID");
    }
    QString summary() const override
    {
        return QStringLiteral("list the unit's 信息维护 requests, or withdraw a pending one (needs a login)");
    }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        const std::optional<QString> targetArg = reader.value(QStringLiteral("--target"));
        const std::optional<QString> stateArg = reader.value(QStringLiteral("--state"));
        const QStringList positional = reader.positional();
        if (!reader.missingValue().isEmpty())
            return context.fail(usageError(QStringLiteral("选项 %1 缺少取值").arg(reader.missingValue()),
                                              reader.missingValue()));
        if (const QString unknown = reader.unknown(); !unknown.isEmpty())
            return context.fail(usageError(QStringLiteral("changes 不认识参数 %1").arg(unknown), {}));

        if (!positional.isEmpty()) {
            if (positional.first() != QLatin1String("withdraw") || targetArg || stateArg)
                return context.fail(usageError(QStringLiteral("changes 不认识参数 %1").arg(positional.first()), {}));
            bool ok = false;
            const qint64 id = positional.size() == 2 ? positional.at(1).toLongLong(&ok) : 0;
            if (!ok || id <= 0)
                return context.fail(usageError(QStringLiteral("changes withdraw 需要一个申请 id（见 shebao-cli changes）"),
                                                  QStringLiteral("id")));
            return withdraw(context, id);
        }

        std::optional<ChangeTarget> target;
        if (targetArg) {
            ChangeTarget parsed;
            if (!parseChangeTarget(*targetArg, &parsed))
                return context.fail(usageError(QStringLiteral("--target 应为 unit 或 person，而不是“%1”").arg(*targetArg),
                                                  QStringLiteral("target")));
            target = parsed;
        }
        std::optional<ChangeState> state;
        if (stateArg) {
            ChangeState parsed;
            if (!parseChangeState(*stateArg, &parsed))
                return context.fail(usageError(
                    QStringLiteral("--state 应为 applied、pending、approved、rejected 或 withdrawn，而不是“%1”").arg(*stateArg),
                    QStringLiteral("state")));
            state = parsed;
        }

        auto login = context.login();
        if (!login)
            return context.fail(login.error());
        ChangeService service(context.api().value(), nullptr);
        auto requests = context.wait<QList<ChangeRequest>>([&](QObject *c, auto done) {
            service.requests(target, state, c, std::move(done));
        });
        if (!requests)
            return context.fail(requests.error());
        if (context.json()) {
            context.printJson(requestsJson(requests.value()));
            return ExitOk;
        }
        printRequestList(context.out(), requests.value());
        return ExitOk;
    }

private:
    static int withdraw(CliContext &context, qint64 id)
    {
        auto login = context.login();
        if (!login)
            return context.fail(login.error());
        ChangeService service(context.api().value(), nullptr);
        auto withdrawn = context.wait<ChangeRequest>([&](QObject *c, auto done) { service.withdraw(id, c, std::move(done)); });
        if (!withdrawn) {
            const int code = context.fail(withdrawn.error());
            return isChangeInputProblem(withdrawn.error()) ? int(ExitInputProblems) : code;
        }
        if (context.json()) {
            context.printJson({{QStringLiteral("request"), json::encode(withdrawn.value())}});
            return ExitOk;
        }
        context.out() << "已撤回：";
        printRequest(context.out(), withdrawn.value());
        return ExitOk;
    }
};

const RegisterCommand<ChangesCommand> registered;

} // namespace

} // namespace shebao::cli
