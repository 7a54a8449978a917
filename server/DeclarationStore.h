#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "models/core/Result.h"
#include "models/declaration/Declaration.h"

namespace shebao::server {

class Clock;
class Database;

// A batch as the staff see it: with the unit it came from.
struct StaffBatch
{
    DeclarationBatch batch;
    qint64 unitId = 0;
    QString unitNo;
    QString unitName;
};

// The rows of 异动申报 (tables declaration_items, declaration_batches, declaration_batch_items,
// declaration_batch_events) as the shared types, and the readable numbers. No rules here: the
// DeclarationService decides, this class reads and writes. Every read of a unit's data takes
// the unit id, so one unit's query can never return another's rows.
class DeclarationStore
{
public:
    DeclarationStore(Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

    // "YD" / "SB" + the Beijing date + a 5-digit daily sequence: "YD2026120400017".
    Result<QString> nextNumber(const QString &prefix);
    // A new person's 个人编号: "438" + 8 digits (the demo's streams use 431, 432, 433, 439).
    Result<QString> nextPersonNo();

    // Inserts a pending item; sets its id, number and creation time.
    // signatureId: the certificate signature of the request that carried it (0: none).
    Result<void> insertItem(qint64 unitId, const QString &actor, qint64 signatureId, DeclarationItem *item);
    // nullopt when the unit has no such item (or it was withdrawn).
    Result<std::optional<DeclarationItem>> item(qint64 unitId, qint64 itemId);
    // The unit's items, newest first; state nullopt: every state but withdrawn.
    Result<QList<DeclarationItem>> items(qint64 unitId, std::optional<ItemState> state);
    Result<QList<DeclarationItem>> batchItems(qint64 batchId);
    // Whether the unit has an open (pending or declared) item for the ID number.
    Result<bool> hasOpenItem(qint64 unitId, const QString &idNumber);
    Result<void> setItemState(qint64 itemId, ItemState state);

    // Inserts a batch in state `state` with its items (which become declared).
    Result<void> insertBatch(qint64 unitId, const QString &actor, qint64 signatureId, const QList<qint64> &itemIds,
                             DeclarationBatch *batch);
    Result<void> addEvent(qint64 batchId, BatchState state, const QString &actor, const QString &note = {});
    Result<void> setBatchState(qint64 batchId, BatchState state, const QString &actor, const QString &returnReason = {});
    // Sends the batch's items back to pending with the reason.
    Result<void> returnItems(qint64 batchId, const QString &reason);

    // unitId 0: any unit (staff). nullopt when there is no such batch (for this unit).
    Result<std::optional<StaffBatch>> batch(qint64 unitId, const QString &batchNo, bool withItems);
    Result<QList<StaffBatch>> batches(qint64 unitId, std::optional<BatchState> state);

private:
    Result<QList<DeclarationItem>> readItems(const QString &where, const QVariantList &values);
    Result<QList<StaffBatch>> readBatches(const QString &where, const QVariantList &values);

    Database &m_db;
    const Clock &m_clock;
};

} // namespace shebao::server
