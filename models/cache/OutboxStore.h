#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

#include "models/core/Result.h"
#include "models/declaration/Declaration.h"

namespace shebao {

class LocalCache;

// One submission waiting for, or refused by, the server. It is written before the first try
// and keeps its Idempotency-Key for every retry, so a lost answer never creates a second item.
struct OutboxEntry
{
    enum class State { Queued, Sent, Refused };

    qint64 id = 0;
    QString idempotencyKey;   // a UUID, fixed at enqueue
    DeclarationItem item;     // as the user saved it (after the server accepted it: the server's item)
    State state = State::Queued;
    Error error;              // why the server refused it (Refused), or the last network error (Queued)
    int attempts = 0;
    QDateTime createdAt;      // UTC
    QDateTime updatedAt;      // UTC
    // The exact body of POST /declarations/items (compact JSON of encodeItemRequest), fixed at
    // enqueue / requeue: a retry sends the same bytes, which the server's idempotency record
    // is keyed by.
    QByteArray request;
    // Set while the entry travels in a bulk request whose answer has not arrived: every retry
    // sends the same chunk (same members in the same order) under this key. Empty otherwise.
    QString chunkKey;
    int chunkPos = 0;
    // An import row (a 新增/续保 sheet does not say which): the first kind.mismatch refusal
    // flips 新增 <-> 续保 and sends it again (flipKinds) instead of settling it as Refused.
    bool kindOpen = false;

    bool operator==(const OutboxEntry &) const = default;
};

QString outboxStateCode(OutboxEntry::State state); // "queued" | "sent" | "refused"

// The outbox table of a LocalCache. Every call is one transaction.
class OutboxStore
{
public:
    explicit OutboxStore(LocalCache &cache);

    // A new Queued entry with a fresh idempotency key.
    Result<OutboxEntry> enqueue(const DeclarationItem &item);
    // Many entries in one transaction (an import), in input order. With chunkSize > 0 they are
    // grouped into bulk chunks of at most that many, each with its own key (chunkKey).
    Result<QList<OutboxEntry>> enqueueMany(const QList<DeclarationItem> &items, int chunkSize = 0,
                                           bool kindOpen = false);
    // Written before a request leaves (one transaction for a chunk): attempts + 1. A process
    // killed while the request is out leaves attempts > 0, so the entry counts as possibly
    // received by the server and is never discarded as "never sent".
    Result<void> markSending(const QList<qint64> &ids);
    // A try that got no answer (or an answer that settles nothing, e.g. 503): the error kept,
    // still Queued, still in its chunk. The try itself was counted by markSending.
    Result<void> markAttempt(qint64 id, const Error &networkError);
    // Settled: out of its chunk, the error cleared (Sent) or set (Refused).
    Result<void> markSent(qint64 id, const DeclarationItem &serverItem);
    Result<void> markRefused(qint64 id, const Error &error);
    // Refused -> Queued again (after the user corrected the item, or the conflict went away),
    // with a NEW idempotency key: the server remembers the refusal under the old key (and
    // answers a changed body under it with idempotency.conflict), and a refused request created
    // nothing, so a new key cannot duplicate anything. Only a Refused entry can be requeued.
    Result<void> requeue(qint64 id, const DeclarationItem &item);
    // The same for many refused entries in one transaction, grouped into new bulk chunks of at
    // most chunkSize (0: no chunks); returns the requeued entries in input order.
    Result<QList<OutboxEntry>> requeueMany(const QList<std::pair<qint64, DeclarationItem>> &corrections,
                                           int chunkSize = 0);
    // Queued kindOpen entries the server answered with kind.mismatch: 新增 <-> 续保, a new key and
    // request, kindOpen cleared (one flip only), the attempts kept, in new chunks of at most
    // chunkSize (0: sent one by one). One transaction.
    Result<void> flipKinds(const QList<qint64> &ids, int chunkSize = 0);
    // Takes the entry out of its chunk (its chunk-mates were discarded or settled otherwise):
    // it is sent on its own from now on.
    Result<void> leaveChunk(qint64 id);
    Result<std::optional<OutboxEntry>> entry(qint64 id) const;
    // Oldest first; nullopt lists every state.
    Result<QList<OutboxEntry>> entries(std::optional<OutboxEntry::State> state = std::nullopt) const;
    // The oldest Queued entry with an id above `after` (a flush walks the outbox with it instead
    // of reading every entry for every request).
    Result<std::optional<OutboxEntry>> nextQueued(qint64 after) const;
    // The Queued members of one chunk, in chunk order.
    Result<QList<OutboxEntry>> chunk(const QString &chunkKey) const;
    Result<void> remove(qint64 id);
    // Sent entries settled before `before` (UTC) are removed; queued and refused ones stay
    // whatever their age. Returns how many went.
    Result<int> purgeSent(const QDateTime &before);

private:
    LocalCache &m_cache;
};

} // namespace shebao
