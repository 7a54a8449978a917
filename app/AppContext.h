#pragma once

#include <memory>

namespace shebao {

class ApiClient;
class LoginService;
class Session;
class Settings;
class SyncService;

// The composition root of the client: one of each service, wired together. shebao-desk's
// main() builds one and hands it to the windows; tests build their own.
class AppContext
{
public:
    explicit AppContext(std::unique_ptr<Settings> settings);
    ~AppContext();

    Settings &settings() const { return *m_settings; }
    ApiClient &api() const { return *m_api; }
    Session &session() const { return *m_session; }
    SyncService &sync() const { return *m_sync; }
    LoginService &login() const { return *m_login; }

private:
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<LoginService> m_login;
};

} // namespace shebao
