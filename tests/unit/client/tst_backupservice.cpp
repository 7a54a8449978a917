// 数据备份 / 数据恢复 with files: a backup restored on "another machine" (another cache and
// settings file), refused restores that change nothing, the file's mode.
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

#include "BackupTestData.h"
#include "app/Settings.h"
#include "app/backup/BackupService.h"

using namespace shebao;

namespace {

const QString Password = QStringLiteral("备份密码-Demo-2024");
const QUrl Server(QStringLiteral("https://shebao.example.org:8443"));

template <typename T>
Result<T> waitFor(const std::function<void(std::function<void(Result<T>)>)> &call)
{
    std::optional<Result<T>> result;
    call([&result](Result<T> r) { result.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return Error{QStringLiteral("test.timeout"), QStringLiteral("no answer"), {}, {}};
    return std::move(*result);
}

} // namespace

class TestBackupService : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        ++m_n;
        m_cache = std::make_unique<LocalCache>();
        QVERIFY(m_cache->open(m_dir.filePath(QStringLiteral("old%1/cache.sqlite").arg(m_n))));
        QVERIFY(test::fillCache(*m_cache, QStringLiteral("43010000001")));
        m_settings = settings(QStringLiteral("old%1.ini").arg(m_n));
        m_settings->setServerUrl(Server);
        m_settings->setDeadlineDay(18);
        m_settings->setReminderDays(5);
        m_file = m_dir.filePath(QStringLiteral("backup%1.sbk").arg(m_n));
        m_service.setIterations(BackupFile::MinIterations);
        Result<BackupHeader> written = backup(m_file, Password);
        QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
        QCOMPARE(written.value().unitNo, QStringLiteral("43010000001"));
        QCOMPARE(written.value().server, QStringLiteral("shebao.example.org:8443"));
        // "Another machine": a new, empty cache and default settings.
        m_newCache = std::make_unique<LocalCache>();
        QVERIFY(m_newCache->open(m_dir.filePath(QStringLiteral("new%1/cache.sqlite").arg(m_n))));
        m_newSettings = settings(QStringLiteral("new%1.ini").arg(m_n));
        m_newSettings->setServerUrl(Server);
        m_newSettings->setCaFile(QStringLiteral("/etc/agency-ca.pem"));
    }

    void restoresOnAnotherMachine()
    {
        QSignalSpy restored(&m_service, &BackupService::restored);
        Result<SnapshotMerge> merged = restore(*m_newCache, *m_newSettings, Password, Server, false);
        QVERIFY2(merged, qPrintable(merged ? QString() : merged.error().message + merged.error().detail));
        QCOMPARE(merged.value(), (SnapshotMerge{2, 2, 1, 0}));
        QCOMPARE(restored.count(), 1);
        QCOMPARE(OutboxStore(*m_newCache).entries().value(), OutboxStore(*m_cache).entries().value());
        QCOMPARE(DraftStore(*m_newCache).list().value().size(), 2);
        // The preferences came along; the connection stayed this machine's own.
        QCOMPARE(m_newSettings->deadlineDay(), 18);
        QCOMPARE(m_newSettings->reminderDays(), 5);
        QCOMPARE(m_newSettings->caFile(), QStringLiteral("/etc/agency-ca.pem"));
        QVERIFY(m_newCache->meta(QStringLiteral("offline_verifier")).isEmpty());
    }

    void theFileIsTheOwnersOnly()
    {
        QCOMPARE(QFile::permissions(m_file) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        Result<BackupHeader> header = BackupService::readHeader(m_file);
        QVERIFY(header);
        QCOMPARE(header.value().unitNo, QStringLiteral("43010000001"));
    }

    void refusedRestoresChangeNothing_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("code");
        QTest::newRow("wrong password") << QStringLiteral("wrong-password") << QString() << "backup.password";
        QTest::newRow("flipped byte") << Password << "flip" << "backup.damaged";
        QTest::newRow("truncated") << Password << "cut" << "backup.damaged";
        QTest::newRow("no file") << Password << "remove" << "backup.read";
        QTest::newRow("not a backup") << Password << "pdf" << "backup.not_backup";
    }

