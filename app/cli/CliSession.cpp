#include "CliSession.h"

#include <QDir>
#include <QEventLoop>
#include <QStandardPaths>

#include "CliContext.h"
#include "app/DeclarationService.h"
#include "app/OutboxService.h"
#include "app/Session.h"
#include "models/cache/LocalCache.h"

namespace shebao::cli {

CliSession::CliSession(CliContext &context) : m_context(context) {}

CliSession::~CliSession()
{
    // The services hold the session; the session holds the cache.
    m_outbox.reset();
    m_declarations.reset();
    m_session.reset();
}

QString CliSession::defaultCachePath(const QUrl &server, const QString &unitNo)
{
    QString host = server.host();
    for (QChar &c : host) {
        if (!c.isLetterOrNumber() && c != u'.' && c != u'-')
            c = u'_';
    }
    const QString folder = host + u'_' + QString::number(server.port(443));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("cache/") + folder + u'/' + unitNo + QStringLiteral(".sqlite"));
}

QString CliSession::unitNo() const
{
    return m_login.unitNo.isEmpty() ? m_context.options().unitNo : m_login.unitNo;
}

Result<void> CliSession::open(const std::optional<QString> &cacheFile)
{
    Result<LoginReply> login = m_context.login();
    if (!login)
        return login.error();
    m_login = login.value();
    m_api = m_context.api().value();
    const QString path = cacheFile ? *cacheFile : defaultCachePath(m_context.options().server, unitNo());
    auto cache = std::make_unique<LocalCache>();
    if (Result<void> opened = cache->open(path); !opened)
        return opened;
    m_session = std::make_unique<Session>();
    m_declarations = std::make_unique<DeclarationService>(m_api, m_session.get());
    m_outbox = std::make_unique<OutboxService>(m_api, m_session.get());
    // A command-line run does not wait for a retry timer: what stays queued is reported.
    m_outbox->setRetryInterval(0);
    // Beginning the session flushes what an earlier run left queued (OutboxService follows the
    // session); flush() below waits for that.
    m_session->begin(unitNo(), m_login.unitName, m_login.level, false, std::move(cache), m_login.expiresAt);
    return {};
}

std::optional<Error> CliSession::flush()
{
    std::optional<Error> stop;
    bool finished = false;
    QEventLoop loop;
    QObject::connect(m_outbox.get(), &OutboxService::flushFinished, &loop, [&](const Error &error) {
        finished = true;
        if (!error.code.isEmpty())
            stop = error;
        loop.quit();
    });
    if (!m_outbox->isFlushing())
        m_outbox->flush();
    if (!finished && m_outbox->isFlushing())
        loop.exec();
    return stop;
}

} // namespace shebao::cli
