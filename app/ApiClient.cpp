#include "app/ApiClient.h"

#include <QCoreApplication>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

#include "app/ApiErrors.h"
#include "app/Signer.h"
#include "models/core/JsonNumber.h"
#include "models/domain/JsonCodec.h"

namespace shebao {

namespace {

using api::unreadable;

// An HTTP answer with status < 400.
struct Response
{
    int status = 0;
    QByteArray body;
};

Result<QJsonDocument> parseBody(const QByteArray &body)
{
    if (body.isEmpty())
        return QJsonDocument();
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return unreadable(error.errorString());
    return doc;
}

Result<QJsonObject> parseObject(const QByteArray &body)
{
    auto doc = parseBody(body);
    if (!doc)
        return doc.error();
    if (!doc.value().isObject())
        return unreadable(QStringLiteral("expected a JSON object"));
    return doc.value().object();
}

Result<LoginReply> decodeLogin(const QJsonObject &o)
{
    LoginReply reply;
    reply.token = o.value(QLatin1String("token")).toString().toUtf8();
    reply.expiresAt = QDateTime::fromString(o.value(QLatin1String("expires_at")).toString(), Qt::ISODate);
    reply.unitNo = o.value(QLatin1String("unit_no")).toString();
    reply.unitName = o.value(QLatin1String("unit_name")).toString();
    if (reply.token.isEmpty() || !parseAccountLevel(o.value(QLatin1String("level")).toString(), &reply.level))
        return unreadable(QStringLiteral("login reply without token or level"));
    return reply;
}

// Runs on a pool thread: a page of 5,000 people is ~1 MB of JSON, too much for the UI thread.
Result<PersonsPage> decodePersonsPage(const QByteArray &body)
{
    auto object = parseObject(body);
    if (!object)
        return object.error();
    const QJsonObject &o = object.value();
    const QJsonValue items = o.value(QLatin1String("items"));
    const QJsonValue next = o.value(QLatin1String("next_after"));
    const QJsonValue total = o.value(QLatin1String("total"));
    const auto totalCount = json::wholeNumber(total);
    const auto nextAfter = json::wholeNumber(next);
    if (!items.isArray() || !totalCount || !(next.isNull() || nextAfter))
        return unreadable(QStringLiteral("persons page without items, total or next_after"));
    PersonsPage page;
    page.total = *totalCount;
    page.hasMore = nextAfter.has_value();
    page.nextAfter = nextAfter.value_or(0);
    const QJsonArray array = items.toArray();
    page.items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto person = json::decodePerson(array.at(i).toObject(), QStringLiteral("$.items[%1]").arg(i));
        if (!person)
            return person.error();
        page.items.append(std::move(person).value());
    }
    return page;
}

// A look at the end of a persons page for its cursor, without parsing the page. The raw bytes
// "next_after": can only be a member name (inside a JSON string the quotes would be escaped),
// and the decoded page is checked against this value by the caller.
bool peekNextAfter(const QByteArray &body, bool *hasMore, qint64 *nextAfter)
{
    static const QByteArray key("\"next_after\"");
    qsizetype at = body.lastIndexOf(key);
    if (at < 0)
        return false;
    at += key.size();
    const auto skipSpace = [&] {
        while (at < body.size() && (body[at] == ' ' || body[at] == '\n' || body[at] == '\r' || body[at] == '\t'))
            ++at;
    };
    skipSpace();
    if (at >= body.size() || body[at] != ':')
        return false;
    ++at;
    skipSpace();
    if (body.mid(at, 4) == "null") {
        *hasMore = false;
        *nextAfter = 0;
        return true;
    }
    qsizetype end = at;
    while (end < body.size() && body[end] >= '0' && body[end] <= '9')
        ++end;
    bool ok = false;
    const qint64 value = body.mid(at, end - at).toLongLong(&ok);
    if (!ok)
        return false;
    *hasMore = true;
    *nextAfter = value;
    return true;
}

} // namespace

struct ApiClient::Private
{
    QNetworkAccessManager nam;
    QUrl baseUrl;
    QList<QSslCertificate> extraCas;
    QSslConfiguration tls;
    bool tlsDirty = true;
    QByteArray token;
    int timeoutMs = 30000;
    bool online = true;
    std::optional<AccountLevel> seenLevel;
    std::shared_ptr<Signer> signer;

