#include "app/SyncService.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

#include <map>

#include "app/ApiClient.h"
#include "models/cache/LocalCache.h"

namespace shebao {

// Pages are requested one after the other (the API pages by cursor), but the next request
// leaves as soon as the current page's cursor is seen, while that page is still being decoded
// on a pool thread. Decoded pages may thus arrive out of order; they are written in order.
struct SyncService::Run
{
    quint64 generation = 0;
    LocalCache *cache = nullptr;
    Unit unit;
    QList<qint64> pending;                          // cursors requested, oldest first
    std::map<qint64, Result<PersonsPage>> arrived;  // decoded pages by their cursor
    QHash<qint64, std::pair<bool, qint64>> peeked;  // cursor -> (has more, next) seen early
    qint64 done = 0;
};

namespace {

Error protocolError(const QString &detail)
{
    return Error{QStringLiteral("sync.protocol"),
                 QCoreApplication::translate("shebao::SyncService", "The server sent the people out of order."),
                 detail, {}};
}

} // namespace

SyncService::SyncService(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

SyncService::~SyncService()
{
    if (m_run && m_run->cache)
        m_run->cache->abortPersonsSync();
    delete m_run;
}

void SyncService::setPageSize(int persons)
{
    m_pageSize = qBound(1, persons, 10000); // the API's maximum page
}

bool SyncService::isRunning() const
{
    return m_run != nullptr;
}

void SyncService::start(LocalCache *cache)
{
    if (m_run)
        cancel();
    m_run = new Run;
    m_run->generation = ++m_generation;
    m_run->cache = cache;
    emit started();
    if (!cache || !cache->isOpen()) {
        finish(Error{QStringLiteral("cache.closed"),
                     QCoreApplication::translate("shebao::SyncService", "The local cache is not open."), {}, {}});
        return;
    }
    const quint64 generation = m_run->generation;
    m_api->fetchUnit(this, [this, generation](Result<Unit> unit) {
        if (!m_run || m_run->generation != generation)
            return;
        if (!unit)
            return finish(unit.error());
        m_run->unit = std::move(unit).value();
        if (auto begun = m_run->cache->beginPersonsSync(); !begun)
            return finish(begun);
        requestPage(0);
    });
}

void SyncService::requestPage(qint64 after)
{
    m_run->pending.append(after);
    const quint64 generation = m_run->generation;
    m_api->fetchPersonsPage(
        after, m_pageSize, this,
        [this, generation, after](Result<PersonsPage> page) {
            if (!m_run || m_run->generation != generation)
                return;
            m_run->arrived.insert_or_assign(after, std::move(page));
            writeArrivedPages();
        },
        [this, generation, after](bool hasMore, qint64 nextAfter) {
            if (!m_run || m_run->generation != generation)
                return;
            m_run->peeked.insert(after, {hasMore, nextAfter});
            if (hasMore && nextAfter > after)
                requestPage(nextAfter);
        });
}

void SyncService::writeArrivedPages()
{
    while (m_run && !m_run->pending.isEmpty()) {
        const auto found = m_run->arrived.find(m_run->pending.first());
        if (found == m_run->arrived.end())
            return;
        const qint64 after = m_run->pending.takeFirst();
        Result<PersonsPage> result = std::move(found->second);
        m_run->arrived.erase(found);
        if (!result)
            return finish(result.error());
        const PersonsPage &page = result.value();
        if (page.hasMore && page.nextAfter <= after)
            return finish(protocolError(QStringLiteral("next_after %1 after %2").arg(page.nextAfter).arg(after)));
        const auto peek = m_run->peeked.constFind(after);
        const bool prefetched = peek != m_run->peeked.cend() && peek->first && peek->second > after;
        if (peek != m_run->peeked.cend()
            && (peek->first != page.hasMore || (page.hasMore && peek->second != page.nextAfter)))
            return finish(protocolError(QStringLiteral("cursor of page after %1 changed when decoded").arg(after)));
        if (page.hasMore && !prefetched)
            requestPage(page.nextAfter);

        if (auto appended = m_run->cache->appendPersons(page.items); !appended)
            return finish(appended);
        m_run->done += page.items.size();
        const quint64 generation = m_run->generation;
        emit progress(m_run->done, qMax(page.total, m_run->done));
        if (!m_run || m_run->generation != generation) // a progress listener cancelled or restarted
            return;
        if (page.hasMore)
            continue;
        if (auto committed = m_run->cache->commitPersonsSync(QDateTime::currentDateTimeUtc()); !committed)
            return finish(committed);
        return finish(m_run->cache->replaceUnit(m_run->unit));
    }
}

void SyncService::cancel()
{
    if (!m_run)
        return;
    finish(Error{QStringLiteral("sync.cancelled"),
                 QCoreApplication::translate("shebao::SyncService", "Sync cancelled; the previous copy is kept."), {},
                 {}});
}

void SyncService::finish(const Result<void> &result)
{
    Run *run = m_run;
    m_run = nullptr;
    if (!result && run->cache)
        run->cache->abortPersonsSync();
    delete run;
    emit finished(result);
}

} // namespace shebao
