#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

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
Error writeError(const QSqlError &error);
Error closedError();
// A stored JSON column that no longer decodes: the file was damaged or edited.
Error corruptError(const QString &detail);

} // namespace shebao::cache
