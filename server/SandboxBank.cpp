#include "server/SandboxBank.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QTimer>
#include <QVariant>

#include "models/bill/BankSignature.h"
#include "models/bill/BillJson.h"
#include "server/BankKeys.h"
#include "server/Clock.h"
#include "server/Database.h"

namespace shebao::server {

namespace {

const QString Columns = QStringLiteral("transaction_id, bill_number, amount_fen, account_masked, created_at, notified_at");

SandboxBank::Payment paymentOfRow(const QSqlQuery &q)
{
    return SandboxBank::Payment{q.value(0).toString(), q.value(1).toString(), Money::fromFen(q.value(2).toLongLong()),
                                q.value(3).toString(), q.value(4).toLongLong(), !q.value(5).isNull()};
}

} // namespace

SandboxBank::SandboxBank(Database &db, const Clock &clock, QByteArray key, QObject *parent)
    : QObject(parent), m_db(db), m_clock(clock), m_key(std::move(key))
{
}

Result<void> SandboxBank::setTarget(const QString &publicBase, const QString &caFile)
{
    const QList<QSslCertificate> cas = QSslCertificate::fromPath(caFile, QSsl::Pem);
    if (cas.isEmpty())
        return Error{QStringLiteral("server.tls"), QStringLiteral("沙箱银行无法读取服务器的 CA 证书。"), caFile, {}};
    m_tls = QSslConfiguration::defaultConfiguration();
    m_tls.setCaCertificates(cas);   // the server's CA only, never the system's: a real check
    m_tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_target = QUrl(publicBase + QStringLiteral("/api/v1/bank/payments"));
    return {};
}

QString SandboxBank::maskAccount(const QString &digits)
{
    return digits.left(4) + QStringLiteral(" **** ") + digits.right(4);
}

Result<std::optional<SandboxBank::Payment>> SandboxBank::paymentOf(const QString &billNumber)
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM sandbox_bank_payments WHERE bill_number = ?"),
                       {billNumber});
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<Payment>();
    return std::optional<Payment>(paymentOfRow(q.value()));
}

Result<SandboxBank::Payment> SandboxBank::pay(const BankBill &bill, const QString &account)
{
    Payment p;
    // "SBX" + the day + 12 random hex digits: unique, and plainly the sandbox's.
    p.transactionId = QStringLiteral("SBX%1%2")
                          .arg(Clock::beijingDate(m_clock.now()).toString(QStringLiteral("yyyyMMdd")))
                          .arg(QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 12, 16, QLatin1Char('0'))
                          .toUpper();
    p.billNumber = bill.number;
    p.amount = bill.amount;
    p.accountMasked = maskAccount(account);
    p.createdAt = m_clock.now();
    auto r = m_db.exec(QStringLiteral("INSERT INTO sandbox_bank_payments (transaction_id, bill_number, amount_fen, account_masked,"
                                      " created_at) VALUES (?, ?, ?, ?, ?)"),
                       {p.transactionId, p.billNumber, p.amount.fen(), p.accountMasked, p.createdAt});
    if (!r)
        return r.error();
    send(p, 0);
    return p;
}

Result<void> SandboxBank::resume()
{
    auto q = m_db.exec(QStringLiteral("SELECT ") + Columns
                       + QStringLiteral(" FROM sandbox_bank_payments WHERE notified_at IS NULL ORDER BY id"));
    if (!q)
        return q.error();
    QList<Payment> pending;
    while (q.value().next())
        pending.append(paymentOfRow(q.value()));
    for (const Payment &p : std::as_const(pending))
        send(p, 0);
    return {};
}

void SandboxBank::send(const Payment &payment, int attempt)
{
    if (!m_target.isValid())
        return;
    BankPayment body;
    body.billNumber = payment.billNumber;
    body.amount = payment.amount;
    body.transactionId = payment.transactionId;
    body.channel = QStringLiteral("online");
    body.paidAt = QDateTime::fromSecsSinceEpoch(payment.createdAt, Qt::UTC);
    const QByteArray bytes = QJsonDocument(json::encode(body)).toJson(QJsonDocument::Compact);
    // Signed at each attempt: a resend 25 s later carries a fresh timestamp.
    const qint64 timestamp = m_clock.now();
    QNetworkRequest request(m_target);
    request.setSslConfiguration(m_tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-Bank-Id", BankKeys::SandboxId.toLatin1());
    request.setRawHeader("X-Bank-Timestamp", QByteArray::number(timestamp));
    request.setRawHeader("X-Bank-Signature",
                         BankSignature::sign(m_key, "POST", m_target.path(QUrl::FullyEncoded).toUtf8(), timestamp, bytes));
    request.setTransferTimeout(20000);
    QNetworkReply *reply = m_network.post(request, bytes);
    connect(reply, &QNetworkReply::finished, this, [this, reply, payment, attempt] { finished(reply, payment, attempt); });
}

void SandboxBank::finished(QNetworkReply *reply, const Payment &payment, int attempt)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool delivered = status > 0 && status < 500;
    const int attempts = attempt + 1;
    auto r = m_db.exec(QStringLiteral("UPDATE sandbox_bank_payments SET attempts = ?, last_status = ?, notified_at = ?"
                                      " WHERE transaction_id = ?"),
                       {attempts, status, delivered ? QVariant(m_clock.now()) : QVariant(QMetaType::fromType<qint64>()),
                        payment.transactionId});
    if (!r)
        qWarning("shebao-server: sandbox bank: %s", qUtf8Printable(r.error().detail));
    if (delivered) {
        qInfo("shebao-server: sandbox bank notified %s: HTTP %d", qUtf8Printable(payment.transactionId), status);
        emit notificationDone(payment.transactionId, status, true);
        return;
    }
    if (attempt < RetryDelaysMs.size()) {
        qWarning("shebao-server: sandbox bank notification %s failed (%d %s), again in %d ms",
                 qUtf8Printable(payment.transactionId), status, qUtf8Printable(reply->errorString()), RetryDelaysMs.at(attempt));
        QTimer::singleShot(RetryDelaysMs.at(attempt), this, [this, payment, attempts] { send(payment, attempts); });
        return;
    }
    qWarning("shebao-server: sandbox bank gave up notifying %s after %d attempts", qUtf8Printable(payment.transactionId), attempts);
    emit notificationDone(payment.transactionId, status, false);
}

} // namespace shebao::server
