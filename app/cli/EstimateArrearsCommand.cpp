#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include "ArgumentReader.h"
#include "CliContext.h"
#include "Command.h"
#include "TextTable.h"
#include "models/policy/ArrearsCalculator.h"

namespace shebao::cli {

namespace {

const QString DefaultRegion = QStringLiteral("430100");

// --policy accepts a file or a region code of an embedded table ("430100"); a file of that
// name wins, so a table saved as ./430100 is still read from disk.
Result<PolicyTable> loadPolicy(const QString &policy)
{
    static const QRegularExpression regionCode(QStringLiteral("^\\d{6}$"));
    if (regionCode.match(policy).hasMatch() && !QFileInfo::exists(policy))
        return PolicyTable::forRegion(policy);
    return PolicyTable::load(policy);
}

// The JSON of issue 6, exactly: amounts as yuan strings, nothing else added.
QJsonObject estimateJson(const ArrearsEstimate &estimate)
{
    QJsonArray months;
    for (const ArrearsMonth &month : estimate.months) {
        QJsonArray items;
        for (const ArrearsItem &item : month.items) {
            items.append(QJsonObject{{QStringLiteral("insurance"), item.insurance},
                                     {QStringLiteral("unit"), item.unit.toYuanString()},
                                     {QStringLiteral("person"), item.person.toYuanString()}});
        }
        months.append(QJsonObject{{QStringLiteral("month"), month.month.toString()},
                                  {QStringLiteral("base"), month.base.base.toYuanString()},
                                  {QStringLiteral("items"), items},
                                  {QStringLiteral("principal"), month.principal.toYuanString()},
                                  {QStringLiteral("late_fee_days"), month.lateFeeDays},
                                  {QStringLiteral("late_fee"), month.lateFee.toYuanString()}});
    }
    return QJsonObject{{QStringLiteral("policy"), estimate.policyName},
                       {QStringLiteral("months"), months},
                       {QStringLiteral("principal"), estimate.principal.toYuanString()},
                       {QStringLiteral("late_fee"), estimate.lateFee.toYuanString()},
                       {QStringLiteral("total"), estimate.total.toYuanString()}};
}

void printHuman(QTextStream &out, const PolicyTable &table, const ArrearsEstimate &estimate)
{
    out << "政策参数表：" << estimate.policyName;
    if (!estimate.policyRegion.isEmpty())
        out << "（行政区划 " << estimate.policyRegion << "）";
    out << '\n';
    if (!estimate.policySource.isEmpty())
        out << "参数来源：" << estimate.policySource << '\n';
    out << "参数文件：" << (table.origin().isEmpty() ? QStringLiteral("内置") : table.origin()) << '\n';
    out << "使用的政策期间：" << estimate.periods.join(QStringLiteral("，")) << '\n';
    out << "滞纳金计算至：" << estimate.calculationDate.toString(Qt::ISODate) << "（含当日）\n\n";

    QStringList header{QStringLiteral("所属期"), QStringLiteral("缴费基数")};
    QStringList insurances;
    if (!estimate.months.isEmpty()) {
        for (const ArrearsItem &item : estimate.months.first().items) {
            insurances << item.insurance;
            header << QStringLiteral("%1 单位").arg(item.insurance) << QStringLiteral("%1 个人").arg(item.insurance);
        }
    }
    header << QStringLiteral("本金") << QStringLiteral("滞纳天数") << QStringLiteral("滞纳金");
    TextTable rows(header);
    for (const ArrearsMonth &month : estimate.months) {
        QString base = month.base.base.toDisplayString();
        if (month.base.clamp == BaseClamp::Lower)
            base += QStringLiteral("（按下限）");
        else if (month.base.clamp == BaseClamp::Upper)
            base += QStringLiteral("（按上限）");
        QStringList row{month.month.toString(), base};
        for (const ArrearsItem &item : month.items)
            row << item.unit.toDisplayString() << item.person.toDisplayString();
        row << month.principal.toDisplayString() << QString::number(month.lateFeeDays)
            << month.lateFee.toDisplayString() + (month.lateFeeCapped ? QStringLiteral("（封顶）") : QString());
        rows.addRow(row);
    }
    rows.print(out);
    out << '\n';
    for (const QString &code : insurances)
        out << code << ' ' << table.insurances().value(code) << '\n';
    out << "本金合计：" << estimate.principal.toDisplayString() << " 元\n"
        << "滞纳金合计：" << estimate.lateFee.toDisplayString() << " 元\n"
        << "应缴合计：" << estimate.total.toDisplayString() << " 元\n";
}

// 断档补缴 estimate without a server (issue 6): the arithmetic of shared/domain/arrears.md over
// a policy table file or an embedded table.
class EstimateArrearsCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("estimate-arrears"); }
    QString usage() const override
    {
        return QStringLiteral("estimate-arrears --policy FILE|REGION --months 2023-01..2023-06 --wage 5000.00 "
                              "--risk-class 2 [--insurances 110,210,410] [--on 2024-06-30]");
    }
    QString summary() const override { return QStringLiteral("contributions and late fees of missed months (no server)"); }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        const std::optional<QString> policyArg = reader.value(QStringLiteral("--policy"));
        const std::optional<QString> monthsArg = reader.value(QStringLiteral("--months"));
        const std::optional<QString> wageArg = reader.value(QStringLiteral("--wage"));
        const std::optional<QString> riskArg = reader.value(QStringLiteral("--risk-class"));
        const std::optional<QString> insurancesArg = reader.value(QStringLiteral("--insurances"));
        const std::optional<QString> onArg = reader.value(QStringLiteral("--on"));
        if (!reader.missingValue().isEmpty())
            return context.fail(usageError(QStringLiteral("选项 %1 缺少取值").arg(reader.missingValue()),
                                              reader.missingValue()));
        if (const QString unknown = reader.unknown(); !unknown.isEmpty())
            return context.fail(usageError(QStringLiteral("estimate-arrears 不认识参数 %1").arg(unknown), {}));

