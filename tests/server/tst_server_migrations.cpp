// Schema migrations behave the same on SQLite and PostgreSQL: a fresh database gets the latest
// version, re-opening is a no-op, an older database is migrated, a newer one refused.
#include <QTemporaryDir>
#include <QtTest>

#include "TestBackend.h"
#include "server/Database.h"
#include "server/Migrations.h"

using namespace shebao::test;
using shebao::server::Database;
using shebao::server::Migrations;

class TestServerMigrations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void freshDatabaseGetsLatest();
    void reopenIsNoOp();
    void versionOneMigrates();
    void versionFourMigratesToChangeRequests();
    void newerDatabaseRefused();

private:
    void reset();   // drops every table of the test database
    bool tableExists(const QString &table);
    bool indexExists(const QString &index);
    int metaRows();

    std::unique_ptr<TestBackend> m_backend;
    QTemporaryDir m_dir;
    Database m_db;
};

void TestServerMigrations::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    auto opened = m_db.open(m_backend->dbUrl(m_dir.path()));
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().detail));
}

void TestServerMigrations::cleanupTestCase()
{
    m_db.close();
    m_backend.reset();
}

void TestServerMigrations::reset()
{
    // Referencing tables first (PostgreSQL refuses to drop a referenced one): enrolments and the
    // bills of migration 7 reference each other's neighbours and signatures.
    const QStringList tables{QStringLiteral("enrolments"), QStringLiteral("sandbox_bank_payments"),
                             QStringLiteral("bill_payments"), QStringLiteral("bill_months"), QStringLiteral("bills"),
                             QStringLiteral("enrolment_certificates"), QStringLiteral("change_attachments"),
                             QStringLiteral("change_requests"), QStringLiteral("person_changes"),
                             QStringLiteral("declaration_batch_items"),
                             QStringLiteral("declaration_items"), QStringLiteral("declaration_batch_events"),
                             QStringLiteral("declaration_batches"), QStringLiteral("number_sequences"), QStringLiteral("unit_changes"), QStringLiteral("signatures"), QStringLiteral("auth_challenges"),
                             QStringLiteral("certificates"), QStringLiteral("authorization_scans"),
                             QStringLiteral("authorizations"), QStringLiteral("audit_log"), QStringLiteral("idempotency_records"), QStringLiteral("sessions"),
                             QStringLiteral("persons"), QStringLiteral("staff_accounts"),
                             QStringLiteral("unit_accounts"), QStringLiteral("units"), QStringLiteral("meta")};
    for (const QString &t : tables)
        QVERIFY2(m_db.exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(t)).ok(), qPrintable(t));
}

bool TestServerMigrations::tableExists(const QString &table)
{
    const QString sql = m_db.dialect() == Database::Dialect::Sqlite
        ? QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?")
        : QStringLiteral("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = ?");
    auto q = m_db.exec(sql, {table});
    return q && q.value().next() && q.value().value(0).toInt() == 1;
}

bool TestServerMigrations::indexExists(const QString &index)
{
    const QString sql = m_db.dialect() == Database::Dialect::Sqlite
        ? QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = ?")
        : QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname = ?");
    auto q = m_db.exec(sql, {index});
    return q && q.value().next() && q.value().value(0).toInt() == 1;
}

int TestServerMigrations::metaRows()
{
    auto q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM meta"));
    return q && q.value().next() ? q.value().value(0).toInt() : -1;
}

