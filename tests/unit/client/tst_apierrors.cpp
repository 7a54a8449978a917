#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include "app/ApiClient.h"
#include "app/ApiErrors.h"

using namespace shebao;

// The error mapping of the ApiClient, without a shebao-server: problem+json parsing, and the
// transport failures provoked with local sockets (refused port, silent server).
class TestApiErrors : public QObject
{
    Q_OBJECT

private slots:
    void problemJson_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("triesLeft");

        QTest::newRow("wrong password")
            << 401 << QByteArray("application/problem+json")
            << QByteArray(R"({"type":"about:blank","title":"Unauthorized","status":401,"code":"auth.invalid_credentials",)"
                          R"("detail":"单位编号或登录密码错误，还可尝试 3 次。","tries_left":3})")
            << QStringLiteral("auth.invalid_credentials") << QStringLiteral("单位编号或登录密码错误，还可尝试 3 次。")
            << QString() << 3;
        QTest::newRow("field error")
            << 400 << QByteArray("application/problem+json; charset=utf-8")
            << QByteArray(R"({"title":"Bad","status":400,"code":"request.invalid","detail":"请求有误。",)"
                          R"("errors":[{"field":"unit_no","message":"必填"},{"field":"password","message":"必填"}]})")
            << QStringLiteral("request.invalid") << QStringLiteral("请求有误。") << QStringLiteral("unit_no") << -1;
        QTest::newRow("no detail uses title")
            << 404 << QByteArray("application/problem+json")
            << QByteArray(R"({"title":"Not found","status":404,"code":"not_found"})") << QStringLiteral("not_found")
            << QStringLiteral("Not found") << QString() << -1;
        QTest::newRow("plain text") << 502 << QByteArray("text/html") << QByteArray("<h1>Bad gateway</h1>")
                                    << QStringLiteral("http.502") << QString() << QString() << -1;
        QTest::newRow("broken problem") << 500 << QByteArray("application/problem+json") << QByteArray("{oops")
                                        << QStringLiteral("http.500") << QString() << QString() << -1;
    }

    void problemJson()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QFETCH(QString, field);
        QFETCH(int, triesLeft);
        const Error error = api::httpError(status, contentType, body);
        QCOMPARE(error.code, code);
        if (!message.isEmpty())
            QCOMPARE(error.message, message);
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(error.field, field);
        QCOMPARE(api::triesLeft(error), triesLeft);
    }

    void lockedUntil()
    {
        const Error error = api::httpError(
            423, "application/problem+json",
            R"({"status":423,"code":"auth.locked","detail":"登录失败次数过多，账户已锁定，请于 10:15 后再试。",)"
            R"("locked_until":"2026-12-03T10:15:00+08:00"})");
        QCOMPARE(error.code, QStringLiteral("auth.locked"));
        QCOMPARE(api::lockedUntil(error), QDateTime::fromString(QStringLiteral("2026-12-03T02:15:00Z"), Qt::ISODate));
        QVERIFY(!api::lockedUntil(api::httpError(401, "text/plain", "x")).isValid());
    }

    void classification()
    {
        QVERIFY(api::isTokenError(Error{QStringLiteral("auth.token_expired"), {}, {}, {}}));
        QVERIFY(api::isTokenError(Error{QStringLiteral("auth.token_invalid"), {}, {}, {}}));
        QVERIFY(!api::isTokenError(Error{QStringLiteral("auth.invalid_credentials"), {}, {}, {}}));
        QVERIFY(api::isConnectivityError(Error{QStringLiteral("net.unreachable"), {}, {}, {}}));
        QVERIFY(api::isConnectivityError(Error{QStringLiteral("net.timeout"), {}, {}, {}}));
        QVERIFY(!api::isConnectivityError(Error{QStringLiteral("tls.untrusted"), {}, {}, {}}));
    }

    void refusedConnectionIsUnreachable()
    {
        ApiClient client;
        client.setBaseUrl(closedPortUrl());
        QSignalSpy reachability(&client, &ApiClient::reachabilityChanged);
        const Error error = healthError(client);
        QCOMPARE(error.code, QStringLiteral("net.unreachable"));
        QVERIFY(!error.message.isEmpty());
        QCOMPARE(reachability.count(), 1);
        QCOMPARE(reachability.first().first().toBool(), false);
        QVERIFY(!client.isOnline());
        healthError(client);
        QCOMPARE(reachability.count(), 1); // flips once, not on every failure
    }

    void silentServerTimesOut()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held; // accepted and never answered
        connect(&silent, &QTcpServer::newConnection, this, [&] { held << silent.nextPendingConnection(); });
        ApiClient client;
        client.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(silent.serverPort())));
        client.setTimeout(400);
        QElapsedTimer timer;
        timer.start();
        const Error error = healthError(client);
        QCOMPARE(error.code, QStringLiteral("net.timeout"));
        QVERIFY(timer.elapsed() < 10000);
        QVERIFY(!client.isOnline());
    }

    void deadContextGetsNoCallback()
    {
        ApiClient client;
        client.setBaseUrl(closedPortUrl());
        auto *context = new QObject;
        bool called = false;
        client.health(context, [&](Result<QJsonObject>) { called = true; });
        delete context;
        // A second call with a live context tells when the first answer has come and gone.
        bool second = false;
        client.health(this, [&](Result<QJsonObject>) { second = true; });
        QTRY_VERIFY(second);
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }

    void caFileMustHoldACertificate()
    {
        ApiClient client;
        const auto missing = client.addCaCertificatesFromFile(QStringLiteral("/nonexistent/ca.pem"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, QStringLiteral("tls.ca_file"));
        QVERIFY(missing.error().message.contains(QLatin1String("/nonexistent/ca.pem")));
    }

private:
    static QUrl closedPortUrl()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        const quint16 port = probe.serverPort();
        probe.close();
        return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port));
    }

    Error healthError(ApiClient &client)
    {
        std::optional<Result<QJsonObject>> result;
        client.health(this, [&](Result<QJsonObject> r) { result = std::move(r); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
            return Error{QStringLiteral("test.no_answer"), {}, {}, {}};
        return result->ok() ? Error{QStringLiteral("test.unexpected_success"), {}, {}, {}} : result->error();
    }
};

QTEST_GUILESS_MAIN(TestApiErrors)
#include "tst_apierrors.moc"
