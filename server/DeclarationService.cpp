#include "server/DeclarationService.h"

#include <QJsonArray>

#include <algorithm>

#include "models/core/JsonNumber.h"
#include "models/validation/IdNumber.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "server/PersonFacts.h"
#include "server/Problem.h"

namespace shebao::server {

namespace {

Error rule(const char *code, const QString &message, const QString &field = QStringLiteral("id_number"))
{
    return Error{QLatin1String(code), message, {}, field};
}

Error duplicateItem()
{
    return rule("item.duplicate", QStringLiteral("本单位已有该人员未办结的异动（待申报或已申报），不能重复保存；"
                                                 "可在“申报及查询”中查看或撤销"));
}

Error enrolledHere(const QString &what)
{
    return rule("person.enrolled",
                QStringLiteral("该人员已在本单位参保，不能%1；一人只能有一条在参保记录，如已离职请先办理减少").arg(what));
}

Error enrolledElsewhere(const QString &what)
{
    return rule("person.enrolled", QStringLiteral("该人员已在其他单位参保，不能%1；一人只能有一条在参保记录，"
                                                  "须由原单位办理减少后再申报")
                                       .arg(what));
}

Error pendingChange()
{
    return rule("person.pending_change",
                QStringLiteral("该人员有待审核的关键信息变更（信息维护），审核完成前不能续保"));
}

// The agency's record is authoritative for a known person's name: a different name usually
// means a mistyped ID number (减少 would stop the wrong person), and a real change of name is a
// key change that 信息维护 sends to review, never a side effect of 续保.
Error nameMismatch(const QString &registered)
{
    return rule("name.mismatch",
                QStringLiteral("姓名与经办机构登记的不一致（该身份证号码登记的姓名为“%1”）：请核对姓名和身份证号码；"
                               "姓名确需更正的，请通过“信息维护 → 个人信息变更”办理")
                    .arg(registered),
                QStringLiteral("name"));
}

Error batchState(const StaffBatch &b)
{
    return Error{QStringLiteral("batch.state"),
                 QStringLiteral("批次 %1 当前状态为“%2”，只有“待交纸质表”的批次可以受理或退回")
                     .arg(b.batch.batchNo, batchStateName(b.batch.state)),
                 {}, {}};
}

} // namespace

DeclarationService::DeclarationService(Database &db, const Clock &clock, PolicyTable policy)
    : m_db(db), m_clock(clock), m_policy(std::move(policy)), m_store(db, clock), m_effect(db, m_store)
{
}

DeclarationChecks DeclarationService::checks() const
{
    return DeclarationChecks(DeclarationChecks::beijingDate(m_clock.now()), m_policy);
}

Result<PersonLookup> DeclarationService::lookup(qint64 unitId, const QString &idText, QList<Error> *fieldErrors)
{
    const DeclarationChecks rules = checks();
    if (idText.trimmed().isEmpty()) {
        fieldErrors->append(rule("required.missing", QStringLiteral("“公民身份号码”是必填项，不能为空")));
        return fieldErrors->constFirst();
    }
    const Result<IdNumber> id = IdNumber::parse(idText, rules.today());
    if (!id) {
        fieldErrors->append(Error{id.error().code, id.error().message, {}, QStringLiteral("id_number")});
        return fieldErrors->constFirst();
    }
    auto facts = PersonFacts::load(m_db, unitId, id.value().number());
    if (!facts)
        return facts.error();
    auto openItem = m_store.hasOpenItem(unitId, id.value().number());
    if (!openItem)
        return openItem.error();
    const PersonFacts &f = facts.value();

    PersonLookup l;
    l.idNumber = id.value().number();
    l.known = f.known();
    l.personNo = f.personNo;
    l.name = f.name;
    // The agency's full record (phone, 户口, 用工形式, …) only to a unit the person has worked
    // for: what another unit registered is that unit's data. Everyone else learns what the ID
    // number says, and the name, which they typed themselves to declare.
    const bool workedHere = std::any_of(f.history.cbegin(), f.history.cend(), [](const LookupPeriod &p) { return p.thisUnit; });
    if (f.known() && workedHere) {
        l.person = f.person;
    } else {
        l.person.gender = id.value().genderCode();
        l.person.birthDate = id.value().birthDate().toString(Qt::ISODate);
    }
    l.suggestedKind = f.hasEnrolment ? DeclarationKind::Renew : DeclarationKind::Add;
    l.activeHere = f.activeHere;
    l.activeElsewhere = f.activeElsewhere;
    l.pendingKeyChange = f.pendingChange;
    l.pendingItem = openItem.value();
    l.history = f.history;
    auto blocker = [&](const Error &e) { l.blockers.append({e.code, e.message, e.field}); };
    if (l.pendingItem)
        blocker(duplicateItem());
    if (f.activeHere)
        blocker(enrolledHere(QStringLiteral("新增或续保")));
    if (f.activeElsewhere)
        blocker(enrolledElsewhere(QStringLiteral("新增或续保")));
    if (f.pendingChange && f.hasEnrolment)
        blocker(pendingChange());
    if (id.value().birthDate().addYears(16) > rules.today())
        blocker(rule("age.under_16", QStringLiteral("出生日期 %1，未满 16 周岁，不能参保")
                                         .arg(id.value().birthDate().toString(Qt::ISODate))));
    if (auto warning = DeclarationChecks::retirementWarning(l.person, rules.currentMonth()))
        l.warnings.append(*warning);
    return l;
}

Result<DeclarationItem> DeclarationService::check(qint64 unitId, const QJsonObject &body, QList<Error> *fieldErrors)
{
    DeclarationItem item = checks().item(body, fieldErrors);
    if (!fieldErrors->isEmpty())
        return fieldErrors->constFirst();
    auto facts = PersonFacts::load(m_db, unitId, item.idNumber);
    if (!facts)
        return facts.error();
    auto openItem = m_store.hasOpenItem(unitId, item.idNumber);
    if (!openItem)
        return openItem.error();
    const PersonFacts &f = facts.value();
    if (openItem.value())
        return duplicateItem();
    if (f.known() && item.name != f.name)
        return nameMismatch(f.name);
    if (item.isReduce()) {
        if (!f.activeHere)
            return rule("person.not_enrolled",
                        QStringLiteral("该人员不在本单位参保（没有在参保记录），不能办理减少"));
        return item;
    }
    const QString what = declarationKindName(item.kind);
    if (f.activeHere)
        return enrolledHere(what);
    if (f.activeElsewhere)
        return enrolledElsewhere(what);
    if (item.kind == DeclarationKind::Add && f.hasEnrolment)
        return rule("kind.mismatch", QStringLiteral("该人员曾参保（有参保记录），应办理续保而不是新增"), QStringLiteral("kind"));
    if (item.kind == DeclarationKind::Renew && !f.hasEnrolment)
        return rule("kind.mismatch", QStringLiteral("该人员没有参保记录，应办理新增而不是续保"), QStringLiteral("kind"));
    if (item.kind == DeclarationKind::Renew && f.pendingChange)
        return pendingChange();
    return item;
}

Result<DeclarationItem> DeclarationService::save(qint64 unitId, const QString &actor, qint64 signatureId, DeclarationItem item)
{
    if (auto r = m_store.insertItem(unitId, actor, signatureId, &item); !r)
        return r.error();
    return item;
}

Result<DeclarationItem> DeclarationService::withdraw(qint64 unitId, qint64 itemId)
{
    auto found = m_store.item(unitId, itemId);
    if (!found)
        return found.error();
    if (!found.value())
        return Problem::notFound();
    DeclarationItem item = *found.value();
    if (item.state != ItemState::Pending)
        return Error{QStringLiteral("item.not_pending"),
                     QStringLiteral("异动 %1 的状态为“%2”，只有待申报的异动可以撤销").arg(item.itemNo, itemStateName(item.state)),
                     {}, {}};
    if (auto r = m_store.setItemState(item.id, ItemState::Withdrawn); !r)
        return r.error();
    item.state = ItemState::Withdrawn;
    return item;
}

Result<DeclarationService::DeclarePlan> DeclarationService::planDeclare(qint64 unitId, const QJsonObject &body, bool isSigned,
                                                                        QList<Error> *fieldErrors)
{
    DeclarePlan plan;
    checks().reporter(body, &plan.reporter, &plan.phone, fieldErrors);
    const QJsonValue ids = body.value(QLatin1String("item_ids"));
    if (ids.isUndefined() || ids.isNull() || (ids.isArray() && ids.toArray().isEmpty())) {
        fieldErrors->prepend(rule("batch.empty", QStringLiteral("请至少选择一条待申报的异动"), QStringLiteral("item_ids")));
    } else if (!ids.isArray() || ids.toArray().size() > MaxBulkItems) {
        fieldErrors->prepend(rule("request.invalid",
                                  QStringLiteral("“item_ids”应为异动编号（数字）的列表，最多 %1 条").arg(MaxBulkItems),
                                  QStringLiteral("item_ids")));
    } else {
        for (const QJsonValue &v : ids.toArray()) {
            const qint64 id = json::wholeNumber(v).value_or(0);
            if (id <= 0) {
                fieldErrors->prepend(rule("request.invalid", QStringLiteral("“item_ids”应为异动编号（数字）的列表"),
                                          QStringLiteral("item_ids")));
                break;
            }
            if (!plan.itemIds.contains(id))
                plan.itemIds.append(id);
        }
    }
    if (!fieldErrors->isEmpty())
        return fieldErrors->constFirst();

    QStringList notPending;
    for (const qint64 id : std::as_const(plan.itemIds)) {
        auto item = m_store.item(unitId, id);
        if (!item)
            return item.error();
        // Another unit's item reads as not pending here: its existence is not revealed.
        if (!item.value() || item.value()->state != ItemState::Pending)
            notPending << QString::number(id);
        else
            plan.items.append(*item.value());
    }
    if (!notPending.isEmpty())
        return Error{QStringLiteral("item.not_pending"),
                     QStringLiteral("以下异动不是本单位待申报的异动，不能申报：%1；请刷新待申报列表后重试")
                         .arg(notPending.join(QStringLiteral("、"))),
                     {}, QStringLiteral("item_ids")};
    if (isSigned) {
        if (auto r = m_effect.check(unitId, plan.items); !r)
            return r.error();
    }
    return plan;
}

Result<DeclarationBatch> DeclarationService::declare(qint64 unitId, const QString &actor, const DeclarePlan &plan,
                                                     bool isSigned, qint64 signatureId)
{
    DeclarationBatch batch;
    batch.reporter = plan.reporter;
    batch.phone = plan.phone;
    batch.isSigned = isSigned;
    batch.state = isSigned ? BatchState::Effective : BatchState::AwaitingPaper;
    if (auto r = m_store.insertBatch(unitId, actor, signatureId, plan.itemIds, &batch); !r)
        return r.error();
    if (auto r = m_store.addEvent(batch.id, BatchState::Declared, actor); !r)
        return r.error();
    if (isSigned) {
        // The signature replaces the stamped paper: accepted and effective in this transaction.
        if (auto r = m_store.addEvent(batch.id, BatchState::Accepted, actor, QStringLiteral("数字证书签名，无需纸质申报表")); !r)
            return r.error();
        if (auto r = m_effect.apply(unitId, plan.items); !r)
            return r.error();
        if (auto r = m_store.addEvent(batch.id, BatchState::Effective, actor); !r)
            return r.error();
        if (auto r = m_store.setBatchState(batch.id, BatchState::Effective, actor); !r)
            return r.error();
    } else if (auto r = m_store.addEvent(batch.id, BatchState::AwaitingPaper, actor,
                                         QStringLiteral("请打印《长沙市社会保险参保人员异动申报表》，加盖单位公章后交柜台"));
               !r) {
        return r.error();
    }
    auto stored = m_store.batch(unitId, batch.batchNo, true);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return Error{QStringLiteral("db.error"), QStringLiteral("数据库操作失败。"), batch.batchNo, {}};
    return stored.value()->batch;
}

Result<StaffBatch> DeclarationService::awaitingPaper(const QString &batchNo)
{
    auto found = m_store.batch(0, batchNo, true);
    if (!found)
        return found.error();
    if (!found.value())
        return Problem::notFound();
    if (found.value()->batch.state != BatchState::AwaitingPaper)
        return batchState(*found.value());
    return *found.value();
}

Result<StaffBatch> DeclarationService::reload(const QString &batchNo)
{
    auto found = m_store.batch(0, batchNo, true);
    if (!found)
        return found.error();
    if (!found.value())
        return Problem::notFound();
    return *found.value();
}

Result<StaffBatch> DeclarationService::receive(const QString &actor, const QString &batchNo)
{
    auto found = awaitingPaper(batchNo);
    if (!found)
        return found;
    const StaffBatch &b = found.value();
    if (auto r = m_effect.check(b.unitId, b.batch.items); !r)
        return r.error();
    if (auto r = m_store.addEvent(b.batch.id, BatchState::Accepted, actor, QStringLiteral("已收到盖章的纸质申报表")); !r)
        return r.error();
    if (auto r = m_effect.apply(b.unitId, b.batch.items); !r)
        return r.error();
    if (auto r = m_store.addEvent(b.batch.id, BatchState::Effective, actor); !r)
        return r.error();
    if (auto r = m_store.setBatchState(b.batch.id, BatchState::Effective, actor); !r)
        return r.error();
    return reload(batchNo);
}

Result<StaffBatch> DeclarationService::returnBatch(const QString &actor, const QString &batchNo, const QString &reason)
{
    auto found = awaitingPaper(batchNo);
    if (!found)
        return found;
    const StaffBatch &b = found.value();
    if (auto r = m_store.addEvent(b.batch.id, BatchState::Returned, actor, reason); !r)
        return r.error();
    if (auto r = m_store.returnItems(b.batch.id, reason); !r)
        return r.error();
    if (auto r = m_store.setBatchState(b.batch.id, BatchState::Returned, actor, reason); !r)
        return r.error();
    return reload(batchNo);
}

} // namespace shebao::server
