#pragma once

#include <QString>

#include <memory>
#include <optional>

#include "app/ApiClient.h"
#include "models/cache/OutboxStore.h"
#include "models/core/Result.h"

namespace shebao {
class DeclarationService;
class OutboxService;
class Session;
} // namespace shebao

namespace shebao::cli {

class CliContext;

// What the 异动 subcommands (import, declare, items, batches, outbox) share: the login, the
// unit's local cache (its outbox survives the run: what a lost connection left queued is sent
// by the next run), a Session and the same DeclarationService / OutboxService the desktop uses.
class CliSession
{
public:
    explicit CliSession(CliContext &context);
    ~CliSession();

    // Logs in (CliContext::login) and opens the cache: `cacheFile`, or
    // <AppLocalDataLocation>/cache/<host>_<port>/<unit>.sqlite of shebao-cli.
    Result<void> open(const std::optional<QString> &cacheFile);

    const LoginReply &login() const { return m_login; }
    QString unitNo() const;
    ApiClient &api() const { return *m_api; }
    Session &session() const { return *m_session; }
    DeclarationService &declarations() const { return *m_declarations; }
    OutboxService &outbox() const { return *m_outbox; }

    // Sends what is queued and waits for the end; the error that stopped it, if any.
    std::optional<Error> flush();

    static QString defaultCachePath(const QUrl &server, const QString &unitNo);

private:
    CliContext &m_context;
    ApiClient *m_api = nullptr;
    LoginReply m_login;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<DeclarationService> m_declarations;
    std::unique_ptr<OutboxService> m_outbox;
};

} // namespace shebao::cli
