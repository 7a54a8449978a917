#pragma once

#include <memory>

#include "models/core/Result.h"

namespace shebao {

class ApiClient;
class BillService;
class ChangeService;
class DeclarationService;
class LoginService;
class OutboxService;
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
    AppContext(const AppContext &) = delete;
    AppContext &operator=(const AppContext &) = delete;

    // Applies the server URL and CA file of the settings to the ApiClient (at start and after
    // the user changed them). An unreadable CA file is reported; the system CAs still apply.
    Result<void> applyServerSettings();

    Settings &settings() const { return *m_settings; }
    ApiClient &api() const { return *m_api; }
    Session &session() const { return *m_session; }
    SyncService &sync() const { return *m_sync; }
    LoginService &login() const { return *m_login; }
    // 异动申报: lookups, the pending list, 申报 and 申报查询; and the outbox every saved item
    // goes through (sent when online, kept when not).
    DeclarationService &declarations() const { return *m_declarations; }
    OutboxService &outbox() const { return *m_outbox; }
    // 信息维护: proofs, 单位信息变更 / 个人信息变更 and the requests' states (online only).
    ChangeService &changes() const { return *m_changes; }
    // 网上缴费: gaps, estimates, 断档缴费单, 银行缴费单查询, 作废 (online only).
    BillService &bills() const { return *m_bills; }

private:
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<LoginService> m_login;
    std::unique_ptr<DeclarationService> m_declarations;
    std::unique_ptr<OutboxService> m_outbox;
    std::unique_ptr<ChangeService> m_changes;
    std::unique_ptr<BillService> m_bills;
};

} // namespace shebao
