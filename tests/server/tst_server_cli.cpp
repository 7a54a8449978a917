// The shebao-server binary: command line, the "listening on" line with the real port, clean
// shutdown on SIGTERM / SIGINT.
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

#include "HttpsClient.h"
#include "ServerProcess.h"
#include "TestBackend.h"
#include "server/ServerOptions.h"

using namespace shebao::test;
using shebao::server::ServerOptions;

class TestServerCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parse_data();
    void parse();
    void publicUrl_data();
    void publicUrl();
    void bankOptions_data();
    void bankOptions();
    void helpExitsZero();
    void badArgumentsExitTwo_data();
    void badArgumentsExitTwo();
    void printsActualPortAndStopsOnSignal_data();
    void printsActualPortAndStopsOnSignal();

private:
    std::unique_ptr<TestBackend> m_backend;
    QString m_binary;
};

void TestServerCli::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_binary = binaryFromEnv("SHEBAO_SERVER_BIN");
    QVERIFY2(!m_binary.isEmpty(), "SHEBAO_SERVER_BIN is not set (run through ctest)");
}

void TestServerCli::parse_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<qint64>("ttl");
    QTest::addColumn<QString>("db");
    const QString d = QStringLiteral("--data");
    QTest::newRow("defaults") << QStringList{d, QStringLiteral("/tmp/x")} << true << QStringLiteral("127.0.0.1") << 8443
                              << qint64(8 * 3600) << QStringLiteral("sqlite:/tmp/x/shebao.sqlite");
    QTest::newRow("listen + ttl") << QStringList{d, QStringLiteral("/d"), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:9000"),
                                                 QStringLiteral("--token-ttl"), QStringLiteral("2")}
                                  << true << QStringLiteral("0.0.0.0") << 9000 << qint64(2) << QStringLiteral("sqlite:/d/shebao.sqlite");
    QTest::newRow("ipv6 + pg") << QStringList{d, QStringLiteral("/d"), QStringLiteral("--listen"), QStringLiteral("[::1]:0"),
                                              QStringLiteral("--db"), QStringLiteral("postgresql://u@h:5/db")}
                               << true << QStringLiteral("::1") << 0 << qint64(8 * 3600) << QStringLiteral("postgresql://u@h:5/db");
    QTest::newRow("no data") << QStringList{} << false << QString() << 0 << qint64(0) << QString();
    QTest::newRow("bad port") << QStringList{d, QStringLiteral("/d"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:99999")}
                              << false << QString() << 0 << qint64(0) << QString();
    QTest::newRow("bad host") << QStringList{d, QStringLiteral("/d"), QStringLiteral("--listen"), QStringLiteral("nohost")}
                              << false << QString() << 0 << qint64(0) << QString();
    QTest::newRow("bad db") << QStringList{d, QStringLiteral("/d"), QStringLiteral("--db"), QStringLiteral("mysql://x")}
                            << false << QString() << 0 << qint64(0) << QString();
    QTest::newRow("bad ttl") << QStringList{d, QStringLiteral("/d"), QStringLiteral("--token-ttl"), QStringLiteral("0")}
                             << false << QString() << 0 << qint64(0) << QString();
}

void TestServerCli::parse()
{
    QFETCH(QStringList, args);
    QFETCH(bool, ok);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(qint64, ttl);
    QFETCH(QString, db);
    const auto parsed = ServerOptions::parse(QStringList{QStringLiteral("shebao-server")} + args);
    QCOMPARE(parsed.ok(), ok);
    if (!ok) {
        QVERIFY(!parsed.error().message.isEmpty());
        return;
    }
    QCOMPARE(parsed.value().listenAddress, QHostAddress(host));
    QCOMPARE(int(parsed.value().listenPort), port);
    QCOMPARE(parsed.value().tokenTtlSeconds, ttl);
    QCOMPARE(parsed.value().effectiveDbUrl(), db);
}

void TestServerCli::publicUrl_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("stored");
    QTest::newRow("host") << "https://verify.cs12333.example" << true << "https://verify.cs12333.example";
    QTest::newRow("port and path, trailing slash") << "https://example.cn:8443/shebao/" << true << "https://example.cn:8443/shebao";
    QTest::newRow("plain http") << "http://example.cn" << false << "";
    QTest::newRow("with query") << "https://example.cn/?x=1" << false << "";
    QTest::newRow("no host") << "https://" << false << "";
}

void TestServerCli::publicUrl()
{
    QFETCH(QString, value);
    QFETCH(bool, ok);
    QFETCH(QString, stored);
    const auto parsed = ServerOptions::parse({QStringLiteral("shebao-server"), QStringLiteral("--data"), QStringLiteral("/d"),
                                              QStringLiteral("--public-url"), value});
    QCOMPARE(parsed.ok(), ok);
    if (ok)
        QCOMPARE(parsed.value().publicUrl, stored);
    else
        QVERIFY(parsed.error().message.contains(QStringLiteral("--public-url")));
}

