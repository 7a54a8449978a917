#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

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
    Result<void> markAttempt(qint64 id, const Error &networkError);
    Result<void> markSent(qint64 id, const DeclarationItem &serverItem);
    Result<void> markRefused(qint64 id, const Error &error);
    // Refused -> Queued again (after the user corrected the item, or the conflict went away).
    Result<void> requeue(qint64 id, const DeclarationItem &item);
    Result<std::optional<OutboxEntry>> entry(qint64 id) const;
    // Oldest first; nullopt lists every state.
    Result<QList<OutboxEntry>> entries(std::optional<OutboxEntry::State> state = std::nullopt) const;
    Result<void> remove(qint64 id);

private:
    LocalCache &m_cache;
};

} // namespace shebao
