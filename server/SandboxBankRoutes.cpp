#include "server/SandboxBankRoutes.h"

#include <QHttpServer>
#include <QRegularExpression>
#include <QUrlQuery>

#include "server/AuditLog.h"
#include "server/BankPaymentService.h"
#include "server/HttpUtil.h"
#include "server/SandboxBank.h"
#include "server/SandboxBankPage.h"

namespace shebao::server {

namespace {

using Status = QHttpServerResponse::StatusCode;

QHttpServerResponse html(QByteArray body, Status status)
{
    QHttpServerResponse response(QByteArrayLiteral("text/html; charset=utf-8"), std::move(body), status);
    // The page itself and its own form only: no scripts, frames or fetches, inline styles.
    response.addHeader(QByteArrayLiteral("Content-Security-Policy"),
                       QByteArrayLiteral("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"));
    response.addHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    response.addHeader(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
    return response;
}

QHttpServerResponse tooMany(qint64 seconds)
{
    QHttpServerResponse response = html(SandboxBankPage::message(QStringLiteral("查询过于频繁"),
                                                                 QStringLiteral("请 %1 秒后再试。").arg(seconds)),
                                        Status::TooManyRequests);
    response.addHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(seconds));
    return response;
}

// Why a bill cannot be paid, as the page says it.
QString refusalText(BillState state)
{
    switch (state) {
    case BillState::Paid: return QStringLiteral("该缴费单已缴费，无须再次支付。");
    case BillState::Expired: return QStringLiteral("该缴费单已过限缴日期，不能支付。请在客户端作废后重新生成断档缴费单。");
    case BillState::Cancelled: return QStringLiteral("该缴费单已作废，不能支付。");
    case BillState::Unpaid: break;
    }
    return {};
}

} // namespace

void SandboxBankRoutes::registerOn(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/bank-sandbox/pay"), Method::Get, [this](const QHttpServerRequest &request) { return page(request); });
    server.route(QStringLiteral("/bank-sandbox/pay"), Method::Post, [this](const QHttpServerRequest &request) { return pay(request); });
}

QHttpServerResponse SandboxBankRoutes::page(const QHttpServerRequest &request)
{
    const QString peer = http::peer(request);
    const QString typed = request.query().queryItemValue(QStringLiteral("bill"), QUrl::FullyDecoded);
    if (typed.trimmed().isEmpty())
        return html(SandboxBankPage::message(QStringLiteral("网上支付"), QStringLiteral("请输入缴费单上的业务单据号。")), Status::Ok);
    if (const qint64 wait = m_throttle.retryAfter(peer))
        return tooMany(wait);
    auto bill = m_bills.bankBill(typed);
    if (!bill) {
        if (bill.error().code != QLatin1String("bill.unknown"))
            return html(SandboxBankPage::message(QStringLiteral("暂时无法查询"), QStringLiteral("请稍后再试。"), typed),
                        Status::InternalServerError);
        m_throttle.recordFailure(peer);
        return html(SandboxBankPage::message(QStringLiteral("没有找到缴费单"), bill.error().message, typed), Status::NotFound);
    }
    auto taken = m_bank.paymentOf(bill.value().number);
    if (!taken)
        return html(SandboxBankPage::message(QStringLiteral("暂时无法查询"), QStringLiteral("请稍后再试。"), typed),
                    Status::InternalServerError);
    // Paid here already (the notification may still be on its way): show the receipt again.
    if (taken.value())
        return html(SandboxBankPage::paid(bill.value(), taken.value()->transactionId, taken.value()->accountMasked), Status::Ok);
    if (bill.value().state != BillState::Unpaid)
        return html(SandboxBankPage::message(QStringLiteral("不能支付"), refusalText(bill.value().state), typed), Status::Conflict);
    return html(SandboxBankPage::payForm(bill.value(), Payee), Status::Ok);
}

QHttpServerResponse SandboxBankRoutes::pay(const QHttpServerRequest &request)
{
    const QString peer = http::peer(request);
    if (request.body().size() > 4096)
        return html(SandboxBankPage::message(QStringLiteral("请求无效"), QStringLiteral("提交的内容过长。")), Status::PayloadTooLarge);
    if (const qint64 wait = m_throttle.retryAfter(peer))
        return tooMany(wait);
    // application/x-www-form-urlencoded, as the page's form sends it.
    QString form = QString::fromUtf8(request.body());
    form.replace(u'+', u' ');
    const QUrlQuery fields(form);
    const QString typed = fields.queryItemValue(QStringLiteral("bill"), QUrl::FullyDecoded);
    const QString account = fields.queryItemValue(QStringLiteral("account"), QUrl::FullyDecoded).trimmed();
    auto bill = m_bills.bankBill(typed);
    if (!bill) {
        m_throttle.recordFailure(peer);
        return html(SandboxBankPage::message(QStringLiteral("没有找到缴费单"), bill.error().message, typed), Status::NotFound);
    }
    auto taken = m_bank.paymentOf(bill.value().number);
    if (!taken)
        return html(SandboxBankPage::message(QStringLiteral("暂时无法支付"), QStringLiteral("请稍后再试。"), typed),
                    Status::InternalServerError);
    // A second 确认支付 (a double click, the browser's back button) takes no second payment.
    if (taken.value())
        return html(SandboxBankPage::paid(bill.value(), taken.value()->transactionId, taken.value()->accountMasked), Status::Ok);
    if (bill.value().state != BillState::Unpaid)
        return html(SandboxBankPage::message(QStringLiteral("不能支付"), refusalText(bill.value().state), typed), Status::Conflict);
    QString digits = account;
    digits.remove(u' ');
    static const QRegularExpression accountPattern(QStringLiteral("^\\d{16,19}$"));
    if (!accountPattern.match(digits).hasMatch())
        return html(SandboxBankPage::payForm(bill.value(), Payee, account, QStringLiteral("付款账号应为 16 到 19 位数字。")),
                    Status::UnprocessableEntity);
    auto paid = m_bank.pay(bill.value(), digits);
    m_audit.record(QStringLiteral("bank:sandbox"), QStringLiteral("sandbox.pay"), paid ? QStringLiteral("success") : paid.error().code,
                   peer, bill.value().number, paid ? paid.value().transactionId : QString());
    if (!paid)
        return html(SandboxBankPage::message(QStringLiteral("暂时无法支付"), QStringLiteral("请稍后再试。"), typed),
                    Status::InternalServerError);
    return html(SandboxBankPage::paid(bill.value(), paid.value().transactionId, paid.value().accountMasked), Status::Ok);
}

} // namespace shebao::server
