#include "server/IdempotencyStore.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QVariant>

#include "server/Clock.h"
#include "server/Database.h"
#include "server/HttpUtil.h"
#include "server/Problem.h"

namespace shebao::server {

namespace {

using Status = QHttpServerResponse::StatusCode;

QHttpServerResponse rebuild(int status, const QByteArray &contentType, const QByteArray &body)
{
    if (body.isEmpty())
        return QHttpServerResponse(Status(status));
    return QHttpServerResponse(contentType, body, Status(status));
}

} // namespace

IdempotencyStore::IdempotencyStore(Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

QString IdempotencyStore::requestHash(const QHttpServerRequest &request)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(http::methodName(request.method()));
    h.addData(QByteArrayView("\n", 1));
    h.addData(request.url().path().toUtf8());
    h.addData(QByteArrayView("\n", 1));
    h.addData(request.body());
    return QString::fromLatin1(h.result().toHex());
}

Result<void> IdempotencyStore::purgeOlderThan(qint64 secs)
{
    auto r = m_db.exec(QStringLiteral("DELETE FROM idempotency_records WHERE created_at < ?"), {secs});
    if (!r)
        return r.error();
    return {};
}

bool IdempotencyStore::hasRecord(const QString &scope, const QString &key)
{
    auto q = m_db.exec(QStringLiteral("SELECT 1 FROM idempotency_records WHERE scope = ? AND idem_key = ?"), {scope, key});
    return q && q.value().next();
}

QHttpServerResponse IdempotencyStore::handle(const QHttpServerRequest &request, const QString &scope,
                                             const Action &action, const Precheck &precheck)
{
    const QString key = http::idempotencyKey(request);
    if (key.isEmpty()) {
        if (precheck) {
            if (auto refused = precheck())
                return std::move(*refused);
        }
        if (auto r = m_db.begin(); !r)
            return Problem::response(r.error());
        QHttpServerResponse response = action();
        if (int(response.statusCode()) >= 500) {
            m_db.rollback();
            return response;
        }
        if (auto r = m_db.commit(); !r)
            return Problem::response(r.error());
        return response;
    }
    if (key.size() > 200)
        return Problem::response(Problem::invalidRequest(QStringLiteral("Idempotency-Key 过长（最多 200 个字符）。"),
                                                         QStringLiteral("Idempotency-Key")));
    const QString hash = requestHash(request);

    auto found = m_db.exec(QStringLiteral("SELECT request_hash, status, content_type, body FROM idempotency_records"
                                          " WHERE scope = ? AND idem_key = ?"),
                           {scope, key});
    if (!found)
        return Problem::response(found.error());
    QSqlQuery &q = found.value();
    if (q.next()) {
        if (q.value(0).toString() != hash) {
            return Problem::response(Error{QStringLiteral("idempotency.conflict"),
                                           QStringLiteral("该请求编号已用于另一项内容不同的提交，请重新发起操作。"),
                                           {}, {}});
        }
        QHttpServerResponse replay = rebuild(q.value(1).toInt(), q.value(2).toString().toLatin1(),
                                             q.value(3).toString().toUtf8());
        replay.addHeader(QByteArrayLiteral("Idempotent-Replay"), QByteArrayLiteral("true"));
        return replay;
    }
    q.finish();

    if (precheck) {
        if (auto refused = precheck())
            return std::move(*refused);
    }
    if (auto r = m_db.begin(); !r)
        return Problem::response(r.error());
    QHttpServerResponse response = action();
    const int status = int(response.statusCode());
    if (status >= 500) {
        m_db.rollback();
        return response;
    }
    auto stored = m_db.exec(QStringLiteral("INSERT INTO idempotency_records (scope, idem_key, request_hash, status,"
                                           " content_type, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                            {scope, key, hash, status, sqlText(QString::fromLatin1(response.mimeType())),
                             sqlText(QString::fromUtf8(response.data())), m_clock.now()});
    if (!stored) {
        m_db.rollback();
        return Problem::response(stored.error());
    }
    if (auto r = m_db.commit(); !r)
        return Problem::response(r.error());
    return response;
}

} // namespace shebao::server
