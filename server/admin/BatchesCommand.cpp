// `batches list|show|receive|return`: the counter's side of 异动申报 (docs/declarations.md).
// The stamped 《人员异动申报表》 handed in makes a batch effective (receive); a wrong or
// unstamped one sends it back with a reason (return).
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>

#include "AdminContext.h"
#include "Commands.h"
#include "app/cli/ArgumentReader.h"
#include "app/cli/TextTable.h"
#include "models/declaration/DeclarationJson.h"

namespace shebao::admin {

namespace {

using cli::ArgumentReader;

// A batch as the staff API answers it: the shared batch plus its unit.
struct ListedBatch
{
    DeclarationBatch batch;
    QString unitNo;
    QString unitName;
    QJsonObject json;
};

Result<ListedBatch> decodeListed(const QJsonObject &object)
{
    auto batch = json::decodeBatch(object);
    if (!batch)
        return batch.error();
    return ListedBatch{batch.value(), object.value(QLatin1String("unit_no")).toString(),
                       object.value(QLatin1String("unit_name")).toString(), object};
}

QString time(const QDateTime &at)
{
    return at.isValid() ? at.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
}

void printBatch(QTextStream &out, const ListedBatch &b)
{
    const DeclarationBatch &batch = b.batch;
    out << "批次：" << batch.batchNo << "  状态：" << batchStateName(batch.state) << "（" << batchStateCode(batch.state) << "）"
        << (batch.isSigned ? "  数字签名" : "") << '\n'
        << "单位：" << b.unitNo << ' ' << b.unitName << '\n'
        << "报送人：" << batch.reporter << "  联系电话：" << batch.phone << "  申报时间：" << time(batch.declaredAt) << '\n'
        << "共 " << batch.itemCount << " 人（增加 " << batch.addCount << "，减少 " << batch.reduceCount << "）\n";
    if (!batch.returnReason.isEmpty())
        out << "退回原因：" << batch.returnReason << '\n';
    if (!batch.items.isEmpty()) {
        cli::TextTable table({QStringLiteral("编号"), QStringLiteral("类型"), QStringLiteral("姓名"), QStringLiteral("公民身份号码"),
                              QStringLiteral("年月"), QStringLiteral("缴费基数"), QStringLiteral("状态")});
        for (const DeclarationItem &item : batch.items) {
            table.addRow({item.itemNo, declarationKindName(item.kind), item.name, item.idNumber,
                          item.isReduce() ? item.stopMonth : item.startMonth,
                          item.isReduce() ? QStringLiteral("-") : item.base.toYuanString(), itemStateName(item.state)});
        }
        table.print(out);
    }
    out << "经过：\n";
    for (const BatchEvent &e : batch.history) {
        out << "  " << time(e.at) << ' ' << batchStateName(e.state) << ' ' << e.actor;
        if (!e.note.isEmpty())
            out << "（" << e.note << "）";
        out << '\n';
    }
}

Result<QString> batchNo(const QStringList &positional)
{
    if (positional.size() != 1 || positional.first().trimmed().isEmpty())
        return Error{QStringLiteral("cli.usage"), QStringLiteral("需要一个批次号（如 SB2026120400003），见 batches list"), {}, {}};
    return positional.first().trimmed();
}

int list(AdminContext &context, StaffClient *staff, ArgumentReader &reader)
{
    const QString state = reader.value(QStringLiteral("--state")).value_or(QString());
    if (!reader.missingValue().isEmpty() || !reader.unknown().isEmpty() || !reader.positional().isEmpty())
        return context.usageError(QStringLiteral("用法：batches list [--state declared|awaiting_paper|accepted|effective|returned]"));
    QUrlQuery query;
    if (!state.isEmpty())
        query.addQueryItem(QStringLiteral("state"), state);
    auto reply = context.wait<QJsonDocument>([&](QObject *c, StaffClient::Callback<QJsonDocument> done) {
        staff->api()->getJson(QStringLiteral("/staff/batches"), query, c, std::move(done));
    });
    if (!reply)
        return context.fail(reply.error());
    QList<ListedBatch> batches;
    for (const QJsonValue &v : reply.value().object().value(QLatin1String("batches")).toArray()) {
        auto b = decodeListed(v.toObject());
        if (!b)
            return context.fail(b.error());
        batches.append(b.value());
    }
    if (context.json()) {
        QJsonArray array;
        for (const ListedBatch &b : std::as_const(batches))
            array.append(b.json);
        context.printJson(QJsonObject{{QStringLiteral("batches"), array}});
        return ExitOk;
    }
    cli::TextTable table({QStringLiteral("批次号"), QStringLiteral("单位编号"), QStringLiteral("单位名称"), QStringLiteral("状态"),
                          QStringLiteral("人数"), QStringLiteral("报送人"), QStringLiteral("申报时间")});
    for (const ListedBatch &b : std::as_const(batches)) {
        table.addRow({b.batch.batchNo, b.unitNo, b.unitName, batchStateName(b.batch.state), QString::number(b.batch.itemCount),
                      b.batch.reporter, time(b.batch.declaredAt)});
    }
    table.print(context.out());
    context.out() << batches.size() << " 个批次\n";
    return ExitOk;
}

int show(AdminContext &context, StaffClient *staff, ArgumentReader &reader)
{
    auto no = batchNo(reader.positional());
    if (!no)
        return context.fail(no.error());
    if (!reader.unknown().isEmpty())
        return context.usageError(QStringLiteral("用法：batches show BATCH_NO"));
    auto reply = context.wait<QJsonDocument>([&](QObject *c, StaffClient::Callback<QJsonDocument> done) {
        staff->api()->getJson(QStringLiteral("/staff/batches/%1").arg(no.value()), {}, c, std::move(done));
    });
    if (!reply)
        return context.fail(reply.error());
    auto b = decodeListed(reply.value().object());
    if (!b)
        return context.fail(b.error());
    if (context.json())
        context.printJson(b.value().json);
    else
        printBatch(context.out(), b.value());
    return ExitOk;
}

int decide(AdminContext &context, StaffClient *staff, ArgumentReader &reader, bool receive)
{
    const std::optional<QString> reason = receive ? std::nullopt : reader.value(QStringLiteral("--reason"));
    auto no = batchNo(reader.positional());
    if (!no)
        return context.fail(no.error());
    if (!reader.missingValue().isEmpty() || !reader.unknown().isEmpty())
        return context.usageError(receive ? QStringLiteral("用法：batches receive BATCH_NO")
                                          : QStringLiteral("用法：batches return BATCH_NO --reason 原因"));
    if (!receive && reason.value_or(QString()).trimmed().isEmpty())
        return context.usageError(QStringLiteral("退回须用 --reason 写明原因"));
    QJsonObject body;
    if (!receive)
        body.insert(QStringLiteral("reason"), reason->trimmed());
    const QString path = QStringLiteral("/staff/batches/%1/%2").arg(no.value(), receive ? QStringLiteral("receive") : QStringLiteral("return"));
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto reply = context.wait<QJsonDocument>([&](QObject *c, StaffClient::Callback<QJsonDocument> done) {
        staff->api()->postJson(path, body, key, c, std::move(done));
    });
    if (!reply)
        return context.fail(reply.error());
    auto b = decodeListed(reply.value().object());
    if (!b)
        return context.fail(b.error());
    if (context.json()) {
        context.printJson(b.value().json);
        return ExitOk;
    }
    const DeclarationBatch &batch = b.value().batch;
    context.out() << batch.batchNo << ' ' << b.value().unitNo << ' ' << b.value().unitName << "：" << batchStateName(batch.state) << '\n';
    if (receive)
        context.out() << "已受理并生效：" << batch.itemCount << " 人的参保记录已变更。\n";
    else
        context.out() << "已退回（" << batch.returnReason << "），其中的异动回到该单位的待申报列表。\n";
    return ExitOk;
}

} // namespace

int runBatches(AdminContext &context, const QStringList &args)
{
    if (args.isEmpty())
        return context.usageError(QStringLiteral("用法：batches list|show|receive|return ..."));
    const QString verb = args.first();
    if (verb != QLatin1String("list") && verb != QLatin1String("show") && verb != QLatin1String("receive")
        && verb != QLatin1String("return"))
        return context.usageError(QStringLiteral("batches 没有子命令 %1").arg(verb));
    ArgumentReader reader(args.mid(1));
    auto staff = context.login();
    if (!staff)
        return context.fail(staff.error());
    if (verb == QLatin1String("list"))
        return list(context, staff.value(), reader);
    if (verb == QLatin1String("show"))
        return show(context, staff.value(), reader);
    return decide(context, staff.value(), reader, verb == QLatin1String("receive"));
}

} // namespace shebao::admin
