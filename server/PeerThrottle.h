#pragma once

#include <QHash>
#include <QString>

namespace shebao::server {

class Clock;

// Slows down guessing of verification codes (docs/certificates.md): per peer address a bucket
// of Capacity tokens that refills one token every RefillSeconds; each miss (unknown or malformed
// code) takes one. With the bucket empty every verification from that address — hit or miss — is
// refused until a token is back, so a guesser cannot tell hits from misses either. 10 misses at
// once, then 10 a minute: a holder mistyping a code never notices, while trying the 2^80 codes
// from one address is hopeless.
class VerifyThrottle
{
public:
    static constexpr double Capacity = 10;
    static constexpr qint64 RefillSeconds = 6;

    explicit VerifyThrottle(const Clock &clock) : m_clock(clock) {}

    // 0 when the peer may ask now; otherwise the seconds until it may (for Retry-After).
    qint64 retryAfter(const QString &peer);
    void recordMiss(const QString &peer);

private:
    struct Bucket
    {
        double tokens = Capacity;
        qint64 at = 0;
    };
    Bucket &refilled(const QString &peer);
    void prune();

    const Clock &m_clock;
    QHash<QString, Bucket> m_buckets;
};

} // namespace shebao::server