    const QSslConfiguration &tlsConfiguration()
    {
        if (tlsDirty) {
            tls = QSslConfiguration::defaultConfiguration();
            tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
            // Adding CAs turns off Qt's on-demand loading of the system roots: keep them explicitly
            // so a server with a public certificate still works alongside the sandbox CA.
            if (!extraCas.isEmpty())
                tls.setCaCertificates(QSslConfiguration::systemCaCertificates() + extraCas);
            tlsDirty = false;
        }
        return tls;
    }
};

ApiClient::ApiClient(QObject *parent) : QObject(parent), d(new Private) {}

ApiClient::~ApiClient()
{
    delete d;
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    d->baseUrl = url;
}

QUrl ApiClient::baseUrl() const
{
    return d->baseUrl;
}

Result<void> ApiClient::addCaCertificatesFromFile(const QString &pemPath)
{
    QFile file(pemPath);
    const QList<QSslCertificate> certificates = file.open(QIODevice::ReadOnly)
        ? QSslCertificate::fromData(file.readAll(), QSsl::Pem)
        : QList<QSslCertificate>();
    if (certificates.isEmpty()) {
        return Error{QStringLiteral("tls.ca_file"),
                     QCoreApplication::translate("shebao::ApiClient",
                                                 "The CA file %1 cannot be read or holds no certificate. "
                                                 "Check Server settings → CA certificate.")
                         .arg(pemPath),
                     file.errorString(), {}};
    }
    d->extraCas += certificates;
    d->tlsDirty = true;
    return {};
}

void ApiClient::setCaCertificates(const QList<QSslCertificate> &certificates)
{
    d->extraCas = certificates;
    d->tlsDirty = true;
}

void ApiClient::setToken(const QByteArray &token)
{
    d->token = token;
}

QByteArray ApiClient::token() const
{
    return d->token;
}

void ApiClient::setTimeout(int milliseconds)
{
    d->timeoutMs = milliseconds;
}

bool ApiClient::isOnline() const
{
    return d->online;
}

std::optional<AccountLevel> ApiClient::accountLevel() const
{
    return d->seenLevel;
}

void ApiClient::setSigner(std::shared_ptr<Signer> signer)
{
    d->signer = std::move(signer);
}

std::shared_ptr<Signer> ApiClient::signer() const
{
    return d->signer;
}

void ApiClient::setSeenLevel(AccountLevel level, bool announce)
{
    const bool changed = d->seenLevel && *d->seenLevel != level;
    d->seenLevel = level;
    if (changed && announce)
        emit accountLevelChanged(level);
}

void ApiClient::noteLevel(QNetworkReply *reply)
{
    const QByteArray header = reply->rawHeader("X-Account-Level");
    AccountLevel level;
    if (!header.isEmpty() && parseAccountLevel(QString::fromLatin1(header), &level))
        setSeenLevel(level, true);
}

void ApiClient::send(Method method, const QString &path, const QUrlQuery &query, const QByteArray &body,
                     const QString &idempotencyKey, QObject *context,
                     std::function<void(Result<QByteArray>)> done)
{
    Outgoing outgoing;
    outgoing.method = method;
    outgoing.path = path;
    outgoing.query = query;
    outgoing.body = body;
    outgoing.idempotencyKey = idempotencyKey;
    sendRaw(outgoing, context, [done = std::move(done)](Result<RawReply> r) {
        if (!r)
            return done(r.error());
        done(std::move(r.value().body));
    });
}

void ApiClient::sendRaw(const Outgoing &outgoing, QObject *context, std::function<void(Result<RawReply>)> done)
{
    QUrl url = d->baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + QStringLiteral("/api/v1") + outgoing.path);
    if (!outgoing.query.isEmpty())
        url.setQuery(outgoing.query);

    QNetworkRequest request(url);
    request.setSslConfiguration(d->tlsConfiguration());
    request.setTransferTimeout(d->timeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("shebao-desk/" SHEBAO_VERSION));
    if (!d->token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + d->token);

    QNetworkReply *reply = nullptr;
    if (outgoing.method == Method::Post) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, outgoing.contentType);
        const QString key = outgoing.idempotencyKey.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                                              : outgoing.idempotencyKey;
        request.setRawHeader("Idempotency-Key", key.toLatin1());
        for (const auto &header : outgoing.headers)
            request.setRawHeader(header.first, header.second);
        if (d->signer) {
            // The signature covers the exact bytes sent; a retry sends the same bytes, so an
            // idempotent replay carries the same signature.
            Result<QByteArray> signature = d->signer->sign(outgoing.body);
            if (!signature) {
                Error error = signature.error();
                QPointer<QObject> guard(context ? context : this);
                QMetaObject::invokeMethod(
                    this, [guard, error, done = std::move(done)] {
                        if (guard)
                            done(error);
                    },
                    Qt::QueuedConnection);
                return;
            }
            request.setRawHeader("X-Signature", signature.value().toBase64());
            request.setRawHeader("X-Signature-Serial", d->signer->certificate().serialHex().toLatin1());
        }
        reply = d->nam.post(request, outgoing.body);
    } else {
        reply = d->nam.get(request);
    }

    // TLS errors are collected for the message only: the handshake fails and nothing is ignored.
    auto sslErrors = std::make_shared<QList<QSslError>>();
    connect(reply, &QNetworkReply::sslErrors, this,
            [sslErrors](const QList<QSslError> &errors) { *sslErrors += errors; });
    QPointer<QObject> guard(context ? context : this);
    connect(reply, &QNetworkReply::finished, this, [this, reply, sslErrors, guard, done = std::move(done)] {
        reply->deleteLater();
        Result<RawReply> result = interpret(reply, *sslErrors);
        if (guard)
            done(std::move(result));
    });
}

