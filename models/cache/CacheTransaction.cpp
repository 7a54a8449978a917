#include "models/cache/CacheTransaction.h"

namespace shebao::cache {

Transaction::Transaction(LocalCache &cache)
{
    if (!cache.isOpen()) {
        m_begun = closedError();
        return;
    }
    m_db = QSqlDatabase::database(cache.connectionName(), false);
    if (!m_db.transaction()) {
        m_begun = writeError(m_db.lastError());
        return;
    }
    m_active = true;
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

Result<void> Transaction::commit()
{
    if (!m_active)
        return m_begun.ok() ? Result<void>(closedError()) : m_begun;
    if (!m_db.commit()) {
        const QSqlError error = m_db.lastError();
        m_db.rollback();
        m_active = false;
        return writeError(error);
    }
    m_active = false;
    return {};
}

Error readError(const QSqlError &error)
{
    return Error{QStringLiteral("cache.read"),
                 QCoreApplication::translate("shebao::LocalCache", "The local cache cannot be read."), error.text(), {}};
}

Error writeError(const QSqlError &error)
{
    return Error{QStringLiteral("cache.write"),
                 QCoreApplication::translate("shebao::LocalCache", "The local cache cannot be written."), error.text(),
                 {}};
}

Error closedError()
{
    return Error{QStringLiteral("cache.closed"),
                 QCoreApplication::translate("shebao::LocalCache", "The local cache is not open."), {}, {}};
}

Error corruptError(const QString &detail)
{
    return Error{QStringLiteral("cache.corrupt"),
                 QCoreApplication::translate("shebao::LocalCache", "The local cache is damaged; sync again."), detail,
                 {}};
}

} // namespace shebao::cache
