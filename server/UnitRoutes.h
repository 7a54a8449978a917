#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include "models/core/Result.h"
#include "models/domain/Unit.h"

class QHttpServer;

namespace shebao::server {

class Authenticator;
class Database;

// GET /api/v1/unit: the caller's own unit, never another.
class UnitRoutes
{
public:
    UnitRoutes(Authenticator &auth, Database &db) : m_auth(auth), m_db(db) {}
    void registerOn(QHttpServer &server);

    static Result<Unit> loadUnit(Database &db, qint64 unitId);

private:
    QHttpServerResponse unit(const QHttpServerRequest &request);

    Authenticator &m_auth;
    Database &m_db;
};

} // namespace shebao::server
