#include "app/AppContext.h"

#include <QObject>

#include "app/ApiClient.h"
#include "app/BillService.h"
#include "app/ChangeService.h"
#include "app/DeclarationService.h"
#include "app/LoginService.h"
#include "app/OutboxService.h"
#include "models/cache/LocalCache.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "app/SyncService.h"

namespace shebao {

AppContext::AppContext(std::unique_ptr<Settings> settings)
    : m_settings(std::move(settings))
    , m_api(std::make_unique<ApiClient>())
    , m_session(std::make_unique<Session>())
    , m_sync(std::make_unique<SyncService>(m_api.get()))
    , m_login(std::make_unique<LoginService>(m_api.get(), m_session.get(), m_settings.get()))
    , m_declarations(std::make_unique<DeclarationService>(m_api.get(), m_session.get()))
    // The outbox follows the session by itself: it flushes after every online login and when
    // the ApiClient sees the server again.
    , m_outbox(std::make_unique<OutboxService>(m_api.get(), m_session.get()))
    , m_changes(std::make_unique<ChangeService>(m_api.get(), m_session.get()))
    , m_bills(std::make_unique<BillService>(m_api.get(), m_session.get()))
{
    m_settings->migrate();
    applyServerSettings();
    // A sync writes into the session's cache: it must stop before the cache closes.
    QObject::connect(m_session.get(), &Session::changed, m_sync.get(), [this] {
        if (!m_session->isActive())
            m_sync->cancel();
    });
    // The counter activated the authorization (or registered a certificate): the server says
    // so on the next answer, and the session (and with it the UI) follows at once.
    QObject::connect(m_api.get(), &ApiClient::accountLevelChanged, m_session.get(), [this](AccountLevel level) {
        if (!m_session->isActive() || m_session->isOffline())
            return;
        m_session->setLevel(level);
        if (LocalCache *cache = m_session->cache())
            cache->setMeta(QStringLiteral("account_level"), accountLevelCode(level)); // LoginService's key
    });
}

AppContext::~AppContext()
{
    m_sync->cancel();
}

Result<void> AppContext::applyServerSettings()
{
    m_api->setBaseUrl(m_settings->serverUrl());
    m_api->setCaCertificates({});
    const QString caFile = m_settings->caFile();
    if (caFile.isEmpty())
        return {};
    return m_api->addCaCertificatesFromFile(caFile);
}

} // namespace shebao
