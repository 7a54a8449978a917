#include "app/LoginService.h"
#include "app/Signer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include "app/ApiClient.h"
#include "app/ApiErrors.h"
#include "app/PasswordVerifier.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "models/cache/LocalCache.h"

namespace shebao {

namespace {

namespace MetaKey {
const QString Verifier = QStringLiteral("offline_verifier");
const QString UnitNo = QStringLiteral("unit_no");
const QString UnitName = QStringLiteral("unit_name");
const QString Level = QStringLiteral("account_level");
} // namespace MetaKey

// Host names and unit numbers become folder and file names: only plain characters pass.
QString fileSafe(const QString &text)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]"));
    QString safe = text;
    safe.replace(unsafe, QStringLiteral("_"));
    return safe;
}

// PBKDF2 with 120,000 rounds takes a noticeable fraction of a second: never on the UI thread.
// The continuation runs in `context`'s thread, and not at all if `context` is gone.
template <typename T, typename Work, typename Then>
void offThread(QObject *context, Work work, Then then)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, then] {
        watcher->deleteLater();
        then(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace

LoginService::LoginService(ApiClient *api, Session *session, Settings *settings, QObject *parent)
    : QObject(parent), m_api(api), m_session(session), m_settings(settings)
{
}

void LoginService::setCacheRoot(const QString &path)
{
    m_cacheRoot = path;
}

QString LoginService::cacheRoot() const
{
    if (!m_cacheRoot.isEmpty())
        return m_cacheRoot;
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/cache");
}

QString LoginService::cachePathFor(const QString &unitNo) const
{
    return cachePath(cacheRoot(), m_api->baseUrl(), unitNo);
}

QString LoginService::cachePath(const QString &root, const QUrl &server, const QString &unitNo)
{
    static const QRegularExpression plainCode(QStringLiteral("^[A-Za-z0-9]{1,32}$"));
    if (!plainCode.match(unitNo).hasMatch())
        return {};
    const QString folder = fileSafe(server.host()) + u'_' + QString::number(server.port(443));
    return QDir(root).filePath(folder + u'/' + unitNo + QStringLiteral(".sqlite"));
}

void LoginService::login(const QString &unitNo, const QString &password)
{
    const quint64 attempt = ++m_attempt;
    m_api->setToken({});
    m_api->setSigner({}); // a password session signs nothing
    m_api->login(unitNo, password, this, [this, attempt, unitNo, password](Result<LoginReply> reply) {
        if (attempt != m_attempt)
            return;
        if (reply) {
            m_api->setToken(reply.value().token);
            offThread<QString>(
                this, [password] { return PasswordVerifier::create(password); },
                [this, attempt, unitNo, reply = reply.value()](const QString &verifier) {
                    if (attempt == m_attempt)
                        completeOnline(unitNo, verifier, reply);
                });
            return;
        }
        // Only a server out of reach may fall back to the cache. A refused certificate may be
        // an attacker in between: the user must see that, not a quietly offline program.
        if (api::isConnectivityError(reply.error()))
            return tryOffline(unitNo, password, reply.error());
        emit failed(reply.error());
    });
}

void LoginService::loginWithCertificate(const QString &unitNo, std::shared_ptr<Signer> signer)
{
    const quint64 attempt = ++m_attempt;
    m_api->setToken({});
    m_api->setSigner({});
    m_api->certificateLogin(unitNo, signer, this, [this, attempt, unitNo, signer](Result<LoginReply> reply) {
        if (attempt != m_attempt)
            return;
        if (!reply) {
            // No offline fallback: without the server a certificate proves nothing to anyone.
            emit failed(reply.error());
            return;
        }
        m_api->setToken(reply.value().token);
        // Every business POST of this session is signed with the same key.
        m_api->setSigner(signer);
        completeOnline(unitNo, QString(), reply.value());
        if (m_session->isActive())
            m_session->setCertificateSerial(signer->certificate().serialHex());
    });
}

void LoginService::completeOnline(const QString &unitNo, const QString &verifier, const LoginReply &reply)
{
    const QString unit = reply.unitNo.isEmpty() ? unitNo : reply.unitNo;
    const QString path = cachePathFor(unit);
    auto cache = std::make_unique<LocalCache>();
    Result<void> ready = path.isEmpty()
        ? Result<void>(Error{QStringLiteral("cache.open"),
                             QCoreApplication::translate("shebao::LoginService", "The local cache cannot be opened."),
                             QStringLiteral("unit number %1 is not a plain code").arg(unit), {}})
        : cache->open(path);
    for (const auto &[key, value] : {std::pair{MetaKey::Verifier, verifier}, std::pair{MetaKey::UnitNo, unit},
                                     std::pair{MetaKey::UnitName, reply.unitName},
                                     std::pair{MetaKey::Level, accountLevelCode(reply.level)}}) {
        // A certificate login has no password to verify offline later: the verifier of an
        // earlier password login stays as it was.
        if (ready && !(key == MetaKey::Verifier && value.isEmpty()))
            ready = cache->setMeta(key, value);
    }
    if (!ready) {
        m_api->logout(this, [](Result<void>) {}); // no session without its cache: hand the token back
        emit failed(ready.error());
        return;
    }
    m_session->begin(unit, reply.unitName, reply.level, false, std::move(cache), reply.expiresAt);
    m_settings->setLastUnitNo(unit);
    m_settings->sync();
    emit loggedIn(false);
}

void LoginService::tryOffline(const QString &unitNo, const QString &password, const Error &networkError)
{
    const QString path = cachePathFor(unitNo);
    if (path.isEmpty() || !QFile::exists(path)) {
        emit failed(networkError);
        return;
    }
    // Shared only to travel through the continuation; the session takes sole ownership.
    auto cache = std::make_shared<std::unique_ptr<LocalCache>>(std::make_unique<LocalCache>());
    const QString verifier = (*cache)->open(path) ? (*cache)->meta(MetaKey::Verifier) : QString();
    if (verifier.isEmpty()) {
        emit failed(networkError);
        return;
    }
    const quint64 attempt = m_attempt;
    offThread<bool>(
        this, [password, verifier] { return PasswordVerifier::matches(password, verifier); },
        [this, attempt, unitNo, networkError, cache](bool matches) {
            if (attempt != m_attempt)
                return;
            if (!matches) {
                emit failed(Error{QStringLiteral("auth.offline_mismatch"),
                                  QCoreApplication::translate("shebao::LoginService",
                                                              "The server cannot be reached, and the password does "
                                                              "not match the one last used on this computer, so the "
                                                              "saved data cannot be opened."),
                                  networkError.message, QStringLiteral("password")});
                return;
            }
            AccountLevel level = AccountLevel::Ordinary;
            parseAccountLevel((*cache)->meta(MetaKey::Level), &level);
            const QString unitName = (*cache)->meta(MetaKey::UnitName);
            m_session->begin(unitNo, unitName, level, true, std::move(*cache));
            m_settings->setLastUnitNo(unitNo);
            m_settings->sync();
            emit loggedIn(true);
        });
}

void LoginService::logout()
{
    ++m_attempt;
    if (m_session->isActive() && !m_session->isOffline() && !m_api->token().isEmpty())
        m_api->logout(this, [](Result<void>) {}); // best effort: the token is forgotten either way
    m_api->setToken({});
    m_api->setSigner({});
    m_session->end();
}

} // namespace shebao