        Result<PolicyTable> table = loadPolicy(policyArg.value_or(DefaultRegion));
        if (!table)
            return context.fail(table.error());

        if (!monthsArg)
            return context.fail(usageError(QStringLiteral("缺少 --months（费款所属期，如 2023-01..2023-06）"),
                                              QStringLiteral("months")));
        const auto range = YearMonth::parseRange(*monthsArg);
        if (!range)
            return context.fail(usageError(
                QStringLiteral("所属期范围“%1”无效：应为 YYYY-MM..YYYY-MM，且起始月不晚于结束月").arg(*monthsArg),
                QStringLiteral("months")));

        if (!wageArg)
            return context.fail(usageError(QStringLiteral("缺少 --wage（月工资，元，如 5000.00）"),
                                              QStringLiteral("wage")));
        const std::optional<Money> wage = Money::parseYuan(*wageArg);
        if (!wage)
            return context.fail(usageError(
                QStringLiteral("月工资“%1”无效：应为金额（元），最多两位小数").arg(*wageArg), QStringLiteral("wage")));

        ArrearsRequest request;
        request.monthlyWage = *wage;
        request.months = YearMonth::range(range->first, range->second);
        if (insurancesArg) {
            for (const QString &code : insurancesArg->split(u',', Qt::SkipEmptyParts))
                request.insurances << code.trimmed();
            if (request.insurances.isEmpty())
                return context.fail(usageError(QStringLiteral("--insurances 至少要列出一个险种代码"),
                                                  QStringLiteral("insurances")));
        }
        if (riskArg) {
            bool ok = false;
            request.riskClass = riskArg->toInt(&ok);
            if (!ok)
                return context.fail(usageError(
                    QStringLiteral("工伤风险类别“%1”无效：应为 1 至 8").arg(*riskArg), QStringLiteral("risk_class")));
        }
        if (onArg) {
            request.calculationDate = QDate::fromString(*onArg, Qt::ISODate);
            if (!request.calculationDate.isValid())
                return context.fail(usageError(
                    QStringLiteral("计算日期“%1”无效：应为 YYYY-MM-DD").arg(*onArg), QStringLiteral("on")));
        } else {
            request.calculationDate = QDate::currentDate();
        }

        const ArrearsCalculator calculator(table.value());
        Result<ArrearsEstimate> estimate = calculator.estimate(request);
        if (!estimate)
            return context.fail(estimate.error());
        if (context.json())
            context.printJson(estimateJson(estimate.value()));
        else
            printHuman(context.out(), table.value(), estimate.value());
        return ExitOk;
    }
};

const RegisterCommand<EstimateArrearsCommand> registered;

} // namespace

} // namespace shebao::cli
