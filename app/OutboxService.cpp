#include "app/OutboxService.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include <algorithm>

#include "app/ApiClient.h"
#include "app/ApiErrors.h"
#include "app/OutboxOutcome.h"
#include "app/Session.h"
#include "models/cache/LocalCache.h"
#include "models/core/JsonNumber.h"
#include "models/declaration/DeclarationJson.h"

namespace shebao {

using namespace outbox;

namespace {

const QString ItemsPath = QStringLiteral("/declarations/items");
const QString BulkPath = QStringLiteral("/declarations/items/bulk");

} // namespace

// Someone waiting for entries to be tried: a submit() (one id), a submitMany() (many, with
// progress) or a retry().
struct OutboxService::Waiter
{
    QList<qint64> ids;          // input order
    QSet<qint64> open;          // not tried yet in this flush
    QSet<qint64> cancelled;     // removed before they were sent
    Progress progress;
    std::function<void(Result<QList<OutboxEntry>>)> done;
    bool answered = false;
};

OutboxService::OutboxService(ApiClient *api, Session *session, QObject *parent)
    : QObject(parent), m_api(api), m_session(session), m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &OutboxService::flush);
    connect(m_api, &ApiClient::reachabilityChanged, this, [this](bool online) {
        if (online)
            flush();
    });
    if (m_session) {
        m_cache = m_session->cache();
        connect(m_session, &Session::changed, this, &OutboxService::onSessionChanged);
    }
}

OutboxService::~OutboxService() = default;

void OutboxService::setChunkSize(int items)
{
    m_chunkSize = std::clamp(items, 1, MaxChunkSize);
}

void OutboxService::setRetryInterval(int milliseconds)
{
    m_retryMs = std::max(0, milliseconds);
    if (m_retryMs == 0)
        m_retryTimer->stop();
}

LocalCache *OutboxService::cache() const
{
    return m_session && m_session->isActive() ? m_session->cache() : nullptr;
}

bool OutboxService::canSend() const
{
    return m_session && m_session->isActive() && !m_session->isOffline() && m_session->cache();
}

void OutboxService::onSessionChanged()
{
    // Session::end() announces before it closes the cache: an inactive session has none.
    LocalCache *current = m_session->isActive() ? m_session->cache() : nullptr;
    if (current != m_cache) {
        // Another unit, or logged out: answers still on the wire belong to the old cache and
        // are dropped (their entries stay Queued there and are replayed under the same keys).
        ++m_generation;
        m_cache = current;
        m_flushing = false;
        m_sending.clear();
        m_tried.clear();
        m_again.clear();
        m_retryTimer->stop();
        m_retryStep = 0;
        auto waiters = std::move(m_waiters);
        m_waiters.clear();
        for (auto &w : waiters) {
            if (w->done)
                w->done(closedError());
        }
    }
    // Sent entries only matter while a retry could still replay them; a month later they are
    // history the server keeps, and the cache need not grow with every item ever saved.
    if (m_cache)
        OutboxStore(*m_cache).purgeSent(QDateTime::currentDateTimeUtc().addDays(-SentRetentionDays));
    // A login (online) is the moment to send what was queued meanwhile.
    if (canSend())
        flush();
}

Result<QList<OutboxEntry>> OutboxService::unsettled() const
{
    LocalCache *c = cache();
    if (!c)
        return closedError();
    Result<QList<OutboxEntry>> all = OutboxStore(*c).entries();
    if (!all)
        return all;
    QList<OutboxEntry> list;
    for (const OutboxEntry &e : all.value()) {
        if (e.state != OutboxEntry::State::Sent)
            list.append(e);
    }
    return list;
}

void OutboxService::submit(const DeclarationItem &item, Done done)
{
    submitMany({item}, {}, [done = std::move(done)](Result<QList<OutboxEntry>> entries) {
        if (!done)
            return;
        if (!entries)
            return done(entries.error());
        done(entries.value().first());
    });
}

void OutboxService::submitMany(const QList<DeclarationItem> &items, Progress progress,
                               std::function<void(Result<QList<OutboxEntry>>)> done)
{
    enqueueAndSend(items, std::move(progress), std::move(done), false);
}

void OutboxService::enqueueAndSend(const QList<DeclarationItem> &items, Progress progress,
                                   std::function<void(Result<QList<OutboxEntry>>)> done, bool kindOpen)
{
    const auto fail = [this, &done](const Error &error) {
        QMetaObject::invokeMethod(
            this, [done, error] { if (done) done(error); }, Qt::QueuedConnection);
    };
    LocalCache *c = cache();
    if (!c)
        return fail(closedError());
    // One item goes alone to POST /declarations/items; more travel in bulk chunks.
    Result<QList<OutboxEntry>> entries =
        OutboxStore(*c).enqueueMany(items, items.size() > 1 ? m_chunkSize : 0, kindOpen);
    if (!entries)
        return fail(entries.error());
    emit changed();
    QList<qint64> ids;
    for (const OutboxEntry &e : entries.value())
        ids << e.id;
    addWaiter(ids, std::move(progress), std::move(done));
    if (!canSend()) {
        endRound(offlineError());
        return;
    }
    flush();
}

