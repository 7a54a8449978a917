#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace shebao::test {

// Starts a real shebao-server process (the binary named by $SHEBAO_SERVER_BIN) on a free
// loopback port with a throwaway data directory, and its generated CA.
class ServerProcess
{
public:
    struct Options
    {
        bool demo = true;
        QString dbUrl;          // empty: the server's default SQLite file in the data dir
        QStringList extraArgs;  // e.g. {"--token-ttl", "2"}
        QString dataDir;        // empty: a fresh temporary directory (reused across restarts)
    };

    ServerProcess();
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts and waits (up to 30 s) for the "listening on" line. On failure error() says why.
    bool start(const Options &options);
    bool start() { return start(Options{}); }
    void stop();   // SIGTERM, then wait
    void kill();   // SIGKILL, no cleanup: for crash tests

    bool isRunning() const;
    QUrl baseUrl() const { return m_baseUrl; }   // https://127.0.0.1:PORT
    QString caFile() const;                       // DATA/tls/ca.pem
    QString dataDir() const { return m_dataDir; }
    QString output() const { return m_output; }  // everything the server printed
    QString error() const { return m_error; }

private:
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<QProcess> m_process;
    QString m_dataDir;
    QUrl m_baseUrl;
    QString m_output;
    QString m_error;
};

// Path of a binary built by this project, from an environment variable ctest sets.
QString binaryFromEnv(const char *variable);

} // namespace shebao::test
