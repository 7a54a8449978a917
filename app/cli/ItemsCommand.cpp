#include <QJsonArray>
#include <QJsonObject>

#include "ArgumentReader.h"
#include "CliContext.h"
#include "CliSession.h"
#include "Command.h"
#include "TextTable.h"
#include "app/DeclarationService.h"
#include "models/declaration/DeclarationJson.h"
#include "models/validation/IdNumber.h"

namespace shebao::cli {

namespace {

Error argumentError(const QString &message, const QString &field)
{
    return Error{QStringLiteral("cli.usage"), message, {}, field};
}

// shebao-cli items [--state pending|declared|effective]: the unit's 异动 items, newest first
// (all three states without --state). --json: {"items": [item JSON]}.
class ItemsCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("items"); }
    QString usage() const override { return QStringLiteral("items [--state pending|declared|effective] [--reveal]"); }
    QString summary() const override { return QStringLiteral("list the unit's 异动 items (needs a login)"); }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        const std::optional<QString> stateArg = reader.value(QStringLiteral("--state"));
        const bool reveal = reader.flag(QStringLiteral("--reveal"));
        const QStringList positional = reader.positional();
        if (!reader.missingValue().isEmpty())
            return context.fail(argumentError(QStringLiteral("选项 %1 缺少取值").arg(reader.missingValue()),
                                              reader.missingValue()));
        if (const QString unknown = reader.unknown(); !unknown.isEmpty() || !positional.isEmpty())
            return context.fail(argumentError(
                QStringLiteral("items 不认识参数 %1").arg(unknown.isEmpty() ? positional.first() : unknown), {}));
        QList<ItemState> states{ItemState::Pending, ItemState::Declared, ItemState::Effective};
        if (stateArg) {
            ItemState state;
            if (!parseItemState(*stateArg, &state) || state == ItemState::Withdrawn)
                return context.fail(argumentError(
                    QStringLiteral("--state 应为 pending、declared 或 effective，而不是“%1”").arg(*stateArg),
                    QStringLiteral("state")));
            states = {state};
        }

        auto login = context.login();
        if (!login)
            return context.fail(login.error());
        ApiClient *api = context.api().value();
        DeclarationService service(api, nullptr);
        QList<DeclarationItem> items;
        for (ItemState state : states) {
            auto page = context.wait<QList<DeclarationItem>>([&](QObject *c, auto done) {
                service.items(state, c, std::move(done));
            });
            if (!page)
                return context.fail(page.error());
            items += page.value();
        }
        if (states.size() > 1) {
            std::stable_sort(items.begin(), items.end(), [](const DeclarationItem &a, const DeclarationItem &b) {
                return a.createdAt > b.createdAt || (a.createdAt == b.createdAt && a.id > b.id);
            });
        }

        if (context.json()) {
            QJsonArray array;
            for (const DeclarationItem &item : items)
                array.append(json::encode(item));
            context.printJson({{QStringLiteral("items"), array}});
            return ExitOk;
        }
        TextTable table({QStringLiteral("id"), QStringLiteral("事项编号"), QStringLiteral("状态"), QStringLiteral("类别"),
                         QStringLiteral("姓名"), QStringLiteral("公民身份号码"), QStringLiteral("年月"),
                         QStringLiteral("核定基数"), QStringLiteral("批次")});
        for (const DeclarationItem &item : items) {
            table.addRow({QString::number(item.id), item.itemNo, itemStateName(item.state),
                          declarationKindName(item.kind), item.name,
                          reveal ? item.idNumber : IdNumber::mask(item.idNumber),
                          item.isReduce() ? item.stopMonth : item.startMonth,
                          item.isReduce() ? QStringLiteral("-") : item.base.toYuanString(),
                          item.batchNo.isEmpty() ? QStringLiteral("-") : item.batchNo});
        }
        table.print(context.out());
        context.out() << items.size() << " 条\n";
        return ExitOk;
    }
};

const RegisterCommand<ItemsCommand> registered;

} // namespace

} // namespace shebao::cli