void TestServerMigrations::freshDatabaseGetsLatest()
{
    reset();
    QCOMPARE(Migrations::version(m_db).value(), 0);
    QVERIFY(Migrations::migrate(m_db).ok());
    QCOMPARE(Migrations::version(m_db).value(), Migrations::latestVersion());
    QVERIFY(Migrations::latestVersion() >= 2);
    for (const char *t : {"units", "unit_accounts", "staff_accounts", "persons", "enrolments", "sessions",
                          "idempotency_records", "audit_log", "authorizations", "authorization_scans", "certificates",
                          "auth_challenges", "signatures", "unit_changes", "number_sequences", "declaration_batches",
                          "declaration_batch_events", "declaration_items", "declaration_batch_items", "change_requests",
                          "change_attachments"})
        QVERIFY2(tableExists(QLatin1String(t)), t);
    // Migration 4's placeholder gave way to change_requests (信息维护).
    QVERIFY(!tableExists(QStringLiteral("person_changes")));
    QVERIFY(indexExists(QStringLiteral("change_requests_unit_pending")));
    QVERIFY(indexExists(QStringLiteral("change_requests_person_pending")));
    QVERIFY(indexExists(QStringLiteral("declaration_items_unit_state")));
    QVERIFY(indexExists(QStringLiteral("declaration_items_person")));
    QVERIFY(indexExists(QStringLiteral("enrolments_person")));
    QVERIFY(indexExists(QStringLiteral("certificates_unit")));
    QCOMPARE(metaRows(), 1);
    QVERIFY(m_db.exec(QStringLiteral("INSERT INTO units (unit_no, name, level) VALUES ('43019999996', 'blob', 'ordinary')")).ok());
    QVERIFY(m_db.exec(QStringLiteral("INSERT INTO authorizations (unit_id, application_no, state, applicant_name,"
                                     " applicant_id_number, applicant_mobile, applicant_email, created_at, updated_at)"
                                     " SELECT id, 'SQ202612030001', 'confirmed', 'a', 'b', 'c', 'd', 0, 0 FROM units"
                                     " WHERE unit_no = '43019999996'")).ok());
    // Binary scans round-trip exactly on both backends (bytea / BLOB), NULs and high bytes included.
    const QByteArray bytes("\x89PNG\0\xff\x00\x01tail", 12);
    QVERIFY(m_db.exec(QStringLiteral("INSERT INTO authorization_scans (authorization_id, file_name, kind, mime_type, size,"
                                     " sha256, data, uploaded_at) SELECT id, 'x.png', 'PNG', 'image/png', 13, 'h', ?, 0"
                                     " FROM authorizations WHERE application_no = 'SQ202612030001'"),
                      {bytes}).ok());
    auto blob = m_db.exec(QStringLiteral("SELECT data FROM authorization_scans"));
    QVERIFY(blob && blob.value().next());
    QCOMPARE(blob.value().value(0).toByteArray(), bytes);
    blob.value().finish();
    QVERIFY(!m_db.exec(QStringLiteral("UPDATE authorizations SET state = 'pending'")).ok());
    // Constraints are real on both backends.
    QVERIFY(!m_db.exec(QStringLiteral("INSERT INTO declaration_items (item_no, unit_id, kind, state, name, id_number,"
                                      " created_at, created_by) SELECT 'YD1', id, 'transfer', 'pending', 'a', 'b', 0, 'x'"
                                      " FROM units WHERE unit_no = '43019999996'")).ok());
    // One open item per person and unit; closed ones may repeat.
    const QString item = QStringLiteral("INSERT INTO declaration_items (item_no, unit_id, kind, state, name, id_number,"
                                        " created_at, created_by) SELECT ?, id, 'add', ?, 'a', '430102199001011234', 0, 'x'"
                                        " FROM units WHERE unit_no = '43019999996'");
    QVERIFY(m_db.exec(item, {QStringLiteral("YD2"), QStringLiteral("withdrawn")}).ok());
    QVERIFY(m_db.exec(item, {QStringLiteral("YD3"), QStringLiteral("withdrawn")}).ok());
    QVERIFY(m_db.exec(item, {QStringLiteral("YD4"), QStringLiteral("pending")}).ok());
    QVERIFY(!m_db.exec(item, {QStringLiteral("YD5"), QStringLiteral("declared")}).ok());
    QVERIFY(!m_db.exec(item, {QStringLiteral("YD6"), QStringLiteral("pending")}).ok());
    QVERIFY(!m_db.exec(QStringLiteral("INSERT INTO declaration_batches (batch_no, unit_id, state, reporter, phone,"
                                      " declared_at, declared_by) SELECT 'SB1', id, 'lost', 'a', 'b', 0, 'x'"
                                      " FROM units WHERE unit_no = '43019999996'")).ok());
    QVERIFY(!m_db.exec(QStringLiteral("INSERT INTO staff_accounts (username, role, password_hash) VALUES ('x', 'boss', 'h')")).ok());
    QVERIFY(!m_db.exec(QStringLiteral("INSERT INTO enrolments (person_id, unit_id, insurance, start_month, status)"
                                      " VALUES (999, 999, '110', '2020-01', 'active')")).ok());
}

void TestServerMigrations::reopenIsNoOp()
{
    reset();
    QVERIFY(Migrations::migrate(m_db).ok());
    QVERIFY(m_db.exec(QStringLiteral("INSERT INTO units (unit_no, name, level) VALUES ('43019999998', 'x', 'ordinary')")).ok());
    m_db.close();
    QVERIFY(m_db.open(m_backend->dbUrl(m_dir.path())).ok());
    QVERIFY(Migrations::migrate(m_db).ok());
    QCOMPARE(Migrations::version(m_db).value(), Migrations::latestVersion());
    QCOMPARE(metaRows(), 1);
    auto q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM units"));
    QVERIFY(q && q.value().next());
    QCOMPARE(q.value().value(0).toInt(), 1);
}

