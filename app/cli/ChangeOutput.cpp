#include "ChangeOutput.h"

#include <QJsonArray>

#include "TextTable.h"
#include "app/ChangeForm.h"
#include "models/change/ChangeJson.h"

namespace shebao::cli {

namespace {

QString shown(const ChangeRequest &request, const FieldChange &change, const QString &value)
{
    if (value.isEmpty())
        return QStringLiteral("（空）");
    const ChangeField *field = ChangeFields::find(request.target, change.member);
    return field ? ChangeFields::displayValue(*field, value) : value;
}

QString whom(const ChangeRequest &r)
{
    if (r.target == ChangeTarget::Unit)
        return QStringLiteral("单位");
    return QStringLiteral("个人 %1 %2").arg(r.personNo, r.personName);
}

} // namespace

bool isChangeInputProblem(const Error &error)
{
    for (const char *prefix : {"net.", "tls.", "auth.", "signature.", "http.", "json.", "cache.", "cli.", "print.", "form."}) {
        if (error.code.startsWith(QLatin1String(prefix)))
            return false;
    }
    return error.code != QLatin1String("upload.unreadable");
}

QJsonObject requestsJson(const QList<ChangeRequest> &requests)
{
    QJsonArray array;
    for (const ChangeRequest &r : requests)
        array.append(json::encode(r));
    return QJsonObject{{QStringLiteral("requests"), array}};
}

void printRequest(QTextStream &out, const ChangeRequest &r)
{
    out << "申请编号 " << r.requestNo << "（id " << r.id << "），" << whom(r) << "，状态 " << changeStateName(r.state)
        << (r.key ? "，关键信息" : "，非关键信息") << (r.signed_ ? "，已签名" : "")
        << (r.creditCodeOverridden ? "，信用代码校验未通过（已确认）" : "") << (r.idUpgrade ? "，身份证号码升位" : "")
        << '\n';
    TextTable table({QStringLiteral("项目"), QStringLiteral("类别"), QStringLiteral("变更前"), QStringLiteral("变更后")});
    for (const FieldChange &c : r.fields)
        table.addRow({c.label, c.key ? QStringLiteral("关键") : QStringLiteral("一般"), shown(r, c, c.before),
                      shown(r, c, c.after)});
    table.print(out);
    if (!r.attachments.isEmpty()) {
        QStringList files;
        for (const ChangeAttachment &a : r.attachments)
            files << QStringLiteral("%1 %2").arg(attachmentKindName(a.kind), a.fileName);
        out << "证明材料：" << files.join(QStringLiteral("；")) << '\n';
    }
    if (r.state == ChangeState::Rejected && !r.rejectReason.isEmpty())
        out << "退回原因：" << r.rejectReason << '\n';
    if (r.state == ChangeState::Pending) {
        if (r.signed_)
            out << "已用数字证书签名，无需报送纸质表，等待社保经办机构审核。\n";
        else
            out << "请打印《" << ChangeForm::title(r.target)
                << "》（--form FILE.pdf），加盖单位公章后连同证明材料原件交社保经办机构窗口审核。\n";
    }
}

void printRequestList(QTextStream &out, const QList<ChangeRequest> &requests)
{
    TextTable table({QStringLiteral("id"), QStringLiteral("申请编号"), QStringLiteral("对象"), QStringLiteral("状态"),
                     QStringLiteral("关键"), QStringLiteral("变更项目"), QStringLiteral("申请时间"),
                     QStringLiteral("签名"), QStringLiteral("退回原因")});
    for (const ChangeRequest &r : requests) {
        QStringList labels;
        for (const FieldChange &c : r.fields)
            labels << c.label;
        table.addRow({QString::number(r.id), r.requestNo, whom(r), changeStateName(r.state),
                      r.key ? QStringLiteral("是") : QStringLiteral("否"), labels.join(QStringLiteral("、")),
                      r.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                      r.signed_ ? QStringLiteral("是") : QStringLiteral("否"),
                      r.rejectReason.isEmpty() ? QStringLiteral("-") : r.rejectReason});
    }
    table.print(out);
    out << requests.size() << " 个申请\n";
}

} // namespace shebao::cli
