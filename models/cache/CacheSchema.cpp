#include "models/cache/CacheSchema.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace shebao::cache {

namespace {

// Step N brings version N-1 to N. Steps are never edited once shipped; new ones are appended.
QStringList migrationStep(int version)
{
    switch (version) {
    case 1:
        return {
            QStringLiteral("CREATE TABLE unit(id INTEGER PRIMARY KEY CHECK (id = 1), unit_no TEXT NOT NULL,"
                           " json TEXT NOT NULL, updated_at TEXT NOT NULL)"),
            personsTableSql(QStringLiteral("persons")),
            personsTableSql(QStringLiteral("persons_staging")),
        };
    case 2:
        // The record of printed forms (issue 3).
        return {
            QStringLiteral("CREATE TABLE printed_forms(id INTEGER PRIMARY KEY AUTOINCREMENT, form_id TEXT NOT NULL,"
                           " title TEXT NOT NULL, at TEXT NOT NULL, pages INTEGER NOT NULL, file TEXT,"
                           " data_sha256 TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX printed_forms_at ON printed_forms(at)"),
        };
    case 3:
        // 异动申报 (issue 4): the wizards' drafts and the outbox of items waiting for the server.
        // state / item / error are JSON text: the wizard and DeclarationJson own their shape.
        // request is the exact body sent, so every retry sends the same bytes (the server's
        // idempotency record is keyed by a hash of them). chunk_key / chunk_pos: the bulk
        // request an entry travels in until that request is answered. kind_open: an import
        // row whose 新增 / 续保 the server decides (OutboxEntry::kindOpen).
        return {
            QStringLiteral("CREATE TABLE drafts(id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
                           " title TEXT NOT NULL, state TEXT NOT NULL, updated_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX drafts_updated ON drafts(updated_at)"),
            QStringLiteral("CREATE TABLE outbox(id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " idempotency_key TEXT NOT NULL UNIQUE, item TEXT NOT NULL, request TEXT NOT NULL,"
                           " state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'refused')),"
                           " error TEXT, attempts INTEGER NOT NULL DEFAULT 0, chunk_key TEXT, chunk_pos INTEGER,"
                           " kind_open INTEGER NOT NULL DEFAULT 0,"
                           " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX outbox_state ON outbox(state, id)"),
            QStringLiteral("CREATE INDEX outbox_chunk ON outbox(chunk_key, chunk_pos)"),
        };
    default:
        return {};
    }
}

Error schemaError(const QString &detail)
{
    return Error{QStringLiteral("cache.schema"),
                 QCoreApplication::translate("shebao::LocalCache", "The local cache cannot be prepared."), detail, {}};
}

} // namespace

QString personsTableSql(const QString &name)
{
    // record: the packed person (PersonRecord.h). id_number is also a column, the key that
    // imports and declarations look people up by; every further bound column costs ~10% of
    // the first sync's write time, so the rest lives in the record only.
    return QStringLiteral("CREATE TABLE %1(id INTEGER PRIMARY KEY, id_number TEXT NOT NULL, record BLOB NOT NULL)")
        .arg(name);
}

int storedVersion(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'version'")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

Result<void> migrate(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")))
        return schemaError(q.lastError().text());
    const int from = storedVersion(db);
    if (from == SchemaVersion)
        return {};
    if (from > SchemaVersion) {
        return Error{QStringLiteral("cache.too_new"),
                     QCoreApplication::translate("shebao::LocalCache",
                                                 "The local cache was written by a newer version of this program."),
                     QStringLiteral("cache version %1, supported %2").arg(from).arg(SchemaVersion), {}};
    }
    if (!db.transaction())
        return schemaError(db.lastError().text());
    for (int version = from + 1; version <= SchemaVersion; ++version) {
        for (const QString &statement : migrationStep(version)) {
            if (!q.exec(statement)) {
                const QString detail = QStringLiteral("step %1: %2").arg(version).arg(q.lastError().text());
                db.rollback();
                return schemaError(detail);
            }
        }
    }
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('version', ?)"));
    q.addBindValue(QString::number(SchemaVersion));
    if (!q.exec() || !db.commit()) {
        const QString detail = q.lastError().text() + db.lastError().text();
        db.rollback();
        return schemaError(detail);
    }
    return {};
}

} // namespace shebao::cache
