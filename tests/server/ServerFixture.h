#pragma once

#include <QTemporaryDir>

#include <memory>
#include <optional>

#include "HttpsClient.h"
#include "TestBackend.h"
#include "server/Server.h"

namespace shebao::test {

// An in-process shebao-server on a free loopback port with a temporary data directory and
// the test's backend (SQLite or PostgreSQL). Handlers run on the test's thread whenever the
// test waits for a reply.
class ServerFixture
{
public:
    struct Options
    {
        bool demo = true;
        int demoPersons = 0;
        qint64 tokenTtl = 8 * 3600;
    };
    // 网上缴费's options, for the next start(): the sandbox bank follows demo unless set (--demo
    // implies --bank-sandbox), bank keys (--bank-key ID=FILE), the online payment page
    // (--bank-pay-url).
    struct Bank
    {
        std::optional<bool> sandbox;
        QList<QPair<QString, QString>> keys;
        QString payUrl;
    };
    void setBank(Bank bank) { m_bank = std::move(bank); }

    explicit ServerFixture(TestBackend &backend);
    ~ServerFixture();

    // Starts (or restarts, keeping data dir and database) the server; error() says why not.
    bool start(const Options &options);
    bool start() { return start(Options{}); }
    void stop();

    server::Server &server() { return *m_server; }
    QString dataDir() const { return m_dir.path(); }
    QString caFile() const;
    QUrl baseUrl() const;
    QString error() const { return m_error; }

    // A client that trusts the generated CA.
    std::unique_ptr<HttpsClient> client() const;

    // A single value from the server's database (e.g. a count).
    QVariant scalar(const QString &sql, const QVariantList &values = {});

private:
    TestBackend &m_backend;
    Bank m_bank;
    QTemporaryDir m_dir;
    std::unique_ptr<server::Server> m_server;
    QString m_error;
};

} // namespace shebao::test