void TestServerMigrations::versionOneMigrates()
{
    reset();
    QVERIFY(Migrations::migrate(m_db, 1).ok());
    QCOMPARE(Migrations::version(m_db).value(), 1);
    QVERIFY(tableExists(QStringLiteral("enrolments")));
    QVERIFY(!indexExists(QStringLiteral("enrolments_person")));
    QVERIFY(m_db.exec(QStringLiteral("INSERT INTO units (unit_no, name, level) VALUES ('43019999997', 'v1', 'authorized')")).ok());

    QVERIFY(Migrations::migrate(m_db).ok());
    QCOMPARE(Migrations::version(m_db).value(), Migrations::latestVersion());
    QVERIFY(indexExists(QStringLiteral("enrolments_person")));
    QVERIFY(indexExists(QStringLiteral("audit_log_at")));
    QVERIFY(tableExists(QStringLiteral("enrolment_certificates")));
    QVERIFY(indexExists(QStringLiteral("enrolment_certificates_unit")));
    QCOMPARE(metaRows(), 1);
    auto q = m_db.exec(QStringLiteral("SELECT name FROM units WHERE unit_no = '43019999997'"));
    QVERIFY(q && q.value().next());
    QCOMPARE(q.value().value(0).toString(), QStringLiteral("v1"));
}

void TestServerMigrations::versionFourMigratesToChangeRequests()
{
    reset();
    QVERIFY(Migrations::migrate(m_db, 4).ok());
    QVERIFY(tableExists(QStringLiteral("person_changes")));
    QVERIFY(m_db.exec(QStringLiteral("INSERT INTO units (unit_no, name, credit_code, level)"
                                     " VALUES ('43019999995', 'v4', '91430100MA4L10010X', 'authorized')")).ok());
    QVERIFY(m_db.exec(QStringLiteral("INSERT INTO persons (person_no, name, id_number, gender, birth_date)"
                                     " VALUES ('43199999999', '张三', '430102199001011234', '1', '1990-01-01')")).ok());
    QVERIFY(Migrations::migrate(m_db).ok());
    QVERIFY(!tableExists(QStringLiteral("person_changes")));
    // The unit keeps its values and gets the new columns empty.
    auto q = m_db.exec(QStringLiteral("SELECT name, credit_code, bank_name, postal_code, legal_rep_id_number FROM units"
                                      " WHERE unit_no = '43019999995'"));
    QVERIFY(q && q.value().next());
    QCOMPARE(q.value().value(0).toString(), QStringLiteral("v4"));
    QCOMPARE(q.value().value(1).toString(), QStringLiteral("91430100MA4L10010X"));
    QCOMPARE(q.value().value(2).toString(), QStringLiteral(""));
    QCOMPARE(q.value().value(3).toString(), QStringLiteral(""));
    QCOMPARE(q.value().value(4).toString(), QStringLiteral(""));
    q.value().finish();
    // change.pending in the database: one pending request per unit (unit target) and per person
    // (person target); decided ones may repeat, and a unit request does not hold a person's.
    const auto insert = [&](const char *no, const char *target, const char *state) {
        const QString sql = QLatin1String(target) == u"unit"
            ? QStringLiteral("INSERT INTO change_requests (request_no, unit_id, target, state, created_at, created_by)"
                             " SELECT ?, id, 'unit', ?, 0, 'x' FROM units WHERE unit_no = '43019999995'")
            : QStringLiteral("INSERT INTO change_requests (request_no, unit_id, target, person_id, state, created_at, created_by)"
                             " SELECT ?, u.id, 'person', p.id, ?, 0, 'x' FROM units u, persons p"
                             " WHERE u.unit_no = '43019999995' AND p.person_no = '43199999999'");
        return m_db.exec(sql, {QString::fromLatin1(no), QString::fromLatin1(state)}).ok();
    };
    QVERIFY(insert("BG1", "unit", "approved"));
    QVERIFY(insert("BG2", "unit", "approved"));
    QVERIFY(insert("BG3", "unit", "pending"));
    QVERIFY(!insert("BG4", "unit", "pending"));
    QVERIFY(insert("BG5", "person", "pending"));
    QVERIFY(!insert("BG6", "person", "pending"));
    QVERIFY(insert("BG7", "person", "rejected"));
    QVERIFY(!insert("BG8", "unit", "lost"));
    QVERIFY(!insert("BG3", "unit", "applied")); // request_no is unique
}

void TestServerMigrations::newerDatabaseRefused()
{
    reset();
    QVERIFY(Migrations::migrate(m_db).ok());
    QVERIFY(m_db.exec(QStringLiteral("UPDATE meta SET version = ?"), {Migrations::latestVersion() + 1}).ok());
    const auto r = Migrations::migrate(m_db);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("db.too_new"));
    QCOMPARE(Migrations::version(m_db).value(), Migrations::latestVersion() + 1);
}

QTEST_GUILESS_MAIN(TestServerMigrations)
#include "tst_server_migrations.moc"
