#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

#include "models/cache/PrintedForm.h"
#include "models/core/Result.h"
#include "models/domain/Person.h"
#include "models/domain/Unit.h"

namespace shebao {

// The client's SQLite cache of one unit on one server: unit, people, enrolments, sync state,
// the wizards' drafts (DraftStore) and the outbox (OutboxStore). WAL journal, a meta(version)
// table and cumulative migrations in one transaction; a named connection per instance.
class LocalCache
{
public:
    static constexpr int CurrentVersion = 3;

    LocalCache();
    ~LocalCache();
    LocalCache(const LocalCache &) = delete;
    LocalCache &operator=(const LocalCache &) = delete;

    // Opens (creating folders and file if needed) and migrates to CurrentVersion.
    Result<void> open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const;
    int schemaVersion() const;

    Result<void> replaceUnit(const Unit &unit);
    std::optional<Unit> unit() const;

    // A persons sync: begin, append pages, commit swaps the new set in atomically; abort (or
    // destruction without commit) keeps the previous set.
    Result<void> beginPersonsSync();
    Result<void> appendPersons(const QList<Person> &persons);
    Result<void> commitPersonsSync(const QDateTime &syncedAt);
    void abortPersonsSync();

    Result<QList<Person>> persons() const;
    qint64 personCount() const;
    QDateTime lastSync() const;             // invalid if never synced

    // Small key/value store in the meta table (e.g. the offline login verifier).
    Result<void> setMeta(const QString &key, const QString &value);
    QString meta(const QString &key) const;

    // The record of printed forms: recordPrinted() returns the new id (at defaults to now);
    // printedForms() lists them newest first, optionally only those of one template.
    Result<qint64> recordPrinted(const PrintedForm &form);
    Result<QList<PrintedForm>> printedForms(const QString &formId = QString()) const;

    // PRAGMA integrity_check: ok, or error "cache.corrupt" with SQLite's findings.
    Result<void> checkIntegrity() const;
    // The QSqlDatabase connection of this cache, for stores of later modules (drafts, outbox)
    // that keep their tables in the same file. Valid while open.
    QString connectionName() const;

private:
    QString m_connection;
    QString m_path;
    bool m_syncing = false;
};

} // namespace shebao