Result<RawReply> ApiClient::interpret(QNetworkReply *reply, const QList<QSslError> &sslErrors)
{
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    // Codes below 200 are connection and proxy failures: even after a status line the body is
    // incomplete (server gone, stalled past the timeout), so the answer is not used.
    const int errorCode = int(reply->error());
    if (!statusAttribute.isValid() || (errorCode > 0 && errorCode < 200)) {
        // Transfer timeouts surface as an aborted operation; this client never aborts on its own.
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
        Error error = api::transportError(reply->error(), reply->errorString(), sslErrors, timedOut);
        if (api::isConnectivityError(error))
            setOnline(false);
        return error;
    }
    setOnline(true);
    noteLevel(reply);
    const int status = statusAttribute.toInt();
    const QByteArray body = reply->readAll();
    if (status < 400)
        return RawReply{status, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), body};
    Error error = api::httpError(status, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), body);
    if (status == 401 && api::isTokenError(error))
        emit authenticationLost(error);
    return error;
}

void ApiClient::setOnline(bool online)
{
    if (d->online == online)
        return;
    d->online = online;
    emit reachabilityChanged(online);
}

void ApiClient::health(QObject *context, Callback<QJsonObject> done)
{
    send(Method::Get, QStringLiteral("/health"), {}, {}, {}, context,
         [done = std::move(done)](Result<QByteArray> r) {
             if (!r)
                 return done(r.error());
             done(parseObject(r.value()));
         });
}

void ApiClient::login(const QString &unitNo, const QString &password, QObject *context, Callback<LoginReply> done)
{
    const QJsonObject body{{QStringLiteral("unit_no"), unitNo}, {QStringLiteral("password"), password}};
    postLogin(QStringLiteral("/auth/login"), body, context, std::move(done));
}

void ApiClient::certificateLogin(const QString &unitNo, std::shared_ptr<Signer> signer, QObject *context,
                                 Callback<LoginReply> done)
{
    QPointer<QObject> guard(context ? context : this);
    postJson(QStringLiteral("/auth/challenge"), QJsonObject{{QStringLiteral("unit_no"), unitNo}}, {}, context,
             [this, unitNo, signer = std::move(signer), guard, done = std::move(done)](Result<QJsonDocument> r) {
                 if (!r)
                     return done(r.error());
                 const QString challenge = r.value().object().value(QLatin1String("challenge")).toString();
                 const QByteArray raw = QByteArray::fromBase64(challenge.toLatin1());
                 if (raw.isEmpty())
                     return done(unreadable(QStringLiteral("challenge reply without a challenge")));
                 Result<QByteArray> signature = signer->sign(raw);
                 if (!signature)
                     return done(signature.error());
                 const QJsonObject body{
                     {QStringLiteral("unit_no"), unitNo},
                     {QStringLiteral("challenge"), challenge},
                     {QStringLiteral("certificate_pem"), QString::fromLatin1(signer->certificate().toPem())},
                     {QStringLiteral("signature"), QString::fromLatin1(signature.value().toBase64())},
                     {QStringLiteral("algorithm"), signer->algorithm()},
                 };
                 if (guard)
                     postLogin(QStringLiteral("/auth/cert-login"), body, guard.data(), done);
             });
}