void OutboxService::submitImport(const QList<DeclarationItem> &items, Progress progress,
                                 std::function<void(Result<QList<OutboxEntry>>)> done)
{
    enqueueAndSend(items, std::move(progress), std::move(done), true);
}

void OutboxService::retry(qint64 entryId, const DeclarationItem &corrected, Done done)
{
    LocalCache *c = cache();
    Result<void> requeued = c ? OutboxStore(*c).requeue(entryId, corrected) : Result<void>(closedError());
    if (!requeued) {
        QMetaObject::invokeMethod(
            this, [done, error = requeued.error()] { if (done) done(error); }, Qt::QueuedConnection);
        return;
    }
    emit changed();
    addWaiter({entryId}, {}, [done = std::move(done)](Result<QList<OutboxEntry>> entries) {
        if (!done)
            return;
        if (!entries)
            return done(entries.error());
        done(entries.value().first());
    });
    if (!canSend()) {
        endRound(offlineError());
        return;
    }
    flush();
}

std::optional<Error> OutboxService::refusalOf(const Result<OutboxEntry> &result)
{
    if (!result)
        return result.error();
    if (result.value().state == OutboxEntry::State::Refused)
        return result.value().error;
    return std::nullopt;
}

Result<void> OutboxService::discard(qint64 entryId)
{
    LocalCache *c = cache();
    if (!c)
        return closedError();
    OutboxStore store(*c);
    Result<std::optional<OutboxEntry>> entry = store.entry(entryId);
    if (!entry)
        return entry.error();
    if (!entry.value())
        return {};
    const OutboxEntry &e = *entry.value();
    if (m_sending.contains(entryId) || (e.state == OutboxEntry::State::Queued && e.attempts > 0))
        return unsettledError();
    if (Result<void> removed = store.remove(entryId); !removed)
        return removed;
    emit changed();
    return {};
}

void OutboxService::addWaiter(const QList<qint64> &ids, Progress progress,
                              std::function<void(Result<QList<OutboxEntry>>)> done)
{
    auto waiter = std::make_unique<Waiter>();
    waiter->ids = ids;
    waiter->open = QSet<qint64>(ids.cbegin(), ids.cend());
    // Tried earlier in a running flush (a retry of an entry that already failed in it): it is
    // tried again in this flush.
    for (qint64 id : ids) {
        m_tried.remove(id);
        m_again.append(id);
    }
    waiter->progress = std::move(progress);
    waiter->done = std::move(done);
    m_waiters.push_back(std::move(waiter));
}

void OutboxService::flush()
{
    if (m_flushing || !canSend())
        return;
    m_retryTimer->stop();
    m_flushing = true;
    m_tried.clear();
    m_cursor = 0;
    m_cache = cache();
    sendNext();
}

void OutboxService::sendNext()
{
    LocalCache *c = cache();
    if (!c)
        return endRound(closedError());
    OutboxStore store(*c);
    const auto send = [&](const OutboxEntry &e) {
        if (e.chunkKey.isEmpty())
            return sendSingle(e);
        Result<QList<OutboxEntry>> members = store.chunk(e.chunkKey);
        if (!members)
            return endRound(members.error());
        sendChunk(members.value());
    };
    // First what must be (re)considered behind the cursor: flipped import rows, retries.
    while (!m_again.isEmpty()) {
        const qint64 id = m_again.takeFirst();
        if (m_tried.contains(id) || m_sending.contains(id))
            continue;
        Result<std::optional<OutboxEntry>> e = store.entry(id);
        if (!e)
            return endRound(e.error());
        if (e.value() && e.value()->state == OutboxEntry::State::Queued)
            return send(*e.value());
    }
    // Then the outbox oldest first, one query per request (not a read of every entry).
    for (;;) {
        Result<std::optional<OutboxEntry>> next = store.nextQueued(m_cursor);
        if (!next)
            return endRound(next.error());
        if (!next.value())
            break;
        m_cursor = next.value()->id;
        if (m_tried.contains(m_cursor) || m_sending.contains(m_cursor))
            continue;
        return send(*next.value());
    }
    endRound(std::nullopt);
}

Result<void> OutboxService::countAttempt(const QList<qint64> &ids)
{
    LocalCache *c = cache();
    if (!c)
        return closedError();
    return OutboxStore(*c).markSending(ids);
}

