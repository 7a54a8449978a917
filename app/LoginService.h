#pragma once

#include <QObject>
#include <QUrl>

#include <memory>

#include "models/core/Result.h"

namespace shebao {

class ApiClient;
class Session;
struct LoginReply;
class Settings;
class Signer;

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
    QString cacheRoot() const;
    // <root>/<host>_<port>/<unitNo>.sqlite for the ApiClient's current server; empty when the
    // unit number is not a plain code (it becomes part of a file name).
    QString cachePathFor(const QString &unitNo) const;
    // The same for any root and server (shebao-cli backup / restore find the desktop's caches).
    static QString cachePath(const QString &root, const QUrl &server, const QString &unitNo);

    void login(const QString &unitNo, const QString &password);
    // Certificate login (/auth/challenge + /auth/cert-login). On success the session's POSTs
    // are signed with `signer` until logout; never falls back to offline.
    void loginWithCertificate(const QString &unitNo, std::shared_ptr<Signer> signer);
    void logout();

signals:
    void loggedIn(bool offline);
    void failed(const shebao::Error &error);

private:
    void completeOnline(const QString &unitNo, const QString &verifier, const LoginReply &reply);
    void tryOffline(const QString &unitNo, const QString &password, const Error &networkError);

    ApiClient *m_api;
    Session *m_session;
    Settings *m_settings;
    QString m_cacheRoot;
    quint64 m_attempt = 0; // a newer login() or logout() makes answers of older attempts void
};

} // namespace shebao
