#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <optional>

#include "models/cache/LocalCache.h"
#include "models/core/Result.h"

namespace shebao::cache {

// One transaction on a LocalCache's connection for the stores of later modules (drafts,
// outbox): begin on construction, commit() on success, rolled back by the destructor
// otherwise, so an early `return error;` never leaves half a change behind.
class Transaction
{
public:
    explicit Transaction(LocalCache &cache);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // Not open / cannot begin: the error to return before any statement runs.
    Result<void> begun() const { return m_begun; }
    QSqlDatabase &db() { return m_db; }
    QSqlQuery query() const { return QSqlQuery(m_db); }
    Result<void> commit();

private:
    QSqlDatabase m_db;
    Result<void> m_begun;
    bool m_active = false;
};

// The errors of the stores, with the cache's own messages.
Error readError(const QSqlError &error);

// A SELECT in its own transaction, every row read by `read` (a Result<T>(const QSqlQuery &));
// the first row that does not read ends it with that error.
template <typename Read>
auto selectRows(LocalCache &cache, const QString &sql, const QVariantList &values, Read read)
    -> Result<QList<typename std::invoke_result_t<Read, const QSqlQuery &>::value_type>>
{
    using T = typename std::invoke_result_t<Read, const QSqlQuery &>::value_type;
    Transaction t(cache);
    if (!t.begun())
        return t.begun().error();
    QSqlQuery q = t.query();
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        return readError(q.lastError());
    QList<T> rows;
    while (q.next()) {
        Result<T> row = read(q);
        if (!row)
            return row.error();
        rows.append(std::move(row).value());
    }
    return rows;
}

// The same for at most one row: nullopt when there is none.
template <typename Read>
auto selectRow(LocalCache &cache, const QString &sql, const QVariantList &values, Read read)
    -> Result<std::optional<typename std::invoke_result_t<Read, const QSqlQuery &>::value_type>>
{
    using T = typename std::invoke_result_t<Read, const QSqlQuery &>::value_type;
    auto rows = selectRows(cache, sql + QStringLiteral(" LIMIT 1"), values, read);
    if (!rows)
        return rows.error();
    if (rows.value().isEmpty())
        return std::optional<T>();
    return std::optional<T>(std::move(rows.value().first()));
}

Error writeError(const QSqlError &error);
Error closedError();
// A stored JSON column that no longer decodes: the file was damaged or edited.
Error corruptError(const QString &detail);

} // namespace shebao::cache
