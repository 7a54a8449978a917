#include "server/Migrations.h"

#include <QSqlQuery>
#include <QStringList>

#include "server/Database.h"

namespace shebao::server {

namespace {

// Never edit a released migration: add a new one.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> list{
        // 1: the foundation schema.
        {
            QStringLiteral("CREATE TABLE units ("
                           "id {PK}, unit_no TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
                           " credit_code TEXT NOT NULL DEFAULT '', legal_representative TEXT NOT NULL DEFAULT '',"
                           " unit_type TEXT NOT NULL DEFAULT '', economic_type TEXT NOT NULL DEFAULT '',"
                           " industry TEXT NOT NULL DEFAULT '', risk_class INTEGER NOT NULL DEFAULT 1,"
                           " address TEXT NOT NULL DEFAULT '', district TEXT NOT NULL DEFAULT '',"
                           " agency TEXT NOT NULL DEFAULT '', contact_name TEXT NOT NULL DEFAULT '',"
                           " contact_phone TEXT NOT NULL DEFAULT '', postal_address TEXT NOT NULL DEFAULT '',"
                           " email TEXT NOT NULL DEFAULT '',"
                           " level TEXT NOT NULL CHECK (level IN ('ordinary','authorized','certificate')))"),
            QStringLiteral("CREATE TABLE unit_accounts ("
                           "id {PK}, unit_id {BIGINT} NOT NULL UNIQUE REFERENCES units(id),"
                           " password_hash TEXT NOT NULL, failed_count INTEGER NOT NULL DEFAULT 0,"
                           " locked_until {BIGINT})"),
            QStringLiteral("CREATE TABLE staff_accounts ("
                           "id {PK}, username TEXT NOT NULL UNIQUE,"
                           " role TEXT NOT NULL CHECK (role IN ('clerk','reviewer')),"
                           " password_hash TEXT NOT NULL, failed_count INTEGER NOT NULL DEFAULT 0,"
                           " locked_until {BIGINT})"),
            QStringLiteral("CREATE TABLE persons ("
                           "id {PK}, person_no TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
                           " id_number TEXT NOT NULL UNIQUE, gender TEXT NOT NULL, birth_date TEXT NOT NULL,"
                           " ethnicity TEXT NOT NULL DEFAULT '01', hukou TEXT NOT NULL DEFAULT '',"
                           " employment_form TEXT NOT NULL DEFAULT '', identity TEXT NOT NULL DEFAULT '',"
                           " work_start_date TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE TABLE enrolments ("
                           "id {PK}, person_id {BIGINT} NOT NULL REFERENCES persons(id),"
                           " unit_id {BIGINT} NOT NULL REFERENCES units(id), insurance TEXT NOT NULL,"
                           " start_month TEXT NOT NULL, end_month TEXT,"
                           " status TEXT NOT NULL CHECK (status IN ('active','suspended','terminated')),"
                           " wage_base_fen {BIGINT} NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX enrolments_unit_person ON enrolments(unit_id, person_id)"),
            QStringLiteral("CREATE TABLE sessions ("
                           "id {PK}, token_hash TEXT NOT NULL UNIQUE,"
                           " account_kind TEXT NOT NULL CHECK (account_kind IN ('unit','staff')),"
                           " account_id {BIGINT} NOT NULL, unit_id {BIGINT} REFERENCES units(id),"
                           " created_at {BIGINT} NOT NULL, expires_at {BIGINT} NOT NULL,"
                           " revoked INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE idempotency_records ("
                           "id {PK}, scope TEXT NOT NULL, idem_key TEXT NOT NULL, request_hash TEXT NOT NULL,"
                           " status INTEGER NOT NULL, content_type TEXT NOT NULL, body TEXT NOT NULL,"
                           " created_at {BIGINT} NOT NULL, UNIQUE (scope, idem_key))"),
            QStringLiteral("CREATE TABLE audit_log ("
                           "id {PK}, at {BIGINT} NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,"
                           " target TEXT NOT NULL DEFAULT '', outcome TEXT NOT NULL,"
                           " peer TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '')"),
        },
        // 2: lookups the API does on every request or in the audit views.
        {
            QStringLiteral("CREATE INDEX enrolments_person ON enrolments(person_id)"),
            QStringLiteral("CREATE INDEX sessions_expiry ON sessions(expires_at)"),
            QStringLiteral("CREATE INDEX audit_log_at ON audit_log(at)"),
            QStringLiteral("CREATE INDEX audit_log_actor ON audit_log(actor, at)"),
        },
    };
    return list;
}

} // namespace

int Migrations::latestVersion()
{
    return int(migrations().size());
}

Result<int> Migrations::version(Database &db)
{
    auto created = db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS meta (version INTEGER NOT NULL)"));
    if (!created)
        return created.error();
    auto q = db.exec(QStringLiteral("SELECT version FROM meta"));
    if (!q)
        return q.error();
    return q.value().next() ? q.value().value(0).toInt() : 0;
}

Result<void> Migrations::migrate(Database &db, int target)
{
    if (target < 0)
        target = latestVersion();
    auto current = version(db);
    if (!current)
        return current.error();
    if (current.value() > latestVersion())
        return Error{QStringLiteral("db.too_new"), QStringLiteral("数据库版本高于本服务程序，请升级服务程序。"),
                     QStringLiteral("database version %1, server knows %2").arg(current.value()).arg(latestVersion()),
                     {}};
    for (int v = current.value() + 1; v <= target; ++v) {
        if (auto r = db.begin(); !r)
            return r.error();
        for (const QString &statement : migrations().at(v - 1)) {
            if (auto r = db.exec(db.ddl(statement)); !r) {
                db.rollback();
                return Error{QStringLiteral("db.migration"), QStringLiteral("数据库升级失败。"),
                             QStringLiteral("migration %1: %2").arg(v).arg(r.error().detail), {}};
            }
        }
        auto bump = v == 1 ? db.exec(QStringLiteral("INSERT INTO meta (version) VALUES (?)"), {v})
                           : db.exec(QStringLiteral("UPDATE meta SET version = ?"), {v});
        if (!bump) {
            db.rollback();
            return bump.error();
        }
        if (auto r = db.commit(); !r)
            return r.error();
    }
    return {};
}

} // namespace shebao::server
