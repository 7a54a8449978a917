#include "server/AuditLog.h"

#include "server/Clock.h"
#include "server/Database.h"

namespace shebao::server {


AuditLog::AuditLog(Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

Result<void> AuditLog::record(const QString &actor, const QString &action, const QString &outcome,
                              const QString &peer, const QString &target, const QString &detail)
{
    auto r = m_db.exec(QStringLiteral("INSERT INTO audit_log (at, actor, action, target, outcome, peer, detail)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                       {m_clock.now(), actor, action, sqlText(target), outcome, sqlText(peer), sqlText(detail)});
    if (!r)
        return r.error();
    return {};
}

} // namespace shebao::server
