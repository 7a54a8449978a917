#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <map>
#include <memory>

#include "models/core/Result.h"

namespace shebao::server {

// One database connection (SQLite or PostgreSQL) used only on the server's thread. Every
// dialect difference lives here, so the rest of the server writes one SQL for both.
class Database
{
public:
    enum class Dialect { Sqlite, Postgres };

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // url: "sqlite:PATH" or "postgresql://user[:password]@host[:port]/dbname".
    Result<void> open(const QString &url);
    void close();
    bool isOpen() const;

    Dialect dialect() const { return m_dialect; }
    QSqlDatabase &connection() { return m_db; }
    QString connectionName() const { return m_name; }

    // Replaces dialect tokens in DDL: {PK} (auto id primary key), {BIGINT}, {TEXT},
    // {BLOB} (bytea / BLOB).
    QString ddl(QString sql) const;

    // A query prepared on this connection; errors are reported by exec().
    QSqlQuery query() const { return QSqlQuery(m_db); }
    // Prepare + bind + exec in one step. On failure returns an Error with the driver's text.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {});

    // The same through a statement prepared once per connection and SQL text: for the
    // statements a request runs once per item (bulk 异动), where QPSQL's prepare and
    // deallocate would otherwise cost two extra round trips each time. The query stays owned
    // here; read it, then finish() it before the same SQL runs again.
    Result<QSqlQuery *> execCached(const QString &sql, const QVariantList &values = {});

    Result<void> begin();
    Result<void> commit();
    void rollback();

    // JSON built by the database (SQLite JSON1 / PostgreSQL json functions): an object from
    // (key, SQL expression) pairs; an ordered array of objects from a correlated table; a
    // money column in fen as the API's yuan string "123.45" (non-negative amounts); and the
    // final cast to text. Used where building JSON row by row in Qt is too slow.
    QString jsonObject(const QList<QPair<QString, QString>> &members) const;
    QString jsonArrayOf(const QString &objectExpr, const QString &table, const QString &alias, const QString &where,
                        const QString &orderBy) const;
    QString yuanText(const QString &fenExpr) const;
    QString jsonAsText(const QString &expr) const;

    // After inserting explicit ids (bulk seeding), PostgreSQL's identity sequence must be
    // moved past them; SQLite's AUTOINCREMENT follows by itself.
    Result<void> syncIdSequence(const QString &table);

    static Error sqlError(const QSqlQuery &query, const QString &what);

private:
    QSqlDatabase m_db;
    QString m_name;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_cached;
    Dialect m_dialect = Dialect::Sqlite;
};

// Qt binds a null QString as SQL NULL; for NOT NULL text columns where "none" is '' use this.
inline QString sqlText(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// Parses a postgresql:// URL into the QPSQL connection parameters (also used by tests).
struct PgParams
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString user;
    QString password;
    QString database;
};
Result<PgParams> parsePostgresUrl(const QString &url);

} // namespace shebao::server
