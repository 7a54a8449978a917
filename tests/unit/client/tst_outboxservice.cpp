#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include "app/ApiClient.h"
#include "app/OutboxService.h"
#include "app/Session.h"
#include "models/cache/LocalCache.h"
#include "models/cache/OutboxStore.h"

using namespace shebao;

namespace {

DeclarationItem item(const QString &name)
{
    DeclarationItem i;
    i.kind = DeclarationKind::Add;
    i.name = name;
    i.idNumber = QStringLiteral("11010519491231002X");
    i.insurances = {QStringLiteral("110")};
    i.startMonth = QStringLiteral("2026-12");
    i.wage = Money::fromFen(500000);
    return i;
}

} // namespace

// OutboxService without a server: what it does when it must not (or cannot) send. Everything it
// does with a server is in tests/e2e/tst_declarations_e2e.
class TestOutboxService : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        // Nothing listens here: a request that went out would fail with net.unreachable.
        m_api.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:9")));
    }

    void withoutASessionNothingIsWritten()
    {
        Session session;
        OutboxService outbox(&m_api, &session);
        const auto entry = wait(outbox, item(QStringLiteral("张三")));
        QVERIFY(!entry.ok());
        QCOMPARE(entry.error().code, QStringLiteral("cache.closed"));
        QCOMPARE(outbox.unsettled().error().code, QStringLiteral("cache.closed"));
    }

    void anOfflineSessionQueuesWithoutSending()
    {
        Session session;
        OutboxService outbox(&m_api, &session);
        QSignalSpy finished(&outbox, &OutboxService::flushFinished);
        session.begin(QStringLiteral("43010000001"), QStringLiteral("单位"), AccountLevel::Authorized, true,
                      openCache(QStringLiteral("offline.sqlite")));
        const auto entry = wait(outbox, item(QStringLiteral("张三")));
        QVERIFY(entry.ok());
        QCOMPARE(entry.value().state, OutboxEntry::State::Queued);
        QCOMPARE(entry.value().attempts, 0); // not tried: an offline session sends nothing
        QCOMPARE(entry.value().error.code, QStringLiteral("session.offline"));
        QVERIFY(!entry.value().error.message.isEmpty());
        outbox.flush();
        QVERIFY(!outbox.isFlushing());
        QCOMPARE(finished.count(), 0);
        const auto unsettled = outbox.unsettled();
        QCOMPARE(unsettled.value().size(), 1);
        QCOMPARE(unsettled.value().first().idempotencyKey, entry.value().idempotencyKey);
        // Never tried, so it may simply be thrown away.
        QVERIFY(outbox.discard(entry.value().id).ok());
        QVERIFY(outbox.unsettled().value().isEmpty());
    }

    void onlyRefusedEntriesCanBeRetried()
    {
        Session session;
        OutboxService outbox(&m_api, &session);
        session.begin(QStringLiteral("43010000001"), QStringLiteral("单位"), AccountLevel::Authorized, true,
                      openCache(QStringLiteral("retry.sqlite")));
        const auto entry = wait(outbox, item(QStringLiteral("张三")));
        std::optional<Result<OutboxEntry>> retried;
        outbox.retry(entry.value().id, item(QStringLiteral("李四")), [&](Result<OutboxEntry> r) { retried.emplace(r); });
        QVERIFY(!retried); // answered later, never inside the call
        QTRY_VERIFY(retried.has_value());
        QCOMPARE(retried->error().code, QStringLiteral("outbox.not_refused"));
    }

    void unreachableServerLeavesItQueuedWithTheAttempt()
    {
        Session session;
        OutboxService outbox(&m_api, &session);
        outbox.setRetryInterval(0);
        session.begin(QStringLiteral("43010000001"), QStringLiteral("单位"), AccountLevel::Authorized, false,
                      openCache(QStringLiteral("unreachable.sqlite")));
        const auto entry = wait(outbox, item(QStringLiteral("张三")));
        QVERIFY(entry.ok());
        QCOMPARE(entry.value().state, OutboxEntry::State::Queued);
        QCOMPARE(entry.value().attempts, 1);
        QVERIFY2(entry.value().error.code.startsWith(QLatin1String("net.")), qPrintable(entry.value().error.code));
        // It may have reached a server: refused to be thrown away.
        QCOMPARE(outbox.discard(entry.value().id).error().code, QStringLiteral("outbox.unsettled"));
    }

    // The attempt is written before the request leaves: while it is out (here: a listener that
    // takes the connection and never answers), the cache already counts it, so a process killed
    // at this moment restarts with an entry that cannot be discarded as never sent.
    void theAttemptIsOnDiskWhileTheRequestIsOut()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        m_api.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(silent.serverPort())));
        Session session;
        OutboxService outbox(&m_api, &session);
        session.begin(QStringLiteral("43010000001"), QStringLiteral("单位"), AccountLevel::Authorized, false,
                      openCache(QStringLiteral("inflight.sqlite")));
        bool answered = false;
        outbox.submit(item(QStringLiteral("张三")), [&](Result<OutboxEntry>) { answered = true; });
        QTRY_VERIFY(silent.hasPendingConnections()); // the request is out; its TLS hello stays unanswered
        QVERIFY(!answered);
        LocalCache other; // what a restarted process would read
        QVERIFY(other.open(m_dir.filePath(QStringLiteral("inflight.sqlite"))).ok());
        const auto entries = OutboxStore(other).entries();
        QVERIFY(entries.ok());
        QCOMPARE(entries.value().size(), 1);
        QCOMPARE(entries.value().first().state, OutboxEntry::State::Queued);
        QCOMPARE(entries.value().first().attempts, 1);
        QCOMPARE(outbox.discard(entries.value().first().id).error().code, QStringLiteral("outbox.unsettled"));
        session.end();
    }

    void endingTheSessionAnswersWhoWaits()
    {
        Session session;
        OutboxService outbox(&m_api, &session);
        session.begin(QStringLiteral("43010000001"), QStringLiteral("单位"), AccountLevel::Authorized, false,
                      openCache(QStringLiteral("end.sqlite")));
        std::optional<Result<OutboxEntry>> answer;
        outbox.submit(item(QStringLiteral("张三")), [&](Result<OutboxEntry> r) { answer.emplace(r); });
        QVERIFY(outbox.isFlushing());
        session.end();
        QVERIFY(answer.has_value());
        QCOMPARE(answer->error().code, QStringLiteral("cache.closed"));
        QVERIFY(!outbox.isFlushing());
        QTest::qWait(200); // the request's failure arrives for a cache that is gone: ignored
    }

private:
    std::unique_ptr<LocalCache> openCache(const QString &name)
    {
        auto cache = std::make_unique<LocalCache>();
        if (!cache->open(m_dir.filePath(name)))
            qFatal("cannot open the cache");
        return cache;
    }
    static Result<OutboxEntry> wait(OutboxService &outbox, const DeclarationItem &i)
    {
        std::optional<Result<OutboxEntry>> result;
        outbox.submit(i, [&](Result<OutboxEntry> r) { result.emplace(r); });
        QElapsedTimer timer;
        timer.start();
        while (!result && timer.elapsed() < 20000)
            QTest::qWait(10);
        return result ? *result : Result<OutboxEntry>(Error{QStringLiteral("test.timeout"), {}, {}, {}});
    }

    QTemporaryDir m_dir;
    ApiClient m_api;
};

QTEST_GUILESS_MAIN(TestOutboxService)
#include "tst_outboxservice.moc"
