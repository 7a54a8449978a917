#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

#include "ServerProcess.h"
#include "app/ApiClient.h"
#include "app/LoginService.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "app/SyncService.h"
#include "models/cache/LocalCache.h"

using namespace shebao;

namespace {

const QString Password = QStringLiteral("Demo1234");
const QString UnitNo = QStringLiteral("43010000001");

QList<Person> placeholderPeople()
{
    QList<Person> list;
    for (qint64 id = 900001; id <= 900003; ++id) {
        Person p;
        p.id = id;
        p.name = QStringLiteral("旧数据%1").arg(id);
        p.idNumber = QStringLiteral("430104199001011234");
        list << p;
    }
    return list;
}

} // namespace

// SyncService and LoginService against a real shebao-server: a full sync, cancel and failure
// keep the previous copy, and the offline fallback once the server is gone.
class TestSyncE2e : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
        m_api.setBaseUrl(m_server.baseUrl());
        QVERIFY(m_api.addCaCertificatesFromFile(m_server.caFile()).ok());
        std::optional<Result<LoginReply>> login;
        m_api.login(UnitNo, Password, this, [&](Result<LoginReply> r) { login.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(login.has_value(), 30000);
        QVERIFY(login->ok());
        m_api.setToken(login->value().token);
        std::optional<Result<PersonsPage>> page;
        m_api.fetchPersonsPage(0, 1, this, [&](Result<PersonsPage> r) { page.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(page.has_value(), 30000);
        QVERIFY(page->ok());
        m_total = page->value().total;
        QVERIFY(m_total > 100);
    }

    void fullSync()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("full.sqlite"))).ok());
        SyncService sync(&m_api);
        sync.setPageSize(64);
        QSignalSpy started(&sync, &SyncService::started);
        QSignalSpy progress(&sync, &SyncService::progress);
        const Result<void> result = runSync(sync, &cache);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail));
        QCOMPARE(started.count(), 1);
        QCOMPARE(progress.count(), int((m_total + 63) / 64));
        QCOMPARE(progress.last().at(0).toLongLong(), m_total);
        QCOMPARE(progress.last().at(1).toLongLong(), m_total);
        QCOMPARE(cache.personCount(), m_total);
        QVERIFY(cache.lastSync().isValid());
        QCOMPARE(cache.unit()->unitNo, UnitNo);
        const auto persons = cache.persons();
        QVERIFY(persons.ok());
        QCOMPARE(persons.value().size(), m_total);
        for (qsizetype i = 1; i < persons.value().size(); ++i)
            QVERIFY(persons.value().at(i - 1).id < persons.value().at(i).id);
        QVERIFY(!sync.isRunning());
    }

    void cancelKeepsThePreviousCopy()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("cancel.sqlite"))).ok());
        QVERIFY(cache.beginPersonsSync().ok());
        QVERIFY(cache.appendPersons(placeholderPeople()).ok());
        QVERIFY(cache.commitPersonsSync(QDateTime::currentDateTimeUtc()).ok());

        SyncService sync(&m_api);
        sync.setPageSize(20);
        int pagesSeen = 0;
        connect(&sync, &SyncService::progress, this, [&] {
            if (++pagesSeen == 2)
                sync.cancel();
        });
        const Result<void> result = runSync(sync, &cache);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("sync.cancelled"));
        QCOMPARE(pagesSeen, 2);
        QVERIFY(!sync.isRunning());
        QTest::qWait(300); // the page already requested arrives and is dropped
        QCOMPARE(pagesSeen, 2);
        QCOMPARE(cache.persons().value(), placeholderPeople());

        // The next sync after a cancel starts clean and completes.
        QVERIFY(runSync(sync, &cache).ok());
        QCOMPARE(cache.personCount(), m_total);
    }

    void failedSyncKeepsThePreviousCopy()
    {
        LocalCache cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("failed.sqlite"))).ok());
        QVERIFY(cache.beginPersonsSync().ok());
        QVERIFY(cache.appendPersons(placeholderPeople()).ok());
        QVERIFY(cache.commitPersonsSync(QDateTime::currentDateTimeUtc()).ok());
        ApiClient stranger;
        stranger.setBaseUrl(m_server.baseUrl());
        QVERIFY(stranger.addCaCertificatesFromFile(m_server.caFile()).ok());
        stranger.setToken(QByteArray(64, 'a'));
        SyncService sync(&stranger);
        const Result<void> result = runSync(sync, &cache);
        QCOMPARE(result.error().code, QStringLiteral("auth.token_invalid"));
        QCOMPARE(cache.persons().value(), placeholderPeople());
    }

    void onlineLoginCreatesTheCache()
    {
        Fixture f(this, m_server);
        QSignalSpy loggedIn(f.login.get(), &LoginService::loggedIn);
        QSignalSpy failed(f.login.get(), &LoginService::failed);
        f.login->login(UnitNo, Password);
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count() + failed.count(), 1, 30000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<Error>().message));
        QCOMPARE(loggedIn.first().first().toBool(), false);
        QVERIFY(f.session->isActive());
        QVERIFY(!f.session->isOffline());
        QCOMPARE(f.session->level(), AccountLevel::Authorized);
        QVERIFY(f.session->canDoBusiness());
        QVERIFY(!f.api->token().isEmpty());
        const QString path = f.login->cachePathFor(UnitNo);
        QCOMPARE(path, QDir(m_dir.filePath(QStringLiteral("caches"))).filePath(
                           QStringLiteral("127.0.0.1_%1/%2.sqlite").arg(m_server.baseUrl().port()).arg(UnitNo)));
        QCOMPARE(f.session->cache()->path(), path);
        QVERIFY(f.session->cache()->meta(QStringLiteral("offline_verifier")).startsWith(QLatin1String("pbkdf2-sha256$")));
        QCOMPARE(f.settings->lastUnitNo(), UnitNo);

        // Fill the cache for the offline tests below.
        SyncService sync(f.api.get());
        QVERIFY(runSync(sync, f.session->cache()).ok());
        f.login->logout();
        QVERIFY(!f.session->isActive());
        QVERIFY(f.api->token().isEmpty());

        QFile settingsFile(f.settingsPath);
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        QVERIFY(!settingsFile.readAll().contains(Password.toUtf8()));
        QFile cacheFile(path);
        QVERIFY(cacheFile.open(QIODevice::ReadOnly));
        QVERIFY(!cacheFile.readAll().contains(Password.toUtf8()));
    }

    void onlineWrongPasswordDoesNotFallBack()
    {
        Fixture f(this, m_server);
        const Error error = f.expectFailure(UnitNo, QStringLiteral("wrong"));
        QCOMPARE(error.code, QStringLiteral("auth.invalid_credentials"));
        QVERIFY(!f.session->isActive());
        f.expectLogin(UnitNo, Password, false); // resets the server's failure counter
    }

    void untrustedServerDoesNotFallBack()
    {
        Fixture f(this, m_server);
        f.api->setCaCertificates({});
        const Error error = f.expectFailure(UnitNo, Password);
        QCOMPARE(error.code, QStringLiteral("tls.untrusted"));
        QVERIFY(!f.session->isActive());
    }

    void offlineFromTheCacheWhenTheServerIsGone()
    {
        m_server.stop();
        Fixture f(this, m_server);
        f.expectLogin(UnitNo, Password, true);
        QVERIFY(f.session->isOffline());
        QVERIFY(!f.session->canDoBusiness());
        QCOMPARE(f.session->level(), AccountLevel::Authorized);
        QVERIFY(!f.session->unitName().isEmpty());
        QCOMPARE(f.session->cache()->personCount(), m_total);
        QCOMPARE(f.session->cache()->unit()->unitNo, UnitNo);
    }

    void offlineWrongPasswordIsRefused()
    {
        Fixture f(this, m_server);
        const Error error = f.expectFailure(UnitNo, QStringLiteral("Demo12345"));
        QCOMPARE(error.code, QStringLiteral("auth.offline_mismatch"));
        QVERIFY(!error.message.isEmpty());
        QVERIFY(!f.session->isActive());
    }

    void offlineWithoutACacheIsUnreachable()
    {
        Fixture f(this, m_server);
        const Error error = f.expectFailure(QStringLiteral("43010000002"), Password);
        QCOMPARE(error.code, QStringLiteral("net.unreachable"));
    }

