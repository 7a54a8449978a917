#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <optional>

#include "models/bill/Bill.h"
#include "models/core/Result.h"

namespace shebao::server {

class Clock;
class Database;

// The sandbox bank behind /bank-sandbox/pay (docs/bills.md, The sandbox bank): it keeps its own
// record of what it took (table sandbox_bank_payments) and then, like a bank, notifies the
// server: the signed POST /api/v1/bank/payments (channel online) over HTTPS to the server's
// public address, trusting exactly the server's CA, resent after 1 s, 5 s and 25 s until an
// answer that is not 5xx arrives. Everything is asynchronous on the server's event loop: a
// notification never blocks a request. Notifications a stopped server never delivered are sent
// again on its next start.
class SandboxBank : public QObject
{
    Q_OBJECT

public:
    struct Payment
    {
        QString transactionId;
        QString billNumber;
        Money amount;
        QString accountMasked;
        qint64 createdAt = 0;
        bool notified = false;
    };

    static inline const QList<int> RetryDelaysMs = {1000, 5000, 25000};

    SandboxBank(Database &db, const Clock &clock, QByteArray key, QObject *parent = nullptr);

    // Where notifications go (publicBase + /api/v1/bank/payments) and the CA that must have
    // issued its certificate (DATA/tls/ca.pem).
    Result<void> setTarget(const QString &publicBase, const QString &caFile);

    // The sandbox's transaction for a bill, if it took one.
    Result<std::optional<Payment>> paymentOf(const QString &billNumber);
    // Takes the money (in the sandbox: records it) and starts the notification.
    Result<Payment> pay(const BankBill &bill, const QString &account);
    // Sends again what an earlier run recorded but never delivered.
    Result<void> resume();

    // "6222 **** **** 1234" style: the first four and the last four digits.
    static QString maskAccount(const QString &digits);

signals:
    // A notification was answered (not 5xx) or given up after the last retry (status 0 or 5xx).
    void notificationDone(const QString &transactionId, int status, bool delivered);

private:
    void send(const Payment &payment, int attempt);
    void finished(QNetworkReply *reply, const Payment &payment, int attempt);

    Database &m_db;
    const Clock &m_clock;
    QByteArray m_key;
    QUrl m_target;
    QSslConfiguration m_tls;
    QNetworkAccessManager m_network;
};

} // namespace shebao::server
