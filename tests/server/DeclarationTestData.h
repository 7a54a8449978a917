#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariant>

#include "ServerFixture.h"
#include "models/validation/IdNumber.h"

// Requests and demo people for the 异动申报 server tests (docs/declarations.md).
namespace shebao::test::decl {

inline const QString Items = QStringLiteral("/api/v1/declarations/items");
inline const QString Bulk = QStringLiteral("/api/v1/declarations/items/bulk");
inline const QString Batches = QStringLiteral("/api/v1/declarations/batches");
inline const QString StaffBatches = QStringLiteral("/api/v1/staff/batches");

// The server's months are Beijing months.
inline QString month(int offset = 0)
{
    const QDate today = QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date();
    return QDate(today.year(), today.month(), 1).addMonths(offset).toString(QStringLiteral("yyyy-MM"));
}

inline QString withCheck(const QString &first17)
{
    return first17 + IdNumber::checkCharacter(first17);
}

// A valid ID number nobody in the database has: 430103 + birth date + a sequence from `seq`
// (odd for men), skipping the rare number the demo already gave someone.
inline QString freshId(ServerFixture &fixture, const QString &birth, int seq)
{
    for (;; seq += 2) {
        const QString id = withCheck(QStringLiteral("430103") + birth + QStringLiteral("%1").arg(seq % 1000, 3, 10, QLatin1Char('0')));
        if (fixture.scalar(QStringLiteral("SELECT COUNT(*) FROM persons WHERE id_number = ?"), {id}).toInt() == 0)
            return id;
    }
}

inline QJsonObject person(const QString &gender = {}, const QString &birthDate = {})
{
    QJsonObject p{{QStringLiteral("ethnicity"), QStringLiteral("01")},
                  {QStringLiteral("hukou"), QStringLiteral("1")},
                  {QStringLiteral("employment_form"), QStringLiteral("1")},
                  {QStringLiteral("identity"), QStringLiteral("1")},
                  {QStringLiteral("work_start_date"), QStringLiteral("2015-07-01")},
                  {QStringLiteral("phone"), QStringLiteral("13812345678")}};
    if (!gender.isEmpty())
        p.insert(QStringLiteral("gender"), gender);
    if (!birthDate.isEmpty())
        p.insert(QStringLiteral("birth_date"), birthDate);
    return p;
}

// A complete 新增 (or 续保) request.
inline QJsonObject addRequest(const QString &idNumber, const QString &name = QStringLiteral("张新"),
                              const QString &kind = QStringLiteral("add"), const QString &wage = QStringLiteral("6500.00"))
{
    return QJsonObject{{QStringLiteral("kind"), kind},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("id_number"), idNumber},
                       {QStringLiteral("person"), person()},
                       {QStringLiteral("insurances"), QJsonArray{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")}},
                       {QStringLiteral("start_month"), month()},
                       {QStringLiteral("wage"), wage}};
}

inline QJsonObject reduceRequest(const QString &idNumber, const QString &name, const QString &type = QStringLiteral("2"),
                                 const QString &reason = QStringLiteral("22"))
{
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("reduce")},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("id_number"), idNumber},
                       {QStringLiteral("change_type"), type},
                       {QStringLiteral("change_reason"), reason},
                       {QStringLiteral("stop_month"), month()}};
}

inline QJsonObject declareRequest(const QList<qint64> &ids, const QString &reporter = QStringLiteral("刘芳"),
                                  const QString &phone = QStringLiteral("0731-88886666"))
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    return QJsonObject{{QStringLiteral("item_ids"), array}, {QStringLiteral("reporter"), reporter},
                       {QStringLiteral("phone"), phone}};
}

struct DemoPerson
{
    QString idNumber;
    QString name;
    bool isValid() const { return !idNumber.isEmpty(); }
};

inline DemoPerson demoPerson(ServerFixture &fixture, const QString &where, const QVariantList &values, int offset)
{
    const QString row = fixture
                            .scalar(QStringLiteral("SELECT p.id_number || '|' || p.name FROM persons p WHERE ") + where
                                        + QStringLiteral(" ORDER BY p.id LIMIT 1 OFFSET %1").arg(offset),
                                    values)
                            .toString();
    return DemoPerson{row.section(u'|', 0, 0), row.section(u'|', 1)};
}

inline const QString ActiveIn = QStringLiteral(
    "EXISTS (SELECT 1 FROM enrolments e JOIN units u ON u.id = e.unit_id WHERE e.person_id = p.id AND u.unit_no = ?"
    " AND e.status = 'active' AND e.end_month IS NULL)");
inline const QString ActiveAnywhere = QStringLiteral(
    "EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id AND e.status = 'active' AND e.end_month IS NULL)");
inline const QString EnrolledIn = QStringLiteral(
    "EXISTS (SELECT 1 FROM enrolments e JOIN units u ON u.id = e.unit_id WHERE e.person_id = p.id AND u.unit_no = ?)");

// The offset-th person active in the unit (减少), with no open item of any unit.
inline DemoPerson activePerson(ServerFixture &fixture, const QString &unitNo, int offset)
{
    return demoPerson(fixture, ActiveIn, {unitNo}, offset);
}

// The offset-th person who was enrolled in the unit and is active nowhere (续保).
inline DemoPerson renewablePerson(ServerFixture &fixture, const QString &unitNo, int offset)
{
    return demoPerson(fixture, EnrolledIn + QStringLiteral(" AND NOT ") + ActiveAnywhere, {unitNo}, offset);
}

// The offset-th person active in `otherUnit` and never enrolled in `unitNo`.
inline DemoPerson activeElsewhere(ServerFixture &fixture, const QString &unitNo, const QString &otherUnit, int offset)
{
    return demoPerson(fixture, ActiveIn + QStringLiteral(" AND NOT ") + EnrolledIn, {otherUnit, unitNo}, offset);
}

inline QString code(const HttpResult &r)
{
    return r.json().value(QLatin1String("code")).toString();
}

// The fields named by a problem's "errors".
inline QStringList fields(const QJsonObject &problem)
{
    QStringList list;
    for (const QJsonValue &e : problem.value(QLatin1String("errors")).toArray())
        list << e.toObject().value(QLatin1String("field")).toString() + u':' + e.toObject().value(QLatin1String("code")).toString();
    return list;
}

inline QStringList warningCodes(const QJsonObject &item)
{
    QStringList list;
    for (const QJsonValue &w : item.value(QLatin1String("warnings")).toArray())
        list << w.toObject().value(QLatin1String("code")).toString();
    return list;
}

} // namespace shebao::test::decl