void OutboxService::sendSingle(const OutboxEntry &entry)
{
    if (Result<void> counted = countAttempt({entry.id}); !counted)
        return endRound(counted.error()); // what cannot be recorded is not sent
    m_sending.insert(entry.id);
    const quint64 generation = m_generation;
    m_api->postBytes(ItemsPath, entry.request, QByteArrayLiteral("application/json"), {}, entry.idempotencyKey, this,
                     [this, generation, entry](Result<QJsonDocument> reply) {
                         if (generation != m_generation)
                             return;
                         settle({entry}, reply, false);
                     });
}

void OutboxService::sendChunk(const QList<OutboxEntry> &members)
{
    QList<qint64> ids;
    for (const OutboxEntry &member : members)
        ids << member.id;
    if (Result<void> counted = countAttempt(ids); !counted)
        return endRound(counted.error()); // what cannot be recorded is not sent
    // The exact bytes of every member, in chunk order: a retry of the same chunk is the same
    // request, which the server answers from its idempotency record.
    QByteArray body = QByteArrayLiteral("{\"items\":[");
    for (qsizetype i = 0; i < members.size(); ++i) {
        if (i > 0)
            body += ',';
        body += members.at(i).request;
        m_sending.insert(members.at(i).id);
    }
    body += "]}";
    const quint64 generation = m_generation;
    m_api->postBytes(BulkPath, body, QByteArrayLiteral("application/json"), {}, members.first().chunkKey, this,
                     [this, generation, members](Result<QJsonDocument> reply) {
                         if (generation != m_generation)
                             return;
                         settle(members, reply, true);
                     });
}

void OutboxService::settle(const QList<OutboxEntry> &sent, const Result<QJsonDocument> &reply, bool chunked)
{
    QList<qint64> ids;
    for (const OutboxEntry &e : sent) {
        ids << e.id;
        m_sending.remove(e.id);
    }
    LocalCache *c = cache();
    if (!c)
        return endRound(closedError());
    OutboxStore store(*c);
    std::optional<Error> stop;
    QList<qint64> settled;
    QList<qint64> flips; // import rows the server says are of the other kind: sent again as such
    std::optional<Error> storeError;
    const auto note = [&](const Result<void> &written) {
        if (!written && !storeError)
            storeError = written.error();
    };
    const auto refuse = [&](const OutboxEntry &e, const Error &error) {
        if (e.kindOpen && !e.item.isReduce() && error.code == QLatin1String("kind.mismatch")) {
            flips << e.id;
            return;
        }
        note(store.markRefused(e.id, error));
        settled << e.id;
    };

    if (!reply) {
        const Outcome outcome = classify(reply.error());
        for (const OutboxEntry &e : sent) {
            if (outcome == Outcome::Refused) {
                refuse(e, reply.error());
            } else {
                note(store.markAttempt(e.id, reply.error()));
            }
        }
        if (outcome == Outcome::Stop)
            stop = reply.error();
    } else if (!chunked) {
        Result<DeclarationItem> item = json::decodeItem(reply.value().object());
        if (item) {
            note(store.markSent(sent.first().id, item.value()));
            settled << sent.first().id;
        } else {
            note(store.markAttempt(sent.first().id, item.error()));
        }
    } else {
        // {"results": [{"index": i, "item": {...}} | {"index": i, "problem": {...}}]}
        const QJsonArray results = reply.value().object().value(QLatin1String("results")).toArray();
        QSet<qsizetype> answered;
        for (const QJsonValue &value : results) {
            const QJsonObject result = value.toObject();
            const qsizetype index = qsizetype(json::wholeNumber(result.value(QLatin1String("index"))).value_or(-1));
            if (index < 0 || index >= sent.size() || answered.contains(index))
                continue;
            const OutboxEntry &e = sent.at(index);
            if (result.value(QLatin1String("item")).isObject()) {
                Result<DeclarationItem> item = json::decodeItem(result.value(QLatin1String("item")).toObject(),
                                                                QStringLiteral("$.results[%1].item").arg(index));
                if (!item)
                    continue;
                note(store.markSent(e.id, item.value()));
                settled << e.id;
            } else if (result.value(QLatin1String("problem")).isObject()) {
                refuse(e, problemError(result.value(QLatin1String("problem")).toObject()));
            } else {
                continue;
            }
            answered.insert(index);
        }
        // An index the answer does not settle is tried again on its own: the chunk's replay
        // would answer it the same way.
        for (qsizetype i = 0; i < sent.size(); ++i) {
            if (answered.contains(i))
                continue;
            const Error missing = unreadableError(QStringLiteral("bulk answer without index %1").arg(i));
            note(store.markAttempt(sent.at(i).id, missing));
            note(store.leaveChunk(sent.at(i).id));
        }
    }
    if (!flips.isEmpty())
        note(store.flipKinds(flips, flips.size() > 1 ? m_chunkSize : 0));
    if (storeError)
        stop = storeError;
    // A flipped entry is not done: it goes again in this flush, as the other kind.
    if (!storeError) {
        for (qint64 id : flips) {
            ids.removeOne(id);
            m_again.append(id);
        }
    }

    for (qint64 id : settled) {
        Result<std::optional<OutboxEntry>> e = store.entry(id);
        if (e && e.value())
            emit entrySettled(*e.value());
    }
    emit changed();
    afterSend(ids, stop);
}