    void refusedRestoresChangeNothing()
    {
        QFETCH(QString, password);
        QFETCH(QString, damage);
        QFETCH(QString, code);
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        if (damage == u"flip")
            bytes[bytes.size() - 40] = char(bytes.at(bytes.size() - 40) ^ 0x80);
        else if (damage == u"cut")
            bytes.chop(100);
        else if (damage == u"pdf")
            bytes = "%PDF-1.7\n";
        QFile::remove(m_file);
        if (damage != u"remove") {
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
            file.close();
        }
        // The new machine already has work of its own: it is left exactly as it was.
        QVERIFY(m_newCache->setMeta(QStringLiteral("unit_no"), QStringLiteral("43010000001")));
        QVERIFY(OutboxStore(*m_newCache).enqueue(test::backupItem(9)));
        const QJsonObject before = takeSnapshot(*m_newCache).value().toJson();
        QSignalSpy restored(&m_service, &BackupService::restored);
        Result<SnapshotMerge> merged = restore(*m_newCache, *m_newSettings, password, Server, false);
        QVERIFY(!merged);
        QCOMPARE(merged.error().code, code);
        QCOMPARE(takeSnapshot(*m_newCache).value().toJson(), before);
        QCOMPARE(m_newSettings->deadlineDay(), Settings::DefaultDeadlineDay);
        QCOMPARE(restored.count(), 0);
    }

    void anotherUnitIsRefused()
    {
        QVERIFY(m_newCache->setMeta(QStringLiteral("unit_no"), QStringLiteral("43010000002")));
        Result<SnapshotMerge> merged = restore(*m_newCache, *m_newSettings, Password, Server, true);
        QVERIFY(!merged);
        QCOMPARE(merged.error().code, QStringLiteral("backup.other_unit"));
        QVERIFY(merged.error().message.contains(QStringLiteral("43010000001")));
        QVERIFY(OutboxStore(*m_newCache).entries().value().isEmpty());
    }

    void anotherServerNeedsConfirmation()
    {
        const QUrl other(QStringLiteral("https://10.0.0.5:443"));
        Result<SnapshotMerge> refused = restore(*m_newCache, *m_newSettings, Password, other, false);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("backup.other_server"));
        QVERIFY(refused.error().message.contains(QStringLiteral("shebao.example.org:8443")));
        QVERIFY(refused.error().message.contains(QStringLiteral("10.0.0.5:443")));
        QVERIFY(OutboxStore(*m_newCache).entries().value().isEmpty());
        Result<SnapshotMerge> confirmed = restore(*m_newCache, *m_newSettings, Password, other, true);
        QVERIFY(confirmed);
        QCOMPARE(confirmed.value().outboxAdded, 2);
    }

    void unwritablePathsAreReported()
    {
        Result<BackupHeader> written = backup(m_dir.filePath(QStringLiteral("no/such/folder/x.sbk")), Password);
        QVERIFY(!written);
        QCOMPARE(written.error().code, QStringLiteral("backup.write"));
        Result<BackupHeader> shortPassword = backup(m_dir.filePath(QStringLiteral("y.sbk")), QStringLiteral("short"));
        QVERIFY(!shortPassword);
        QCOMPARE(shortPassword.error().code, QStringLiteral("backup.password_short"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("y.sbk"))));
    }

    void aCacheOfNoKnownUnitIsNotBackedUp()
    {
        LocalCache fresh;
        QVERIFY(fresh.open(m_dir.filePath(QStringLiteral("fresh%1.sqlite").arg(m_n))));
        Result<BackupHeader> written = waitFor<BackupHeader>([&](auto done) {
            m_service.backup(fresh, *m_settings, Server, m_dir.filePath(QStringLiteral("z.sbk")), Password, this, done);
        });
        QVERIFY(!written);
        QCOMPARE(written.error().code, QStringLiteral("backup.no_unit"));
    }

private:
    std::unique_ptr<Settings> settings(const QString &name)
    {
        auto s = std::make_unique<Settings>(std::make_unique<QSettings>(m_dir.filePath(name), QSettings::IniFormat));
        s->migrate();
        return s;
    }

    Result<BackupHeader> backup(const QString &path, const QString &password)
    {
        return waitFor<BackupHeader>(
            [&](auto done) { m_service.backup(*m_cache, *m_settings, Server, path, password, this, done); });
    }

    Result<SnapshotMerge> restore(LocalCache &cache, Settings &settings, const QString &password, const QUrl &server,
                                  bool confirmed)
    {
        return waitFor<SnapshotMerge>([&](auto done) {
            m_service.restore(m_file, password, cache, settings, server, confirmed, this, done);
        });
    }

    QTemporaryDir m_dir;
    int m_n = 0;
    BackupService m_service;
    std::unique_ptr<LocalCache> m_cache;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<LocalCache> m_newCache;
    std::unique_ptr<Settings> m_newSettings;
    QString m_file;
};

QTEST_GUILESS_MAIN(TestBackupService)
#include "tst_backupservice.moc"
