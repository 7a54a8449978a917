#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include "app/Settings.h"

using namespace shebao;

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_file = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_counter)); }

    void defaults()
    {
        Settings settings(backing());
        QCOMPARE(settings.version(), 0);
        QCOMPARE(settings.serverUrl(), QUrl(QStringLiteral("https://127.0.0.1:8443")));
        QVERIFY(settings.caFile().isEmpty());
        QVERIFY(settings.lastUnitNo().isEmpty());
        settings.migrate();
        QCOMPARE(settings.version(), Settings::CurrentVersion);
    }

    void persistence()
    {
        {
            Settings settings(backing());
            settings.migrate();
            settings.setServerUrl(QUrl(QStringLiteral("https://shebao.example:9443/base")));
            settings.setCaFile(QStringLiteral("/etc/shebao/ca.pem"));
            settings.setLastUnitNo(QStringLiteral("43010000002"));
            settings.sync();
        }
        Settings settings(backing());
        QCOMPARE(settings.version(), Settings::CurrentVersion);
        QCOMPARE(settings.serverUrl(), QUrl(QStringLiteral("https://shebao.example:9443/base")));
        QCOMPARE(settings.caFile(), QStringLiteral("/etc/shebao/ca.pem"));
        QCOMPARE(settings.lastUnitNo(), QStringLiteral("43010000002"));
    }

    void invalidUrlFallsBackToDefault()
    {
        {
            QSettings raw(m_file, QSettings::IniFormat);
            raw.setValue(QStringLiteral("server/url"), QStringLiteral("http://[broken"));
        }
        Settings settings(backing());
        QCOMPARE(settings.serverUrl(), QUrl(QStringLiteral("https://127.0.0.1:8443")));
    }

    void migrateFromVersion0()
    {
        {
            QSettings raw(m_file, QSettings::IniFormat);
            raw.setValue(QStringLiteral("serverUrl"), QStringLiteral("https://old.example:8443"));
            raw.setValue(QStringLiteral("caFile"), QStringLiteral("/old/ca.pem"));
            raw.setValue(QStringLiteral("lastUnit"), QStringLiteral("43010000003"));
            raw.setValue(QStringLiteral("password"), QStringLiteral("Demo1234"));
            raw.setValue(QStringLiteral("token"), QStringLiteral("abc"));
        }
        {
            Settings settings(backing());
            QCOMPARE(settings.version(), 0);
            settings.migrate();
            QCOMPARE(settings.version(), 1);
            QCOMPARE(settings.serverUrl(), QUrl(QStringLiteral("https://old.example:8443")));
            QCOMPARE(settings.caFile(), QStringLiteral("/old/ca.pem"));
            QCOMPARE(settings.lastUnitNo(), QStringLiteral("43010000003"));
        }
        // On disk: the new layout, and no secret survived.
        QSettings raw(m_file, QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("version")).toInt(), 1);
        QVERIFY(!raw.contains(QStringLiteral("serverUrl")));
        QVERIFY(!raw.contains(QStringLiteral("password")));
        QVERIFY(!raw.contains(QStringLiteral("token")));
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("Demo1234"));
    }

    void migrateIsIdempotentAndLeavesNewerFilesAlone()
    {
        {
            QSettings raw(m_file, QSettings::IniFormat);
            raw.setValue(QStringLiteral("version"), 7);
            raw.setValue(QStringLiteral("serverUrl"), QStringLiteral("https://future.example"));
        }
        Settings settings(backing());
        settings.migrate();
        settings.migrate();
        QCOMPARE(settings.version(), 7);
        QSettings raw(m_file, QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("serverUrl")).toString(), QStringLiteral("https://future.example"));
    }

    void deadlineAndReminder()
    {
        Settings settings(backing());
        QCOMPARE(settings.deadlineDay(), 25);
        QCOMPARE(settings.reminderDays(), 3);
        settings.setDeadlineDay(31);
        settings.setReminderDays(0);
        QCOMPARE(settings.deadlineDay(), 31);
        QCOMPARE(settings.reminderDays(), 0);
        settings.setDeadlineDay(40);
        settings.setReminderDays(-2);
        QCOMPARE(settings.deadlineDay(), 31);
        QCOMPARE(settings.reminderDays(), 0);
        {
            QSettings raw(m_file, QSettings::IniFormat);
            raw.setValue(QStringLiteral("home/deadlineDay"), QStringLiteral("tomorrow"));
            raw.setValue(QStringLiteral("home/reminderDays"), 99);
        }
        Settings reread(backing());
        QCOMPARE(reread.deadlineDay(), 25);
        QCOMPARE(reread.reminderDays(), 3);
    }

    void backupCarriesEverythingRestoreTakesThePreferences()
    {
        Settings old(backing());
        old.setServerUrl(QUrl(QStringLiteral("https://old.example:8443")));
        old.setCaFile(QStringLiteral("/old/ca.pem"));
        old.setDeadlineDay(15);
        old.setReminderDays(7);
        const QJsonObject backup = old.toBackup();
        QCOMPARE(backup.value(QStringLiteral("server/url")).toString(), QStringLiteral("https://old.example:8443"));
        QCOMPARE(backup.value(QStringLiteral("home/deadlineDay")).toInt(), 15);

        m_file = m_dir.filePath(QStringLiteral("other-machine.ini"));
        Settings fresh(backing());
        fresh.setCaFile(QStringLiteral("/new/ca.pem"));
        fresh.restorePreferences(backup);
        QCOMPARE(fresh.deadlineDay(), 15);
        QCOMPARE(fresh.reminderDays(), 7);
        QCOMPARE(fresh.serverUrl(), QUrl(QStringLiteral("https://127.0.0.1:8443")));
        QCOMPARE(fresh.caFile(), QStringLiteral("/new/ca.pem"));
        // Nonsense in a backup is ignored.
        fresh.restorePreferences({{QStringLiteral("home/deadlineDay"), 0}, {QStringLiteral("home/reminderDays"), 100}});
        QCOMPARE(fresh.deadlineDay(), 15);
        QCOMPARE(fresh.reminderDays(), 7);
    }

    void neverWritesAPassword()
    {
        Settings settings(backing());
        settings.migrate();
        settings.setLastUnitNo(QStringLiteral("43010000001"));
        settings.sync();
        QSettings raw(m_file, QSettings::IniFormat);
        for (const QString &key : raw.allKeys())
            QVERIFY2(!key.contains(QLatin1String("password"), Qt::CaseInsensitive), qPrintable(key));
    }

private:
    std::unique_ptr<QSettings> backing() { return std::make_unique<QSettings>(m_file, QSettings::IniFormat); }

    QTemporaryDir m_dir;
    QString m_file;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
