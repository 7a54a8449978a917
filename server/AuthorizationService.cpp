#include "server/AuthorizationService.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include "models/domain/JsonCodec.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "server/Problem.h"
#include "server/UnitRoutes.h"

namespace shebao::server {

const QString AuthorizationService::CounterAddress = QStringLiteral("天心区人社局二楼社保征缴中心单位业务窗口");

namespace {

QString stateName(const QString &state)
{
    if (state == QLatin1String("saved"))
        return QStringLiteral("已保存");
    if (state == QLatin1String("confirmed"))
        return QStringLiteral("已确认");
    if (state == QLatin1String("uploaded"))
        return QStringLiteral("待柜台开通");
    if (state == QLatin1String("activated"))
        return QStringLiteral("已开通");
    return QStringLiteral("已退回");
}

QJsonValue time(const QVariant &v)
{
    return v.isNull() ? QJsonValue() : QJsonValue(Clock::iso(v.toLongLong()));
}

QVariant nullTime()
{
    return QVariant(QMetaType::fromType<qint64>());
}

} // namespace

Result<qint64> AuthorizationService::idOfUnit(qint64 unitId)
{
    auto q = m_db.exec(QStringLiteral("SELECT id FROM authorizations WHERE unit_id = ?"), {unitId});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Error{QStringLiteral("authorization.none"), QStringLiteral("本单位尚未提交授权申请。"), {}, {}};
    return q.value().value(0).toLongLong();
}

Result<QString> AuthorizationService::stateOf(qint64 id)
{
    auto q = m_db.exec(QStringLiteral("SELECT state FROM authorizations WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Problem::notFound();
    return q.value().value(0).toString();
}

Result<void> AuthorizationService::requireState(qint64 id, const QStringList &allowed, const QString &action)
{
    auto state = stateOf(id);
    if (!state)
        return state.error();
    if (!allowed.contains(state.value()))
        return Error{QStringLiteral("authorization.state"),
                     QStringLiteral("授权申请当前状态为“%1”，不能%2。").arg(stateName(state.value()), action), state.value(), {}};
    return {};
}

Result<QString> AuthorizationService::nextApplicationNo()
{
    const QString prefix = QStringLiteral("SQ") + QDateTime::fromSecsSinceEpoch(m_clock.now(), Qt::OffsetFromUTC, 8 * 3600)
                                                      .toString(QStringLiteral("yyyyMMdd"));
    auto q = m_db.exec(QStringLiteral("SELECT MAX(application_no) FROM authorizations WHERE application_no LIKE ?"),
                       {prefix + u'%'});
    if (!q)
        return q.error();
    const int last = q.value().next() ? q.value().value(0).toString().mid(prefix.size()).toInt() : 0;
    return prefix + QStringLiteral("%1").arg(last + 1, 4, 10, QLatin1Char('0'));
}

Result<QJsonObject> AuthorizationService::application(qint64 id, bool withUnitNo)
{
    auto q = m_db.exec(QStringLiteral("SELECT a.application_no, a.state, a.applicant_name, a.applicant_id_number,"
                                      " a.applicant_mobile, a.applicant_email, a.created_at, a.updated_at,"
                                      " a.confirmed_at, a.uploaded_at, a.decided_at, a.reject_reason, a.history,"
                                      " a.unit_id, s.file_name, s.kind, s.size, s.sha256"
                                      " FROM authorizations a LEFT JOIN authorization_scans s ON s.authorization_id = a.id"
                                      " WHERE a.id = ?"),
                       {id});
    if (!q)
        return q.error();
    QSqlQuery &r = q.value();
    if (!r.next())
        return Problem::notFound();
    const qint64 unitId = r.value(13).toLongLong();
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("application_no"), r.value(0).toString()},
        {QStringLiteral("state"), r.value(1).toString()},
        {QStringLiteral("applicant"), QJsonObject{{QStringLiteral("name"), r.value(2).toString()},
                                                  {QStringLiteral("id_number"), r.value(3).toString()},
                                                  {QStringLiteral("mobile"), r.value(4).toString()},
                                                  {QStringLiteral("email"), r.value(5).toString()}}},
        {QStringLiteral("created_at"), time(r.value(6))},
        {QStringLiteral("updated_at"), time(r.value(7))},
        {QStringLiteral("confirmed_at"), time(r.value(8))},
        {QStringLiteral("uploaded_at"), time(r.value(9))},
        {QStringLiteral("decided_at"), time(r.value(10))},
        {QStringLiteral("reject_reason"), r.value(11).isNull() ? QJsonValue() : QJsonValue(r.value(11).toString())},
        {QStringLiteral("history"), QJsonDocument::fromJson(r.value(12).toString().toUtf8()).array()},
        {QStringLiteral("scan"), r.value(14).isNull()
                                     ? QJsonValue()
                                     : QJsonValue(QJsonObject{{QStringLiteral("file_name"), r.value(14).toString()},
                                                              {QStringLiteral("kind"), r.value(15).toString()},
                                                              {QStringLiteral("size"), r.value(16).toLongLong()},
                                                              {QStringLiteral("sha256"), r.value(17).toString()}})},
        {QStringLiteral("counter_address"), CounterAddress},
    };
    r.finish();
    auto unit = UnitRoutes::loadUnit(m_db, unitId);
    if (!unit)
        return unit.error();
    o.insert(QStringLiteral("unit"), json::encode(unit.value()));
    if (withUnitNo)
        o.insert(QStringLiteral("unit_no"), unit.value().unitNo);
    return o;
}

Result<QJsonArray> AuthorizationService::list(const QString &state)
{
    QString sql = QStringLiteral("SELECT id FROM authorizations");
    QVariantList values;
    if (!state.isEmpty()) {
        sql += QStringLiteral(" WHERE state = ?");
        values << state;
    }
    auto q = m_db.exec(sql + QStringLiteral(" ORDER BY updated_at, id"), values);
    if (!q)
        return q.error();
    QList<qint64> ids;
    while (q.value().next())
        ids << q.value().value(0).toLongLong();
    q.value().finish();
    QJsonArray items;
    for (qint64 id : std::as_const(ids)) {
        auto o = application(id, true);
        if (!o)
            return o.error();
        items.append(o.value());
    }
    return items;
}

Result<qint64> AuthorizationService::save(qint64 unitId, const Applicant &a)
{
    const qint64 now = m_clock.now();
    auto existing = idOfUnit(unitId);
    if (!existing) {
        if (existing.error().code != QLatin1String("authorization.none"))
            return existing.error();
        auto number = nextApplicationNo();
        if (!number)
            return number.error();
        auto q = m_db.exec(QStringLiteral("INSERT INTO authorizations (unit_id, application_no, state, applicant_name,"
                                          " applicant_id_number, applicant_mobile, applicant_email, created_at, updated_at)"
                                          " VALUES (?, ?, 'saved', ?, ?, ?, ?, ?, ?) RETURNING id"),
                           {unitId, number.value(), a.name, a.idNumber, a.mobile, a.email, now, now});
        if (!q)
            return q.error();
        if (!q.value().next())
            return Database::sqlError(q.value(), QStringLiteral("insert authorization"));
        return q.value().value(0).toLongLong();
    }
    const qint64 id = existing.value();
    if (auto r = requireState(id, {QStringLiteral("saved"), QStringLiteral("rejected")}, QStringLiteral("修改保存")); !r)
        return r.error();
    auto state = stateOf(id);
    if (!state)
        return state.error();
    if (state.value() == QLatin1String("rejected")) {
        // A new round: the rejected one moves into the history, its scan is dropped.
        auto old = application(id);
        if (!old)
            return old.error();
        QJsonArray history = old.value().value(QLatin1String("history")).toArray();
        QJsonObject round = old.value();
        for (const char *drop : {"history", "unit", "counter_address", "id", "application_no"})
            round.remove(QLatin1String(drop));
        history.append(round);
        if (auto r = m_db.exec(QStringLiteral("DELETE FROM authorization_scans WHERE authorization_id = ?"), {id}); !r)
            return r.error();
        auto r = m_db.exec(QStringLiteral("UPDATE authorizations SET history = ?, confirmed_at = ?, uploaded_at = ?,"
                                          " decided_at = ?, decided_by = NULL, reject_reason = NULL WHERE id = ?"),
                           {QString::fromUtf8(QJsonDocument(history).toJson(QJsonDocument::Compact)), nullTime(), nullTime(),
                            nullTime(), id});
        if (!r)
            return r.error();
    }
    auto r = m_db.exec(QStringLiteral("UPDATE authorizations SET state = 'saved', applicant_name = ?, applicant_id_number = ?,"
                                      " applicant_mobile = ?, applicant_email = ?, updated_at = ? WHERE id = ?"),
                       {a.name, a.idNumber, a.mobile, a.email, now, id});
    if (!r)
        return r.error();
    return id;
}

Result<void> AuthorizationService::confirm(qint64 id)
{
    if (auto r = requireState(id, {QStringLiteral("saved")}, QStringLiteral("确认")); !r)
        return r;
    const qint64 now = m_clock.now();
    auto r = m_db.exec(QStringLiteral("UPDATE authorizations SET state = 'confirmed', confirmed_at = ?, updated_at = ? WHERE id = ?"),
                       {now, now, id});
    if (!r)
        return r.error();
    return {};
}

Result<void> AuthorizationService::storeScan(qint64 id, const Scan &scan)
{
    if (auto r = requireState(id, {QStringLiteral("confirmed"), QStringLiteral("uploaded")}, QStringLiteral("上传承诺书扫描件")); !r)
        return r;
    const qint64 now = m_clock.now();
    if (auto r = m_db.exec(QStringLiteral("DELETE FROM authorization_scans WHERE authorization_id = ?"), {id}); !r)
        return r.error();
    auto inserted = m_db.exec(QStringLiteral("INSERT INTO authorization_scans (authorization_id, file_name, kind, mime_type,"
                                             " size, sha256, data, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                              {id, scan.fileName, scan.kind, scan.mimeType, qint64(scan.data.size()),
                               QString::fromLatin1(QCryptographicHash::hash(scan.data, QCryptographicHash::Sha256).toHex()),
                               scan.data, now});
    if (!inserted)
        return inserted.error();
    auto r = m_db.exec(QStringLiteral("UPDATE authorizations SET state = 'uploaded', uploaded_at = ?, updated_at = ? WHERE id = ?"),
                       {now, now, id});
    if (!r)
        return r.error();
    return {};
}

Result<AuthorizationService::Scan> AuthorizationService::scan(qint64 id)
{
    auto q = m_db.exec(QStringLiteral("SELECT file_name, kind, mime_type, data FROM authorization_scans WHERE authorization_id = ?"),
                       {id});
    if (!q)
        return q.error();
    if (!q.value().next())
        return Problem::notFound();
    return Scan{q.value().value(0).toString(), q.value().value(1).toString(), q.value().value(2).toString(),
                q.value().value(3).toByteArray()};
}

Result<void> AuthorizationService::activate(qint64 id, const QString &by)
{
    if (auto r = requireState(id, {QStringLiteral("uploaded")}, QStringLiteral("开通")); !r)
        return r;
    const qint64 now = m_clock.now();
    auto r = m_db.exec(QStringLiteral("UPDATE authorizations SET state = 'activated', decided_at = ?, decided_by = ?,"
                                      " updated_at = ? WHERE id = ?"),
                       {now, by, now, id});
    if (!r)
        return r.error();
    // A certificate user stays one: activation only lifts ordinary accounts.
    auto level = m_db.exec(QStringLiteral("UPDATE units SET level = 'authorized' WHERE level = 'ordinary'"
                                          " AND id = (SELECT unit_id FROM authorizations WHERE id = ?)"),
                           {id});
    if (!level)
        return level.error();
    return {};
}

Result<void> AuthorizationService::reject(qint64 id, const QString &reason, const QString &by)
{
    if (auto r = requireState(id, {QStringLiteral("uploaded")}, QStringLiteral("退回")); !r)
        return r;
    const qint64 now = m_clock.now();
    auto r = m_db.exec(QStringLiteral("UPDATE authorizations SET state = 'rejected', decided_at = ?, decided_by = ?,"
                                      " reject_reason = ?, updated_at = ? WHERE id = ?"),
                       {now, by, reason, now, id});
    if (!r)
        return r.error();
    return {};
}

} // namespace shebao::server
