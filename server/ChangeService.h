#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "models/change/ChangeRequest.h"
#include "models/core/Result.h"
#include "server/ChangeStore.h"

namespace shebao::server {

class Clock;
class Database;

// 信息维护 on the agency's side (docs/changes.md): the rules of a submission, the split into an
// applied and a pending request, and the decisions (withdraw, approve, reject). As in
// DeclarationService, checks come first and write nothing — the caller's transaction
// (IdempotencyStore) commits a refusal's answer — and the writes follow once all passed. A
// refusal is an Error (404 / 409 rules) or, with `fieldErrors` filled, the per-field 422 answer.
class ChangeService
{
public:
    ChangeService(Database &db, const Clock &clock) : m_db(db), m_clock(clock), m_store(db, clock) {}

    ChangeStore &store() { return m_store; }

    // A checked submission, nothing written yet.
    struct Plan
    {
        ChangeTarget target = ChangeTarget::Unit;
        qint64 unitId = 0;
        qint64 personId = 0;
        QString personName;
        QString personIdNumber;
        QList<FieldChange> applied;  // written at once
        QList<FieldChange> pending;  // reviewed
        QList<qint64> attachmentIds; // the proofs of the pending request
        bool creditCodeOverridden = false;
        bool idUpgrade = false;
    };
    Result<Plan> plan(qint64 unitId, const QJsonObject &body, QList<Error> *fieldErrors);
    // Writes the plan: the applied request (values written) first, then the pending one.
    Result<QList<ChangeRequest>> submit(const Plan &plan, const QString &actor, bool isSigned, qint64 signatureId);

    // not_found for another unit's or an unknown request; change.state unless pending.
    Result<ChangeRequest> withdraw(qint64 unitId, qint64 requestId, const QString &actor);
    // The reviewer's decisions. Approval re-checks id.taken / creditcode.taken and writes the
    // values in the same transaction.
    Result<ChangeRequest> approve(qint64 requestId, const QString &actor);
    Result<ChangeRequest> reject(qint64 requestId, const QString &actor, const QString &reason);

private:
    // The agency's current values of the target, by member.
    Result<QMap<QString, QString>> currentValues(ChangeTarget target, qint64 id);
    Result<void> write(ChangeTarget target, qint64 id, const QList<FieldChange> &fields);
    // creditcode.taken / id.taken for the values of `fields`.
    Result<void> checkTaken(ChangeTarget target, qint64 id, const QList<FieldChange> &fields);
    Result<StoredChange> pendingRequest(qint64 requestId, qint64 unitId);
    Result<ChangeRequest> reload(qint64 requestId);

    Database &m_db;
    const Clock &m_clock;
    ChangeStore m_store;
};

} // namespace shebao::server
