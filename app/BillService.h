#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

#include "app/RetryKey.h"
#include "models/bill/Bill.h"
#include "models/core/Result.h"
#include "models/policy/ArrearsEstimate.h"

namespace shebao {

class ApiClient;
class Session;

// 网上缴费 without a window (docs/bills.md): the gaps of a person, the server's estimate, the
// 断档缴费单, 银行缴费单查询, 有单缴费 and 作废. Online only: the server computes every amount.
// Every call answers its callback exactly once (unless `context` died); refusals arrive as the
// server's Error (field and Chinese message kept).
class BillService : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = std::function<void(Result<T>)>;

    BillService(ApiClient *api, Session *session, QObject *parent = nullptr);

    // The server's checks that need no data, made first so a wrong entry is named at once:
    // the ID number (IdNumber, field id_number), the wage (> 0, arrears.wage), the window
    // (from <= to, arrears.window), employed_from >= 1995-01 (arrears.employed_from), settlement
    // "separate" (arrears.settlement). The ID number is folded (upper case X, trimmed).
    static Result<BillRequest> checked(const BillRequest &request);
    // 有单缴费's 业务单据号: 17 digits with its check digit once folded (full-width digits, spaces
    // and dashes dropped); else bill.number, field number. Returns the folded number.
    static Result<QString> checkedNumber(const QString &typed);
    // An ID number as 有单缴费 and the list filter take it: IdNumber's rules, field id_number.
    // Returns it folded (trimmed, upper-case X; a 15-digit number stays as typed).
    static Result<QString> checkedIdNumber(const QString &typed);
    // docs/bills.md's sentence why 参与单位结算 is not offered (arrears.settlement).
    static QString settlementRefusal();

    // GET /arrears/gaps.
    void gaps(const QString &idNumber, std::optional<YearMonth> employedFrom, QObject *context,
              Callback<ArrearsGaps> done);
    // GET /arrears/estimate: the amounts the bill would have today; nothing is stored.
    void estimate(const BillRequest &request, QObject *context, Callback<ArrearsEstimate> done);
    // POST /bills. The idempotency key is kept for the same request until an answer arrives, so
    // pressing 生成断档缴费单 again after a timeout never makes two bills.
    void create(const BillRequest &request, QObject *context, Callback<Bill> done);
    // GET /bills (银行缴费单查询).
    void list(const BillQuery &query, QObject *context, Callback<BillPage> done);
    // GET /bills/{number}; with idNumber (有单缴费) the server checks that they belong together.
    void bill(const QString &number, const QString &idNumber, QObject *context, Callback<Bill> done);
    // POST /bills/{number}/cancel (作废).
    void cancel(const QString &number, QObject *context, Callback<Bill> done);

signals:
    // A bill was made or cancelled: lists should refresh.
    void changed();

private:
    ApiClient *m_api;
    Session *m_session;
    RetryKey m_createKey;
    RetryKey m_cancelKey; // per bill number: a retried 作废 replays instead of meeting bill.cancelled
};

// Follows one bill while it is shown (docs/bills.md: the client follows the state without the
// user restarting anything): asks GET /bills/{number} every `interval` while the bill is unpaid
// and not expired, emits `updated` when anything changed, and stops by itself once it is paid,
// expired or cancelled. A failed poll is reported once through `pollFailed` and polling goes on.
class BillWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultIntervalMs = 3000;

    BillWatcher(BillService *service, Bill bill, QObject *parent = nullptr);

    void setInterval(int milliseconds);
    void start();
    void stop();
    bool isActive() const;
    const Bill &bill() const { return m_bill; }

signals:
    void updated(const shebao::Bill &bill);
    void finished(const shebao::Bill &bill); // paid, expired or cancelled
    void pollFailed(const shebao::Error &error);

private:
    void poll();

    BillService *m_service;
    Bill m_bill;
    QTimer m_timer;
    bool m_inFlight = false;
    bool m_failureReported = false;
};

} // namespace shebao
