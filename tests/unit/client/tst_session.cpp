#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "app/Session.h"
#include "models/cache/LocalCache.h"

using namespace shebao;

class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void startsInactive()
    {
        Session session;
        QVERIFY(!session.isActive());
        QVERIFY(!session.isOffline());
        QVERIFY(!session.canDoBusiness());
        QCOMPARE(session.cache(), nullptr);
    }

    void canDoBusiness_data()
    {
        QTest::addColumn<AccountLevel>("level");
        QTest::addColumn<bool>("offline");
        QTest::addColumn<bool>("expected");
        QTest::newRow("ordinary online") << AccountLevel::Ordinary << false << false;
        QTest::newRow("authorized online") << AccountLevel::Authorized << false << true;
        QTest::newRow("certificate online") << AccountLevel::Certificate << false << true;
        QTest::newRow("authorized offline") << AccountLevel::Authorized << true << false;
        QTest::newRow("certificate offline") << AccountLevel::Certificate << true << false;
    }

    void canDoBusiness()
    {
        QFETCH(AccountLevel, level);
        QFETCH(bool, offline);
        QFETCH(bool, expected);
        Session session;
        session.begin(QStringLiteral("43010000001"), QStringLiteral("单位"), level, offline, nullptr);
        QCOMPARE(session.canDoBusiness(), expected);
    }

    void beginAndEnd()
    {
        QTemporaryDir dir;
        auto cache = std::make_unique<LocalCache>();
        QVERIFY(cache->open(dir.filePath(QStringLiteral("c.sqlite"))).ok());
        LocalCache *raw = cache.get();
        Session session;
        QSignalSpy changed(&session, &Session::changed);
        const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(3600);
        session.begin(QStringLiteral("43010000001"), QStringLiteral("长沙示例"), AccountLevel::Authorized, false,
                      std::move(cache), expires);
        QCOMPARE(changed.count(), 1);
        QVERIFY(session.isActive());
        QCOMPARE(session.unitNo(), QStringLiteral("43010000001"));
        QCOMPARE(session.unitName(), QStringLiteral("长沙示例"));
        QCOMPARE(session.level(), AccountLevel::Authorized);
        QCOMPARE(session.tokenExpiresAt(), expires);
        QCOMPARE(session.cache(), raw);

        // Listeners still reach the cache while end() announces itself; it closes afterwards.
        bool cacheSeenOpen = false;
        connect(&session, &Session::changed, this, [&] { cacheSeenOpen = session.cache() && session.cache()->isOpen(); });
        session.end();
        QCOMPARE(changed.count(), 2);
        QVERIFY(cacheSeenOpen);
        QVERIFY(!session.isActive());
        QCOMPARE(session.cache(), nullptr);
        QVERIFY(session.unitNo().isEmpty());
        QVERIFY(!session.tokenExpiresAt().isValid());
        session.end();
        QCOMPARE(changed.count(), 2); // nothing to end twice
    }

    void offlineHasNoTokenExpiry()
    {
        Session session;
        session.begin(QStringLiteral("1"), {}, AccountLevel::Authorized, true, nullptr,
                      QDateTime::currentDateTimeUtc());
        QVERIFY(session.isOffline());
        QVERIFY(!session.tokenExpiresAt().isValid());
    }

    void settersSignalOnlyOnChange()
    {
        Session session;
        session.begin(QStringLiteral("1"), {}, AccountLevel::Ordinary, true, nullptr);
        QSignalSpy changed(&session, &Session::changed);
        session.setLevel(AccountLevel::Ordinary);
        session.setOffline(true);
        QCOMPARE(changed.count(), 0);
        session.setLevel(AccountLevel::Authorized);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!session.canDoBusiness());
        session.setOffline(false);
        QCOMPARE(changed.count(), 2);
        QVERIFY(session.canDoBusiness());
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
