#pragma once

#include <QList>
#include <QObject>

#include <functional>

#include "models/cache/OutboxStore.h"
#include "models/core/Result.h"

namespace shebao {

class ApiClient;
class Session;

// Saving 异动 items (the wizards' 保存, the import's 加入待申报): every item is first written to
// the cache's outbox (OutboxStore), then sent with its idempotency key. Without a connection it
// stays queued and is sent when the server is back (ApiClient::reachabilityChanged, login, or
// flush()); a retry after a lost answer returns the first answer, so one item is created once.
// A refusal (a rule, or a conflict such as "the person was enrolled meanwhile") is kept on the
// entry with the server's message: nothing is silently dropped.
class OutboxService : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(Result<OutboxEntry>)>;
    using Progress = std::function<bool(int done, int total)>; // false cancels what is not sent yet

    OutboxService(ApiClient *api, Session *session, QObject *parent = nullptr);

    // Enqueues and tries to send at once. `done` gets the entry as it ended: Sent (item is the
    // server's), Queued (no connection; error says why) or Refused (error is the server's).
    // Fails only when the cache cannot be written (then nothing was sent either).
    void submit(const DeclarationItem &item, Done done = {});
    // Many items (import): enqueued in one transaction, sent with /declarations/items/bulk in
    // chunks; `done` once with every entry in input order.
    void submitMany(const QList<DeclarationItem> &items, Progress progress,
                    std::function<void(Result<QList<OutboxEntry>>)> done);
    // Sends every Queued entry (oldest first). No-op when offline or already flushing.
    void flush();
    bool isFlushing() const { return m_flushing; }

    // Entries not yet sent or refused, for the drafts / outbox list.
    Result<QList<OutboxEntry>> unsettled() const;
    // A refused entry corrected by the user: queued again with the same key and sent.
    void retry(qint64 entryId, const DeclarationItem &corrected, Done done = {});
    Result<void> discard(qint64 entryId);

signals:
    // Any entry changed state (sent, refused, queued): lists should refresh.
    void changed();
    void entrySettled(const shebao::OutboxEntry &entry);

private:
    ApiClient *m_api;
    Session *m_session;
    bool m_flushing = false;
};

} // namespace shebao