private:
    // One client: settings in a temp ini file, caches under the test's directory.
    struct Fixture
    {
        Fixture(TestSyncE2e *test, test::ServerProcess &server)
            : settingsPath(test->m_dir.filePath(QStringLiteral("settings.ini")))
            , settings(std::make_unique<Settings>(std::make_unique<QSettings>(settingsPath, QSettings::IniFormat)))
            , api(std::make_unique<ApiClient>())
            , session(std::make_unique<Session>())
            , login(std::make_unique<LoginService>(api.get(), session.get(), settings.get()))
        {
            settings->migrate();
            api->setBaseUrl(server.baseUrl());
            api->addCaCertificatesFromFile(server.caFile());
            api->setTimeout(5000);
            login->setCacheRoot(test->m_dir.filePath(QStringLiteral("caches")));
        }

        void expectLogin(const QString &unitNo, const QString &password, bool offline)
        {
            QSignalSpy loggedIn(login.get(), &LoginService::loggedIn);
            QSignalSpy failed(login.get(), &LoginService::failed);
            login->login(unitNo, password);
            QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count() + failed.count(), 1, 30000);
            QVERIFY2(failed.isEmpty(),
                     qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<Error>().message));
            QCOMPARE(loggedIn.first().first().toBool(), offline);
        }

        Error expectFailure(const QString &unitNo, const QString &password)
        {
            QSignalSpy loggedIn(login.get(), &LoginService::loggedIn);
            QSignalSpy failed(login.get(), &LoginService::failed);
            login->login(unitNo, password);
            if (!QTest::qWaitFor([&] { return loggedIn.count() + failed.count() > 0; }, 30000) || failed.isEmpty())
                return Error{QStringLiteral("test.no_failure"), {}, {}, {}};
            return failed.first().first().value<Error>();
        }

        QString settingsPath;
        std::unique_ptr<Settings> settings;
        std::unique_ptr<ApiClient> api;
        std::unique_ptr<Session> session;
        std::unique_ptr<LoginService> login;
    };

    Result<void> runSync(SyncService &sync, LocalCache *cache)
    {
        std::optional<Result<void>> result;
        QMetaObject::Connection c = connect(&sync, &SyncService::finished, this,
                                            [&](const Result<void> &r) { result.emplace(r); });
        sync.start(cache);
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
            sync.cancel();
        disconnect(c);
        return result ? *result : Result<void>(Error{QStringLiteral("test.no_answer"), {}, {}, {}});
    }

    QTemporaryDir m_dir;
    test::ServerProcess m_server;
    ApiClient m_api;
    qint64 m_total = 0;
};

QTEST_GUILESS_MAIN(TestSyncE2e)
#include "tst_sync_e2e.moc"
