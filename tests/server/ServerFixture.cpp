#include "ServerFixture.h"

#include <QDir>
#include <QSqlQuery>

#include "server/Database.h"

namespace shebao::test {

ServerFixture::ServerFixture(TestBackend &backend) : m_backend(backend) {}

ServerFixture::~ServerFixture()
{
    stop();
}

bool ServerFixture::start(const Options &options)
{
    stop();
    m_error.clear();
    if (!m_backend.ok()) {
        m_error = m_backend.error();
        return false;
    }
    server::ServerOptions o;
    o.dataDir = m_dir.path();
    o.dbUrl = m_backend.dbUrl(m_dir.path());
    o.listenAddress = QHostAddress::LocalHost;
    o.listenPort = 0;
    o.demo = options.demo;
    o.demoPersons = options.demoPersons;
    o.tokenTtlSeconds = options.tokenTtl;
    o.bankSandbox = m_bank.sandbox.value_or(options.demo);
    o.bankKeys = m_bank.keys;
    o.bankPayUrl = m_bank.payUrl;
    m_server = std::make_unique<server::Server>(o);
    auto port = m_server->start();
    if (!port) {
        m_error = port.error().message + u' ' + port.error().detail;
        m_server.reset();
        return false;
    }
    return true;
}

void ServerFixture::stop()
{
    m_server.reset();   // closes the listener and the database connection
}

QString ServerFixture::caFile() const
{
    return QDir(m_dir.path()).filePath(QStringLiteral("tls/ca.pem"));
}

QUrl ServerFixture::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server ? m_server->port() : 0);
    return url;
}

std::unique_ptr<HttpsClient> ServerFixture::client() const
{
    return std::make_unique<HttpsClient>(baseUrl(), caFile());
}

QVariant ServerFixture::scalar(const QString &sql, const QVariantList &values)
{
    if (!m_server)
        return {};
    auto q = m_server->database().exec(sql, values);
    if (!q || !q.value().next())
        return {};
    return q.value().value(0);
}

} // namespace shebao::test
