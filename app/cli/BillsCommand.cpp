#include <QJsonArray>
#include <QJsonObject>

#include <tuple>

#include "ArgumentReader.h"
#include "BillOutput.h"
#include "CliContext.h"
#include "Command.h"
#include "app/BillService.h"
#include "app/BillSlip.h"
#include "models/bill/BillJson.h"

namespace shebao::cli {

namespace {

// 网上缴费 → 银行缴费单查询 and 有单缴费 without a window: `bills` lists the unit's bills newest first
// (by state, issue date and person), `bills show NUMBER` shows one (with --id the person it must
// belong to, as 有单缴费 asks) and with --slip writes its 缴费单, `bills cancel NUMBER` 作废 an
// unpaid one.
class BillsCommand : public Command
{
public:
    QString name() const override { return QStringLiteral("bills"); }
    QString usage() const override
    {
        return QStringLiteral("bills [--state unpaid|paid|expired|cancelled] [--from YYYY-MM-DD] [--to YYYY-MM-DD] "
                              "[--id ID_NUMBER] [--limit N] | bills show NUMBER [--id ID_NUMBER] [--slip FILE.pdf] "
                              "| bills cancel NUMBER");
    }
    QString summary() const override
    {
        return QStringLiteral("银行缴费单查询, 有单缴费 (show, print the slip) and 作废 of 断档缴费单 (needs a login)");
    }

    int run(CliContext &context, const QStringList &args) override
    {
        ArgumentReader reader(args);
        // Options first: their values are not positional arguments.
        const std::optional<QString> state = reader.value(QStringLiteral("--state"));
        const std::optional<QString> from = reader.value(QStringLiteral("--from"));
        const std::optional<QString> to = reader.value(QStringLiteral("--to"));
        const std::optional<QString> id = reader.value(QStringLiteral("--id"));
        const std::optional<QString> limit = reader.value(QStringLiteral("--limit"));
        const std::optional<QString> slip = reader.value(QStringLiteral("--slip"));
        const QStringList positional = reader.positional();
        const QString action = positional.value(0);
        if (const int problem = leftovers(context, reader, action); problem >= 0)
            return problem;
        if (action == u"show" || action == u"cancel") {
            if (positional.size() != 2)
                return context.fail(usageError(QStringLiteral("bills %1 需要一个业务单据号").arg(action), QStringLiteral("number")));
            const bool listOptions = state || from || to || limit;
            if (listOptions || (action == u"cancel" && (id || slip)))
                return context.fail(usageError(action == u"show" ? QStringLiteral("bills show 只接受 --id 和 --slip")
                                                                 : QStringLiteral("bills cancel 只接受业务单据号"),
                                               {}));
            // A mistyped number is named before logging in (Damm check digit).
            Result<QString> number = BillService::checkedNumber(positional.at(1));
            if (!number)
                return failBill(context, number.error());
            if (id) {
                if (Result<QString> checkedId = BillService::checkedIdNumber(*id); !checkedId)
                    return failBill(context, checkedId.error());
            }
            return action == u"show" ? show(context, number.value(), id.value_or(QString()), slip)
                                     : cancel(context, number.value());
        }
        if (!positional.isEmpty())
            return context.fail(usageError(QStringLiteral("bills 不认识参数 %1").arg(positional.first())));
        if (slip)
            return context.fail(usageError(QStringLiteral("--slip 只用于 bills show NUMBER"), {}));

        BillQuery query;
        if (state) {
            BillState parsed;
            if (!parseBillState(*state, &parsed))
                return context.fail(usageError(
                    QStringLiteral("--state 应为 unpaid、paid、expired 或 cancelled，而不是“%1”").arg(*state),
                    QStringLiteral("state")));
            query.state = parsed;
        }
        for (const auto &[text, date, option] : {std::tuple{from, &query.from, QStringLiteral("--from")},
                                                 std::tuple{to, &query.to, QStringLiteral("--to")}}) {
            if (!text)
                continue;
            *date = QDate::fromString(*text, Qt::ISODate);
            if (!date->isValid())
                return context.fail(usageError(QStringLiteral("%1 应为日期 YYYY-MM-DD，而不是“%2”").arg(option, *text), option));
        }
        query.idNumber = id.value_or(QString());
        int wanted = 50;
        if (limit) {
            bool ok = false;
            wanted = limit->toInt(&ok);
            if (!ok || wanted < 1 || wanted > 10000)
                return context.fail(usageError(QStringLiteral("--limit 应为 1 至 10000 的整数"), QStringLiteral("limit")));
        }
        if (!query.idNumber.isEmpty()) {
            if (Result<QString> checkedId = BillService::checkedIdNumber(query.idNumber); !checkedId)
                return failBill(context, checkedId.error());
        }
        return list(context, query, wanted);
    }

private:
    // Usage problems left after the options were read; -1 when there are none.
    static int leftovers(CliContext &context, const ArgumentReader &reader, const QString &action)
    {
        if (!reader.missingValue().isEmpty())
            return context.fail(usageError(QStringLiteral("选项 %1 缺少取值").arg(reader.missingValue()), reader.missingValue()));
        if (const QString unknown = reader.unknown(); !unknown.isEmpty())
            return context.fail(usageError(QStringLiteral("bills %1 不认识参数 %2").arg(action, unknown).simplified(), {}));
        return -1;
    }

