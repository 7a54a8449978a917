#pragma once

#include "models/core/Result.h"

namespace shebao::server {

class Database;

// Cumulative, numbered schema migrations with a meta(version) table. Each migration runs in
// its own transaction together with the version bump, so a crash leaves either the old or
// the new version, never half of one. The same SQL runs on SQLite and PostgreSQL.
class Migrations
{
public:
    static int latestVersion();

    // Current version (0 for a fresh database).
    static Result<int> version(Database &db);

    // Migrates up to `target` (default: the latest). A database newer than this server is
    // refused rather than touched.
    static Result<void> migrate(Database &db, int target = -1);
};

} // namespace shebao::server
