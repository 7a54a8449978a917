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
        // 4: 异动申报 (issue 4): items, batches with their history, pending key-information
        // changes of persons (filled by 信息维护 later; they block 续保 now), and the counters
        // behind the readable numbers (YD/SB + date + sequence, new persons' numbers).
        {
            QStringLiteral("CREATE TABLE number_sequences (name TEXT PRIMARY KEY, last_value {BIGINT} NOT NULL)"),
            QStringLiteral("CREATE TABLE declaration_batches ("
                           "id {PK}, batch_no TEXT NOT NULL UNIQUE, unit_id {BIGINT} NOT NULL REFERENCES units(id),"
                           " state TEXT NOT NULL CHECK (state IN ('declared','awaiting_paper','accepted','effective','returned')),"
                           " reporter TEXT NOT NULL, phone TEXT NOT NULL, signed INTEGER NOT NULL DEFAULT 0,"
                           " signature_id {BIGINT} REFERENCES signatures(id), return_reason TEXT,"
                           " declared_at {BIGINT} NOT NULL, declared_by TEXT NOT NULL, decided_at {BIGINT}, decided_by TEXT)"),
            QStringLiteral("CREATE INDEX declaration_batches_unit ON declaration_batches(unit_id, id)"),
            QStringLiteral("CREATE INDEX declaration_batches_state ON declaration_batches(state, id)"),
            QStringLiteral("CREATE TABLE declaration_batch_events ("
                           "id {PK}, batch_id {BIGINT} NOT NULL REFERENCES declaration_batches(id), state TEXT NOT NULL,"
                           " at {BIGINT} NOT NULL, actor TEXT NOT NULL, note TEXT)"),
            QStringLiteral("CREATE INDEX declaration_batch_events_batch ON declaration_batch_events(batch_id, id)"),
            QStringLiteral("CREATE TABLE declaration_items ("
                           "id {PK}, item_no TEXT NOT NULL UNIQUE, unit_id {BIGINT} NOT NULL REFERENCES units(id),"
                           " kind TEXT NOT NULL CHECK (kind IN ('add','renew','reduce')),"
                           " state TEXT NOT NULL CHECK (state IN ('pending','declared','effective','withdrawn')),"
                           " name TEXT NOT NULL, id_number TEXT NOT NULL, person_id {BIGINT} REFERENCES persons(id),"
                           " gender TEXT NOT NULL DEFAULT '', birth_date TEXT NOT NULL DEFAULT '',"
                           " ethnicity TEXT NOT NULL DEFAULT '', hukou TEXT NOT NULL DEFAULT '',"
                           " employment_form TEXT NOT NULL DEFAULT '', identity TEXT NOT NULL DEFAULT '',"
                           " work_start_date TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',"
                           " insurances TEXT NOT NULL DEFAULT '', start_month TEXT NOT NULL DEFAULT '',"
                           " wage_fen {BIGINT} NOT NULL DEFAULT 0, base_fen {BIGINT} NOT NULL DEFAULT 0,"
                           " change_type TEXT NOT NULL DEFAULT '', change_reason TEXT NOT NULL DEFAULT '',"
                           " stop_month TEXT NOT NULL DEFAULT '', batch_id {BIGINT} REFERENCES declaration_batches(id),"
                           " returned_reason TEXT, warnings TEXT NOT NULL DEFAULT '[]',"
                           " signature_id {BIGINT} REFERENCES signatures(id),"
                           " created_at {BIGINT} NOT NULL, created_by TEXT NOT NULL, withdrawn_at {BIGINT})"),
            QStringLiteral("CREATE INDEX declaration_items_unit_state ON declaration_items(unit_id, state, id)"),
            QStringLiteral("CREATE INDEX declaration_items_person ON declaration_items(id_number, unit_id, state)"),
            QStringLiteral("CREATE INDEX declaration_items_batch ON declaration_items(batch_id)"),
            // One open item per person and unit (item.duplicate) held by the database itself, not
            // only by the check before the insert: two server processes on one PostgreSQL
            // database cannot both pass the check.
            QStringLiteral("CREATE UNIQUE INDEX declaration_items_open ON declaration_items(unit_id, id_number)"
                           " WHERE state IN ('pending','declared')"),
            // A batch keeps its items even after a return sent them back to pending (and a later
            // batch took them): declaration_items.batch_id is only the current open batch.
            QStringLiteral("CREATE TABLE declaration_batch_items ("
                           "batch_id {BIGINT} NOT NULL REFERENCES declaration_batches(id),"
                           " item_id {BIGINT} NOT NULL REFERENCES declaration_items(id), PRIMARY KEY (batch_id, item_id))"),
            QStringLiteral("CREATE TABLE person_changes ("
                           "id {PK}, person_id {BIGINT} NOT NULL REFERENCES persons(id), unit_id {BIGINT} REFERENCES units(id),"
                           " fields TEXT NOT NULL DEFAULT '{}',"
                           " state TEXT NOT NULL CHECK (state IN ('pending','approved','rejected')),"
                           " created_at {BIGINT} NOT NULL, decided_at {BIGINT})"),
            QStringLiteral("CREATE INDEX person_changes_person ON person_changes(person_id, state)"),
            // Open enrolments of a person are what every 异动 rule asks about.
            QStringLiteral("CREATE INDEX enrolments_person_status ON enrolments(person_id, status, end_month)"),
        },
        // 5: 信息维护 (issue 5, docs/changes.md): the unit columns the 单位信息变更 form shows, the
        // change requests (applied at once or pending review) with their proofs. person_changes,
        // migration 4's placeholder, was never written to and gives way to change_requests.
        {
            QStringLiteral("ALTER TABLE units ADD COLUMN legal_rep_id_number TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE units ADD COLUMN affiliation TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE units ADD COLUMN bank_name TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE units ADD COLUMN bank_account_name TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE units ADD COLUMN bank_account TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE units ADD COLUMN mobile TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE units ADD COLUMN postal_code TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE TABLE change_requests ("
                           "id {PK}, request_no TEXT NOT NULL UNIQUE, unit_id {BIGINT} NOT NULL REFERENCES units(id),"
                           " target TEXT NOT NULL CHECK (target IN ('unit','person')),"
                           " person_id {BIGINT} REFERENCES persons(id),"
                           " state TEXT NOT NULL CHECK (state IN ('applied','pending','approved','rejected','withdrawn')),"
                           " key_change INTEGER NOT NULL DEFAULT 0, fields TEXT NOT NULL DEFAULT '[]',"
                           " signed INTEGER NOT NULL DEFAULT 0, signature_id {BIGINT} REFERENCES signatures(id),"
                           " credit_code_overridden INTEGER NOT NULL DEFAULT 0, id_upgrade INTEGER NOT NULL DEFAULT 0,"
                           " person_name TEXT NOT NULL DEFAULT '', person_id_number TEXT NOT NULL DEFAULT '',"
                           " reject_reason TEXT, created_at {BIGINT} NOT NULL, created_by TEXT NOT NULL,"
                           " decided_at {BIGINT}, decided_by TEXT)"),
            QStringLiteral("CREATE INDEX change_requests_unit ON change_requests(unit_id, id)"),
            QStringLiteral("CREATE INDEX change_requests_state ON change_requests(state, id)"),
            // change.pending held by the database itself, as declaration_items_open: one pending
            // request per unit (unit target) and per person (person target, from any unit).
            QStringLiteral("CREATE UNIQUE INDEX change_requests_unit_pending ON change_requests(unit_id)"
                           " WHERE state = 'pending' AND target = 'unit'"),
            QStringLiteral("CREATE UNIQUE INDEX change_requests_person_pending ON change_requests(person_id)"
                           " WHERE state = 'pending' AND target = 'person'"),
            QStringLiteral("CREATE TABLE change_attachments ("
                           "id {PK}, unit_id {BIGINT} NOT NULL REFERENCES units(id),"
                           " request_id {BIGINT} REFERENCES change_requests(id), kind TEXT NOT NULL,"
                           " file_name TEXT NOT NULL, mime_type TEXT NOT NULL, size {BIGINT} NOT NULL,"
                           " sha256 TEXT NOT NULL, data {BLOB} NOT NULL, uploaded_at {BIGINT} NOT NULL)"),
            QStringLiteral("CREATE INDEX change_attachments_request ON change_attachments(request_id)"),
            QStringLiteral("CREATE INDEX change_attachments_unit ON change_attachments(unit_id, uploaded_at)"),
            QStringLiteral("DROP TABLE person_changes"),
        },
        // 参保证明 (issue 7, docs/certificates.md): the issued certificates with the exact signed
        // bytes and their signature. Self-contained: it only references units and persons.
        {
            QStringLiteral("CREATE TABLE enrolment_certificates ("
                           "id {PK}, number TEXT NOT NULL UNIQUE, code TEXT NOT NULL UNIQUE,"
                           " kind TEXT NOT NULL CHECK (kind IN ('unit','roster','person')),"
                           " unit_id {BIGINT} NOT NULL REFERENCES units(id), person_id {BIGINT} REFERENCES persons(id),"
                           " person_no TEXT NOT NULL DEFAULT '', person_name TEXT NOT NULL DEFAULT '',"
                           " purpose TEXT NOT NULL, issued_at {BIGINT} NOT NULL, valid_until {BIGINT} NOT NULL,"
                           " content TEXT NOT NULL, signature TEXT NOT NULL, key_id TEXT NOT NULL, issued_by TEXT NOT NULL,"
                           " request_signature_id {BIGINT} REFERENCES signatures(id),"
                           " revoked_at {BIGINT}, revoked_by TEXT, revoke_reason TEXT)"),
            QStringLiteral("CREATE INDEX enrolment_certificates_unit ON enrolment_certificates(unit_id, id)"),
        },
        // 网上缴费 (issue 6, docs/bills.md): 断档补缴 bills with the estimate they were computed with,
        // the bank's payments (one per bill, unique per bank transaction), the sandbox bank's own
        // records, and the link from a filled enrolment period to the bill that paid it.
        {
            QStringLiteral("CREATE TABLE bills ("
                           "id {PK}, number TEXT NOT NULL UNIQUE,"
                           " unit_id {BIGINT} NOT NULL REFERENCES units(id), person_id {BIGINT} NOT NULL REFERENCES persons(id),"
                           " state TEXT NOT NULL CHECK (state IN ('unpaid','paid','cancelled')),"
                           " wage_fen {BIGINT} NOT NULL, risk_class INTEGER NOT NULL, insurances TEXT NOT NULL,"
                           " first_month TEXT NOT NULL, last_month TEXT NOT NULL, month_count INTEGER NOT NULL,"
                           " principal_fen {BIGINT} NOT NULL, late_fee_fen {BIGINT} NOT NULL, total_fen {BIGINT} NOT NULL,"
                           " policy_name TEXT NOT NULL, calculation_date TEXT NOT NULL, pay_by TEXT NOT NULL,"
                           " estimate TEXT NOT NULL, created_at {BIGINT} NOT NULL, expires_at {BIGINT} NOT NULL,"
                           " created_by TEXT NOT NULL, request_signature_id {BIGINT} REFERENCES signatures(id),"
                           " paid_at {BIGINT}, cancelled_at {BIGINT}, cancelled_by TEXT)"),
            QStringLiteral("CREATE INDEX bills_unit ON bills(unit_id, id)"),
            QStringLiteral("CREATE INDEX bills_person ON bills(person_id, unit_id, state)"),
            // One row per month of a bill: the open-bill rule and the gap search ask by month.
            QStringLiteral("CREATE TABLE bill_months ("
                           "bill_id {BIGINT} NOT NULL REFERENCES bills(id), month TEXT NOT NULL,"
                           " PRIMARY KEY (bill_id, month))"),
            QStringLiteral("CREATE TABLE bill_payments ("
                           "id {PK}, bill_id {BIGINT} NOT NULL UNIQUE REFERENCES bills(id),"
                           " bank_id TEXT NOT NULL, transaction_id TEXT NOT NULL,"
                           " channel TEXT NOT NULL CHECK (channel IN ('online','counter')),"
                           " amount_fen {BIGINT} NOT NULL, paid_at {BIGINT} NOT NULL, received_at {BIGINT} NOT NULL,"
                           " UNIQUE (bank_id, transaction_id))"),
            QStringLiteral("CREATE TABLE sandbox_bank_payments ("
                           "id {PK}, transaction_id TEXT NOT NULL UNIQUE, bill_number TEXT NOT NULL,"
                           " amount_fen {BIGINT} NOT NULL, account_masked TEXT NOT NULL, created_at {BIGINT} NOT NULL,"
                           " attempts INTEGER NOT NULL DEFAULT 0, notified_at {BIGINT}, last_status INTEGER)"),
            QStringLiteral("ALTER TABLE enrolments ADD COLUMN bill_id {BIGINT} REFERENCES bills(id)"),
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
