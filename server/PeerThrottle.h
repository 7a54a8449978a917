#pragma once

#include <QHash>
#include <QString>

namespace shebao::server {

class Clock;

// A token bucket per peer address: `capacity` tokens that refill one every `refillSeconds`;
// each failure (a missed verification code, a wrong password) takes one. With the bucket empty
// the peer is refused until a token is back, whatever it asks, so it cannot tell a hit from a
// miss meanwhile. In memory: a restart forgets it; behind a reverse proxy every client shares
// the proxy's address. Used for /verify misses (VerifyRoutes) and for login failures across
// all accounts (LoginThrottle).
class PeerThrottle
{
public:
    PeerThrottle(const Clock &clock, double capacity, qint64 refillSeconds)
        : m_clock(clock), m_capacity(capacity), m_refillSeconds(refillSeconds)
    {
    }

    // 0 when the peer may ask now; otherwise the seconds until it may (for Retry-After).
    qint64 retryAfter(const QString &peer);
    void recordFailure(const QString &peer);

    double capacity() const { return m_capacity; }
    qint64 refillSeconds() const { return m_refillSeconds; }

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 at = 0;
    };
    Bucket &refilled(const QString &peer);
    void prune();

    const Clock &m_clock;
    const double m_capacity;
    const qint64 m_refillSeconds;
    QHash<QString, Bucket> m_buckets;
};

} // namespace shebao::server
