#include <QJsonObject>

#include "ArgumentReader.h"
#include "BillOutput.h"
#include "CliContext.h"
#include "Command.h"
#include "app/BillService.h"
#include "app/BillSlip.h"
#include "models/bill/BillJson.h"

namespace shebao::cli {

namespace {

// 网上缴费 → 断档补缴 without a window (docs/bills.md): `arrears gaps` shows a person's gaps with the
// unit, `arrears estimate` the amounts a bill would have today (nothing stored), `arrears bill`
// generates the 断档缴费单 (不参与单位结算) and with --slip writes its 缴费单 as PDF. The server
// computes every amount; the desktop's BillService and BillSlip do the work.
class ArrearsCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("arrears"); }
    QString usage() const override
    {
        return QStringLiteral("arrears gaps --id ID_NUMBER [--employed-from YYYY-MM] | arrears estimate|bill --id ID_NUMBER "
                              "--wage YUAN [--from YYYY-MM] [--to YYYY-MM] [--employed-from YYYY-MM] [--slip FILE.pdf]");
    }
    QString summary() const override
    {
        return QStringLiteral("断档补缴: a person's gaps, the estimate, or generate the bill and its slip (needs a login)");
    }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        // Options first: their values are not positional arguments.
        const std::optional<QString> id = reader.value(QStringLiteral("--id"));
        auto employedFrom = monthOption(reader, QStringLiteral("--employed-from"));
        const std::optional<QString> wageText = reader.value(QStringLiteral("--wage"));
        auto from = monthOption(reader, QStringLiteral("--from"));
        auto to = monthOption(reader, QStringLiteral("--to"));
        const std::optional<QString> slip = reader.value(QStringLiteral("--slip"));
        const QStringList positional = reader.positional();
        const QString action = positional.value(0);
        if (positional.size() != 1 || (action != u"gaps" && action != u"estimate" && action != u"bill"))
            return context.fail(usageError(QStringLiteral("用法：shebao-cli %1").arg(usage())));
        const bool gapsOnly = action == u"gaps";
        const auto given = [](const Result<std::optional<YearMonth>> &month) { return !month || month.value(); };
        if ((gapsOnly && (wageText || given(from) || given(to)))
            || (action != u"bill" && slip))
            return context.fail(usageError(
                gapsOnly ? QStringLiteral("arrears gaps 只接受 --id 和 --employed-from")
                         : QStringLiteral("--slip 只用于 arrears bill"),
                {}));
        if (!reader.missingValue().isEmpty())
            return context.fail(usageError(QStringLiteral("选项 %1 缺少取值").arg(reader.missingValue()), reader.missingValue()));
        if (const QString unknown = reader.unknown(); !unknown.isEmpty())
            return context.fail(usageError(QStringLiteral("arrears %1 不认识参数 %2").arg(action, unknown), {}));
        for (const auto *month : {&employedFrom, &from, &to}) {
            if (!*month)
                return context.fail(month->error());
        }
        if (!id)
            return context.fail(usageError(QStringLiteral("缺少 --id（公民身份号码）"), QStringLiteral("id_number")));

        if (action == u"gaps")
            return gaps(context, *id, employedFrom.value());

        if (!wageText)
            return context.fail(usageError(QStringLiteral("缺少 --wage（缴费工资，元，如 5000.00）"), QStringLiteral("wage")));
        const std::optional<Money> wage = Money::parseYuan(*wageText);
        if (!wage)
            return failBill(context, Error{QStringLiteral("arrears.wage"),
                                           QStringLiteral("缴费工资“%1”无效：须为大于0的金额，最多两位小数").arg(*wageText),
                                           {}, QStringLiteral("wage")});
        BillRequest request;
        request.idNumber = *id;
        request.wage = *wage;
        request.employedFrom = employedFrom.value();
        request.from = from.value();
        request.to = to.value();
        // The server's own rules first: a wrong entry is named without logging in.
        if (Result<BillRequest> checked = BillService::checked(request); !checked)
            return failBill(context, checked.error());
        return action == u"estimate" ? estimate(context, request) : bill(context, request, slip);
    }

private:
    static Result<ApiClient *> loggedIn(CliContext &context)
    {
        auto login = context.login();
        if (!login)
            return login.error();
        return context.api();
    }

    static int gaps(CliContext &context, const QString &id, std::optional<YearMonth> employedFrom)
    {
        auto api = loggedIn(context);
        if (!api)
            return context.fail(api.error());
        BillService service(api.value(), nullptr);
        auto gaps = context.wait<ArrearsGaps>([&](QObject *c, auto done) { service.gaps(id, employedFrom, c, std::move(done)); });
        if (!gaps)
            return failBill(context, gaps.error());
        if (context.json())
            context.printJson(json::encode(gaps.value()));
        else
            printGaps(context.out(), gaps.value());
        return ExitOk;
    }

    static int estimate(CliContext &context, const BillRequest &request)
    {
        auto api = loggedIn(context);
        if (!api)
            return context.fail(api.error());
        BillService service(api.value(), nullptr);
        auto estimate =
            context.wait<ArrearsEstimate>([&](QObject *c, auto done) { service.estimate(request, c, std::move(done)); });
        if (!estimate)
            return failBill(context, estimate.error());
        if (context.json())
            context.printJson({{QStringLiteral("estimate"), json::encode(estimate.value())}});
        else
            printEstimate(context.out(), estimate.value());
        return ExitOk;
    }

    static int bill(CliContext &context, const BillRequest &request, const std::optional<QString> &slip)
    {
        auto api = loggedIn(context);
        if (!api)
            return context.fail(api.error());
        BillService service(api.value(), nullptr);
        auto bill = context.wait<Bill>([&](QObject *c, auto done) { service.create(request, c, std::move(done)); });
        if (!bill)
            return failBill(context, bill.error());
        std::optional<PrintedForm> written;
        if (slip) {
            auto pdf = BillSlip::writePdf(bill.value(), *slip);
            if (!pdf) {
                context.fail(pdf.error());
                context.err() << "缴费单已生成（业务单据号 " << bill.value().number
                              << "），可用 shebao-cli bills show " << bill.value().number << " --slip FILE.pdf 重新打印。\n";
                return ExitCannotRun;
            }
            written = pdf.value();
        }
        if (context.json()) {
            QJsonObject object{{QStringLiteral("bill"), json::encode(bill.value())}};
            if (written)
                object.insert(QStringLiteral("slip"), slipJson(*written));
            context.printJson(object);
            return ExitOk;
        }
        context.out() << "已生成断档缴费单。\n";
        printBill(context.out(), bill.value());
        if (written)
            context.out() << "缴费单已写入 " << *slip << "（" << written->pages << " 页）\n";
        return ExitOk;
    }
};

const RegisterCommand<ArrearsCommand> registered;

} // namespace

} // namespace shebao::cli
