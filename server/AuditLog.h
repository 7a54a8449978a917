#pragma once

#include <QString>

#include "models/core/Result.h"

namespace shebao::server {

class Clock;
class Database;

// Append-only record of security-relevant events (logins, locks, logouts, staff actions).
class AuditLog
{
public:
    AuditLog(Database &db, const Clock &clock);

    // actor: "unit:43010000001", "staff:clerk", "anonymous"; outcome: "success", "failure", ...
    Result<void> record(const QString &actor, const QString &action, const QString &outcome,
                        const QString &peer, const QString &target = {}, const QString &detail = {});

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace shebao::server
