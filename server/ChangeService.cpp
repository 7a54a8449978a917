#include "server/ChangeService.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QVariant>

#include "models/validation/IdNumber.h"
#include "server/ChangeChecks.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "server/DeclarationChecks.h"
#include "server/Problem.h"

namespace shebao::server {

namespace {

const QString Changes = QStringLiteral("changes");
const QString Attachments = QStringLiteral("attachments");

QStringList membersOf(const QList<FieldChange> &fields)
{
    QStringList members;
    for (const FieldChange &f : fields)
        members.append(f.member);
    return members;
}

QString columnsOf(ChangeTarget target)
{
    QStringList columns;
    for (const ChangeField &f : ChangeFields::of(target))
        columns.append(f.member);
    return columns.join(QStringLiteral(", "));
}

Error stateError(const ChangeRequest &r)
{
    return Error{QStringLiteral("change.state"),
                 QStringLiteral("申请 %1 的状态为“%2”，只有待审核的申请可以撤回、审核通过或退回。")
                     .arg(r.requestNo, changeStateName(r.state)),
                 {}, {}};
}

} // namespace

Result<QMap<QString, QString>> ChangeService::currentValues(ChangeTarget target, qint64 id)
{
    const QString table = target == ChangeTarget::Unit ? QStringLiteral("units") : QStringLiteral("persons");
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(columnsOf(target), table), {id});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Problem::notFound();
    QMap<QString, QString> values;
    const QList<ChangeField> &fields = ChangeFields::of(target);
    for (int i = 0; i < fields.size(); ++i)
        values.insert(fields.at(i).member, q.value().value(i).toString());
    return values;
}

