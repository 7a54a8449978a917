// `reviews list|show|approve|reject`: the reviewer's side of 信息维护 (docs/changes.md). Key
// changes of units and people wait here with their proofs; `show --out` writes the proofs to
// files so the reviewer can open them beside the stamped paper; approval writes the values.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>

#include "AdminContext.h"
#include "Commands.h"
#include "app/cli/ArgumentReader.h"
#include "app/cli/TextTable.h"
#include "models/change/ChangeJson.h"

namespace shebao::admin {

namespace {

using cli::ArgumentReader;

QString time(const QDateTime &at)
{
    return at.isValid() ? at.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
}

QString targetName(const ChangeRequest &r)
{
    return r.target == ChangeTarget::Unit ? QStringLiteral("单位") : QStringLiteral("个人 ") + r.personNo + u' ' + r.personName;
}

QString displayed(const ChangeRequest &r, const FieldChange &f, const QString &value)
{
    const ChangeField *field = ChangeFields::find(r.target, f.member);
    return field ? ChangeFields::displayValue(*field, value) : value;
}

void printRequest(QTextStream &out, const ChangeRequest &r)
{
    out << "申请：" << r.requestNo << "  状态：" << changeStateName(r.state) << "（" << changeStateCode(r.state) << "）"
        << (r.signed_ ? "  数字签名" : "") << '\n'
        << "单位：" << r.unitNo << ' ' << r.unitName << '\n'
        << "对象：" << targetName(r);
    if (r.target == ChangeTarget::Person)
        out << "（公民身份号码 " << r.personIdNumber << "）";
    out << '\n' << "申报：" << time(r.createdAt) << ' ' << r.createdBy << '\n';
    if (r.creditCodeOverridden)
        out << "注意：统一社会信用代码未通过 GB 32100 校验，单位已确认按营业执照填写。\n";
    if (r.idUpgrade)
        out << "公民身份号码为 15 位升 18 位（同一号码）。\n";
    cli::TextTable fields({QStringLiteral("项目"), QStringLiteral("关键"), QStringLiteral("变更前"), QStringLiteral("变更后")});
    for (const FieldChange &f : r.fields)
        fields.addRow({f.label, f.key ? QStringLiteral("是") : QStringLiteral("否"), displayed(r, f, f.before), displayed(r, f, f.after)});
    fields.print(out);
    if (!r.attachments.isEmpty()) {
        out << "证明材料：\n";
        for (const ChangeAttachment &a : r.attachments)
            out << "  " << a.id << ' ' << attachmentKindName(a.kind) << ' ' << a.fileName << "（" << a.mimeType << "，" << a.size
                << " 字节）\n";
    }
    if (r.decidedAt.isValid())
        out << "决定：" << time(r.decidedAt) << ' ' << r.decidedBy << '\n';
    if (!r.rejectReason.isEmpty())
        out << "退回原因：" << r.rejectReason << '\n';
}

Result<qint64> requestId(const QStringList &positional)
{
    bool ok = false;
    const qint64 id = positional.size() == 1 ? positional.first().toLongLong(&ok) : 0;
    if (!ok || id <= 0)
        return Error{QStringLiteral("cli.usage"), QStringLiteral("需要一个申请编号（数字 ID），见 reviews list"), {}, {}};
    return id;
}

Result<ChangeRequest> decodeReply(const QJsonDocument &document)
{
    return json::decodeChangeRequest(document.object());
}

int list(AdminContext &context, StaffClient *staff, ArgumentReader &reader)
{
    const QString state = reader.value(QStringLiteral("--state")).value_or(QString());
    if (!reader.missingValue().isEmpty() || !reader.unknown().isEmpty() || !reader.positional().isEmpty()
        || (!state.isEmpty() && state != u"pending" && state != u"all"))
        return context.usageError(QStringLiteral("用法：reviews list [--state pending|all]"));
    QUrlQuery query;
    if (!state.isEmpty())
        query.addQueryItem(QStringLiteral("state"), state);
    auto reply = context.wait<QJsonDocument>([&](QObject *c, StaffClient::Callback<QJsonDocument> done) {
        staff->api()->getJson(QStringLiteral("/staff/changes"), query, c, std::move(done));
    });
    if (!reply)
        return context.fail(reply.error());
    const QJsonArray array = reply.value().object().value(QLatin1String("requests")).toArray();
    if (context.json()) {
        context.printJson(QJsonObject{{QStringLiteral("requests"), array}});
        return ExitOk;
    }
    cli::TextTable table({QStringLiteral("ID"), QStringLiteral("申请编号"), QStringLiteral("单位编号"), QStringLiteral("单位名称"),
                          QStringLiteral("对象"), QStringLiteral("变更项目"), QStringLiteral("状态"), QStringLiteral("申报时间")});
    for (const QJsonValue &v : array) {
        auto r = json::decodeChangeRequest(v.toObject());
        if (!r)
            return context.fail(r.error());
        QStringList labels;
        for (const FieldChange &f : r.value().fields)
            labels.append(f.label);
        table.addRow({QString::number(r.value().id), r.value().requestNo, r.value().unitNo, r.value().unitName, targetName(r.value()),
                      labels.join(QStringLiteral("、")), changeStateName(r.value().state), time(r.value().createdAt)});
    }
    table.print(context.out());
    context.out() << array.size() << " 项申请\n";
    return ExitOk;
}

// The attachment's name as a plain file name in `dir`; a second one of the same name gets its id.
QString outPath(const QDir &dir, const ChangeAttachment &a, QStringList *used)
{
    QString name = QFileInfo(QString(a.fileName).replace(u'\\', u'/')).fileName();
    if (name.isEmpty() || name.startsWith(u'.'))
        name = QStringLiteral("attachment-%1").arg(a.id);
    if (used->contains(name))
        name = QStringLiteral("%1-%2").arg(a.id).arg(name);
    used->append(name);
    return dir.filePath(name);
}

int show(AdminContext &context, StaffClient *staff, ArgumentReader &reader)
{
    const std::optional<QString> outDir = reader.value(QStringLiteral("--out"));
    auto id = requestId(reader.positional());
    if (!id)
        return context.fail(id.error());
    if (!reader.missingValue().isEmpty() || !reader.unknown().isEmpty())
        return context.usageError(QStringLiteral("用法：reviews show ID [--out DIR]"));
    auto reply = context.wait<QJsonDocument>([&](QObject *c, StaffClient::Callback<QJsonDocument> done) {
        staff->api()->getJson(QStringLiteral("/staff/changes/%1").arg(id.value()), {}, c, std::move(done));
    });
    if (!reply)
        return context.fail(reply.error());
    auto request = decodeReply(reply.value());
    if (!request)
        return context.fail(request.error());
    QJsonObject json = reply.value().object();
    QJsonArray written;
    if (outDir) {
        QDir dir(*outDir);
        if (!QDir().mkpath(*outDir))
            return context.fail(Error{QStringLiteral("file.write"), QStringLiteral("无法创建目录 %1").arg(*outDir), {}, {}});
        QStringList used;
        for (const ChangeAttachment &a : request.value().attachments) {
            auto file = context.wait<RawReply>([&](QObject *c, StaffClient::Callback<RawReply> done) {
                staff->api()->getBytes(QStringLiteral("/staff/changes/%1/attachments/%2").arg(id.value()).arg(a.id), {}, c,
                                       std::move(done));
            });
            if (!file)
                return context.fail(file.error());
            const QString path = outPath(dir, a, &used);
            QFile out(path);
            if (!out.open(QIODevice::WriteOnly) || out.write(file.value().body) != file.value().body.size())
                return context.fail(Error{QStringLiteral("file.write"),
                                          QStringLiteral("无法写入文件 %1：%2").arg(path, out.errorString()), {}, {}});
            written.append(path);
        }
        json.insert(QStringLiteral("written"), written);
    }
    if (context.json()) {
        context.printJson(json);
        return ExitOk;
    }
    printRequest(context.out(), request.value());
    for (const QJsonValue &path : std::as_const(written))
        context.out() << "已写入 " << path.toString() << '\n';
    return ExitOk;
}

int decide(AdminContext &context, StaffClient *staff, ArgumentReader &reader, bool approve)
{
    const std::optional<QString> reason = approve ? std::nullopt : reader.value(QStringLiteral("--reason"));
    auto id = requestId(reader.positional());
    if (!id)
        return context.fail(id.error());
    if (!reader.missingValue().isEmpty() || !reader.unknown().isEmpty())
        return context.usageError(approve ? QStringLiteral("用法：reviews approve ID")
                                          : QStringLiteral("用法：reviews reject ID --reason 原因"));
    if (!approve && reason.value_or(QString()).trimmed().isEmpty())
        return context.usageError(QStringLiteral("退回须用 --reason 写明原因，单位将看到它"));
    QJsonObject body;
    if (!approve)
        body.insert(QStringLiteral("reason"), reason->trimmed());
    const QString path = QStringLiteral("/staff/changes/%1/%2").arg(id.value()).arg(approve ? QStringLiteral("approve") : QStringLiteral("reject"));
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto reply = context.wait<QJsonDocument>([&](QObject *c, StaffClient::Callback<QJsonDocument> done) {
        staff->api()->postJson(path, body, key, c, std::move(done));
    });
    if (!reply)
        return context.fail(reply.error());
    auto request = decodeReply(reply.value());
    if (!request)
        return context.fail(request.error());
    if (context.json()) {
        context.printJson(reply.value().object());
        return ExitOk;
    }
    const ChangeRequest &r = request.value();
    context.out() << r.requestNo << ' ' << r.unitNo << ' ' << r.unitName << "：" << changeStateName(r.state) << '\n';
    if (approve)
        context.out() << "已审核通过，" << r.fields.size() << " 项信息已变更。\n";
    else
        context.out() << "已退回（" << r.rejectReason << "），原登记信息不变。\n";
    return ExitOk;
}

} // namespace

int runReviews(AdminContext &context, const QStringList &args)
{
    if (args.isEmpty())
        return context.usageError(QStringLiteral("用法：reviews list|show|approve|reject ..."));
    const QString verb = args.first();
    if (verb != QLatin1String("list") && verb != QLatin1String("show") && verb != QLatin1String("approve")
        && verb != QLatin1String("reject"))
        return context.usageError(QStringLiteral("reviews 没有子命令 %1").arg(verb));
    ArgumentReader reader(args.mid(1));
    auto staff = context.login();
    if (!staff)
        return context.fail(staff.error());
    if (verb == QLatin1String("list"))
        return list(context, staff.value(), reader);
    if (verb == QLatin1String("show"))
        return show(context, staff.value(), reader);
    return decide(context, staff.value(), reader, verb == QLatin1String("approve"));
}

} // namespace shebao::admin
