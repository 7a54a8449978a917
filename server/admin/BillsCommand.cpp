// `bills list|show`: the agency's view of 断档缴费单 (docs/bills.md, Staff) — which units issued
// which bills, whether they were paid (by which bank, which transaction), and what a bill was
// computed from.
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include "AdminContext.h"
#include "Commands.h"
#include "app/cli/ArgumentReader.h"
#include "app/cli/TextTable.h"
#include "models/bill/BillJson.h"

namespace shebao::admin {

namespace {

using cli::ArgumentReader;

QString time(const QDateTime &at)
{
    return at.isValid() ? at.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
}

QString months(const Bill &b)
{
    return b.firstMonth == b.lastMonth ? b.firstMonth.toString() : b.firstMonth.toString() + QStringLiteral("..") + b.lastMonth.toString();
}

void printBill(QTextStream &out, const Bill &b)
{
    out << "业务单据号：" << b.number << "  状态：" << billStateName(b.state) << "（" << billStateCode(b.state) << "）\n"
        << "单位：" << b.unitNo << ' ' << b.unitName << "  工伤风险类别：" << b.riskClass << '\n'
        << "人员：" << b.personNo << ' ' << b.personName << ' ' << b.idNumberMasked << '\n'
        << "险种：" << b.insurances.join(QStringLiteral("、")) << "  缴费工资：" << b.wage.toDisplayString() << " 元\n"
        << "所属期：" << months(b) << "（" << b.monthCount << " 个月）\n"
        << "本金：" << b.principal.toDisplayString() << "  滞纳金：" << b.lateFee.toDisplayString()
        << "  合计：" << b.total.toDisplayString() << " 元\n"
        << "计算日期：" << b.calculationDate.toString(Qt::ISODate) << "  限缴日期：" << b.payBy.toString(Qt::ISODate)
        << "  生成：" << time(b.createdAt) << ' ' << b.createdBy << '\n'
        << "政策参数表：" << b.policyName << '\n';
    if (b.payment)
        out << "缴费：" << time(b.payment->paidAt) << "  银行 " << b.payment->bankId << "  流水号 " << b.payment->transactionId
            << "（" << (b.payment->channel == QLatin1String("online") ? "网上缴费" : "柜台缴费") << "）  "
            << b.payment->amount.toDisplayString() << " 元\n";
    if (b.state == BillState::Cancelled)
        out << "作废：" << time(b.cancelledAt) << '\n';
    if (b.hasEstimate) {
        cli::TextTable table({QStringLiteral("所属期"), QStringLiteral("缴费基数"), QStringLiteral("本金"), QStringLiteral("滞纳天数"),
                              QStringLiteral("滞纳金")});
        for (const ArrearsMonth &m : b.estimate.months)
            table.addRow({m.month.toString(), m.base.base.toYuanString(), m.principal.toYuanString(), QString::number(m.lateFeeDays),
                          m.lateFee.toYuanString()});
        table.print(out);
    }
}

int list(AdminContext &context, StaffClient *staff, ArgumentReader &reader)
{
    const QString unit = reader.value(QStringLiteral("--unit")).value_or(QString());
    const QString state = reader.value(QStringLiteral("--state")).value_or(QString());
    if (!reader.missingValue().isEmpty() || !reader.unknown().isEmpty() || !reader.positional().isEmpty())
        return context.usageError(QStringLiteral("用法：bills list [--unit UNIT_NO] [--state unpaid|paid|expired|cancelled]"));
    BillState parsed;
    if (!state.isEmpty() && !parseBillState(state, &parsed))
        return context.usageError(QStringLiteral("--state 须为 unpaid、paid、expired 或 cancelled"));
    // Every page: the counter wants the whole list, newest first.
    QJsonArray rows;
    QString cursor;
    do {
        QUrlQuery query;
        if (!unit.isEmpty())
            query.addQueryItem(QStringLiteral("unit_no"), unit);
        if (!state.isEmpty())
            query.addQueryItem(QStringLiteral("state"), state);
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
        if (!cursor.isEmpty())
            query.addQueryItem(QStringLiteral("cursor"), cursor);
        auto reply = context.wait<QJsonDocument>([&](QObject *c, StaffClient::Callback<QJsonDocument> done) {
            staff->api()->getJson(QStringLiteral("/staff/bills"), query, c, std::move(done));
        });
        if (!reply)
            return context.fail(reply.error());
        for (const QJsonValue &v : reply.value().object().value(QLatin1String("bills")).toArray())
            rows.append(v);
        cursor = reply.value().object().value(QLatin1String("next_cursor")).toString();
    } while (!cursor.isEmpty());
    if (context.json()) {
        context.printJson(QJsonObject{{QStringLiteral("bills"), rows}});
        return ExitOk;
    }
    cli::TextTable table({QStringLiteral("业务单据号"), QStringLiteral("状态"), QStringLiteral("单位编号"), QStringLiteral("单位名称"),
                          QStringLiteral("姓名"), QStringLiteral("所属期"), QStringLiteral("合计（元）"), QStringLiteral("限缴日期"),
                          QStringLiteral("生成时间")});
    for (const QJsonValue &v : std::as_const(rows)) {
        auto bill = json::decodeBill(v.toObject());
        if (!bill)
            return context.fail(bill.error());
        const Bill &b = bill.value();
        table.addRow({b.number, billStateName(b.state), b.unitNo, b.unitName, b.personName, months(b), b.total.toYuanString(),
                      b.payBy.toString(Qt::ISODate), time(b.createdAt)});
    }
    table.print(context.out());
    context.out() << rows.size() << " 张缴费单\n";
    return ExitOk;
}

int show(AdminContext &context, StaffClient *staff, ArgumentReader &reader)
{
    // positional() hands the arguments out once.
    const QStringList positional = reader.positional();
    if (positional.size() != 1 || !reader.unknown().isEmpty())
        return context.usageError(QStringLiteral("用法：bills show NUMBER（17 位业务单据号，见 bills list）"));
    const QString number = positional.constFirst().trimmed();
    auto reply = context.wait<QJsonDocument>([&](QObject *c, StaffClient::Callback<QJsonDocument> done) {
        staff->api()->getJson(QStringLiteral("/staff/bills/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(number))), {}, c,
                              std::move(done));
    });
    if (!reply)
        return context.fail(reply.error());
    auto bill = json::decodeBill(reply.value().object());
    if (!bill)
        return context.fail(bill.error());
    if (context.json())
        context.printJson(reply.value().object());
    else
        printBill(context.out(), bill.value());
    return ExitOk;
}

} // namespace

int runBills(AdminContext &context, const QStringList &args)
{
    if (args.isEmpty())
        return context.usageError(QStringLiteral("用法：bills list|show ..."));
    const QString verb = args.first();
    if (verb != QLatin1String("list") && verb != QLatin1String("show"))
        return context.usageError(QStringLiteral("bills 没有子命令 %1").arg(verb));
    ArgumentReader reader(args.mid(1));
    auto staff = context.login();
    if (!staff)
        return context.fail(staff.error());
    return verb == QLatin1String("list") ? list(context, staff.value(), reader) : show(context, staff.value(), reader);
}

} // namespace shebao::admin
