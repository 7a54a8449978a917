// `enrolment-certificates list|show|revoke`: the counter's side of 参保证明
// (docs/certificates.md). A unit that printed a certificate by mistake, or whose facts were
// wrong, has it revoked; every verification then answers 已撤销 with the reason.
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>

#include "AdminContext.h"
#include "Commands.h"
#include "app/cli/ArgumentReader.h"
#include "app/cli/TextTable.h"
#include "models/certificate/CertificateJson.h"

namespace shebao::admin {

namespace {

using cli::ArgumentReader;

QString time(const QDateTime &at)
{
    return at.isValid() ? at.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
}

void printCertificate(QTextStream &out, const IssuedCertificate &r)
{
    const CertificateContent &c = r.content;
    out << certificateKindName(c.kind) << "  " << c.number << "  状态：" << certificateStateName(r.state) << '\n'
        << "验证码：" << CertificateCode::grouped(c.code) << "  核验地址：" << r.url << '\n'
        << "单位：" << c.unitNo << ' ' << c.unitName << "  统一社会信用代码：" << c.creditCode << '\n'
        << "打印用途：" << c.purpose << "  出具：" << time(c.issuedAt) << "  有效期至：" << time(c.validUntil) << '\n';
    if (r.state == CertificateState::Revoked)
        out << "撤销：" << time(r.revokedAt) << ' ' << r.revokedBy << "（" << r.revokeReason << "）\n";
    switch (c.kind) {
    case CertificateKind::Unit: {
        cli::TextTable table({QStringLiteral("险种"), QStringLiteral("参保人数"), QStringLiteral("缴费人数"),
                              QStringLiteral("首次参保年月"), QStringLiteral("缴至年月"), QStringLiteral("欠费")});
        for (const InsuranceSummary &s : c.insurances)
            table.addRow({s.insuranceName, QString::number(s.insuredCount), QString::number(s.payingCount), s.firstMonth,
                          s.paidToMonth, s.arrears ? QStringLiteral("是") : QStringLiteral("否")});
        table.print(out);
        out << "参保总人数 " << c.insuredTotal << "，缴费总人数 " << c.payingTotal << '\n';
        break;
    }
    case CertificateKind::Roster:
        out << "名单：" << c.roster.size() << " 人（" << c.asOfMonth << " 正常缴费）\n";
        break;
    case CertificateKind::Person:
        out << "人员：" << c.personNo << ' ' << c.personName << ' ' << c.personIdNumberMasked << "，" << c.periods.size()
            << " 段参保记录\n";
        break;
    }
}

Result<QString> number(const QStringList &positional)
{
    if (positional.size() != 1 || positional.first().trimmed().isEmpty())
        return Error{QStringLiteral("cli.usage"),
                     QStringLiteral("需要一个证明编号（如 ZM20261204000001），见 enrolment-certificates list"), {}, {}};
    return positional.first().trimmed();
}

int list(AdminContext &context, StaffClient *staff, ArgumentReader &reader)
{
    const QString unit = reader.value(QStringLiteral("--unit")).value_or(QString());
    if (!reader.missingValue().isEmpty() || !reader.unknown().isEmpty() || !reader.positional().isEmpty())
        return context.usageError(QStringLiteral("用法：enrolment-certificates list [--unit UNIT_NO]"));
    QUrlQuery query;
    if (!unit.isEmpty())
        query.addQueryItem(QStringLiteral("unit_no"), unit);
    auto reply = context.wait<QJsonDocument>([&](QObject *c, StaffClient::Callback<QJsonDocument> done) {
        staff->api()->getJson(QStringLiteral("/staff/enrolment-certificates"), query, c, std::move(done));
    });
    if (!reply)
        return context.fail(reply.error());
    const QJsonArray rows = reply.value().object().value(QLatin1String("certificates")).toArray();
    if (context.json()) {
        context.printJson(reply.value().object());
        return ExitOk;
    }
    cli::TextTable table({QStringLiteral("证明编号"), QStringLiteral("类型"), QStringLiteral("单位编号"), QStringLiteral("单位名称"),
                          QStringLiteral("人员"), QStringLiteral("打印用途"), QStringLiteral("出具时间"), QStringLiteral("状态")});
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        auto row = json::decodeIssuedCertificate(o);
        if (!row)
            return context.fail(row.error());
        const CertificateContent &c = row.value().content;
        table.addRow({c.number, certificateKindName(c.kind), o.value(QLatin1String("unit_no")).toString(),
                      o.value(QLatin1String("unit_name")).toString(), c.personName.isEmpty() ? QStringLiteral("-") : c.personName,
                      c.purpose, time(c.issuedAt), certificateStateName(row.value().state)});
    }
    table.print(context.out());
    context.out() << rows.size() << " 份参保证明\n";
    return ExitOk;
}

int show(AdminContext &context, StaffClient *staff, ArgumentReader &reader)
{
    auto no = number(reader.positional());
    if (!no)
        return context.fail(no.error());
    if (!reader.unknown().isEmpty())
        return context.usageError(QStringLiteral("用法：enrolment-certificates show NUMBER"));
    auto reply = context.wait<QJsonDocument>([&](QObject *c, StaffClient::Callback<QJsonDocument> done) {
        staff->api()->getJson(QStringLiteral("/staff/enrolment-certificates/%1").arg(no.value()), {}, c, std::move(done));
    });
    if (!reply)
        return context.fail(reply.error());
    auto record = json::decodeIssuedCertificate(reply.value().object());
    if (!record)
        return context.fail(record.error());
    if (context.json())
        context.printJson(reply.value().object());
    else
        printCertificate(context.out(), record.value());
    return ExitOk;
}

int revoke(AdminContext &context, StaffClient *staff, ArgumentReader &reader)
{
    const std::optional<QString> reason = reader.value(QStringLiteral("--reason"));
    auto no = number(reader.positional());
    if (!no)
        return context.fail(no.error());
    if (!reader.missingValue().isEmpty() || !reader.unknown().isEmpty())
        return context.usageError(QStringLiteral("用法：enrolment-certificates revoke NUMBER --reason 原因"));
    if (reason.value_or(QString()).trimmed().isEmpty())
        return context.usageError(QStringLiteral("撤销须用 --reason 写明原因"));
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto reply = context.wait<QJsonDocument>([&](QObject *c, StaffClient::Callback<QJsonDocument> done) {
        staff->api()->postJson(QStringLiteral("/staff/enrolment-certificates/%1/revoke").arg(no.value()),
                               QJsonObject{{QStringLiteral("reason"), reason->trimmed()}}, key, c, std::move(done));
    });
    if (!reply)
        return context.fail(reply.error());
    auto record = json::decodeIssuedCertificate(reply.value().object());
    if (!record)
        return context.fail(record.error());
    if (context.json()) {
        context.printJson(reply.value().object());
        return ExitOk;
    }
    context.out() << record.value().content.number << ' ' << record.value().content.unitName << "：已撤销（"
                  << record.value().revokeReason << "），核验时将显示“已撤销”。\n";
    return ExitOk;
}

} // namespace

int runEnrolmentCertificates(AdminContext &context, const QStringList &args)
{
    if (args.isEmpty())
        return context.usageError(QStringLiteral("用法：enrolment-certificates list|show|revoke ..."));
    const QString verb = args.first();
    if (verb != QLatin1String("list") && verb != QLatin1String("show") && verb != QLatin1String("revoke"))
        return context.usageError(QStringLiteral("enrolment-certificates 没有子命令 %1").arg(verb));
    ArgumentReader reader(args.mid(1));
    auto staff = context.login();
    if (!staff)
        return context.fail(staff.error());
    if (verb == QLatin1String("list"))
        return list(context, staff.value(), reader);
    if (verb == QLatin1String("show"))
        return show(context, staff.value(), reader);
    return revoke(context, staff.value(), reader);
}

} // namespace shebao::admin
