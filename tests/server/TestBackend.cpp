#include "TestBackend.h"

#include <QDir>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include "server/Database.h"

namespace shebao::test {

TestBackend::TestBackend()
{
    const QString backend = qEnvironmentVariable("SHEBAO_TEST_BACKEND", QStringLiteral("sqlite"));
    if (backend == QLatin1String("sqlite"))
        return;
    if (backend != QLatin1String("pg")) {
        m_error = QStringLiteral("SHEBAO_TEST_BACKEND must be sqlite or pg, not %1").arg(backend);
        return;
    }
    m_postgres = true;
    m_adminUrl = qEnvironmentVariable("SHEBAO_TEST_PG_URL");
    if (m_adminUrl.isEmpty()) {
        m_error = QStringLiteral("SHEBAO_TEST_PG_URL is not set: the PostgreSQL variant of this test needs a "
                                 "cluster, e.g. postgresql://postgres@127.0.0.1:55432/postgres (scripts/test starts one)");
        return;
    }
    m_database = QStringLiteral("shebao_t_%1").arg(QRandomGenerator::global()->generate64() & 0xffffffffffULL, 0, 16);
    if (!adminExec(QStringLiteral("CREATE DATABASE %1").arg(m_database)))
        m_database.clear();
}

TestBackend::~TestBackend()
{
    if (m_postgres && !m_database.isEmpty())
        adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_database));
}

bool TestBackend::adminExec(const QString &sql)
{
    const auto params = server::parsePostgresUrl(m_adminUrl);
    if (!params) {
        m_error = QStringLiteral("cannot parse SHEBAO_TEST_PG_URL %1").arg(m_adminUrl);
        return false;
    }
    const QString connection = QStringLiteral("shebao-test-admin");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(params.value().host);
        db.setPort(params.value().port);
        db.setUserName(params.value().user);
        db.setPassword(params.value().password);
        db.setDatabaseName(params.value().database);
        if (!db.open()) {
            m_error = QStringLiteral("cannot connect to %1: %2").arg(m_adminUrl, db.lastError().text());
        } else {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                m_error = QStringLiteral("%1: %2").arg(sql, q.lastError().text());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

QString TestBackend::dbUrl(const QString &dataDir) const
{
    if (!m_postgres)
        return QStringLiteral("sqlite:") + QDir(dataDir).filePath(QStringLiteral("test.sqlite"));
    QUrl url(m_adminUrl);
    url.setPath(u'/' + m_database);
    return url.toString();
}

} // namespace shebao::test
