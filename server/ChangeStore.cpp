#include "server/ChangeStore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include "models/change/ChangeJson.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "server/NumberSequence.h"
#include "server/DeclarationChecks.h"

namespace shebao::server {

namespace {

QDateTime utc(const QVariant &secs)
{
    return secs.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(secs.toLongLong(), Qt::UTC);
}

QVariant nullable(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QString fieldsText(const QList<FieldChange> &fields)
{
    QJsonArray array;
    for (const FieldChange &f : fields)
        array.append(json::encode(f));
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<FieldChange> fieldsOf(const QString &text)
{
    QList<FieldChange> fields;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array) {
        auto f = json::decodeFieldChange(v.toObject());
        if (f)
            fields.append(f.value());
    }
    return fields;
}

const QString SelectRequest = QStringLiteral(
    "SELECT r.id, r.request_no, r.target, r.state, u.unit_no, u.name, p.person_no, r.person_name, r.person_id_number,"
    " r.fields, r.key_change, r.signed, r.credit_code_overridden, r.id_upgrade, r.reject_reason, r.created_at,"
    " r.created_by, r.decided_at, r.decided_by, r.unit_id, r.person_id"
    " FROM change_requests r JOIN units u ON u.id = r.unit_id LEFT JOIN persons p ON p.id = r.person_id");

StoredChange requestOf(const QSqlQuery &q)
{
    StoredChange s;
    ChangeRequest &r = s.request;
    r.id = q.value(0).toLongLong();
    r.requestNo = q.value(1).toString();
    parseChangeTarget(q.value(2).toString(), &r.target);
    parseChangeState(q.value(3).toString(), &r.state);
    r.unitNo = q.value(4).toString();
    r.unitName = q.value(5).toString();
    r.personNo = q.value(6).toString();
    r.personName = q.value(7).toString();
    r.personIdNumber = q.value(8).toString();
    r.fields = fieldsOf(q.value(9).toString());
    r.key = q.value(10).toInt() != 0;
    r.signed_ = q.value(11).toInt() != 0;
    r.creditCodeOverridden = q.value(12).toInt() != 0;
    r.idUpgrade = q.value(13).toInt() != 0;
    r.rejectReason = q.value(14).toString();
    r.createdAt = utc(q.value(15));
    r.createdBy = q.value(16).toString();
    r.decidedAt = utc(q.value(17));
    r.decidedBy = q.value(18).toString();
    s.unitId = q.value(19).toLongLong();
    s.personId = q.value(20).isNull() ? 0 : q.value(20).toLongLong();
    return s;
}

ChangeAttachment attachmentOf(const QSqlQuery &q)
{
    ChangeAttachment a;
    a.id = q.value(0).toLongLong();
    parseAttachmentKind(q.value(1).toString(), &a.kind);
    a.fileName = q.value(2).toString();
    a.mimeType = q.value(3).toString();
    a.size = q.value(4).toLongLong();
    a.sha256 = q.value(5).toString();
    return a;
}

const QString SelectAttachment =
    QStringLiteral("SELECT id, kind, file_name, mime_type, size, sha256 FROM change_attachments");

} // namespace

Result<QString> ChangeStore::nextNumber()
{
    const QString day = QStringLiteral("BG") + DeclarationChecks::beijingDate(m_clock.now()).toString(QStringLiteral("yyyyMMdd"));
    auto sequence = NumberSequence::next(m_db, day);
    if (!sequence)
        return sequence.error();
    return day + QStringLiteral("%1").arg(sequence.value(), 6, 10, QLatin1Char('0'));
}

Result<qint64> ChangeStore::insert(const NewRequest &n)
{
    auto number = nextNumber();
    if (!number)
        return number.error();
    auto q = m_db.exec(QStringLiteral("INSERT INTO change_requests (request_no, unit_id, target, person_id, state, key_change,"
                                      " fields, signed, signature_id, credit_code_overridden, id_upgrade, person_name,"
                                      " person_id_number, created_at, created_by)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                       {number.value(), n.unitId, changeTargetCode(n.target), nullable(n.personId), changeStateCode(n.state),
                        n.key ? 1 : 0, fieldsText(n.fields), n.isSigned ? 1 : 0, nullable(n.signatureId),
                        n.creditCodeOverridden ? 1 : 0, n.idUpgrade ? 1 : 0, sqlText(n.personName),
                        sqlText(n.personIdNumber), m_clock.now(), n.actor});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Database::sqlError(q.value(), QStringLiteral("insert change request"));
    const qint64 id = q.value().value(0).toLongLong();
    q.value().finish();
    for (qint64 attachmentId : n.attachmentIds) {
        // The request_id IS NULL condition keeps an attachment to one request even if two
        // submissions naming it race (the second links nothing and is caught by the caller's check).
        auto linked = m_db.exec(QStringLiteral("UPDATE change_attachments SET request_id = ?"
                                               " WHERE id = ? AND unit_id = ? AND request_id IS NULL"),
                                {id, attachmentId, n.unitId});
        if (!linked)
            return linked.error();
        if (linked.value().numRowsAffected() != 1)
            return Error{QStringLiteral("db.conflict"), QStringLiteral("附件已被另一项申请使用，请重新上传。"),
                         QStringLiteral("attachment %1 taken meanwhile").arg(attachmentId), {}};
    }
    return id;
}

Result<std::optional<StoredChange>> ChangeStore::find(qint64 requestId, qint64 unitId)
{
    auto q = unitId > 0 ? m_db.exec(SelectRequest + QStringLiteral(" WHERE r.id = ? AND r.unit_id = ?"), {requestId, unitId})
                        : m_db.exec(SelectRequest + QStringLiteral(" WHERE r.id = ?"), {requestId});
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<StoredChange>();
    StoredChange s = requestOf(q.value());
    q.value().finish();
    auto attachments = attachmentsOf(s.request.id);
    if (!attachments)
        return attachments.error();
    s.request.attachments = attachments.value();
    return std::optional<StoredChange>(s);
}

Result<QList<ChangeRequest>> ChangeStore::list(qint64 unitId, std::optional<ChangeTarget> target,
                                               std::optional<ChangeState> state, bool oldestFirst)
{
    QStringList where;
    QVariantList values;
    if (unitId > 0) {
        where << QStringLiteral("r.unit_id = ?");
        values << unitId;
    }
    if (target) {
        where << QStringLiteral("r.target = ?");
        values << changeTargetCode(*target);
    }
    if (state) {
        where << QStringLiteral("r.state = ?");
        values << changeStateCode(*state);
    }
    QString sql = SelectRequest;
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += oldestFirst ? QStringLiteral(" ORDER BY r.id") : QStringLiteral(" ORDER BY r.id DESC");
    auto q = m_db.exec(sql, values);
    if (!q)
        return q.error();
    QList<ChangeRequest> requests;
    while (q.value().next())
        requests.append(requestOf(q.value()).request);
    q.value().finish();
    for (ChangeRequest &r : requests) {
        auto attachments = attachmentsOf(r.id);
        if (!attachments)
            return attachments.error();
        r.attachments = attachments.value();
    }
    return requests;
}

Result<bool> ChangeStore::hasPending(ChangeTarget target, qint64 unitId, qint64 personId)
{
    auto q = target == ChangeTarget::Unit
        ? m_db.exec(QStringLiteral("SELECT 1 FROM change_requests WHERE unit_id = ? AND target = 'unit' AND state = 'pending'"),
                    {unitId})
        : m_db.exec(QStringLiteral("SELECT 1 FROM change_requests WHERE person_id = ? AND target = 'person'"
                                   " AND state = 'pending'"),
                    {personId});
    if (!q)
        return q.error();
    return q.value().next();
}

Result<bool> ChangeStore::decide(qint64 requestId, qint64 unitId, ChangeState to, const QString &actor, const QString &reason)
{
    // The state condition in the UPDATE itself: of two reviewers (or a reviewer and the unit)
    // deciding at once, PostgreSQL lets the second wait for the first's row lock and then finds
    // the request no longer pending.
    QString sql = QStringLiteral("UPDATE change_requests SET state = ?, decided_at = ?, decided_by = ?, reject_reason = ?"
                                 " WHERE id = ? AND state = 'pending'");
    QVariantList values{changeStateCode(to), m_clock.now(), actor,
                        reason.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(reason), requestId};
    if (unitId > 0) {
        sql += QStringLiteral(" AND unit_id = ?");
        values << unitId;
    }
    auto q = m_db.exec(sql, values);
    if (!q)
        return q.error();
    return q.value().numRowsAffected() == 1;
}

Result<ChangeAttachment> ChangeStore::insertAttachment(qint64 unitId, AttachmentKind kind, const QString &fileName,
                                                       const QString &mimeType, const QByteArray &data)
{
    ChangeAttachment a;
    a.kind = kind;
    a.fileName = fileName;
    a.mimeType = mimeType;
    a.size = data.size();
    a.sha256 = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    auto q = m_db.exec(QStringLiteral("INSERT INTO change_attachments (unit_id, kind, file_name, mime_type, size, sha256, data,"
                                      " uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                       {unitId, attachmentKindCode(kind), fileName, mimeType, a.size, a.sha256, data, m_clock.now()});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Database::sqlError(q.value(), QStringLiteral("insert change attachment"));
    a.id = q.value().value(0).toLongLong();
    return a;
}

Result<QList<ChangeAttachment>> ChangeStore::unusedAttachments(qint64 unitId, const QList<qint64> &ids)
{
    QList<ChangeAttachment> found;
    for (qint64 id : ids) {
        auto q = m_db.exec(SelectAttachment + QStringLiteral(" WHERE id = ? AND unit_id = ? AND request_id IS NULL"),
                           {id, unitId});
        if (!q)
            return q.error();
        if (q.value().next())
            found.append(attachmentOf(q.value()));
    }
    return found;
}

Result<std::optional<AttachmentContent>> ChangeStore::attachmentContent(qint64 requestId, qint64 attachmentId)
{
    auto q = m_db.exec(QStringLiteral("SELECT id, kind, file_name, mime_type, size, sha256, data FROM change_attachments"
                                      " WHERE id = ? AND request_id = ?"),
                       {attachmentId, requestId});
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::optional<AttachmentContent>();
    return std::optional<AttachmentContent>(AttachmentContent{attachmentOf(q.value()), q.value().value(6).toByteArray()});
}

Result<int> ChangeStore::purgeUnusedAttachments(qint64 uploadedBefore)
{
    auto q = m_db.exec(QStringLiteral("DELETE FROM change_attachments WHERE request_id IS NULL AND uploaded_at < ?"),
                       {uploadedBefore});
    if (!q)
        return q.error();
    return q.value().numRowsAffected();
}

Result<QList<ChangeAttachment>> ChangeStore::attachmentsOf(qint64 requestId)
{
    auto q = m_db.exec(SelectAttachment + QStringLiteral(" WHERE request_id = ? ORDER BY id"), {requestId});
    if (!q)
        return q.error();
    QList<ChangeAttachment> list;
    while (q.value().next())
        list.append(attachmentOf(q.value()));
    return list;
}

} // namespace shebao::server
