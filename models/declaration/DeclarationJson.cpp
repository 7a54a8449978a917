#include "models/declaration/DeclarationJson.h"

#include "models/domain/JsonReader.h"

namespace shebao::json {

QJsonObject encode(const DeclarationNotice &n)
{
    QJsonObject o{{QStringLiteral("code"), n.code}, {QStringLiteral("message"), n.message}};
    if (!n.field.isEmpty())
        o.insert(QStringLiteral("field"), n.field);
    return o;
}

QJsonObject encode(const DeclarationPerson &p)
{
    return QJsonObject{
        {QStringLiteral("gender"), p.gender},
        {QStringLiteral("birth_date"), p.birthDate},
        {QStringLiteral("ethnicity"), p.ethnicity},
        {QStringLiteral("hukou"), p.hukou},
        {QStringLiteral("employment_form"), p.employmentForm},
        {QStringLiteral("identity"), p.identity},
        {QStringLiteral("work_start_date"), p.workStartDate},
        {QStringLiteral("phone"), p.phone},
    };
}

QJsonObject encodeItemRequest(const DeclarationItem &item)
{
    QJsonObject o{
        {QStringLiteral("kind"), declarationKindCode(item.kind)},
        {QStringLiteral("name"), item.name},
        {QStringLiteral("id_number"), item.idNumber},
    };
    if (item.isReduce()) {
        o.insert(QStringLiteral("change_type"), item.changeType);
        o.insert(QStringLiteral("change_reason"), item.changeReason);
        o.insert(QStringLiteral("stop_month"), item.stopMonth);
    } else {
        o.insert(QStringLiteral("person"), encode(item.person));
        o.insert(QStringLiteral("insurances"), QJsonArray::fromStringList(item.insurances));
        o.insert(QStringLiteral("start_month"), item.startMonth);
        o.insert(QStringLiteral("wage"), item.wage.toYuanString());
    }
    return o;
}

QJsonObject encode(const DeclarationItem &item)
{
    QJsonObject o = encodeItemRequest(item);
    o.insert(QStringLiteral("id"), item.id);
    o.insert(QStringLiteral("item_no"), item.itemNo);
    o.insert(QStringLiteral("state"), itemStateCode(item.state));
    if (!item.isReduce())
        o.insert(QStringLiteral("base"), item.base.toYuanString());
    o.insert(QStringLiteral("batch_no"), orNull(item.batchNo));
    o.insert(QStringLiteral("returned_reason"), orNull(item.returnedReason));
    o.insert(QStringLiteral("warnings"), arrayOf(item.warnings));
    o.insert(QStringLiteral("created_at"), timeValue(item.createdAt));
    return o;
}

QJsonObject encode(const BatchEvent &e)
{
    return QJsonObject{
        {QStringLiteral("state"), batchStateCode(e.state)},
        {QStringLiteral("at"), timeValue(e.at)},
        {QStringLiteral("actor"), e.actor},
        {QStringLiteral("note"), orNull(e.note)},
    };
}

QJsonObject encode(const DeclarationBatch &b, bool withItems)
{
    QJsonObject o{
        {QStringLiteral("id"), b.id},
        {QStringLiteral("batch_no"), b.batchNo},
        {QStringLiteral("state"), batchStateCode(b.state)},
        {QStringLiteral("reporter"), b.reporter},
        {QStringLiteral("phone"), b.phone},
        {QStringLiteral("signed"), b.isSigned},
        {QStringLiteral("return_reason"), orNull(b.returnReason)},
        {QStringLiteral("declared_at"), timeValue(b.declaredAt)},
        {QStringLiteral("item_count"), b.itemCount},
        {QStringLiteral("add_count"), b.addCount},
        {QStringLiteral("reduce_count"), b.reduceCount},
        {QStringLiteral("history"), arrayOf(b.history)},
    };
    if (withItems)
        o.insert(QStringLiteral("items"), arrayOf(b.items));
    return o;
}

QJsonObject encode(const LookupPeriod &p)
{
    return QJsonObject{
        {QStringLiteral("insurance"), p.insurance},
        {QStringLiteral("start_month"), p.startMonth},
        {QStringLiteral("end_month"), orNull(p.endMonth)},
        {QStringLiteral("status"), p.status},
        {QStringLiteral("this_unit"), p.thisUnit},
    };
}

QJsonObject encode(const PersonLookup &l)
{
    return QJsonObject{
        {QStringLiteral("id_number"), l.idNumber},
        {QStringLiteral("known"), l.known},
        {QStringLiteral("person_no"), orNull(l.personNo)},
        {QStringLiteral("name"), orNull(l.name)},
        {QStringLiteral("person"), encode(l.person)},
        {QStringLiteral("suggested_kind"), declarationKindCode(l.suggestedKind)},
        {QStringLiteral("active_here"), l.activeHere},
        {QStringLiteral("active_elsewhere"), l.activeElsewhere},
        {QStringLiteral("pending_key_change"), l.pendingKeyChange},
        {QStringLiteral("pending_item"), l.pendingItem},
        {QStringLiteral("history"), arrayOf(l.history)},
        {QStringLiteral("blockers"), arrayOf(l.blockers)},
        {QStringLiteral("warnings"), arrayOf(l.warnings)},
    };
}

Result<DeclarationNotice> decodeNotice(const QJsonObject &o, const QString &path)
{
    DeclarationNotice n;
    Reader r(o, path);
    r.text("code", &n.code, true);
    r.text("message", &n.message, true);
    r.text("field", &n.field);
    return finish(r, n);
}

Result<DeclarationPerson> decodeDeclarationPerson(const QJsonObject &o, const QString &path)
{
    DeclarationPerson p;
    Reader r(o, path);
    r.text("gender", &p.gender);
    r.text("birth_date", &p.birthDate);
    r.text("ethnicity", &p.ethnicity);
    r.text("hukou", &p.hukou);
    r.text("employment_form", &p.employmentForm);
    r.text("identity", &p.identity);
    r.text("work_start_date", &p.workStartDate);
    r.text("phone", &p.phone);
    return finish(r, p);
}

Result<DeclarationItem> decodeItem(const QJsonObject &o, const QString &path)
{
    DeclarationItem item;
    Reader r(o, path);
    r.integer("id", &item.id);
    r.text("item_no", &item.itemNo);
    r.code("kind", &item.kind, &parseDeclarationKind);
    r.code("state", &item.state, &parseItemState);
    r.text("name", &item.name, true);
    r.text("id_number", &item.idNumber, true);
    r.object<DeclarationPerson>("person", &item.person, &decodeDeclarationPerson);
    r.strings("insurances", &item.insurances);
    r.text("start_month", &item.startMonth);
    r.money("wage", &item.wage);
    r.money("base", &item.base);
    r.text("change_type", &item.changeType);
    r.text("change_reason", &item.changeReason);
    r.text("stop_month", &item.stopMonth);
    r.text("batch_no", &item.batchNo);
    r.text("returned_reason", &item.returnedReason);
    r.objects<DeclarationNotice>("warnings", &item.warnings, &decodeNotice);
    r.time("created_at", &item.createdAt);
    return finish(r, item);
}

Result<BatchEvent> decodeBatchEvent(const QJsonObject &o, const QString &path)
{
    BatchEvent e;
    Reader r(o, path);
    r.code("state", &e.state, &parseBatchState);
    r.time("at", &e.at);
    r.text("actor", &e.actor);
    r.text("note", &e.note);
    return finish(r, e);
}

Result<DeclarationBatch> decodeBatch(const QJsonObject &o, const QString &path)
{
    DeclarationBatch b;
    Reader r(o, path);
    r.integer("id", &b.id);
    r.text("batch_no", &b.batchNo, true);
    r.code("state", &b.state, &parseBatchState);
    r.text("reporter", &b.reporter);
    r.text("phone", &b.phone);
    r.flag("signed", &b.isSigned);
    r.text("return_reason", &b.returnReason);
    r.time("declared_at", &b.declaredAt);
    r.integer("item_count", &b.itemCount);
    r.integer("add_count", &b.addCount);
    r.integer("reduce_count", &b.reduceCount);
    r.objects<DeclarationItem>("items", &b.items, &decodeItem);
    r.objects<BatchEvent>("history", &b.history, &decodeBatchEvent);
    return finish(r, b);
}

Result<PersonLookup> decodeLookup(const QJsonObject &o, const QString &path)
{
    PersonLookup l;
    Reader r(o, path);
    r.text("id_number", &l.idNumber, true);
    r.flag("known", &l.known);
    r.text("person_no", &l.personNo);
    r.text("name", &l.name);
    r.object<DeclarationPerson>("person", &l.person, &decodeDeclarationPerson);
    r.code("suggested_kind", &l.suggestedKind, &parseDeclarationKind);
    r.flag("active_here", &l.activeHere);
    r.flag("active_elsewhere", &l.activeElsewhere);
    r.flag("pending_key_change", &l.pendingKeyChange);
    r.flag("pending_item", &l.pendingItem);
    r.objects<LookupPeriod>("history", &l.history, [](const QJsonObject &p, const QString &at) -> Result<LookupPeriod> {
        LookupPeriod period;
        Reader pr(p, at);
        pr.text("insurance", &period.insurance, true);
        pr.text("start_month", &period.startMonth, true);
        pr.text("end_month", &period.endMonth);
        pr.text("status", &period.status, true);
        pr.flag("this_unit", &period.thisUnit);
        return finish(pr, period);
    });
    r.objects<DeclarationNotice>("blockers", &l.blockers, &decodeNotice);
    r.objects<DeclarationNotice>("warnings", &l.warnings, &decodeNotice);
    return finish(r, l);
}

} // namespace shebao::json
