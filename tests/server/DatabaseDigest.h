#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace shebao::server {
class Database;
}

namespace shebao::test {

// SHA-256 per table of every row (sorted), so a test can show that a refused request changed
// nothing — whatever tables exist now or are added later — on SQLite and PostgreSQL alike.
using Digest = QHash<QString, QByteArray>;

// Every table but `excluded` (what any request may write: the audit log, sessions, ...).
Digest databaseDigest(server::Database &db, const QStringList &excluded);
// What belongs to one unit: its `units` row and the rows of every table with a unit_id column
// equal to it, but `excluded`.
Digest unitDigest(server::Database &db, qint64 unitId, const QStringList &excluded);
// The tables whose digests differ, for a failure message.
QStringList changedTables(const Digest &before, const Digest &after);

// Tables any request writes as a matter of course, never business data.
inline const QStringList BookkeepingTables{QStringLiteral("audit_log"), QStringLiteral("idempotency_records"),
                                           QStringLiteral("sessions"), QStringLiteral("auth_challenges"),
                                           QStringLiteral("schema_version"), QStringLiteral("meta")};

} // namespace shebao::test
