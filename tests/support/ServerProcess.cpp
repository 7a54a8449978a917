#include "ServerProcess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QRegularExpression>

namespace shebao::test {

QString binaryFromEnv(const char *variable)
{
    return QString::fromLocal8Bit(qgetenv(variable));
}

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::start(const Options &options)
{
    stop();
    m_output.clear();
    m_error.clear();
    if (!options.dataDir.isEmpty()) {
        m_dataDir = options.dataDir;
    } else if (m_dataDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        if (!m_tempDir->isValid()) {
            m_error = QStringLiteral("cannot create a temporary directory");
            return false;
        }
        m_dataDir = m_tempDir->path();
    }
    const QString binary = binaryFromEnv("SHEBAO_SERVER_BIN");
    if (binary.isEmpty()) {
        m_error = QStringLiteral("SHEBAO_SERVER_BIN is not set (run the test through ctest)");
        return false;
    }
    QStringList args{QStringLiteral("--data"), m_dataDir, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    if (options.demo)
        args << QStringLiteral("--demo");
    if (!options.dbUrl.isEmpty())
        args << QStringLiteral("--db") << options.dbUrl;
    args << options.extraArgs;

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(binary, args);
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(binary, m_process->errorString());
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on (https://[^\\s]+)"));
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            if (m_process->state() != QProcess::Running)
                break;
            continue;
        }
        m_output += QString::fromUtf8(m_process->readAll());
        const auto match = listening.match(m_output);
        if (match.hasMatch()) {
            m_baseUrl = QUrl(match.captured(1));
            return true;
        }
    }
    m_output += QString::fromUtf8(m_process->readAll());
    m_error = QStringLiteral("the server did not report listening; output:\n") + m_output;
    return false;
}

void ServerProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_output += QString::fromUtf8(m_process->readAll());
    m_process.reset();
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
    m_process.reset();
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString ServerProcess::caFile() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("tls/ca.pem"));
}

} // namespace shebao::test
