#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "models/core/Result.h"
#include "models/declaration/Declaration.h"
#include "models/policy/PolicyTable.h"
#include "server/DeclarationChecks.h"
#include "server/DeclarationEffect.h"
#include "server/DeclarationStore.h"

namespace shebao::server {

class Clock;
class Database;

// 异动申报 on the agency's side (docs/declarations.md): every rule of the rules table, the
// states of items and batches and what an effective batch does. Checks come first and write
// nothing, so a refusal leaves the caller's transaction (IdempotencyStore) clean; the writes
// follow once everything passed. A refusal is an Error (409 rules) or, when `fieldErrors`
// was filled, the per-field 422 answer.
class DeclarationService
{
public:
    DeclarationService(Database &db, const Clock &clock, PolicyTable policy);

    DeclarationStore &store() { return m_store; }
    // The field rules as of the server clock's current month (Beijing).
    DeclarationChecks checks() const;

    // 查询 (any level). The ID number's own errors are fieldErrors.
    Result<PersonLookup> lookup(qint64 unitId, const QString &idNumber, QList<Error> *fieldErrors);

    // Every rule for one item request, nothing written.
    Result<DeclarationItem> check(qint64 unitId, const QJsonObject &body, QList<Error> *fieldErrors);
    // Saves a checked item as pending.
    Result<DeclarationItem> save(qint64 unitId, const QString &actor, qint64 signatureId, DeclarationItem item);
    // not_found for another unit's or an unknown item; item.not_pending unless pending.
    Result<DeclarationItem> withdraw(qint64 unitId, qint64 itemId);

    struct DeclarePlan
    {
        QString reporter;
        QString phone;
        QList<qint64> itemIds;
        QList<DeclarationItem> items;
    };
    // The checks of 申报: 报送人, 联系电话, at least one item, each a pending item of this unit,
    // and for a signed batch (effective at once) that every item can take effect now.
    Result<DeclarePlan> planDeclare(qint64 unitId, const QJsonObject &body, bool isSigned, QList<Error> *fieldErrors);
    // Declares: authorized units' batches wait for the paper (declared -> awaiting_paper);
    // signed batches are accepted and take effect at once.
    Result<DeclarationBatch> declare(qint64 unitId, const QString &actor, const DeclarePlan &plan, bool isSigned,
                                     qint64 signatureId);

    // The counter: the stamped 申报表 arrived (awaiting_paper -> accepted -> effective), or the
    // batch goes back (-> returned, items pending again with the reason). batch.state otherwise.
    Result<StaffBatch> receive(const QString &actor, const QString &batchNo);
    Result<StaffBatch> returnBatch(const QString &actor, const QString &batchNo, const QString &reason);

    static constexpr int MaxBulkItems = 5000;

private:
    Result<StaffBatch> awaitingPaper(const QString &batchNo);
    Result<StaffBatch> reload(const QString &batchNo);

    Database &m_db;
    const Clock &m_clock;
    PolicyTable m_policy;
    DeclarationStore m_store;
    DeclarationEffect m_effect;
};

} // namespace shebao::server