Result<ChangeService::Plan> ChangeService::plan(qint64 unitId, const QJsonObject &body, QList<Error> *fieldErrors)
{
    Plan p;
    p.unitId = unitId;
    const auto refuse = [&](Error e) -> Error {
        fieldErrors->append(e);
        return e;
    };
    const QJsonValue targetValue = body.value(QLatin1String("target"));
    if (!targetValue.isString() || !parseChangeTarget(targetValue.toString(), &p.target))
        return refuse(Error{QStringLiteral("request.invalid"),
                            QStringLiteral("“target”须为 unit（单位信息变更）或 person（个人信息变更）"), {},
                            QStringLiteral("target")});
    qint64 targetId = unitId;
    if (p.target == ChangeTarget::Person) {
        const QString personNo = body.value(QLatin1String("person_no")).toString().trimmed();
        // One of this unit's staff: an enrolment here that is not terminated.
        auto q = m_db.exec(QStringLiteral("SELECT p.id, p.name, p.id_number FROM persons p WHERE p.person_no = ? AND EXISTS"
                                          " (SELECT 1 FROM enrolments e WHERE e.person_id = p.id AND e.unit_id = ?"
                                          " AND e.status <> 'terminated')"),
                           {personNo, unitId});
        if (!q)
            return q.error();
        if (personNo.isEmpty() || !q.value().next())
            return Error{QStringLiteral("person.unknown"),
                         QStringLiteral("个人编号“%1”不是本单位的在册人员，请先在人员列表中选择人员。").arg(personNo), {},
                         QStringLiteral("person_no")};
        p.personId = q.value().value(0).toLongLong();
        p.personName = q.value().value(1).toString();
        p.personIdNumber = q.value().value(2).toString();
        targetId = p.personId;
    }

    const QJsonValue changesValue = body.value(Changes);
    if (!changesValue.isObject() || changesValue.toObject().isEmpty())
        return refuse(Error{QStringLiteral("change.empty"), QStringLiteral("请至少填写一项要变更的信息。"), {}, Changes});
    const QJsonObject changes = changesValue.toObject();
    const QJsonValue overrideValue = body.value(QLatin1String("credit_code_override"));
    if (!overrideValue.isUndefined() && !overrideValue.isNull() && !overrideValue.isBool())
        return refuse(Error{QStringLiteral("request.invalid"), QStringLiteral("“credit_code_override”应为 true 或 false"), {},
                            QStringLiteral("credit_code_override")});
    const bool creditCodeOverride = overrideValue.toBool(false);
    QList<qint64> attachmentIds;
    const QJsonValue attachmentsValue = body.value(Attachments);
    if (!attachmentsValue.isUndefined() && !attachmentsValue.isNull()) {
        if (!attachmentsValue.isArray())
            return refuse(Error{QStringLiteral("request.invalid"), QStringLiteral("“attachments”应为附件编号的列表"), {}, Attachments});
        for (const QJsonValue &v : attachmentsValue.toArray()) {
            const qint64 id = v.toInteger(0);
            if (!v.isDouble() || id <= 0)
                return refuse(Error{QStringLiteral("request.invalid"), QStringLiteral("附件编号应为正整数"), {}, Attachments});
            if (!attachmentIds.contains(id))
                attachmentIds.append(id);
        }
    }

    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (!ChangeFields::find(p.target, it.key()))
            fieldErrors->append(Error{QStringLiteral("change.field_unknown"),
                                      QStringLiteral("“%1”不是%2可变更的信息项").arg(it.key(),
                                          p.target == ChangeTarget::Unit ? QStringLiteral("单位") : QStringLiteral("个人")),
                                      {}, ChangeChecks::fieldOf(it.key())});
    }
    auto current = currentValues(p.target, targetId);
    if (!current)
        return current.error();
    const QDate today = DeclarationChecks::beijingDate(m_clock.now());
    const ChangeChecks checks(today);
    QList<FieldChange> all;
    for (const ChangeField &field : ChangeFields::of(p.target)) {
        if (!changes.contains(field.member))
            continue;
        auto checked = checks.check(field, changes.value(field.member), creditCodeOverride);
        if (!checked) {
            fieldErrors->append(checked.error());
            continue;
        }
        const QString before = current.value().value(field.member);
        if (checked.value().value == before) {
            fieldErrors->append(Error{QStringLiteral("change.unchanged"),
                                      QStringLiteral("%1：新值与经办机构登记的相同（%2），无需变更")
                                          .arg(field.label, ChangeFields::displayValue(field, before)),
                                      {}, ChangeChecks::fieldOf(field.member)});
            continue;
        }
        p.creditCodeOverridden = p.creditCodeOverridden || checked.value().creditCodeOverridden;
        all.append(FieldChange{field.member, field.label, field.key, before, checked.value().value});
    }
    if (!fieldErrors->isEmpty())
        return fieldErrors->constFirst();

    const QStringList changed = membersOf(all);
    if (p.target == ChangeTarget::Person) {
        const auto after = [&](const QString &member) {
            for (const FieldChange &f : std::as_const(all)) {
                if (f.member == member)
                    return f.after;
            }
            return current.value().value(member);
        };
        if (changed.contains(QStringLiteral("id_number")) || changed.contains(QStringLiteral("gender"))
            || changed.contains(QStringLiteral("birth_date"))) {
            *fieldErrors = checks.personConsistency(after(QStringLiteral("id_number")), after(QStringLiteral("gender")),
                                                    after(QStringLiteral("birth_date")), changed);
            if (!fieldErrors->isEmpty())
                return fieldErrors->constFirst();
        }
        // 15 -> 18 升位: the same number in its GB 11643-1999 form.
        const QString old = current.value().value(QStringLiteral("id_number"));
        if (changed.contains(QStringLiteral("id_number")) && old.size() == 15) {
            auto upgraded = IdNumber::parse(old, today);
            p.idUpgrade = upgraded && upgraded.value().number() == after(QStringLiteral("id_number"));
        }
    }
    if (auto r = checkTaken(p.target, targetId, all); !r)
        return r.error();

    // An upgrade alone applies at once; with other key fields it is reviewed with them.
    const bool reviewed = std::any_of(all.cbegin(), all.cend(), [&](const FieldChange &f) {
        return f.key && !(p.idUpgrade && f.member == u"id_number");
    });
    for (const FieldChange &f : std::as_const(all))
        (reviewed && f.key ? p.pending : p.applied).append(f);
    if (!p.pending.isEmpty()) {
        auto pending = m_store.hasPending(p.target, unitId, p.personId);
        if (!pending)
            return pending.error();
        if (pending.value())
            return Error{QStringLiteral("change.pending"),
                         p.target == ChangeTarget::Unit
                             ? QStringLiteral("本单位已有一项关键信息变更在等待审核，请等审核结束或撤回该申请后再申报。")
                             : QStringLiteral("%1 已有一项关键信息变更在等待审核，请等审核结束或撤回该申请后再申报。")
                                   .arg(p.personName),
                         {}, Changes};
    }
    auto found = m_store.unusedAttachments(unitId, attachmentIds);
    if (!found)
        return found.error();
    for (qint64 id : std::as_const(attachmentIds)) {
        const bool ok = std::any_of(found.value().cbegin(), found.value().cend(),
                                    [id](const ChangeAttachment &a) { return a.id == id; });
        if (!ok)
            return refuse(Error{QStringLiteral("attachment.unknown"),
                                QStringLiteral("附件 %1 不存在、不属于本单位或已用于另一项申请，请重新上传。").arg(id), {},
                                Attachments});
    }
    QList<AttachmentKind> provided;
    for (const ChangeAttachment &a : found.value())
        provided.append(a.kind);
    if (!p.pending.isEmpty()) {
        const QStringList keyMembers = membersOf(p.pending);
        for (const QList<AttachmentKind> &group : ChangeFields::missingProofs(p.target, keyMembers, provided))
            fieldErrors->append(Error{QStringLiteral("attachment.missing"),
                                      ChangeFields::describeProofs(p.target, group, keyMembers), {}, Attachments});
        if (!fieldErrors->isEmpty())
            return fieldErrors->constFirst();
        p.attachmentIds = attachmentIds;
    }
    return p;
}

