#pragma once

// A unit's cache with something of everything a backup carries, and a secret it must not.
#include <QJsonObject>
#include <QString>

#include "models/cache/DraftStore.h"
#include "models/cache/LocalCache.h"
#include "models/cache/OutboxStore.h"
#include "models/declaration/Declaration.h"

namespace shebao::test {

inline DeclarationItem backupItem(int n)
{
    DeclarationItem item;
    item.kind = DeclarationKind::Add;
    item.name = QStringLiteral("欧阳明%1").arg(n);
    item.idNumber = QStringLiteral("43010219900101%1").arg(n, 4, 10, QLatin1Char('0'));
    item.person.gender = QStringLiteral("1");
    item.person.birthDate = QStringLiteral("1990-01-01");
    item.person.ethnicity = QStringLiteral("01");
    item.person.hukou = QStringLiteral("10");
    item.person.employmentForm = QStringLiteral("1");
    item.person.workStartDate = QStringLiteral("2012-07-01");
    item.person.phone = QStringLiteral("13800138000");
    item.insurances = {QStringLiteral("110"), QStringLiteral("210")};
    item.startMonth = QStringLiteral("2026-12");
    item.wage = Money::fromFen(512345);
    return item;
}

inline const QString Verifier = QStringLiteral("pbkdf2-sha256$1000$c2FsdA==$aGFzaA==");

// Two drafts, two outbox entries (one refused), one printed form, the 报送人, and the offline
// verifier (which must never travel).
inline bool fillCache(LocalCache &cache, const QString &unitNo)
{
    if (!cache.setMeta(QStringLiteral("unit_no"), unitNo) || !cache.setMeta(QStringLiteral("unit_name"), QStringLiteral("长沙示范单位"))
        || !cache.setMeta(QStringLiteral("offline_verifier"), Verifier)
        || !cache.setMeta(QStringLiteral("declaration.reporter"), QStringLiteral("李四"))
        || !cache.setMeta(QStringLiteral("last_sync"), QStringLiteral("2026-01-01T00:00:00.000Z")))
        return false;
    DraftStore drafts(cache);
    if (!drafts.save({0, QStringLiteral("declaration.add"), QStringLiteral("张三 430102…1234"),
                      QJsonObject{{QStringLiteral("page"), 2}, {QStringLiteral("name"), QStringLiteral("张三")}}, {}})
        || !drafts.save({0, QStringLiteral("maintain.unit"), QStringLiteral("单位信息变更"),
                         QJsonObject{{QStringLiteral("address"), QStringLiteral("芙蓉路1号")}}, {}}))
        return false;
    OutboxStore outbox(cache);
    Result<OutboxEntry> first = outbox.enqueue(backupItem(1));
    Result<OutboxEntry> second = outbox.enqueue(backupItem(2));
    if (!first || !second)
        return false;
    if (!outbox.markRefused(second.value().id, Error{QStringLiteral("person.enrolled"), QStringLiteral("已参保"), {}, {}}))
        return false;
    PrintedForm form;
    form.formId = QStringLiteral("declaration-form");
    form.title = QStringLiteral("人员异动申报表");
    form.pages = 2;
    form.file = QStringLiteral("/home/clerk/申报表.pdf");
    form.dataSha256 = QByteArray(64, 'a');
    return bool(cache.recordPrinted(form));
}

} // namespace shebao::test
