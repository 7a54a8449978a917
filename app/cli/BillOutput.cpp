#include "BillOutput.h"

#include <QHash>

#include <algorithm>

#include "ArgumentReader.h"
#include "CliContext.h"
#include "Command.h"
#include "TextTable.h"
#include "models/export/DeclarationRows.h"

namespace shebao::cli {

namespace {

QString ranges(const QList<GapRange> &list, bool withBill = false)
{
    QStringList parts;
    for (const GapRange &r : list) {
        QString part = r.from == r.to ? r.from.toString()
                                      : QStringLiteral("%1 至 %2").arg(r.from.toString(), r.to.toString());
        part += QStringLiteral("（%1 个月").arg(r.months);
        if (withBill && !r.billNumber.isEmpty())
            part += QStringLiteral("，缴费单 %1").arg(r.billNumber);
        parts << part + QStringLiteral("）");
    }
    return parts.isEmpty() ? QStringLiteral("无") : parts.join(QStringLiteral("；"));
}

QString beijing(const QDateTime &utc)
{
    return utc.isValid() ? utc.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString months(const Bill &b)
{
    if (!b.firstMonth.isValid())
        return QString();
    return QStringLiteral("%1 至 %2（%3 个月）").arg(b.firstMonth.toString(), b.lastMonth.toString()).arg(b.monthCount);
}

} // namespace

bool isBillInputProblem(const Error &error)
{
    for (const char *prefix : {"arrears.", "bill.", "bills.", "id.", "policy."}) {
        if (error.code.startsWith(QLatin1String(prefix)))
            return true;
    }
    return false;
}

int failBill(CliContext &context, const Error &error)
{
    // shebao-cli loads no translation: the local checks' refusals are printed with the contract's
    // Chinese text (docs/bills.md "Errors"), the same the server would answer.
    static const QHash<QString, QString> contract{
        {QStringLiteral("arrears.wage"), QStringLiteral("缴费工资须为大于0的金额，最多两位小数")},
        {QStringLiteral("arrears.employed_from"),
         QStringLiteral("用工起始年月须在1995年1月之后、首次参保之前，且不早于年满16周岁当月")},
        {QStringLiteral("arrears.window"), QStringLiteral("补缴起止年月格式应为YYYY-MM，且起始不晚于终止")},
        {QStringLiteral("arrears.settlement"),
         QStringLiteral("参与单位结算的补缴随单位月度缴费征收，本系统只能生成不参与单位结算的断档缴费单")},
        {QStringLiteral("bill.number"), QStringLiteral("业务单据号应为17位数字且校验位正确")},
        {QStringLiteral("bills.dates"), QStringLiteral("起始出单日期不能晚于终止出单日期")},
    };
    Error shown = error;
    const bool chinese = std::any_of(error.message.cbegin(), error.message.cend(),
                                     [](QChar c) { return c.script() == QChar::Script_Han; });
    if (!chinese && contract.contains(error.code))
        shown.message = contract.value(error.code);
    const int code = context.fail(shown);
    return isBillInputProblem(error) ? int(ExitInputProblems) : code;
}

void printGaps(QTextStream &out, const ArrearsGaps &g)
{
    out << "姓名：" << g.personName << "  公民身份号码：" << g.idNumberMasked << "  个人编号：" << g.personNo << '\n'
        << "当前年月：" << g.currentMonth.toString() << "，可补缴的断档月份至 " << g.latestEligible.toString()
        << "（近三个月的断档请通过异动申报办理）\n";
    if (g.units.isEmpty())
        out << "没有单位记录。\n";
    for (const UnitGaps &u : g.units) {
        out << '\n'
            << "单位 " << u.unitNo << ' ' << u.unitName << "（工伤风险类别 " << u.riskClass << "，参保险种 "
            << DeclarationRows::insuranceNames(u.insurances) << "，建议缴费工资 " << u.suggestedWage.toDisplayString()
            << " 元）\n"
            << "  参保区间：" << u.windowFrom.toString() << " 至 " << u.windowTo.toString() << '\n'
            << "  可补缴的断档：" << ranges(u.eligible) << "，共 " << u.eligibleMonths() << " 个月\n"
            << "  近三个月的断档（请通过异动申报办理）：" << ranges(u.recent) << '\n'
            << "  已在未缴费的缴费单中：" << ranges(u.billed, true) << '\n';
    }
}

void printEstimate(QTextStream &out, const ArrearsEstimate &e)
{
    out << "政策参数表：" << e.policyName;
    if (!e.policyRegion.isEmpty())
        out << "（行政区划 " << e.policyRegion << "）";
    out << '\n' << "使用的政策期间：" << e.periods.join(QStringLiteral("，")) << '\n'
        << "滞纳金计算至：" << e.calculationDate.toString(Qt::ISODate) << "（含当日）\n\n";
    QStringList header{QStringLiteral("所属期"), QStringLiteral("缴费基数")};
    QStringList codes;
    for (const ArrearsMonth &m : e.months) {
        for (const ArrearsItem &item : m.items) {
            if (!codes.contains(item.insurance))
                codes << item.insurance;
        }
    }
    for (const QString &code : std::as_const(codes)) {
        const QString name = DeclarationRows::insuranceNames({code});
        header << name + QStringLiteral("单位") << name + QStringLiteral("个人");
    }
    header << QStringLiteral("本金") << QStringLiteral("滞纳天数") << QStringLiteral("滞纳金");
    TextTable table(header);
    for (const ArrearsMonth &m : e.months) {
        QString base = m.base.base.toDisplayString();
        if (m.base.clamp == BaseClamp::Lower)
            base += QStringLiteral("（按下限）");
        else if (m.base.clamp == BaseClamp::Upper)
            base += QStringLiteral("（按上限）");
        QStringList row{m.month.toString(), base};
        for (const QString &code : std::as_const(codes)) {
            QString unit, person;
            for (const ArrearsItem &item : m.items) {
                if (item.insurance == code) {
                    unit = item.unit.toDisplayString();
                    person = item.person.toDisplayString();
                }
            }
            row << unit << person;
        }
        row << m.principal.toDisplayString() << QString::number(m.lateFeeDays)
            << m.lateFee.toDisplayString() + (m.lateFeeCapped ? QStringLiteral("（封顶）") : QString());
        table.addRow(row);
    }
    table.print(out);
    out << "本金合计：" << e.principal.toDisplayString() << " 元\n"
        << "滞纳金合计：" << e.lateFee.toDisplayString() << " 元\n"
        << "应缴合计：" << e.total.toDisplayString() << " 元（" << e.months.size() << " 个月）\n";
}

void printBill(QTextStream &out, const Bill &b)
{
    out << "业务单据号：" << b.number << "  状态：" << billStateName(b.state) << '\n'
        << "单位：" << b.unitNo << ' ' << b.unitName << '\n'
        << "姓名：" << b.personName << "  公民身份号码：" << b.idNumberMasked << "  个人编号：" << b.personNo << '\n'
        << "补缴所属期：" << months(b) << "  参保险种：" << DeclarationRows::insuranceNames(b.insurances)
        << "  缴费工资：" << b.wage.toDisplayString() << " 元\n"
        << "本金：" << b.principal.toDisplayString() << " 元  滞纳金：" << b.lateFee.toDisplayString()
        << " 元  合计：" << b.total.toDisplayString() << " 元\n"
        << "政策参数表：" << b.policyName << "  滞纳金计算至：" << b.calculationDate.toString(Qt::ISODate) << '\n'
        << "限缴日期：" << b.payBy.toString(Qt::ISODate) << "（逾期失效）\n";
    if (b.payment)
        out << "缴费：" << beijing(b.payment->paidAt) << "，" << (b.payment->channel == u"online" ? "网上缴费" : "银行柜台")
            << "，流水号 " << b.payment->transactionId << '\n';
    if (b.state == BillState::Cancelled)
        out << "作废时间：" << beijing(b.cancelledAt) << '\n';
    if (b.state == BillState::Unpaid)
        out << "网上缴费：" << (b.paymentUrl.isEmpty() ? QStringLiteral("未开通（请打印缴费单到银行网点缴费）") : b.paymentUrl)
            << '\n';
}

void printBillList(QTextStream &out, const QList<Bill> &bills)
{
    if (bills.isEmpty()) {
        out << "没有符合条件的缴费单。\n";
        return;
    }
    TextTable table({QStringLiteral("业务单据号"), QStringLiteral("状态"), QStringLiteral("姓名"),
                     QStringLiteral("公民身份号码"), QStringLiteral("所属期"), QStringLiteral("合计"),
                     QStringLiteral("出单时间"), QStringLiteral("限缴日期")});
    for (const Bill &b : bills)
        table.addRow({b.number, billStateName(b.state), b.personName, b.idNumberMasked, months(b),
                      b.total.toDisplayString(), beijing(b.createdAt), b.payBy.toString(Qt::ISODate)});
    table.print(out);
}

QJsonObject slipJson(const PrintedForm &printed)
{
    return QJsonObject{{QStringLiteral("file"), printed.file}, {QStringLiteral("pages"), printed.pages}};
}

Result<std::optional<YearMonth>> monthOption(ArgumentReader &reader, const QString &name)
{
    const std::optional<QString> text = reader.value(name);
    if (!text)
        return std::optional<YearMonth>();
    const std::optional<YearMonth> month = YearMonth::parse(*text);
    if (!month)
        return usageError(QStringLiteral("%1 应为年月 YYYY-MM，而不是“%2”").arg(name, *text), name);
    return std::optional<YearMonth>(month);
}

} // namespace shebao::cli
