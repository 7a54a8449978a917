#pragma once

#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "models/cache/OutboxStore.h"
#include "models/core/Result.h"

class QTimer;

namespace shebao {

class ApiClient;
class LocalCache;
class Session;

// Saving 异动 items (the wizards' 保存, the import's 加入待申报): every item is first written to
// the cache's outbox (OutboxStore), then sent with its idempotency key. Without a connection it
// stays queued and is sent when the server is back (ApiClient::reachabilityChanged, login, a
// retry timer, or flush()); a retry after a lost answer returns the first answer, so one item is
// created once. A refusal (a rule, or a conflict such as "the person was enrolled meanwhile") is
// kept on the entry with the server's message: nothing is silently dropped.
//
// What settles an entry: a 2xx answer (Sent, with the server's item) or a refusal of the item
// itself (a 4xx problem: Refused, with the server's Error). Everything else leaves it Queued
// with the attempt counted and the error kept: no connection (net.*), an untrusted certificate,
// a server error (5xx), an expired token, and refusals of the account rather than the item
// (403 auth.not_authorized, signature.*), which the next login or authorization lifts.
class OutboxService : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<OutboxEntry>)>;
    using Progress = std::function<bool(int done, int total)>; // false cancels what is not sent yet

    // Chunks of POST /declarations/items/bulk (the server takes at most 5,000 per request).
    static constexpr int DefaultChunkSize = 500;
    static constexpr int MaxChunkSize = 5000;
    // Sent entries are removed this long after they settled (at the next session start).
    static constexpr int SentRetentionDays = 30;

    OutboxService(ApiClient *api, Session *session, QObject *parent = nullptr);
    ~OutboxService() override;

    // Enqueues and tries to send at once. `done` gets the entry as it ended: Sent (item is the
    // server's), Queued (no connection; error says why) or Refused (error is the server's).
    // Fails only when the cache cannot be written (then nothing was sent either).
    void submit(const DeclarationItem &item, Done done = {});
    // What a wizard shows after submit(): the cache's failure or the server's refusal; nullopt
    // when the entry is kept (Sent, or Queued to go out later).
    static std::optional<Error> refusalOf(const Result<OutboxEntry> &result);
    // Many items (import): enqueued in one transaction, sent with /declarations/items/bulk in
    // chunks; `done` once with every entry in input order. `progress` runs after each chunk's
    // answer; when it returns false, the chunks not sent yet are removed from the outbox (they
    // never left this computer) and come back with id 0 and error code "outbox.cancelled".
    void submitMany(const QList<DeclarationItem> &items, Progress progress,
                    std::function<void(Result<QList<OutboxEntry>>)> done);
    // The rows of an import: like submitMany, but a 新增/续保 sheet does not say which of the two
    // applies, so the entries are kindOpen: a row the server refuses with kind.mismatch (新增 of
    // someone with earlier enrolment, or 续保 of someone without) is sent again as the other kind
    // under a new key, in the same flush, also when it was queued offline and is sent days
    // later. The entries come back with the kind the server accepted. No lookup per row is
    // needed. (A wizard's item keeps the kind the user chose: submit, and show the refusal.)
    void submitImport(const QList<DeclarationItem> &items, Progress progress,
                      std::function<void(Result<QList<OutboxEntry>>)> done);
    // Sends every Queued entry (oldest first; a chunk that got no answer is sent again as it
    // was, under its key). No-op when the session is offline or a flush is running; a flush
    // stops at the first failure to reach the server.
    void flush();
    bool isFlushing() const { return m_flushing; }

    // Entries that still need something, Queued and Refused, oldest first: the outbox list.
    Result<QList<OutboxEntry>> unsettled() const;
    // A refused entry corrected by the user: queued again (with a new key: the old one is the
    // server's record of the refusal, see OutboxStore::requeue) and sent.
    void retry(qint64 entryId, const DeclarationItem &corrected, Done done = {});
    // Removes an entry from the outbox. Refused when the entry is Queued after an attempt (the
    // server may have it already; wait for the answer, then withdraw it there) or being sent.
    Result<void> discard(qint64 entryId);

    void setChunkSize(int items);
    // First retry after a flush stopped for want of a connection; doubles on every further
    // failure up to 16 times that. 0 turns the timer off (tests). Default 15 s.
    void setRetryInterval(int milliseconds);

signals:
    // Any entry changed state (sent, refused, queued): lists should refresh.
    void changed();
    void entrySettled(const shebao::OutboxEntry &entry);
    // A flush ended: everything Queued was tried (error empty), or it stopped (error says why).
    void flushFinished(const shebao::Error &error);

private:
    struct Waiter;
    LocalCache *cache() const;
    bool canSend() const;
    void onSessionChanged();
    void enqueueAndSend(const QList<DeclarationItem> &items, Progress progress,
                        std::function<void(Result<QList<OutboxEntry>>)> done, bool kindOpen);
    void addWaiter(const QList<qint64> &ids, Progress progress,
                   std::function<void(Result<QList<OutboxEntry>>)> done);
    void sendNext();
    // Counted before the request leaves (OutboxStore::markSending).
    Result<void> countAttempt(const QList<qint64> &ids);
    void sendSingle(const OutboxEntry &entry);
    void sendChunk(const QList<OutboxEntry> &members);
    // Applies the answer to the entries, in the order they were sent.
    void settle(const QList<OutboxEntry> &sent, const Result<QJsonDocument> &reply, bool chunked);
    void afterSend(const QList<qint64> &ids, const std::optional<Error> &stop);
    void endRound(const std::optional<Error> &stop);
    void answerWaiter(Waiter &waiter, const std::optional<Error> &stop);
    void scheduleRetry();

    ApiClient *m_api;
    Session *m_session;
    bool m_flushing = false;
    int m_chunkSize = DefaultChunkSize;
    int m_retryMs = 15000;
    int m_retryStep = 0;
    QTimer *m_retryTimer = nullptr;
    LocalCache *m_cache = nullptr;  // the session's cache the running work belongs to
    quint64 m_generation = 0;       // a new session makes answers for the old one void
    QSet<qint64> m_tried;           // entries tried in the running flush
    qint64 m_cursor = 0;            // the flush's walk through the outbox (by id)
    QList<qint64> m_again;          // to consider before the cursor: flipped rows, retries
    QSet<qint64> m_sending;         // entries whose request is on the wire
    std::vector<std::unique_ptr<Waiter>> m_waiters;
};

} // namespace shebao