void ApiClient::postLogin(const QString &path, const QJsonObject &body, QObject *context, Callback<LoginReply> done)
{
    send(Method::Post, path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), {}, context,
         [this, done = std::move(done)](Result<QByteArray> r) {
             if (!r)
                 return done(r.error());
             auto object = parseObject(r.value());
             if (!object)
                 return done(object.error());
             Result<LoginReply> reply = decodeLogin(object.value());
             // The level of a new session is the reply's; it is not a change to announce.
             if (reply)
                 d->seenLevel = reply.value().level;
             done(std::move(reply));
         });
}

void ApiClient::postBytes(const QString &path, const QByteArray &body, const QByteArray &contentType,
                          const HeaderList &headers, const QString &idempotencyKey, QObject *context,
                          Callback<QJsonDocument> done)
{
    Outgoing outgoing;
    outgoing.method = Method::Post;
    outgoing.path = path;
    outgoing.body = body;
    outgoing.contentType = contentType;
    outgoing.headers = headers;
    outgoing.idempotencyKey = idempotencyKey;
    sendRaw(outgoing, context, [done = std::move(done)](Result<RawReply> r) {
        if (!r)
            return done(r.error());
        done(parseBody(r.value().body));
    });
}

void ApiClient::getBytes(const QString &path, const QUrlQuery &query, QObject *context, Callback<RawReply> done)
{
    Outgoing outgoing;
    outgoing.path = path;
    outgoing.query = query;
    sendRaw(outgoing, context, std::move(done));
}

void ApiClient::logout(QObject *context, Callback<void> done)
{
    send(Method::Post, QStringLiteral("/auth/logout"), {}, QByteArrayLiteral("{}"), {}, context,
         [done = std::move(done)](Result<QByteArray> r) {
             if (!r)
                 return done(r.error());
             done(Result<void>());
         });
    // The token is forgotten at once: whatever the server answers, this client is logged out.
    d->token.clear();
    d->seenLevel.reset();
    d->signer.reset();
}

void ApiClient::fetchUnit(QObject *context, Callback<Unit> done)
{
    send(Method::Get, QStringLiteral("/unit"), {}, {}, {}, context, [done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        auto object = parseObject(r.value());
        if (!object)
            return done(object.error());
        done(json::decodeUnit(object.value()));
    });
}

void ApiClient::fetchPersonsPage(qint64 after, int limit, QObject *context, Callback<PersonsPage> done)
{
    fetchPersonsPage(after, limit, context, std::move(done), {});
}

void ApiClient::fetchPersonsPage(qint64 after, int limit, QObject *context, Callback<PersonsPage> done,
                                 CursorCallback cursor)
{
    const QUrlQuery query{{QStringLiteral("limit"), QString::number(limit)},
                          {QStringLiteral("after"), QString::number(after)}};
    QPointer<QObject> guard(context ? context : this);
    send(Method::Get, QStringLiteral("/persons"), query, {}, {}, context,
         [guard, done = std::move(done), cursor = std::move(cursor)](Result<QByteArray> r) {
             if (!r)
                 return done(r.error());
             bool hasMore = false;
             qint64 nextAfter = 0;
             if (cursor && peekNextAfter(r.value(), &hasMore, &nextAfter))
                 cursor(hasMore, nextAfter);
             if (!guard)
                 return; // the cursor callback may have ended the caller's interest
             // The watcher belongs to the context: if the context dies, so does the delivery.
             using Decoded = std::shared_ptr<Result<PersonsPage>>;
             auto *watcher = new QFutureWatcher<Decoded>(guard.data());
             connect(watcher, &QFutureWatcher<Decoded>::finished, watcher, [watcher, done] {
                 watcher->deleteLater();
                 done(*watcher->result());
             });
             watcher->setFuture(QtConcurrent::run([body = std::move(r).value()] {
                 return std::make_shared<Result<PersonsPage>>(decodePersonsPage(body));
             }));
         });
}

void ApiClient::getJson(const QString &path, const QUrlQuery &query, QObject *context, Callback<QJsonDocument> done)
{
    send(Method::Get, path, query, {}, {}, context, [done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        done(parseBody(r.value()));
    });
}

void ApiClient::postJson(const QString &path, const QJsonObject &body, const QString &idempotencyKey,
                         QObject *context, Callback<QJsonDocument> done)
{
    send(Method::Post, path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), idempotencyKey, context,
         [done = std::move(done)](Result<QByteArray> r) {
             if (!r)
                 return done(r.error());
             done(parseBody(r.value()));
         });
}

} // namespace shebao
