#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QString>

#include <optional>

#include "server/PeerThrottle.h"

namespace shebao::server {

class AuditLog;
class Clock;

// Slows password and certificate guessing per source address, across all accounts: the
// per-account lockout (5 failures, 15 minutes) stops guessing one account, this stops trying
// one password on many (spraying). Each failed unit, staff or certificate login and each wrong
// current password of 修改密码 takes a token from the peer's bucket of Capacity, refilled one
// every RefillSeconds; with the bucket empty every attempt from that address — right password
// or not — is 429 auth.too_many with Retry-After, audited as "rejected_throttled", and the
// password is not even checked. A whole office behind one NAT address may mistype 20 times at
// once, then twice a minute.
class LoginThrottle
{
public:
    static constexpr double Capacity = 20;
    static constexpr qint64 RefillSeconds = 30;

    LoginThrottle(const Clock &clock, AuditLog &audit) : m_audit(audit), m_throttle(clock, Capacity, RefillSeconds) {}

    // The 429 answer when the request's peer must wait (audited for actor and action), or none.
    std::optional<QHttpServerResponse> refusal(const QHttpServerRequest &request, const QString &actor,
                                               const QString &action);
    // A failed attempt of the request's peer.
    void recordFailure(const QHttpServerRequest &request);
    // Whether a login answer's error code is a failed guess (counted) rather than a malformed
    // request or a server fault.
    static bool isGuessFailure(const QString &code);

private:
    AuditLog &m_audit;
    PeerThrottle m_throttle;
};

} // namespace shebao::server
