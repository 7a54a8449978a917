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
        // 3: system management (issue 3): authorization applications with their scans,
        // certificates, login challenges, signed submissions and the first business action.
        {
            QStringLiteral("ALTER TABLE sessions ADD COLUMN cert_serial TEXT"),
            QStringLiteral("CREATE TABLE authorizations ("
                           "id {PK}, unit_id {BIGINT} NOT NULL UNIQUE REFERENCES units(id),"
                           " application_no TEXT NOT NULL UNIQUE,"
                           " state TEXT NOT NULL CHECK (state IN ('saved','confirmed','uploaded','activated','rejected')),"
                           " applicant_name TEXT NOT NULL, applicant_id_number TEXT NOT NULL,"
                           " applicant_mobile TEXT NOT NULL, applicant_email TEXT NOT NULL,"
                           " created_at {BIGINT} NOT NULL, updated_at {BIGINT} NOT NULL, confirmed_at {BIGINT},"
                           " uploaded_at {BIGINT}, decided_at {BIGINT}, decided_by TEXT, reject_reason TEXT,"
                           " history TEXT NOT NULL DEFAULT '[]')"),
            QStringLiteral("CREATE INDEX authorizations_state ON authorizations(state)"),
            QStringLiteral("CREATE TABLE authorization_scans ("
                           "authorization_id {BIGINT} PRIMARY KEY REFERENCES authorizations(id),"
                           " file_name TEXT NOT NULL, kind TEXT NOT NULL, mime_type TEXT NOT NULL,"
                           " size {BIGINT} NOT NULL, sha256 TEXT NOT NULL, data {BLOB} NOT NULL,"
                           " uploaded_at {BIGINT} NOT NULL)"),
            QStringLiteral("CREATE TABLE certificates ("
                           "id {PK}, serial TEXT NOT NULL UNIQUE, unit_id {BIGINT} NOT NULL REFERENCES units(id),"
                           " subject TEXT NOT NULL, pem TEXT NOT NULL, fingerprint TEXT NOT NULL,"
                           " not_before {BIGINT} NOT NULL, not_after {BIGINT} NOT NULL, revoked_at {BIGINT},"
                           " reason TEXT, registered_by TEXT NOT NULL, registered_at {BIGINT} NOT NULL)"),
            QStringLiteral("CREATE INDEX certificates_unit ON certificates(unit_id)"),
            QStringLiteral("CREATE TABLE auth_challenges ("
                           "id {PK}, challenge_hash TEXT NOT NULL UNIQUE, unit_no TEXT NOT NULL,"
                           " created_at {BIGINT} NOT NULL, expires_at {BIGINT} NOT NULL,"
                           " used INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE signatures ("
                           "id {PK}, unit_id {BIGINT} NOT NULL REFERENCES units(id), serial TEXT NOT NULL,"
                           " method TEXT NOT NULL, path TEXT NOT NULL, body_sha256 TEXT NOT NULL,"
                           " signature TEXT NOT NULL, at {BIGINT} NOT NULL)"),
            QStringLiteral("CREATE INDEX signatures_unit ON signatures(unit_id, at)"),
            QStringLiteral("CREATE TABLE unit_changes ("
                           "id {PK}, unit_id {BIGINT} NOT NULL REFERENCES units(id), changes TEXT NOT NULL,"
                           " state TEXT NOT NULL, actor TEXT NOT NULL, signature_id {BIGINT} REFERENCES signatures(id),"
                           " at {BIGINT} NOT NULL)"),
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
