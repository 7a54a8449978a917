#include "server/PeerThrottle.h"

#include <cmath>

#include "server/Clock.h"

namespace shebao::server {

PeerThrottle::Bucket &PeerThrottle::refilled(const QString &peer)
{
    const qint64 now = m_clock.now();
    auto it = m_buckets.find(peer);
    if (it == m_buckets.end())
        it = m_buckets.insert(peer, Bucket{m_capacity, now});
    Bucket &b = it.value();
    if (now > b.at)
        b.tokens = std::min(m_capacity, b.tokens + double(now - b.at) / double(m_refillSeconds));
    // A clock set back must not freeze the bucket until the old time comes round again.
    b.at = now;
    return b;
}

qint64 PeerThrottle::retryAfter(const QString &peer)
{
    const Bucket &b = refilled(peer);
    if (b.tokens >= 1.0)
        return 0;
    return qint64(std::ceil((1.0 - b.tokens) * double(m_refillSeconds)));
}

void PeerThrottle::recordFailure(const QString &peer)
{
    Bucket &b = refilled(peer);
    b.tokens = std::max(0.0, b.tokens - 1.0);
    if (m_buckets.size() > 10000)
        prune();
}

void PeerThrottle::prune()
{
    // Full buckets carry no information: forgetting them keeps the table small under a
    // spread-out scan without ever forgiving an address that is still being slowed.
    const qint64 now = m_clock.now();
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        const double tokens = it->tokens + double(now - it->at) / double(m_refillSeconds);
        it = tokens >= m_capacity ? m_buckets.erase(it) : std::next(it);
    }
}

} // namespace shebao::server