void OutboxService::afterSend(const QList<qint64> &ids, const std::optional<Error> &stop)
{
    for (qint64 id : ids)
        m_tried.insert(id);
    LocalCache *c = cache();
    for (auto &w : m_waiters) {
        bool touched = false;
        for (qint64 id : ids)
            touched |= w->open.remove(id);
        if (!touched)
            continue;
        const int total = int(w->ids.size());
        const int done = total - int(w->open.size()) - int(w->cancelled.size());
        if (w->progress && !w->open.isEmpty() && !w->progress(done, total) && c) {
            // Cancelled: what has not been sent is taken back. Only never-tried entries are
            // removed; whatever went out stays and is settled as usual.
            OutboxStore store(*c);
            for (qint64 id : QSet<qint64>(w->open)) {
                Result<std::optional<OutboxEntry>> e = store.entry(id);
                if (e && e.value() && e.value()->state == OutboxEntry::State::Queued && e.value()->attempts == 0
                    && !m_sending.contains(id) && store.remove(id)) {
                    w->open.remove(id);
                    w->cancelled.insert(id);
                }
            }
            emit changed();
        } else if (w->progress && w->open.isEmpty()) {
            w->progress(done, total);
        }
    }
    // Answered outside the loop over m_waiters: a callback may submit again (a new waiter).
    std::vector<std::unique_ptr<Waiter>> ready;
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        if ((*it)->open.isEmpty()) {
            ready.push_back(std::move(*it));
            it = m_waiters.erase(it);
        } else {
            ++it;
        }
    }
    const quint64 generation = m_generation;
    for (auto &w : ready)
        answerWaiter(*w, stop);
    if (generation != m_generation || !m_flushing)
        return; // a callback ended the session meanwhile
    if (stop)
        return endRound(stop);
    sendNext();
}

void OutboxService::answerWaiter(Waiter &waiter, const std::optional<Error> &stop)
{
    waiter.answered = true;
    if (!waiter.done)
        return;
    LocalCache *c = cache();
    if (!c)
        return waiter.done(closedError());
    OutboxStore store(*c);
    QList<OutboxEntry> entries;
    entries.reserve(waiter.ids.size());
    for (qint64 id : waiter.ids) {
        OutboxEntry entry;
        if (waiter.cancelled.contains(id)) {
            entry.error = cancelledError();
            entries.append(entry);
            continue;
        }
        Result<std::optional<OutboxEntry>> e = store.entry(id);
        if (!e)
            return waiter.done(e.error());
        if (e.value()) {
            entry = *e.value();
            // Not tried in this flush because it stopped first: say why it is still queued.
            if (entry.state == OutboxEntry::State::Queued && entry.error.code.isEmpty() && stop)
                entry.error = *stop;
        } else {
            entry.error = cancelledError(); // discarded meanwhile
        }
        entries.append(entry);
    }
    auto done = std::move(waiter.done);
    waiter.done = {};
    done(std::move(entries));
}

void OutboxService::endRound(const std::optional<Error> &stop)
{
    const bool wasFlushing = m_flushing;
    m_flushing = false;
    m_tried.clear();
    m_again.clear();
    // Everyone still waiting learns how their entries stand now.
    auto waiters = std::move(m_waiters);
    m_waiters.clear();
    for (auto &w : waiters) {
        if (!w->answered)
            answerWaiter(*w, stop);
    }
    // Only a missing connection (or an overloaded server) heals by itself; a refused account or
    // token waits for the next login or level change (Session::changed), which flushes.
    if (stop && healsByItself(*stop))
        scheduleRetry();
    else if (!stop)
        m_retryStep = 0;
    if (wasFlushing)
        emit flushFinished(stop.value_or(Error{}));
}

void OutboxService::scheduleRetry()
{
    if (m_retryMs == 0)
        return;
    const int factor = 1 << std::min(m_retryStep, 4);
    m_retryStep = std::min(m_retryStep + 1, 4);
    m_retryTimer->start(m_retryMs * factor);
}

} // namespace shebao