    static BillService *service(CliContext &context, std::unique_ptr<BillService> &holder, Error *error)
    {
        auto login = context.login();
        if (!login) {
            *error = login.error();
            return nullptr;
        }
        holder = std::make_unique<BillService>(context.api().value(), nullptr);
        return holder.get();
    }

    static int list(CliContext &context, BillQuery query, int wanted)
    {
        std::unique_ptr<BillService> holder;
        Error error;
        BillService *bills = service(context, holder, &error);
        if (!bills)
            return context.fail(error);
        // Page by page (newest first) until enough rows or the last page.
        QList<Bill> rows;
        QString next;
        do {
            query.limit = std::min(200, wanted - int(rows.size()));
            auto page = context.wait<BillPage>([&](QObject *c, auto done) { bills->list(query, c, std::move(done)); });
            if (!page)
                return failBill(context, page.error());
            rows += page.value().bills;
            next = page.value().nextCursor;
            query.cursor = next;
        } while (!next.isEmpty() && rows.size() < wanted);
        if (context.json()) {
            QJsonArray array;
            for (const Bill &b : std::as_const(rows))
                array.append(json::encode(b, false));
            context.printJson({{QStringLiteral("bills"), array}, {QStringLiteral("more"), !next.isEmpty()}});
            return ExitOk;
        }
        printBillList(context.out(), rows);
        if (!next.isEmpty())
            context.out() << "（只列出了最新的 " << rows.size() << " 张，用 --limit 列出更多）\n";
        return ExitOk;
    }

    static int show(CliContext &context, const QString &number, const QString &id, const std::optional<QString> &slip)
    {
        std::unique_ptr<BillService> holder;
        Error error;
        BillService *bills = service(context, holder, &error);
        if (!bills)
            return context.fail(error);
        auto bill = context.wait<Bill>([&](QObject *c, auto done) { bills->bill(number, id, c, std::move(done)); });
        if (!bill)
            return failBill(context, bill.error());
        std::optional<PrintedForm> written;
        if (slip) {
            auto pdf = BillSlip::writePdf(bill.value(), *slip);
            if (!pdf)
                return failBill(context, pdf.error()); // bill.expired / bill.cancelled: exit 1
            written = pdf.value();
        }
        if (context.json()) {
            QJsonObject object{{QStringLiteral("bill"), json::encode(bill.value())}};
            if (written)
                object.insert(QStringLiteral("slip"), slipJson(*written));
            context.printJson(object);
            return ExitOk;
        }
        printBill(context.out(), bill.value());
        if (bill.value().hasEstimate) {
            context.out() << '\n';
            printEstimate(context.out(), bill.value().estimate);
        }
        if (written)
            context.out() << "缴费单已写入 " << *slip << "（" << written->pages << " 页）\n";
        return ExitOk;
    }

    static int cancel(CliContext &context, const QString &number)
    {
        std::unique_ptr<BillService> holder;
        Error error;
        BillService *bills = service(context, holder, &error);
        if (!bills)
            return context.fail(error);
        auto bill = context.wait<Bill>([&](QObject *c, auto done) { bills->cancel(number, c, std::move(done)); });
        if (!bill)
            return failBill(context, bill.error());
        if (context.json()) {
            context.printJson({{QStringLiteral("bill"), json::encode(bill.value(), false)}});
            return ExitOk;
        }
        context.out() << "已作废：\n";
        printBill(context.out(), bill.value());
        return ExitOk;
    }
};

const RegisterCommand<BillsCommand> registered;

} // namespace

} // namespace shebao::cli
