#pragma once

#include <QObject>

#include "models/core/Result.h"

namespace shebao {

class ApiClient;
class Session;
class Settings;

// The login flow without a window: online login, then the unit's cache is opened (created on
// first use) and an offline verifier of the password is stored in it (PBKDF2, never the
// password). When the server cannot be reached and a cache with a matching verifier exists,
// the session opens offline (read-only) from the cache. Untrusted certificates never fall
// back to offline: that is an error the user must see.
class LoginService : public QObject
{
    Q_OBJECT

public:
    LoginService(ApiClient *api, Session *session, Settings *settings, QObject *parent = nullptr);

    // Root folder for caches; default QStandardPaths::AppLocalDataLocation + "/cache".
    void setCacheRoot(const QString &path);
    QString cachePathFor(const QString &unitNo) const;

    void login(const QString &unitNo, const QString &password);
    void logout();

signals:
    void loggedIn(bool offline);
    void failed(const shebao::Error &error);

private:
    ApiClient *m_api;
    Session *m_session;
    Settings *m_settings;
    QString m_cacheRoot;
};

} // namespace shebao
