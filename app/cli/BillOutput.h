#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTextStream>

#include <optional>

#include "models/bill/Bill.h"
#include "models/cache/PrintedForm.h"
#include "models/core/Result.h"

// What `arrears` and `bills` print of 网上缴费 (docs/cli.md, docs/bills.md).
namespace shebao::cli {

class ArgumentReader;
class CliContext;

// A refusal of the request itself (arrears.*, bill.*, bills.*, id.*, policy.*: a rule, a state, a
// number that does not exist) is a problem of the input (exit 1); transport, login, level and
// client failures mean the command could not run (exit 2).
bool isBillInputProblem(const Error &error);
// Prints the error and returns the exit code that goes with it.
int failBill(CliContext &context, const Error &error);

// The person's gaps with each unit: window, eligible ranges, recent ones (异动申报), billed ones.
void printGaps(QTextStream &out, const ArrearsGaps &gaps);
// The table used, the periods, one row per month with the 险种 amounts, and the totals.
void printEstimate(QTextStream &out, const ArrearsEstimate &estimate);
// A bill's key facts (number, state, person, months, amounts, 限缴日期, payment page).
void printBill(QTextStream &out, const Bill &bill);
// 银行缴费单查询: one line per bill.
void printBillList(QTextStream &out, const QList<Bill> &bills);

// The 缴费单 as PDF (BillSlip) when --slip was given; the {"file", "pages"} JSON of it.
QJsonObject slipJson(const PrintedForm &printed);

// "YYYY-MM" of an option; nullopt when absent; an error naming the option when malformed.
Result<std::optional<YearMonth>> monthOption(ArgumentReader &reader, const QString &name);

} // namespace shebao::cli
