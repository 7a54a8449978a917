#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include "models/core/Result.h"

namespace shebao {

class LocalCache;

// What a backup carries of one unit's cache (docs/backup.md): the user's own work — the wizards'
// drafts, the outbox (with the exact request bytes and idempotency keys, so a restored entry
// that is sent again is replayed by the server, never duplicated), the record of printed forms —
// and the few meta values that are preferences. Rows are JSON objects by column name, so a later
// program reads an older backup's rows even after columns were added.
//
// Not carried: the unit and its people (the agency's data, fetched again by the first sync) and
// every other meta value, among them the offline login verifier (a PBKDF2 hash of the unit's
// password, open to guessing offline: treated as a secret) and the time of the last sync.
struct CacheSnapshot
{
    int schemaVersion = 0;   // the cache schema of the program that took it
    QString unitNo;          // the unit the cache belongs to (meta unit_no)
    QJsonArray drafts;       // kind, title, state, updated_at
    QJsonArray outbox;       // every column but id
    QJsonArray printedForms; // every column but id
    QJsonObject meta;        // carriedMetaKeys() only

    // The meta values a snapshot carries: the unit's name and the 报送人 / 联系电话 last used.
    static QStringList carriedMetaKeys();

    QJsonObject toJson() const;
    // Refuses anything that is not a snapshot's shape ("backup.content").
    static Result<CacheSnapshot> fromJson(const QJsonObject &object);
};

// How a merge went: rows added, and rows the cache already had (left as they were).
struct SnapshotMerge
{
    int draftsAdded = 0;
    int outboxAdded = 0;
    int printedFormsAdded = 0;
    int skipped = 0;

    bool operator==(const SnapshotMerge &) const = default;
};

// Reads the snapshot of an open cache in one read transaction.
Result<CacheSnapshot> takeSnapshot(LocalCache &cache);

// Adds the snapshot's rows to an open cache in one transaction: all of them or, on any error,
// none. Nothing the cache holds is removed or overwritten: a draft or printed-form record
// identical to one already there, and an outbox entry whose idempotency key is already there,
// are skipped, so restoring the same backup twice adds nothing the second time. Meta values
// are set only where the cache has none. A snapshot of a newer schema is refused
// ("backup.too_new"), as is one of another unit than the cache's ("backup.other_unit").
Result<SnapshotMerge> mergeSnapshot(LocalCache &cache, const CacheSnapshot &snapshot);

} // namespace shebao
