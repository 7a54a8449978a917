#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

#include "models/change/ChangeRequest.h"
#include "models/core/Result.h"

namespace shebao::server {

class Clock;
class Database;

// A request as stored, with the internal ids the rules need (whose values it changes).
struct StoredChange
{
    ChangeRequest request;
    qint64 unitId = 0;
    qint64 personId = 0; // 0 for unit requests
};

// An attachment with its content (the reviewer's download).
struct AttachmentContent
{
    ChangeAttachment attachment;
    QByteArray data;
};

// The rows of 信息维护 (change_requests, change_attachments) as the shared types of
// models/change, and the BG numbers. No rules here: ChangeService decides. Every unit-side read
// takes the unit id, so one unit's query never returns another unit's rows.
class ChangeStore
{
public:
    ChangeStore(Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

    // "BG" + the Beijing date + a 6-digit daily sequence: "BG20261204000017".
    Result<QString> nextNumber();

    struct NewRequest
    {
        qint64 unitId = 0;
        ChangeTarget target = ChangeTarget::Unit;
        qint64 personId = 0;
        ChangeState state = ChangeState::Applied;
        bool key = false;
        QList<FieldChange> fields;
        bool isSigned = false;
        qint64 signatureId = 0;
        bool creditCodeOverridden = false;
        bool idUpgrade = false;
        QString personName;
        QString personIdNumber;
        QString actor;
        QList<qint64> attachmentIds; // linked to the new request
    };
    // Inserts the request and links its attachments; returns its id.
    Result<qint64> insert(const NewRequest &request);

    // unitId 0: any unit (staff). nullopt when there is no such request (for this unit).
    Result<std::optional<StoredChange>> find(qint64 requestId, qint64 unitId);
    // unitId 0: all units. Newest first for the unit, oldest first for the reviewer.
    Result<QList<ChangeRequest>> list(qint64 unitId, std::optional<ChangeTarget> target, std::optional<ChangeState> state,
                                      bool oldestFirst);
    // A pending request of the unit (unit target) or of the person (person target, any unit).
    Result<bool> hasPending(ChangeTarget target, qint64 unitId, qint64 personId);
    // pending -> `to`, only while the request is still pending: false when another decision
    // (a second reviewer, a withdrawal) came first. unitId 0: any unit.
    Result<bool> decide(qint64 requestId, qint64 unitId, ChangeState to, const QString &actor, const QString &reason = {});

    Result<ChangeAttachment> insertAttachment(qint64 unitId, AttachmentKind kind, const QString &fileName,
                                              const QString &mimeType, const QByteArray &data);
    // Those of `ids` that belong to the unit and are not used by a request yet.
    Result<QList<ChangeAttachment>> unusedAttachments(qint64 unitId, const QList<qint64> &ids);
    Result<std::optional<AttachmentContent>> attachmentContent(qint64 requestId, qint64 attachmentId);
    // Uploads never referenced by a request and older than the limit.
    Result<int> purgeUnusedAttachments(qint64 uploadedBefore);

private:
    Result<QList<ChangeAttachment>> attachmentsOf(qint64 requestId);

    Database &m_db;
    const Clock &m_clock;
};

} // namespace shebao::server
