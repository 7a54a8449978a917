#include <QFile>
#include <QJsonArray>

#include "AdminContext.h"
#include "Commands.h"
#include "app/cli/ArgumentReader.h"
#include "app/cli/TextTable.h"

namespace shebao::admin {

namespace {

using cli::ArgumentReader;

QString stateText(AuthorizationState state)
{
    switch (state) {
    case AuthorizationState::None: return QStringLiteral("无");
    case AuthorizationState::Saved: return QStringLiteral("已保存");
    case AuthorizationState::Confirmed: return QStringLiteral("已确认");
    case AuthorizationState::Uploaded: return QStringLiteral("待柜台开通");
    case AuthorizationState::Activated: return QStringLiteral("已开通");
    case AuthorizationState::Rejected: return QStringLiteral("已退回");
    }
    return {};
}

QString time(const QDateTime &at)
{
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
}

QJsonValue timeJson(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject applicationJson(const AuthorizationApplication &a)
{
    QJsonObject o{{QStringLiteral("id"), a.id},
                  {QStringLiteral("application_no"), a.applicationNo},
                  {QStringLiteral("state"), authorizationStateCode(a.state)},
                  {QStringLiteral("unit_no"), a.unitNo},
                  {QStringLiteral("unit_name"), a.unit.name},
                  {QStringLiteral("applicant"), a.applicant.toJson()},
                  {QStringLiteral("created_at"), timeJson(a.createdAt)},
                  {QStringLiteral("confirmed_at"), timeJson(a.confirmedAt)},
                  {QStringLiteral("uploaded_at"), timeJson(a.uploadedAt)},
                  {QStringLiteral("decided_at"), timeJson(a.decidedAt)},
                  {QStringLiteral("reject_reason"), a.rejectReason.isEmpty() ? QJsonValue() : QJsonValue(a.rejectReason)}};
    if (a.scan) {
        o.insert(QStringLiteral("scan"), QJsonObject{{QStringLiteral("file_name"), a.scan->fileName},
                                                      {QStringLiteral("kind"), a.scan->kind},
                                                      {QStringLiteral("size"), a.scan->size},
                                                      {QStringLiteral("sha256"), a.scan->sha256}});
    } else {
        o.insert(QStringLiteral("scan"), QJsonValue());
    }
    return o;
}

void printApplication(QTextStream &out, const AuthorizationApplication &a)
{
    out << "申请编号：" << a.applicationNo << "（ID " << a.id << "）\n"
        << "状态：" << stateText(a.state) << "（" << authorizationStateCode(a.state) << "）\n"
        << "单位：" << a.unitNo << ' ' << a.unit.name << '\n'
        << "统一社会信用代码：" << a.unit.creditCode << "  法定代表人：" << a.unit.legalRepresentative << '\n'
        << "经办人：" << a.applicant.name << "  身份证号：" << a.applicant.idNumber << '\n'
        << "手机：" << a.applicant.mobile << "  电子邮箱：" << a.applicant.email << '\n'
        << "创建：" << time(a.createdAt) << "  确认：" << time(a.confirmedAt) << "  上传：" << time(a.uploadedAt)
        << "  办结：" << time(a.decidedAt) << '\n';
    if (!a.rejectReason.isEmpty())
        out << "退回原因：" << a.rejectReason << '\n';
    if (a.scan)
        out << "扫描件：" << a.scan->fileName << "（" << a.scan->kind << "，" << a.scan->size << " 字节，SHA-256 "
            << a.scan->sha256 << "）\n";
    else
        out << "扫描件：无\n";
}

Result<qint64> parseId(const QStringList &positional)
{
    bool ok = false;
    const qint64 id = positional.size() == 1 ? positional.first().toLongLong(&ok) : 0;
    if (!ok || id <= 0)
        return Error{QStringLiteral("cli.usage"), QStringLiteral("需要一个申请 ID（数字），见 authorizations list"), {}, {}};
    return id;
}

int list(AdminContext &context, StaffClient *staff, ArgumentReader &reader)
{
    const QString state = reader.value(QStringLiteral("--state")).value_or(QString());
    if (!reader.unknown().isEmpty())
        return context.usageError(QStringLiteral("authorizations list 不认识参数 %1").arg(reader.unknown()));
    auto items = context.wait<QList<AuthorizationApplication>>(
        [&](QObject *c, StaffClient::Callback<QList<AuthorizationApplication>> done) {
            staff->listAuthorizations(state, c, std::move(done));
        });
    if (!items)
        return context.fail(items.error());
    if (context.json()) {
        QJsonArray array;
        for (const AuthorizationApplication &a : items.value())
            array.append(applicationJson(a));
        context.printJson(QJsonObject{{QStringLiteral("items"), array}});
        return ExitOk;
    }
    cli::TextTable table({QStringLiteral("ID"), QStringLiteral("申请编号"), QStringLiteral("单位编号"),
                          QStringLiteral("单位名称"), QStringLiteral("状态"), QStringLiteral("经办人"),
                          QStringLiteral("上传时间")});
    for (const AuthorizationApplication &a : items.value()) {
        table.addRow({QString::number(a.id), a.applicationNo, a.unitNo, a.unit.name, stateText(a.state),
                      a.applicant.name, time(a.uploadedAt)});
    }
    table.print(context.out());
    context.out() << items.value().size() << " 条申请\n";
    return ExitOk;
}

int show(AdminContext &context, StaffClient *staff, ArgumentReader &reader)
{
    const std::optional<QString> scanOut = reader.value(QStringLiteral("--scan-out"));
    auto id = parseId(reader.positional());
    if (!id)
        return context.fail(id.error());
    if (!reader.missingValue().isEmpty() || !reader.unknown().isEmpty())
        return context.usageError(QStringLiteral("用法：authorizations show ID [--scan-out FILE]"));
    auto application = context.wait<AuthorizationApplication>(
        [&](QObject *c, StaffClient::Callback<AuthorizationApplication> done) {
            staff->authorization(id.value(), c, std::move(done));
        });
    if (!application)
        return context.fail(application.error());
    QJsonObject json = applicationJson(application.value());
    if (scanOut) {
        auto scan = context.wait<RawReply>([&](QObject *c, StaffClient::Callback<RawReply> done) {
            staff->authorizationScan(id.value(), c, std::move(done));
        });
        if (!scan)
            return context.fail(scan.error());
        QFile file(*scanOut);
        if (!file.open(QIODevice::WriteOnly) || file.write(scan.value().body) != scan.value().body.size())
            return context.fail(Error{QStringLiteral("file.write"),
                                      QStringLiteral("无法写入文件 %1：%2").arg(*scanOut, file.errorString()), {}, {}});
        json.insert(QStringLiteral("scan_out"), *scanOut);
        json.insert(QStringLiteral("scan_content_type"), QString::fromLatin1(scan.value().contentType));
    }
    if (context.json()) {
        context.printJson(json);
    } else {
        printApplication(context.out(), application.value());
        if (scanOut)
            context.out() << "扫描件已写入 " << *scanOut << '\n';
    }
    return ExitOk;
}

int decide(AdminContext &context, StaffClient *staff, ArgumentReader &reader, bool activate)
{
    const std::optional<QString> reason = activate ? std::nullopt : reader.value(QStringLiteral("--reason"));
    auto id = parseId(reader.positional());
    if (!id)
        return context.fail(id.error());
    if (!reader.missingValue().isEmpty() || !reader.unknown().isEmpty())
        return context.usageError(activate ? QStringLiteral("用法：authorizations activate ID")
                                           : QStringLiteral("用法：authorizations reject ID --reason 原因"));
    if (!activate && reason.value_or(QString()).trimmed().isEmpty())
        return context.usageError(QStringLiteral("退回须用 --reason 写明原因"));
    auto application = context.wait<AuthorizationApplication>(
        [&](QObject *c, StaffClient::Callback<AuthorizationApplication> done) {
            if (activate)
                staff->activate(id.value(), c, std::move(done));
            else
                staff->reject(id.value(), reason->trimmed(), c, std::move(done));
        });
    if (!application)
        return context.fail(application.error());
    if (context.json()) {
        context.printJson(applicationJson(application.value()));
    } else {
        const AuthorizationApplication &a = application.value();
        context.out() << a.applicationNo << ' ' << a.unitNo << ' ' << a.unit.name << "：" << stateText(a.state) << '\n';
        if (activate)
            context.out() << "该单位已成为授权用户，可网上办理业务。\n";
    }
    return ExitOk;
}

} // namespace

int runAuthorizations(AdminContext &context, const QStringList &args)
{
    if (args.isEmpty())
        return context.usageError(QStringLiteral("用法：authorizations list|show|activate|reject ..."));
    const QString verb = args.first();
    if (verb != QLatin1String("list") && verb != QLatin1String("show") && verb != QLatin1String("activate")
        && verb != QLatin1String("reject"))
        return context.usageError(QStringLiteral("authorizations 没有子命令 %1").arg(verb));
    ArgumentReader reader(args.mid(1));
    auto staff = context.login();
    if (!staff)
        return context.fail(staff.error());
    if (verb == QLatin1String("list"))
        return list(context, staff.value(), reader);
    if (verb == QLatin1String("show"))
        return show(context, staff.value(), reader);
    return decide(context, staff.value(), reader, verb == QLatin1String("activate"));
}

} // namespace shebao::admin
