#pragma once

#include <QByteArray>
#include <QString>

#include "models/bill/Bill.h"

namespace shebao::server {

// The sandbox bank's HTML (GET and POST /bank-sandbox/pay): Chinese, readable on a phone like
// /verify, inline CSS only — no scripts, images or anything fetched — and 沙箱 in the title and in
// a banner on every page, so nobody mistakes it for a bank.
namespace SandboxBankPage {

// The bill to pay with the 付款账号 field; `account` is put back after a refusal, `notice` above.
QByteArray payForm(const BankBill &bill, const QString &payee, const QString &account = {}, const QString &notice = {});
// No such bill / a bill that cannot be paid, with a form to type another number.
QByteArray message(const QString &heading, const QString &text, const QString &typedNumber = {});
// 支付成功（沙箱）: the sandbox's transaction and what happens next.
QByteArray paid(const BankBill &bill, const QString &transactionId, const QString &accountMasked);

} // namespace SandboxBankPage

} // namespace shebao::server
