#pragma once

#include <QString>

namespace shebao::test {

// The database a server test runs against, chosen by SHEBAO_TEST_BACKEND ("sqlite", the
// default, or "pg"). For "pg" it creates a fresh database shebao_t_<random> on the cluster of
// SHEBAO_TEST_PG_URL and drops it again; without that variable the test fails (never skips).
class TestBackend
{
public:
    TestBackend();
    ~TestBackend();
    TestBackend(const TestBackend &) = delete;
    TestBackend &operator=(const TestBackend &) = delete;

    bool isPostgres() const { return m_postgres; }
    QString name() const { return m_postgres ? QStringLiteral("pg") : QStringLiteral("sqlite"); }
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    // A --db URL for a server whose data lives in dataDir: "sqlite:<dataDir>/x.sqlite" or the
    // PostgreSQL test database (shared by every server of this test program).
    QString dbUrl(const QString &dataDir) const;

private:
    bool adminExec(const QString &sql);

    bool m_postgres = false;
    QString m_adminUrl;
    QString m_database;
    QString m_error;
};

} // namespace shebao::test
