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
#include <memory>
#include <optional>

#include "models/core/Result.h"
#include "models/domain/Person.h"
#include "models/domain/Unit.h"

class QNetworkAccessManager;
class QNetworkReply;
class QSslError;

namespace shebao {

class Signer;

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

// A successful answer as bytes, for the calls that are not JSON (a downloaded scan).
struct RawReply
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
};

// Extra request headers of postBytes(), e.g. {"X-File-Name", "%E6%89%BF.png"}.
using HeaderList = QList<QPair<QByteArray, QByteArray>>;

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
    // Certificate login (issue 3): POST /auth/challenge, then /auth/cert-login with the
    // challenge's 32 raw bytes signed by `signer`. The signer is not kept: after success the
    // caller sets the token and setSigner() for the session.
    void certificateLogin(const QString &unitNo, std::shared_ptr<Signer> signer, QObject *context,
                          Callback<LoginReply> done);
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
    // A POST whose body is not JSON (an uploaded file): the bytes as they are, with their
    // Content-Type and extra headers. Signed like every POST when a signer is set.
    void postBytes(const QString &path, const QByteArray &body, const QByteArray &contentType,
                   const HeaderList &headers, const QString &idempotencyKey, QObject *context,
                   Callback<QJsonDocument> done);
    // A GET whose answer is kept as bytes with its Content-Type.
    void getBytes(const QString &path, const QUrlQuery &query, QObject *context, Callback<RawReply> done);

    // The level the server last reported in X-Account-Level (or the login reply); nullopt
    // before the first one and after logout().
    std::optional<AccountLevel> accountLevel() const;

    // Certificate sessions: every POST body is signed (X-Signature: base64 DER over the exact
    // body bytes, X-Signature-Serial: the certificate's serial). Null: nothing is signed.
    void setSigner(std::shared_ptr<Signer> signer);
    std::shared_ptr<Signer> signer() const;

signals:
    // The server no longer accepts the token (expired or revoked): the UI asks to log in again.
    void authenticationLost(const shebao::Error &error);
    // Flips on the first failure to reach the server and on the next success.
    void reachabilityChanged(bool online);
    // An authenticated answer carried an X-Account-Level other than the last one seen (e.g. the
    // counter activated the unit's authorization): the client enables what the level allows.
    void accountLevelChanged(shebao::AccountLevel level);

private:
    enum class Method { Get, Post };
    struct Outgoing
    {
        Method method = Method::Get;
        QString path;
        QUrlQuery query;
        QByteArray body;
        QByteArray contentType = "application/json";
        HeaderList headers;
        QString idempotencyKey;
    };
    void send(Method method, const QString &path, const QUrlQuery &query, const QByteArray &body,
              const QString &idempotencyKey, QObject *context, std::function<void(Result<QByteArray>)> done);
    void sendRaw(const Outgoing &outgoing, QObject *context, std::function<void(Result<RawReply>)> done);
    Result<RawReply> interpret(QNetworkReply *reply, const QList<QSslError> &sslErrors);
    void noteLevel(QNetworkReply *reply);
    void postLogin(const QString &path, const QJsonObject &body, QObject *context, Callback<LoginReply> done);
    void setSeenLevel(AccountLevel level, bool announce);
    void setOnline(bool online);

    struct Private;
    Private *d;
};

} // namespace shebao
