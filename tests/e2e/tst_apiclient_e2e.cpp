#include <QRegularExpression>
#include <QSignalSpy>
#include <QUuid>
#include <QtTest>

#include <optional>

#include "ServerProcess.h"
#include "app/ApiClient.h"
#include "app/ApiErrors.h"

using namespace shebao;

namespace {

const QString Password = QStringLiteral("Demo1234");
const QString Authorized = QStringLiteral("43010000001");
const QString Ordinary = QStringLiteral("43010000002");
const QString Certificate = QStringLiteral("43010000003");

} // namespace

// ApiClient against a real shebao-server over HTTPS: TLS trust, login and its failures,
// unit and people, idempotent POSTs, token revocation.
class TestApiClientE2e : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.error())); }

    void healthOverHttps()
    {
        ApiClient api;
        configure(api);
        const auto health = call<QJsonObject>([&](auto done) { api.health(this, done); });
        QVERIFY2(health.ok(), qPrintable(health.ok() ? QString() : health.error().detail));
        QCOMPARE(health.value().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(health.value().value(QLatin1String("version")).toString(), QStringLiteral("0.1.0"));
        QVERIFY(QDateTime::fromString(health.value().value(QLatin1String("time")).toString(), Qt::ISODate).isValid());
        QVERIFY(api.isOnline());
    }

    void clientWithoutTheCaIsRefused()
    {
        ApiClient api;
        api.setBaseUrl(m_server.baseUrl()); // system CAs only
        const auto health = call<QJsonObject>([&](auto done) { api.health(this, done); });
        QVERIFY(!health.ok());
        QCOMPARE(health.error().code, QStringLiteral("tls.untrusted"));
        QVERIFY(health.error().message.contains(QLatin1String("CA")));
        QVERIFY(!health.error().detail.isEmpty()); // what exactly failed, for the details pane
        // The same failure for a login: no token may ever travel over an untrusted channel.
        const auto login = call<LoginReply>([&](auto done) { api.login(Authorized, Password, this, done); });
        QCOMPARE(login.error().code, QStringLiteral("tls.untrusted"));
    }

    void clientTrustingAnotherCaIsRefused()
    {
        test::ServerProcess other;
        QVERIFY2(other.start({false, {}, {}, {}}), qPrintable(other.error()));
        ApiClient api;
        api.setBaseUrl(m_server.baseUrl());
        QVERIFY(api.addCaCertificatesFromFile(other.caFile()).ok());
        const auto health = call<QJsonObject>([&](auto done) { api.health(this, done); });
        QCOMPARE(health.error().code, QStringLiteral("tls.untrusted"));
    }

    void loginLevels_data()
    {
        QTest::addColumn<QString>("unitNo");
        QTest::addColumn<AccountLevel>("level");
        QTest::newRow("authorized") << Authorized << AccountLevel::Authorized;
        QTest::newRow("ordinary") << Ordinary << AccountLevel::Ordinary;
        QTest::newRow("certificate") << Certificate << AccountLevel::Certificate;
    }

    void loginLevels()
    {
        QFETCH(QString, unitNo);
        QFETCH(AccountLevel, level);
        ApiClient api;
        configure(api);
        const auto login = call<LoginReply>([&](auto done) { api.login(unitNo, Password, this, done); });
        QVERIFY2(login.ok(), qPrintable(login.ok() ? QString() : login.error().message));
        static const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}$"));
        QVERIFY(hex64.match(QString::fromLatin1(login.value().token)).hasMatch());
        QCOMPARE(login.value().level, level);
        QCOMPARE(login.value().unitNo, unitNo);
        QVERIFY(!login.value().unitName.isEmpty());
        QVERIFY(login.value().expiresAt > QDateTime::currentDateTimeUtc());
    }

    void wrongPasswordCountsDown()
    {
        ApiClient api;
        configure(api);
        const auto first = call<LoginReply>([&](auto done) { api.login(Ordinary, QStringLiteral("nope"), this, done); });
        QVERIFY(!first.ok());
        QCOMPARE(first.error().code, QStringLiteral("auth.invalid_credentials"));
        const int left = api::triesLeft(first.error());
        QCOMPARE(left, 4);
        QVERIFY2(first.error().message.contains(QString::number(left)), qPrintable(first.error().message));
        const auto second = call<LoginReply>([&](auto done) { api.login(Ordinary, QStringLiteral("nope"), this, done); });
        QCOMPARE(api::triesLeft(second.error()), 3);
        // Success resets the counter.
        QVERIFY(call<LoginReply>([&](auto done) { api.login(Ordinary, Password, this, done); }).ok());
        const auto third = call<LoginReply>([&](auto done) { api.login(Ordinary, QStringLiteral("nope"), this, done); });
        QCOMPARE(api::triesLeft(third.error()), 4);
        QVERIFY(call<LoginReply>([&](auto done) { api.login(Ordinary, Password, this, done); }).ok());
    }

    void unknownUnitLooksLikeAWrongPassword()
    {
        ApiClient api;
        configure(api);
        const auto login = call<LoginReply>([&](auto done) { api.login(QStringLiteral("43019999999"), Password, this, done); });
        QCOMPARE(login.error().code, QStringLiteral("auth.invalid_credentials"));
    }

    void fetchUnit()
    {
        ApiClient api;
        const LoginReply reply = loggedIn(api, Authorized);
        const auto unit = call<Unit>([&](auto done) { api.fetchUnit(this, done); });
        QVERIFY2(unit.ok(), qPrintable(unit.ok() ? QString() : unit.error().detail));
        QCOMPARE(unit.value().unitNo, Authorized);
        QCOMPARE(unit.value().name, reply.unitName);
        QCOMPARE(unit.value().level, AccountLevel::Authorized);
    }

    void withoutTokenAuthenticationIsLost()
    {
        ApiClient api;
        configure(api);
        QSignalSpy lost(&api, &ApiClient::authenticationLost);
        const auto unit = call<Unit>([&](auto done) { api.fetchUnit(this, done); });
        QCOMPARE(unit.error().code, QStringLiteral("auth.token_invalid"));
        QCOMPARE(lost.count(), 1);
    }

    void personsPaging()
    {
        ApiClient api;
        loggedIn(api, Authorized);
        const auto all = call<PersonsPage>([&](auto done) { api.fetchPersonsPage(0, 10000, this, done); });
        QVERIFY2(all.ok(), qPrintable(all.ok() ? QString() : all.error().detail));
        QVERIFY(!all.value().hasMore);
        QVERIFY(all.value().total > 100);
        QCOMPARE(all.value().items.size(), all.value().total);

        QList<Person> paged;
        qint64 after = 0;
        int pages = 0;
        for (;;) {
            const auto page = call<PersonsPage>([&](auto done) { api.fetchPersonsPage(after, 70, this, done); });
            QVERIFY(page.ok());
            QVERIFY(page.value().items.size() <= 70);
            QCOMPARE(page.value().total, all.value().total);
            paged += page.value().items;
            ++pages;
            if (!page.value().hasMore)
                break;
            QCOMPARE(page.value().nextAfter, page.value().items.last().id);
            after = page.value().nextAfter;
        }
        QCOMPARE(pages, int((all.value().total + 69) / 70));
        QCOMPARE(paged, all.value().items);
        for (qsizetype i = 1; i < paged.size(); ++i)
            QVERIFY(paged.at(i - 1).id < paged.at(i).id);
        for (const Person &p : paged)
            QVERIFY(!p.enrolments.isEmpty()); // only people enrolled in this unit
    }

    void idempotentPostReplaysTheFirstAnswer()
    {
        ApiClient api;
        configure(api);
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject body{{QStringLiteral("unit_no"), Authorized}, {QStringLiteral("password"), Password}};
        const auto first = call<QJsonDocument>([&](auto done) { api.postJson(QStringLiteral("/auth/login"), body, key, this, done); });
        const auto replay = call<QJsonDocument>([&](auto done) { api.postJson(QStringLiteral("/auth/login"), body, key, this, done); });
        QVERIFY(first.ok() && replay.ok());
        const QString token = first.value().object().value(QLatin1String("token")).toString();
        QCOMPARE(token.size(), 64);
        QCOMPARE(replay.value().object().value(QLatin1String("token")).toString(), token); // no second session

        const auto fresh = call<QJsonDocument>([&](auto done) { api.postJson(QStringLiteral("/auth/login"), body, {}, this, done); });
        QVERIFY(fresh.ok());
        QVERIFY(fresh.value().object().value(QLatin1String("token")).toString() != token);

        QJsonObject other = body;
        other.insert(QStringLiteral("unit_no"), Ordinary);
        const auto conflict = call<QJsonDocument>([&](auto done) { api.postJson(QStringLiteral("/auth/login"), other, key, this, done); });
        QVERIFY(!conflict.ok());
        QCOMPARE(conflict.error().code, QStringLiteral("idempotency.conflict"));
    }

    void logoutRevokesTheToken()
    {
        ApiClient api;
        const LoginReply reply = loggedIn(api, Authorized);
        QSignalSpy lost(&api, &ApiClient::authenticationLost);
        const auto logout = call<void>([&](auto done) { api.logout(this, done); });
        QVERIFY2(logout.ok(), qPrintable(logout.ok() ? QString() : logout.error().detail));
        QVERIFY(api.token().isEmpty());
        api.setToken(reply.token); // as if someone kept the old token
        const auto unit = call<Unit>([&](auto done) { api.fetchUnit(this, done); });
        QCOMPARE(unit.error().code, QStringLiteral("auth.token_invalid"));
        QCOMPARE(lost.count(), 1);
        QCOMPARE(lost.first().first().value<Error>().code, QStringLiteral("auth.token_invalid"));
    }

    void stoppedServerIsUnreachable()
    {
        test::ServerProcess gone;
        QVERIFY2(gone.start({false, {}, {}, {}}), qPrintable(gone.error()));
        ApiClient api;
        api.setBaseUrl(gone.baseUrl());
        QVERIFY(api.addCaCertificatesFromFile(gone.caFile()).ok());
        QVERIFY(call<QJsonObject>([&](auto done) { api.health(this, done); }).ok());
        gone.stop();
        QSignalSpy reachability(&api, &ApiClient::reachabilityChanged);
        const auto health = call<QJsonObject>([&](auto done) { api.health(this, done); });
        QCOMPARE(health.error().code, QStringLiteral("net.unreachable"));
        QCOMPARE(reachability.count(), 1);
        QVERIFY(!api.isOnline());
    }

    // Last: it locks the certificate unit for 15 minutes.
    void lockoutAfterFiveFailures()
    {
        ApiClient api;
        configure(api);
        for (int i = 0; i < 5; ++i) {
            const auto r = call<LoginReply>([&](auto done) { api.login(Certificate, QStringLiteral("bad"), this, done); });
            QVERIFY(!r.ok());
            if (i < 4)
                QCOMPARE(api::triesLeft(r.error()), 4 - i);
        }
        const auto locked = call<LoginReply>([&](auto done) { api.login(Certificate, Password, this, done); });
        QVERIFY(!locked.ok());
        QCOMPARE(locked.error().code, QStringLiteral("auth.locked"));
        const QDateTime until = api::lockedUntil(locked.error());
        QVERIFY(until.isValid());
        QVERIFY(until > QDateTime::currentDateTimeUtc().addSecs(14 * 60));
        QVERIFY(until < QDateTime::currentDateTimeUtc().addSecs(16 * 60));
        QVERIFY2(locked.error().message.contains(QStringLiteral("锁定")), qPrintable(locked.error().message));
    }

private:
    void configure(ApiClient &api)
    {
        api.setBaseUrl(m_server.baseUrl());
        QVERIFY(api.addCaCertificatesFromFile(m_server.caFile()).ok());
    }

    LoginReply loggedIn(ApiClient &api, const QString &unitNo)
    {
        configure(api);
        auto login = call<LoginReply>([&](auto done) { api.login(unitNo, Password, this, done); });
        if (!login.ok())
            return {};
        api.setToken(login.value().token);
        return login.value();
    }

    template <typename T, typename F>
    Result<T> call(F &&start)
    {
        std::optional<Result<T>> result;
        start(ApiClient::Callback<T>([&](Result<T> r) { result.emplace(std::move(r)); }));
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
            return Error{QStringLiteral("test.no_answer"), QStringLiteral("no answer in 30 s"), {}, {}};
        return std::move(*result);
    }

    test::ServerProcess m_server;
};

QTEST_GUILESS_MAIN(TestApiClientE2e)
#include "tst_apiclient_e2e.moc"
