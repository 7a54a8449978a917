#include "server/NumberSequence.h"

#include <QSqlQuery>
#include <QVariant>

#include "server/Database.h"

namespace shebao::server::NumberSequence {

Result<qint64> next(Database &db, const QString &name)
{
    // Cached: a bulk of 5,000 异动 items draws 5,000 numbers in one request.
    auto q = db.execCached(QStringLiteral("INSERT INTO number_sequences (name, last_value) VALUES (?, 1)"
                                          " ON CONFLICT (name) DO UPDATE SET last_value = number_sequences.last_value + 1"
                                          " RETURNING last_value"),
                           {name});
    if (!q)
        return q.error();
    if (!q.value()->next())
        return Database::sqlError(*q.value(), QStringLiteral("next number of ") + name);
    const qint64 value = q.value()->value(0).toLongLong();
    q.value()->finish();
    return value;
}

} // namespace shebao::server::NumberSequence