void TestServerCli::bankOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("error");   // empty: accepted
    QTest::newRow("none") << QStringList{} << QString();
    QTest::newRow("two banks") << QStringList{QStringLiteral("--bank-key"), QStringLiteral("csbank=/k/a"), QStringLiteral("--bank-key"), QStringLiteral("icbc-cs=/k/b")} << QString();
    QTest::newRow("no file") << QStringList{QStringLiteral("--bank-key"), QStringLiteral("csbank=")} << "--bank-key";
    QTest::newRow("no id") << QStringList{QStringLiteral("--bank-key"), QStringLiteral("/k/a")} << "--bank-key";
    QTest::newRow("sandbox id reserved") << QStringList{QStringLiteral("--bank-key"), QStringLiteral("sandbox=/k/a")} << "sandbox";
    QTest::newRow("a bank twice") << QStringList{QStringLiteral("--bank-key"), QStringLiteral("a=/k/a"), QStringLiteral("--bank-key"), QStringLiteral("a=/k/b")} << "twice";
    QTest::newRow("pay url") << QStringList{QStringLiteral("--bank-pay-url"), QStringLiteral("https://pay.example/p?bill={number}")} << QString();
    QTest::newRow("pay url without number") << QStringList{QStringLiteral("--bank-pay-url"), QStringLiteral("https://pay.example/p")} << "{number}";
    QTest::newRow("pay url over http") << QStringList{QStringLiteral("--bank-pay-url"), QStringLiteral("http://pay.example/{number}")} << "https";
    QTest::newRow("policy region") << QStringList{QStringLiteral("--policy"), QStringLiteral("430100")} << QString();
    QTest::newRow("sandbox") << QStringList{QStringLiteral("--bank-sandbox")} << QString();
}

void TestServerCli::bankOptions()
{
    QFETCH(QStringList, args);
    QFETCH(QString, error);
    const auto parsed = ServerOptions::parse(QStringList{QStringLiteral("shebao-server"), QStringLiteral("--data"), QStringLiteral("/d")}
                                             + args);
    QCOMPARE(parsed.ok(), error.isEmpty());
    if (!parsed) {
        QVERIFY2(parsed.error().message.contains(error), qPrintable(parsed.error().message));
        return;
    }
    const ServerOptions &o = parsed.value();
    QCOMPARE(o.bankSandbox, args.contains(QStringLiteral("--bank-sandbox")));
    if (args.contains(QStringLiteral("icbc-cs=/k/b")))
        QCOMPARE(o.bankKeys, (QList<QPair<QString, QString>>{{QStringLiteral("csbank"), QStringLiteral("/k/a")},
                                                              {QStringLiteral("icbc-cs"), QStringLiteral("/k/b")}}));
    if (args.contains(QStringLiteral("--bank-pay-url")))
        QCOMPARE(o.bankPayUrl, QStringLiteral("https://pay.example/p?bill={number}"));
    // --demo brings the sandbox bank with it.
    QVERIFY(ServerOptions::parse({QStringLiteral("shebao-server"), QStringLiteral("--data"), QStringLiteral("/d"), QStringLiteral("--demo")})
                .value()
                .bankSandbox);
}

void TestServerCli::helpExitsZero()
{
    QProcess p;
    p.start(m_binary, {QStringLiteral("--help")});
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 0);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    for (const char *option : {"--data", "--db", "--listen", "--demo", "--token-ttl", "--demo-persons", "--public-url", "--policy",
                               "--bank-key", "--bank-pay-url", "--bank-sandbox"})
        QVERIFY2(out.contains(QLatin1String(option)), option);
}

void TestServerCli::badArgumentsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no data") << QStringList{};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--data"), QStringLiteral("/tmp/x"), QStringLiteral("--frobnicate")};
}

void TestServerCli::badArgumentsExitTwo()
{
    QFETCH(QStringList, args);
    QProcess p;
    p.start(m_binary, args);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(!p.readAllStandardError().isEmpty());
}

void TestServerCli::printsActualPortAndStopsOnSignal_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestServerCli::printsActualPortAndStopsOnSignal()
{
    QFETCH(int, signal);
    QTemporaryDir dir;
    QProcess p;
    p.start(m_binary, {QStringLiteral("--data"), dir.path(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--db"), m_backend->dbUrl(dir.path())});
    QVERIFY(p.waitForStarted(10000));
    static const QRegularExpression line(QStringLiteral("^shebao-server listening on https://127\\.0\\.0\\.1:(\\d+)$"),
                                         QRegularExpression::MultilineOption);
    QString out;
    QRegularExpressionMatch match;
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired() && !(match = line.match(out)).hasMatch()) {
        p.waitForReadyRead(500);
        out += QString::fromUtf8(p.readAllStandardOutput());
    }
    QVERIFY2(match.hasMatch(), qPrintable(out + QString::fromUtf8(p.readAllStandardError())));
    const int port = match.captured(1).toInt();
    QVERIFY(port > 0 && port != 8443);
    QUrl base;
    base.setScheme(QStringLiteral("https"));
    base.setHost(QStringLiteral("127.0.0.1"));
    base.setPort(port);
    HttpsClient client(base, dir.filePath(QStringLiteral("tls/ca.pem")));
    QCOMPARE(client.get(QStringLiteral("/api/v1/health")).status, 200);

    QCOMPARE(::kill(pid_t(p.processId()), signal), 0);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_server_cli.moc"
