#pragma once

#include <QSqlDatabase>
#include <QString>

#include "models/core/Result.h"

namespace shebao::cache {

// The cache's schema: cumulative migrations, version kept in meta('version').
constexpr int SchemaVersion = 3;

// Brings the database to SchemaVersion in one transaction (all steps or none). A file written
// by a newer client (higher version) is refused rather than guessed at.
Result<void> migrate(QSqlDatabase &db);
// Reads meta('version'); 0 for a new file.
int storedVersion(QSqlDatabase &db);
// CREATE TABLE statement of the persons table under a given name: the live table and the
// staging table of a running sync must have the same shape, so both come from here.
QString personsTableSql(const QString &name);

} // namespace shebao::cache
