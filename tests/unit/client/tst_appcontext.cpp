#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include "app/ApiClient.h"
#include "app/AppContext.h"
#include "app/LoginService.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "app/SyncService.h"
#include "models/cache/LocalCache.h"

using namespace shebao;

// The composition root: settings migrated and applied, services wired to each other.
class TestAppContext : public QObject
{
    Q_OBJECT

private slots:
    void init() { ++m_counter; } // a settings file per test function

    void appliesMigratedSettings()
    {
        {
            QSettings raw(iniPath(), QSettings::IniFormat);
            raw.setValue(QStringLiteral("serverUrl"), QStringLiteral("https://shebao.example:9443"));
        }
        AppContext context(settings());
        QCOMPARE(context.settings().version(), Settings::CurrentVersion);
        QCOMPARE(context.api().baseUrl(), QUrl(QStringLiteral("https://shebao.example:9443")));
        QVERIFY(!context.session().isActive());
        QVERIFY(!context.sync().isRunning());
        QVERIFY(context.login().cachePathFor(QStringLiteral("43010000001")).endsWith(
            QLatin1String("shebao.example_9443/43010000001.sqlite")));
    }

    void unreadableCaFileIsReported()
    {
        AppContext context(settings());
        context.settings().setCaFile(m_dir.filePath(QStringLiteral("missing.pem")));
        const auto applied = context.applyServerSettings();
        QVERIFY(!applied.ok());
        QCOMPARE(applied.error().code, QStringLiteral("tls.ca_file"));
        context.settings().setCaFile({});
        QVERIFY(context.applyServerSettings().ok());
    }

    void cachePathRefusesUnsafeUnitNumbers_data()
    {
        QTest::addColumn<QString>("unitNo");
        QTest::newRow("parent dir") << QStringLiteral("../43010000001");
        QTest::newRow("slash") << QStringLiteral("4301/0000001");
        QTest::newRow("empty") << QString();
        QTest::newRow("space") << QStringLiteral("4301 0000001");
    }

    void cachePathRefusesUnsafeUnitNumbers()
    {
        QFETCH(QString, unitNo);
        AppContext context(settings());
        QVERIFY(context.login().cachePathFor(unitNo).isEmpty());
    }

    void endingTheSessionCancelsTheSync()
    {
        // A server that accepts and never answers keeps the sync running.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] { held << silent.nextPendingConnection(); });

        AppContext context(settings());
        context.api().setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(silent.serverPort())));
        auto cache = std::make_unique<LocalCache>();
        QVERIFY(cache->open(m_dir.filePath(QStringLiteral("cache.sqlite"))).ok());
        context.session().begin(QStringLiteral("43010000001"), {}, AccountLevel::Authorized, false, std::move(cache));
        QSignalSpy finished(&context.sync(), &SyncService::finished);
        context.sync().start(context.session().cache());
        QVERIFY(context.sync().isRunning());
        context.session().end();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().value<Result<void>>().error().code, QStringLiteral("sync.cancelled"));
        QVERIFY(!context.sync().isRunning());
    }

private:
    QString iniPath() const { return m_dir.filePath(QStringLiteral("settings-%1.ini").arg(m_counter)); }
    std::unique_ptr<Settings> settings()
    {
        return std::make_unique<Settings>(std::make_unique<QSettings>(iniPath(), QSettings::IniFormat));
    }

    QTemporaryDir m_dir;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestAppContext)
#include "tst_appcontext.moc"