Result<void> ChangeService::checkTaken(ChangeTarget target, qint64 id, const QList<FieldChange> &fields)
{
    for (const FieldChange &f : fields) {
        const bool credit = target == ChangeTarget::Unit && f.member == u"credit_code";
        const bool idNumber = target == ChangeTarget::Person && f.member == u"id_number";
        if (!credit && !idNumber)
            continue;
        auto q = credit ? m_db.exec(QStringLiteral("SELECT 1 FROM units WHERE credit_code = ? AND id <> ?"), {f.after, id})
                        : m_db.exec(QStringLiteral("SELECT 1 FROM persons WHERE id_number = ? AND id <> ?"), {f.after, id});
        if (!q)
            return q.error();
        if (!q.value().next())
            continue;
        if (credit)
            return Error{QStringLiteral("creditcode.taken"),
                         QStringLiteral("统一社会信用代码 %1 已登记在另一个单位名下，请核对营业执照；确属本单位的，请到经办机构窗口办理。")
                             .arg(f.after),
                         {}, ChangeChecks::fieldOf(f.member)};
        return Error{QStringLiteral("id.taken"),
                     QStringLiteral("公民身份号码 %1 已登记在另一位参保人名下，请核对身份证；确属本人的，请到经办机构窗口办理。")
                         .arg(IdNumber::mask(f.after)),
                     {}, ChangeChecks::fieldOf(f.member)};
    }
    return {};
}

Result<void> ChangeService::write(ChangeTarget target, qint64 id, const QList<FieldChange> &fields)
{
    const QString table = target == ChangeTarget::Unit ? QStringLiteral("units") : QStringLiteral("persons");
    for (const FieldChange &f : fields) {
        // Only catalogue members are columns: a stored request is never trusted as SQL.
        const ChangeField *field = ChangeFields::find(target, f.member);
        if (!field)
            return Error{QStringLiteral("change.corrupt"), QStringLiteral("变更申请内容有误。"), f.member, {}};
        const QVariant value = field->type == ChangeValueType::RiskClass ? QVariant(f.after.toInt()) : QVariant(sqlText(f.after));
        auto q = m_db.exec(QStringLiteral("UPDATE %1 SET %2 = ? WHERE id = ?").arg(table, field->member), {value, id});
        if (!q)
            return q.error();
    }
    return {};
}

