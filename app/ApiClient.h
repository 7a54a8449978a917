#pragma once

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

#include "models/core/Result.h"
#include "models/domain/Person.h"
#include "models/domain/Unit.h"

class QNetworkAccessManager;
class QNetworkReply;
class QSslError;

namespace shebao {

struct LoginReply
{
    QByteArray token;
    QDateTime expiresAt;
    AccountLevel level = AccountLevel::Ordinary;
    QString unitNo;
    QString unitName;
};

struct PersonsPage
{
    QList<Person> items;
    qint64 nextAfter = 0; // meaningful when hasMore
    bool hasMore = false;
    qint64 total = 0;
};

// The client side of the API contract (docs/openapi.yaml). Asynchronous: every call takes a
// context object (the callback is dropped if it dies) and a callback receiving a Result.
// TLS is always verified: the CA certificates given here are trusted in addition to the
// system's, and any TLS error fails the call (code "tls.untrusted"); nothing is ever ignored.
// Errors: "net.unreachable", "net.timeout", "tls.untrusted", "http.<status>", or the server's
// problem+json "code" with its Chinese "detail" as the message (app/ApiErrors.h: the whole
// problem object is kept in Error::detail; api::triesLeft() / api::lockedUntil() read it).
// Paths are relative to <base URL>/api/v1, e.g. "/unit".
class ApiClient : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = std::function<void(Result<T>)>;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const;
    Result<void> addCaCertificatesFromFile(const QString &pemPath);
    void setCaCertificates(const QList<QSslCertificate> &certificates);
    void setToken(const QByteArray &token);
    QByteArray token() const;
    void setTimeout(int milliseconds);
    // False after a call failed with net.unreachable / net.timeout, true again after any answer.
    bool isOnline() const;

    void health(QObject *context, Callback<QJsonObject> done);
    void login(const QString &unitNo, const QString &password, QObject *context, Callback<LoginReply> done);
    void logout(QObject *context, Callback<void> done);
    void fetchUnit(QObject *context, Callback<Unit> done);
    void fetchPersonsPage(qint64 after, int limit, QObject *context, Callback<PersonsPage> done);
    // The same, and `cursor` learns the page's next_after as soon as the body has arrived, before
    // the page is decoded (on a pool thread), so the caller can ask for the next page meanwhile.
    // Not called when the cursor cannot be seen cheaply; `done` is authoritative either way.
    using CursorCallback = std::function<void(bool hasMore, qint64 nextAfter)>;
    void fetchPersonsPage(qint64 after, int limit, QObject *context, Callback<PersonsPage> done,
                          CursorCallback cursor);

    // Generic calls for the modules that follow. POST always carries an Idempotency-Key: pass
    // the same key when retrying the same logical action.
    void getJson(const QString &path, const QUrlQuery &query, QObject *context, Callback<QJsonDocument> done);
    void postJson(const QString &path, const QJsonObject &body, const QString &idempotencyKey, QObject *context,
                  Callback<QJsonDocument> done);

signals:
    // The server no longer accepts the token (expired or revoked): the UI asks to log in again.
    void authenticationLost(const shebao::Error &error);
    // Flips on the first failure to reach the server and on the next success.
    void reachabilityChanged(bool online);

private:
    enum class Method { Get, Post };
    void send(Method method, const QString &path, const QUrlQuery &query, const QByteArray &body,
              const QString &idempotencyKey, QObject *context, std::function<void(Result<QByteArray>)> done);
    Result<QByteArray> interpret(QNetworkReply *reply, const QList<QSslError> &sslErrors);
    void setOnline(bool online);

    struct Private;
    Private *d;
};

} // namespace shebao
