// shebao-cli backup / restore as the real binary ($SHEBAO_CLI_BIN), with the desktop's cache
// and settings under a private XDG home per "computer": a backup restored on another computer
// before its first login, and the refusals (exit 1) that leave no trace.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include "BackupTestData.h"
#include "app/Settings.h"
#include "models/cache/CacheSnapshot.h"

using namespace shebao;

namespace {

const QString UnitNo = QStringLiteral("43010000001");
const QByteArray Passphrase = "nightly-backup-2024";

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCliBackup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("SHEBAO_CLI_BIN");
        QVERIFY2(QFile::exists(m_cli), "SHEBAO_CLI_BIN must name shebao-cli");
        // The old computer: the desktop's cache of the unit on 127.0.0.1:8443, and its settings.
        LocalCache cache;
        QVERIFY(cache.open(deskCache(QStringLiteral("old"))));
        QVERIFY(test::fillCache(cache, UnitNo));
        QSettings settings(m_dir.filePath(QStringLiteral("old/config/shebao/shebao-desk.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("home/deadlineDay"), 12);
        m_file = m_dir.filePath(QStringLiteral("nightly.sbk"));
    }

    void backupOfTheDesktopsCache()
    {
        const Run r = run(QStringLiteral("old"), {QStringLiteral("--unit"), UnitNo, QStringLiteral("backup"),
                                                   QStringLiteral("--out"), m_file, QStringLiteral("--passphrase-stdin"),
                                                   QStringLiteral("--json")},
                          Passphrase);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value(QStringLiteral("unit_no")).toString(), UnitNo);
        QCOMPARE(o.value(QStringLiteral("server")).toString(), QStringLiteral("127.0.0.1:8443"));
        QCOMPARE(o.value(QStringLiteral("format_version")).toInt(), 1);
        QVERIFY(QFile::exists(m_file));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("passphrase");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("code");
        const QStringList restore{QStringLiteral("restore"), QStringLiteral("FILE"), QStringLiteral("--passphrase-stdin"),
                                  QStringLiteral("--json")};
        QTest::newRow("wrong passphrase") << restore << QByteArray("wrong-passphrase") << 1 << "backup.password";
        QTest::newRow("another unit asked") << (QStringList{QStringLiteral("--unit"), QStringLiteral("43010000002")} + restore)
                                            << Passphrase << 1 << "backup.other_unit";
        QTest::newRow("another server") << (QStringList{QStringLiteral("--server"), QStringLiteral("https://10.1.2.3:9443")}
                                            + restore)
                                        << Passphrase << 1 << "backup.other_server";
        QTest::newRow("not a backup") << QStringList{QStringLiteral("restore"), QStringLiteral("NOTBACKUP"),
                                                     QStringLiteral("--passphrase-stdin"), QStringLiteral("--json")}
                                      << Passphrase << 1 << "backup.not_backup";
        QTest::newRow("missing file") << QStringList{QStringLiteral("restore"), QStringLiteral("/no/such.sbk"),
                                                     QStringLiteral("--passphrase-stdin"), QStringLiteral("--json")}
                                      << Passphrase << 2 << "backup.read";
        QTest::newRow("usage") << QStringList{QStringLiteral("restore"), QStringLiteral("FILE"), QStringLiteral("--json")}
                               << Passphrase << 2 << "cli.usage";
    }

    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, passphrase);
        QFETCH(int, exitCode);
        QFETCH(QString, code);
        const QString notBackup = m_dir.filePath(QStringLiteral("not-a-backup.sbk"));
        QFile f(notBackup);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("just text\n");
        f.close();
        arguments.replaceInStrings(QStringLiteral("NOTBACKUP"), notBackup);
        arguments.replaceInStrings(QStringLiteral("FILE"), m_file);
        const Run r = run(QStringLiteral("new"), arguments, passphrase);
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 code);
        // The new computer still has no cache at all.
        QVERIFY(!QFile::exists(deskCache(QStringLiteral("new"))));
    }

    void restoreBeforeTheFirstLogin()
    {
        const Run r = run(QStringLiteral("new"), {QStringLiteral("restore"), m_file, QStringLiteral("--passphrase-stdin")},
                          Passphrase);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("草稿 2 份，申报发送记录 2 条，打印记录 1 条")));
        // Where the desktop will look after the clerk's first login to this unit and server.
        LocalCache restored;
        QVERIFY(restored.open(deskCache(QStringLiteral("new"))));
        LocalCache old;
        QVERIFY(old.open(deskCache(QStringLiteral("old"))));
        QCOMPARE(OutboxStore(restored).entries().value(), OutboxStore(old).entries().value());
        QCOMPARE(DraftStore(restored).list().value().size(), 2);
        QVERIFY(restored.meta(QStringLiteral("offline_verifier")).isEmpty());
        QSettings settings(m_dir.filePath(QStringLiteral("new/config/shebao/shebao-desk.ini")), QSettings::IniFormat);
        QCOMPARE(settings.value(QStringLiteral("home/deadlineDay")).toInt(), 12);

        // Again: nothing twice.
        const Run again = run(QStringLiteral("new"), {QStringLiteral("restore"), m_file,
                                                       QStringLiteral("--passphrase-stdin"), QStringLiteral("--json")},
                              Passphrase);
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(again.out).object().value(QStringLiteral("skipped")).toInt(), 5);
    }

private:
    QString deskCache(const QString &computer) const
    {
        return m_dir.filePath(computer + QStringLiteral("/data/shebao/shebao-desk/cache/127.0.0.1_8443/") + UnitNo
                              + QStringLiteral(".sqlite"));
    }

    Run run(const QString &computer, const QStringList &arguments, const QByteArray &stdinText)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(computer + QStringLiteral("/data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(computer + QStringLiteral("/config")));
        p.setProcessEnvironment(env);
        p.start(m_cli, arguments);
        p.write(stdinText + '\n');
        p.closeWriteChannel();
        Run r;
        if (!p.waitForFinished(60000))
            return r;
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QString m_cli;
    QTemporaryDir m_dir;
    QString m_file;
};

QTEST_GUILESS_MAIN(TestCliBackup)
#include "tst_cli_backup.moc"
