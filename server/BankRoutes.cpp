#include "server/BankRoutes.h"

#include <QHttpServer>

#include "models/bill/BankSignature.h"
#include "models/bill/BillJson.h"
#include "server/AuditLog.h"
#include "server/BankKeys.h"
#include "server/BankPaymentService.h"
#include "server/BillChecks.h"
#include "server/Clock.h"
#include "server/HttpUtil.h"
#include "server/Problem.h"

namespace shebao::server {

namespace {

Error refused(const char *code)
{
    // One sentence for every refusal: a caller probing bank ids learns nothing from the text.
    return Error{QLatin1String(code), QStringLiteral("银行身份或签名无效"), {}, {}};
}

QString actorOf(const QString &bankId)
{
    return QStringLiteral("bank:") + bankId;
}

// The path and query exactly as the request line carried them: what the bank signed.
QByteArray pathAndQuery(const QHttpServerRequest &request)
{
    const QUrl &url = request.url();
    QByteArray text = url.path(QUrl::FullyEncoded).toUtf8();
    if (url.hasQuery())
        text += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    return text;
}

} // namespace

void BankRoutes::registerOn(QHttpServer &server)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/api/v1/bank/bills/<arg>"), Method::Get,
                 [this](const QString &number, const QHttpServerRequest &request) { return bill(number, request); });
    server.route(QStringLiteral("/api/v1/bank/payments"), Method::Post,
                 [this](const QHttpServerRequest &request) { return payment(request); });
}

Result<QString> BankRoutes::authenticate(const QHttpServerRequest &request)
{
    const QString bankId = QString::fromUtf8(http::header(request, QByteArrayLiteral("X-Bank-Id")).trimmed()).left(64);
    const QByteArray timestampText = http::header(request, QByteArrayLiteral("X-Bank-Timestamp")).trimmed();
    const QByteArray signature = http::header(request, QByteArrayLiteral("X-Bank-Signature")).trimmed();
    auto refuse = [&](const char *code) -> Result<QString> {
        m_audit.record(actorOf(bankId.isEmpty() ? QStringLiteral("-") : bankId), QStringLiteral("bank.auth"), QLatin1String(code),
                       http::peer(request), request.url().path());
        return refused(code);
    };
    const auto key = m_keys.key(bankId);
    if (!key)
        return refuse("bank.unknown");
    bool ok = false;
    const qint64 timestamp = timestampText.toLongLong(&ok);
    if (!ok || !BankSignature::matches(*key, http::methodName(request.method()), pathAndQuery(request), timestamp, request.body(),
                                       signature))
        return refuse("bank.signature");
    // Checked after the signature: a replayed request (signed, old) is told it is stale.
    if (qAbs(m_clock.now() - timestamp) > BankSignature::MaxSkewSeconds)
        return refuse("bank.stale");
    return bankId;
}

QHttpServerResponse BankRoutes::bill(const QString &number, const QHttpServerRequest &request)
{
    auto bankId = authenticate(request);
    if (!bankId)
        return Problem::response(bankId.error());
    auto found = m_service.bankBill(number);
    m_audit.record(actorOf(bankId.value()), QStringLiteral("bank.bill"), found ? QStringLiteral("success") : found.error().code,
                   http::peer(request), found ? found.value().number : number.left(40));
    if (!found)
        return Problem::fieldResponse(found.error());
    return http::json(json::encode(found.value()));
}

QHttpServerResponse BankRoutes::payment(const QHttpServerRequest &request)
{
    if (auto tooLarge = http::refuseLargeBody(request))
        return std::move(*tooLarge);
    auto bankId = authenticate(request);
    if (!bankId)
        return Problem::response(bankId.error());
    auto body = http::jsonObject(request);
    if (!body)
        return Problem::response(body.error());
    auto payment = BillChecks::payment(body.value());
    if (!payment) {
        m_audit.record(actorOf(bankId.value()), QStringLiteral("bank.payment"), payment.error().code, http::peer(request),
                       body.value().value(QLatin1String("bill_number")).toString().left(40));
        return Problem::fieldResponse(payment.error());
    }
    const BankPayment &p = payment.value();
    auto answer = m_service.pay(bankId.value(), p);
    const QString outcome = !answer ? answer.error().code
                                    : (answer.value().repeated ? QStringLiteral("repeated") : QStringLiteral("success"));
    if (auto r = m_audit.record(actorOf(bankId.value()), QStringLiteral("bank.payment"), outcome, http::peer(request),
                                p.billNumber, QStringLiteral("%1 %2 %3").arg(p.transactionId, p.channel, p.amount.toYuanString()));
        !r)
        return Problem::response(r.error());
    if (!answer)
        return Problem::fieldResponse(answer.error());
    return http::json(json::encode(answer.value()));
}

} // namespace shebao::server
