#pragma once

#include <QByteArray>
#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include "models/core/Result.h"
#include "server/TokenService.h"

class QHttpServer;
class QUrlQuery;

namespace shebao::server {

class Authenticator;
class Database;

// GET /api/v1/persons?limit=N&after=ID: the caller's unit's people, keyset-paged by id, each
// with only the enrolments in the caller's unit. Built for the client's first sync of 100,000
// people: one query per page in which the database writes each person's JSON.
class PersonRoutes
{
public:
    static constexpr int DefaultLimit = 1000;
    static constexpr int MaxLimit = 10000;

    PersonRoutes(Authenticator &auth, Database &db) : m_auth(auth), m_db(db) {}
    void registerOn(QHttpServer &server);

    struct PageQuery
    {
        int limit = DefaultLimit;
        qint64 after = 0;
    };
    // limit (1..MaxLimit) and after (>= 0) of the query string, or request.invalid naming the
    // parameter. Without HTTP so fuzz_server_query can reach it.
    static Result<PageQuery> pageQuery(const QUrlQuery &query);

    // The JSON page body (also used by benchmarks and tests without HTTP).
    static Result<QByteArray> page(Database &db, qint64 unitId, qint64 after, int limit, qint64 total);
    static QString pageSql(const Database &db);

private:
    struct CachedTotal
    {
        QString stamp;
        qint64 total = 0;
    };

    QHttpServerResponse persons(const QHttpServerRequest &request);
    QHttpServerResponse answer(const QHttpServerRequest &request, const Session &session);
    Result<qint64> totalOf(qint64 unitId);

    Authenticator &m_auth;
    Database &m_db;
    QHash<qint64, CachedTotal> m_totals;
};

} // namespace shebao::server
