#include "server/PersonRoutes.h"

#include <QHttpServer>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QVariant>

#include "server/Authenticator.h"
#include "server/Database.h"
#include "server/HttpUtil.h"
#include "server/Problem.h"

namespace shebao::server {

void PersonRoutes::registerOn(QHttpServer &server)
{
    server.route(QStringLiteral("/api/v1/persons"), QHttpServerRequest::Method::Get,
                 [this](const QHttpServerRequest &request) { return persons(request); });
}

QString PersonRoutes::pageSql(const Database &db)
{
    const QString enrolment = db.jsonObject({
        {QStringLiteral("end"), QStringLiteral("e.end_month")},
        {QStringLiteral("insurance"), QStringLiteral("e.insurance")},
        {QStringLiteral("start"), QStringLiteral("e.start_month")},
        {QStringLiteral("status"), QStringLiteral("e.status")},
        {QStringLiteral("wage_base"), db.yuanText(QStringLiteral("e.wage_base_fen"))},
    });
    // Same members as shebao::json::encode(Person), in its (sorted) order.
    const QString person = db.jsonObject({
        {QStringLiteral("birth_date"), QStringLiteral("p.birth_date")},
        {QStringLiteral("employment_form"), QStringLiteral("p.employment_form")},
        {QStringLiteral("enrolments"),
         db.jsonArrayOf(enrolment, QStringLiteral("enrolments"), QStringLiteral("e"),
                        QStringLiteral("e.unit_id = ? AND e.person_id = p.id"), QStringLiteral("e.insurance, e.start_month"))},
        {QStringLiteral("ethnicity"), QStringLiteral("p.ethnicity")},
        {QStringLiteral("gender"), QStringLiteral("p.gender")},
        {QStringLiteral("hukou"), QStringLiteral("p.hukou")},
        {QStringLiteral("id"), QStringLiteral("p.id")},
        {QStringLiteral("id_number"), QStringLiteral("p.id_number")},
        {QStringLiteral("identity"), QStringLiteral("p.identity")},
        {QStringLiteral("name"), QStringLiteral("p.name")},
        {QStringLiteral("person_no"), QStringLiteral("p.person_no")},
        {QStringLiteral("phone"), QStringLiteral("p.phone")},
        {QStringLiteral("work_start_date"), QStringLiteral("p.work_start_date")},
    });
    return QStringLiteral("SELECT p.id, ") + db.jsonAsUtf8(person)
           + QStringLiteral(" FROM persons p JOIN (SELECT DISTINCT person_id FROM enrolments"
                            " WHERE unit_id = ? AND person_id > ? ORDER BY person_id LIMIT ?) ids"
                            " ON ids.person_id = p.id ORDER BY p.id");
}

Result<QByteArray> PersonRoutes::page(Database &db, qint64 unitId, qint64 after, int limit, qint64 total)
{
    // The database writes each person's JSON (with only this unit's enrolments): building it
    // field by field through QSqlQuery and QString took ~2.5x the CPU for a 100,000-person sync.
    // One more row than asked tells whether another page follows.
    auto rows = db.exec(pageSql(db), {unitId, unitId, after, limit + 1});
    if (!rows)
        return rows.error();
    QByteArray out;
    out.reserve(qsizetype(qMin(limit, 10000)) * 700 + 64);
    out += "{\"items\":[";
    int count = 0;
    qint64 lastId = 0;
    bool more = false;
    for (QSqlQuery &q = rows.value(); q.next();) {
        if (count == limit) {
            more = true;
            break;
        }
        if (count)
            out += ',';
        lastId = q.value(0).toLongLong();
        out += Database::utf8Of(q.value(1));
        ++count;
    }
    out += "],\"next_after\":";
    out += more ? QByteArray::number(lastId) : QByteArrayLiteral("null");
    out += ",\"total\":";
    out += QByteArray::number(total);
    out += '}';
    return out;
}

Result<qint64> PersonRoutes::totalOf(qint64 unitId)
{
    // Counting a unit's distinct people scans its whole index range (~70 ms for 100,000), which
    // would dominate a 20-page sync. The count is cached and keyed by the highest person and
    // enrolment ids, two index lookups that change with every insert; enrolment periods are
    // closed, never deleted, so an unchanged key means an unchanged count.
    auto key = m_db.exec(QStringLiteral("SELECT (SELECT MAX(id) FROM persons), (SELECT MAX(id) FROM enrolments)"));
    if (!key)
        return key.error();
    const QString stamp = key.value().next()
        ? key.value().value(0).toString() + u'/' + key.value().value(1).toString()
        : QString();
    key.value().finish();
    const auto cached = m_totals.constFind(unitId);
    if (cached != m_totals.constEnd() && cached->stamp == stamp)
        return cached->total;
    auto counted = m_db.exec(QStringLiteral("SELECT COUNT(DISTINCT person_id) FROM enrolments WHERE unit_id = ?"), {unitId});
    if (!counted)
        return counted.error();
    const qint64 total = counted.value().next() ? counted.value().value(0).toLongLong() : 0;
    m_totals.insert(unitId, CachedTotal{stamp, total});
    return total;
}

QHttpServerResponse PersonRoutes::persons(const QHttpServerRequest &request)
{
    auto session = m_auth.authenticateUnit(request);
    if (!session)
        return Problem::response(session.error());
    return Authenticator::withLevel(answer(request, session.value()), session.value());
}

Result<PersonRoutes::PageQuery> PersonRoutes::pageQuery(const QUrlQuery &query)
{
    PageQuery paging;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        paging.limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || paging.limit < 1 || paging.limit > MaxLimit)
            return Problem::invalidRequest(QStringLiteral("每页条数 limit 须为 1 至 %1 之间的整数。").arg(MaxLimit),
                                           QStringLiteral("limit"));
    }
    if (query.hasQueryItem(QStringLiteral("after"))) {
        bool ok = false;
        paging.after = query.queryItemValue(QStringLiteral("after")).toLongLong(&ok);
        if (!ok || paging.after < 0)
            return Problem::invalidRequest(QStringLiteral("起始编号 after 须为非负整数。"), QStringLiteral("after"));
    }
    return paging;
}

QHttpServerResponse PersonRoutes::answer(const QHttpServerRequest &request, const Session &session)
{

    const Result<PageQuery> paging = pageQuery(request.query());
    if (!paging)
        return Problem::response(paging.error());
    const int limit = paging.value().limit;
    const qint64 after = paging.value().after;
    auto total = totalOf(session.unitId);
    if (!total)
        return Problem::response(total.error());
    auto body = page(m_db, session.unitId, after, limit, total.value());
    if (!body)
        return Problem::response(body.error());
    return http::jsonBytes(std::move(body.value()));
}

} // namespace shebao::server