Result<QList<ChangeRequest>> ChangeService::submit(const Plan &p, const QString &actor, bool isSigned, qint64 signatureId)
{
    QList<qint64> ids;
    const qint64 targetId = p.target == ChangeTarget::Unit ? p.unitId : p.personId;
    ChangeStore::NewRequest base;
    base.unitId = p.unitId;
    base.target = p.target;
    base.personId = p.personId;
    base.isSigned = isSigned;
    base.signatureId = signatureId;
    base.personName = p.personName;
    base.personIdNumber = p.personIdNumber;
    base.actor = actor;
    if (!p.applied.isEmpty()) {
        if (auto r = write(p.target, targetId, p.applied); !r)
            return r.error();
        ChangeStore::NewRequest applied = base;
        applied.state = ChangeState::Applied;
        applied.fields = p.applied;
        applied.idUpgrade = p.idUpgrade && p.pending.isEmpty();
        auto id = m_store.insert(applied);
        if (!id)
            return id.error();
        ids.append(id.value());
    }
    if (!p.pending.isEmpty()) {
        ChangeStore::NewRequest pending = base;
        pending.state = ChangeState::Pending;
        pending.key = true;
        pending.fields = p.pending;
        pending.idUpgrade = p.idUpgrade;
        pending.creditCodeOverridden = p.creditCodeOverridden;
        pending.attachmentIds = p.attachmentIds;
        auto id = m_store.insert(pending);
        if (!id)
            return id.error();
        ids.append(id.value());
    }
    QList<ChangeRequest> requests;
    for (qint64 id : std::as_const(ids)) {
        auto r = reload(id);
        if (!r)
            return r.error();
        requests.append(r.value());
    }
    return requests;
}

Result<StoredChange> ChangeService::pendingRequest(qint64 requestId, qint64 unitId)
{
    auto found = m_store.find(requestId, unitId);
    if (!found)
        return found.error();
    if (!found.value())
        return Problem::notFound();
    if (found.value()->request.state != ChangeState::Pending)
        return stateError(found.value()->request);
    return *found.value();
}

Result<ChangeRequest> ChangeService::reload(qint64 requestId)
{
    auto found = m_store.find(requestId, 0);
    if (!found)
        return found.error();
    if (!found.value())
        return Problem::notFound();
    return found.value()->request;
}

Result<ChangeRequest> ChangeService::withdraw(qint64 unitId, qint64 requestId, const QString &actor)
{
    auto s = pendingRequest(requestId, unitId);
    if (!s)
        return s.error();
    auto decided = m_store.decide(requestId, unitId, ChangeState::Withdrawn, actor);
    if (!decided)
        return decided.error();
    if (!decided.value()) {
        auto now = reload(requestId);
        if (!now)
            return now.error();
        return stateError(now.value());
    }
    return reload(requestId);
}

Result<ChangeRequest> ChangeService::approve(qint64 requestId, const QString &actor)
{
    auto s = pendingRequest(requestId, 0);
    if (!s)
        return s.error();
    const StoredChange &c = s.value();
    const qint64 targetId = c.request.target == ChangeTarget::Unit ? c.unitId : c.personId;
    // What may have changed since the submission: another unit or person took the code.
    if (auto r = checkTaken(c.request.target, targetId, c.request.fields); !r)
        return r.error();
    auto decided = m_store.decide(requestId, 0, ChangeState::Approved, actor);
    if (!decided)
        return decided.error();
    if (!decided.value()) {
        auto now = reload(requestId);
        if (!now)
            return now.error();
        return stateError(now.value());
    }
    if (auto r = write(c.request.target, targetId, c.request.fields); !r)
        return r.error();
    return reload(requestId);
}

Result<ChangeRequest> ChangeService::reject(qint64 requestId, const QString &actor, const QString &reason)
{
    auto s = pendingRequest(requestId, 0);
    if (!s)
        return s.error();
    auto decided = m_store.decide(requestId, 0, ChangeState::Rejected, actor, reason);
    if (!decided)
        return decided.error();
    if (!decided.value()) {
        auto now = reload(requestId);
        if (!now)
            return now.error();
        return stateError(now.value());
    }
    return reload(requestId);
}

} // namespace shebao::server
