// Saving 异动 items through the client's services (OutboxService, DeclarationService) against a
// real shebao-server process over HTTPS, with a loopback proxy in between that can lose an
// answer for real. What it shows: items are written before they are sent and survive a restart;
// a queued item is sent exactly once when the server is back (login, reachability, the retry
// timer); a retry after a lost answer gets the first answer (one item on the server); refusals
// are kept with the server's Chinese message, nothing dropped. 申报: tst_declarationbatch_e2e.
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "CuttingProxy.h"
#include "DeclarationFixtures.h"
#include "DeskClient.h"
#include "ServerQueries.h"
#include "ServerProcess.h"

using namespace shebao;
using test::waitFor;

namespace {

const QString Password = QStringLiteral("Demo1234");
const QString Authorized = QStringLiteral("43010000001");

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    return han.match(text).hasMatch();
}

} // namespace

class TestDeclarationsE2e : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lookup();
    void submitIsSent();
    void queuedWhileStoppedSurvivesRestartAndIsSentOnce();
    void reachabilityBackFlushes();
    void retryTimerSendsWhenTheServerIsBack();
    void lostAnswerIsReplayedNotDuplicated();
    void lostBulkAnswerIsReplayedNotDuplicated();
    void refusalKeepsTheServersMessage();
    void bulkSettlesEachItemOnItsOwn();
    void importRowsGetTheKindTheServerCallsFor();
    void cancelledSubmitManyTakesBackWhatWasNotSent();
    void oneFlushAtATime();
    void logoutWhileSendingLosesNothing();

private:
    QUrl proxyUrl() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_proxy.port())); }
    std::unique_ptr<test::DeskClient> desk(const QString &cacheName = QStringLiteral("desk.sqlite"));
    // Items of the unit on the server (straight to it, not through the proxy) with this ID number.
    QList<DeclarationItem> serverItems(const QString &idNumber, ItemState state = ItemState::Pending);
    bool restartServer();

    test::ServerProcess m_server;
    test::CuttingProxy m_proxy;
    QTemporaryDir m_dir;
    std::unique_ptr<ApiClient> m_direct;
};

void TestDeclarationsE2e::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    QVERIFY(m_proxy.listen());
    m_proxy.setBackendPort(quint16(m_server.baseUrl().port()));
    m_direct = std::make_unique<ApiClient>();
    m_direct->setBaseUrl(m_server.baseUrl());
    QVERIFY(m_direct->addCaCertificatesFromFile(m_server.caFile()).ok());
    auto login = waitFor<LoginReply>([&](auto done) { m_direct->login(Authorized, Password, this, done); });
    QVERIFY(login.ok());
    m_direct->setToken(login.value().token);
}

std::unique_ptr<test::DeskClient> TestDeclarationsE2e::desk(const QString &cacheName)
{
    auto client = std::make_unique<test::DeskClient>(proxyUrl(), m_server.caFile());
    auto login = client->login(Authorized, Password, m_dir.filePath(cacheName));
    if (!login)
        qWarning() << "login failed:" << login.error().code << login.error().detail;
    // The login's own flush (the session began) ends before the test goes on.
    client->flush();
    return client;
}

QList<DeclarationItem> TestDeclarationsE2e::serverItems(const QString &idNumber, ItemState state)
{
    return test::serverItems(*m_direct, idNumber, state);
}

bool TestDeclarationsE2e::restartServer()
{
    // The same data directory and database; seeded already.
    test::ServerProcess::Options options;
    options.demo = false;
    if (!m_server.start(options))
        return false;
    m_proxy.setBackendPort(quint16(m_server.baseUrl().port()));
    m_direct->setBaseUrl(m_server.baseUrl());
    return true;
}

void TestDeclarationsE2e::lookup()
{
    auto client = desk();
    const Person demo = test::activeDemoPerson(*m_direct);
    QVERIFY(!demo.idNumber.isEmpty());
    auto known = waitFor<PersonLookup>([&](auto done) { client->declarations->lookup(demo.idNumber, this, done); });
    QVERIFY2(known.ok(), qPrintable(known.ok() ? QString() : known.error().detail));
    QVERIFY(known.value().known);
    QCOMPARE(known.value().name, demo.name);
    QVERIFY(known.value().activeHere);
    QCOMPARE(known.value().suggestedKind, DeclarationKind::Renew);
    QVERIFY(!known.value().canDeclare()); // active already: person.enrolled
    QVERIFY(!known.value().history.isEmpty());

    const QString fresh = test::freshIdNumber();
    auto unknown = waitFor<PersonLookup>([&](auto done) { client->declarations->lookup(fresh, this, done); });
    QVERIFY(unknown.ok());
    QVERIFY(!unknown.value().known);
    QCOMPARE(unknown.value().suggestedKind, DeclarationKind::Add);
    QVERIFY(unknown.value().canDeclare());
    QCOMPARE(unknown.value().person.gender, IdNumber::parse(fresh).value().genderCode());

    // A malformed number fails locally: nothing reaches the server.
    const int connections = m_proxy.connections();
    auto bad = waitFor<PersonLookup>([&](auto done) {
        client->declarations->lookup(fresh.left(17) + (fresh.endsWith(u'1') ? u'2' : u'1'), this, done);
    });
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, QStringLiteral("id.checksum"));
    QCOMPARE(m_proxy.connections(), connections);
}

void TestDeclarationsE2e::submitIsSent()
{
    auto client = desk();
    QSignalSpy settled(client->outbox.get(), &OutboxService::entrySettled);
    const DeclarationItem item = test::newPersonItem(QStringLiteral("刘一"));
    const auto entry = client->submit(item);
    QVERIFY2(entry.ok(), qPrintable(entry.ok() ? QString() : entry.error().detail));
    QCOMPARE(entry.value().state, OutboxEntry::State::Sent);
    QVERIFY2(entry.value().error.code.isEmpty(), qPrintable(entry.value().error.message));
    QCOMPARE(entry.value().attempts, 1);
    const DeclarationItem &saved = entry.value().item;
    QVERIFY(saved.id > 0);
    QVERIFY(!saved.itemNo.isEmpty());
    QCOMPARE(saved.state, ItemState::Pending);
    QCOMPARE(saved.idNumber, item.idNumber);
    QCOMPARE(saved.base, Money::fromFen(500000));
    QCOMPARE(settled.count(), 1);
    const auto onServer = serverItems(item.idNumber);
    QCOMPARE(onServer.size(), 1);
    QCOMPARE(onServer.first().id, saved.id);
}

void TestDeclarationsE2e::queuedWhileStoppedSurvivesRestartAndIsSentOnce()
{
    const DeclarationItem item = test::newPersonItem(QStringLiteral("陈二"));
    const QString cache = QStringLiteral("restart.sqlite");
    OutboxEntry queued;
    {
        auto client = desk(cache);
        m_server.stop();
        const auto entry = client->submit(item);
        QVERIFY(entry.ok());
        QCOMPARE(entry.value().state, OutboxEntry::State::Queued);
        QCOMPARE(entry.value().attempts, 1);
        QCOMPARE(entry.value().error.code, QStringLiteral("net.unreachable"));
        queued = entry.value();
        // It may have reached the server (an answer lost): it cannot simply be thrown away.
        QCOMPARE(client->outbox->discard(queued.id).error().code, QStringLiteral("outbox.unsettled"));
    } // the program ends

    // A new program on the same cache file, before any login: the entry is there, same key.
    {
        LocalCache reopened;
        QVERIFY(reopened.open(m_dir.filePath(cache)).ok());
        QVERIFY(reopened.checkIntegrity().ok());
        const auto entries = OutboxStore(reopened).entries(OutboxEntry::State::Queued);
        QVERIFY(entries.ok());
        QCOMPARE(entries.value().size(), 1);
        QCOMPARE(entries.value().first().idempotencyKey, queued.idempotencyKey);
        QCOMPARE(entries.value().first().item, item);
    }

    QVERIFY2(restartServer(), qPrintable(m_server.error()));
    auto client = desk(cache); // the login flushes
    const auto entry = OutboxStore(*client->session.cache()).entry(queued.id);
    QVERIFY(entry.ok() && entry.value());
    QCOMPARE(entry.value()->state, OutboxEntry::State::Sent);
    QCOMPARE(entry.value()->attempts, 2);
    QVERIFY(entry.value()->item.id > 0);
    QCOMPARE(serverItems(item.idNumber).size(), 1);
    // Flushing again sends nothing more.
    QVERIFY(client->flush().code.isEmpty());
    QCOMPARE(serverItems(item.idNumber).size(), 1);
    QVERIFY(client->outbox->unsettled().value().isEmpty());
}

void TestDeclarationsE2e::reachabilityBackFlushes()
{
    auto client = desk(QStringLiteral("reach.sqlite"));
    m_server.stop();
    const DeclarationItem item = test::newPersonItem(QStringLiteral("张三丰"));
    const auto entry = client->submit(item);
    QCOMPARE(entry.value().state, OutboxEntry::State::Queued);
    QVERIFY(!client->api.isOnline());
    QVERIFY2(restartServer(), qPrintable(m_server.error()));
    // Any answer from the server (here the pending list) flips reachability: the outbox sends.
    QSignalSpy settled(client->outbox.get(), &OutboxService::entrySettled);
    auto list = waitFor<QList<DeclarationItem>>([&](auto done) {
        client->declarations->items(ItemState::Pending, this, done);
    });
    QVERIFY(list.ok());
    QVERIFY(settled.count() > 0 || settled.wait(20000));
    QCOMPARE(settled.first().first().value<OutboxEntry>().state, OutboxEntry::State::Sent);
    QCOMPARE(serverItems(item.idNumber).size(), 1);
}

void TestDeclarationsE2e::retryTimerSendsWhenTheServerIsBack()
{
    auto client = desk(QStringLiteral("timer.sqlite"));
    client->outbox->setRetryInterval(250); // 250 ms, 500 ms, 1 s, 2 s, 4 s, 4 s, ...
    m_server.stop();
    const DeclarationItem item = test::newPersonItem(QStringLiteral("孔明"));
    QCOMPARE(client->submit(item).value().state, OutboxEntry::State::Queued);
    QSignalSpy finished(client->outbox.get(), &OutboxService::flushFinished);
    QVERIFY(finished.wait(3000)); // a retry while the server is still down
    QCOMPARE(finished.last().first().value<Error>().code, QStringLiteral("net.unreachable"));
    QSignalSpy settled(client->outbox.get(), &OutboxService::entrySettled);
    QVERIFY2(restartServer(), qPrintable(m_server.error()));
    // Nobody calls flush(): the timer does, and there is no other traffic to flip reachability.
    QVERIFY(settled.wait(15000));
    QCOMPARE(settled.first().first().value<OutboxEntry>().state, OutboxEntry::State::Sent);
    QCOMPARE(serverItems(item.idNumber).size(), 1);
    client->outbox->setRetryInterval(0);
}

void TestDeclarationsE2e::lostAnswerIsReplayedNotDuplicated()
{
    auto client = desk();
    const DeclarationItem item = test::newPersonItem(QStringLiteral("王小明"));
    const int cuts = m_proxy.cuts();
    m_proxy.setCutAnswers(true);
    const auto lost = client->submit(item);
    m_proxy.setCutAnswers(false);
    QVERIFY(lost.ok());
    QVERIFY(m_proxy.cuts() > cuts);
    qInfo("answers lost: %d (Qt re-sent the POST %d times under the same key)", m_proxy.cuts() - cuts,
          m_proxy.cuts() - cuts - 1);
    QCOMPARE(lost.value().state, OutboxEntry::State::Queued);
    QVERIFY2(lost.value().error.code.startsWith(QLatin1String("net.")), qPrintable(lost.value().error.code));
    // The server committed before it answered.
    const auto committed = serverItems(item.idNumber);
    QCOMPARE(committed.size(), 1);

    QVERIFY(client->flush().code.isEmpty());
    const auto entry = OutboxStore(*client->session.cache()).entry(lost.value().id).value();
    QCOMPARE(entry->state, OutboxEntry::State::Sent);
    QCOMPARE(entry->item.id, committed.first().id);
    QCOMPARE(entry->item.itemNo, committed.first().itemNo);
    QCOMPARE(serverItems(item.idNumber).size(), 1);
}

void TestDeclarationsE2e::lostBulkAnswerIsReplayedNotDuplicated()
{
    auto client = desk();
    client->outbox->setChunkSize(2);
    QList<DeclarationItem> items{test::newPersonItem(QStringLiteral("赵甲")), test::newPersonItem(QStringLiteral("钱乙")),
                                 test::newPersonItem(QStringLiteral("孙丙"))};
    QList<int> progress;
    m_proxy.setCutAnswers(true);
    const auto lost = waitFor<QList<OutboxEntry>>([&](auto done) {
        client->outbox->submitMany(items, [&](int n, int) { progress << n; return true; }, done);
    });
    m_proxy.setCutAnswers(false);
    QVERIFY(lost.ok());
    QCOMPARE(lost.value().size(), 3);
    for (const OutboxEntry &e : lost.value())
        QCOMPARE(e.state, OutboxEntry::State::Queued); // the first chunk's answer was lost, the second never sent
    QCOMPARE(progress, QList<int>{2});
    QCOMPARE(serverItems(items[0].idNumber).size(), 1);
    QCOMPARE(serverItems(items[1].idNumber).size(), 1);
    QCOMPARE(serverItems(items[2].idNumber).size(), 0);

    QVERIFY(client->flush().code.isEmpty());
    OutboxStore store(*client->session.cache());
    QSet<qint64> ids;
    for (int i = 0; i < 3; ++i) {
        const auto e = store.entry(lost.value().at(i).id).value();
        QCOMPARE(e->state, OutboxEntry::State::Sent);
        const auto onServer = serverItems(items[i].idNumber);
        QCOMPARE(onServer.size(), 1);
        QCOMPARE(e->item.id, onServer.first().id);
        ids << e->item.id;
    }
    QCOMPARE(ids.size(), 3);
}

void TestDeclarationsE2e::refusalKeepsTheServersMessage()
{
    auto client = desk();
    const Person demo = test::activeDemoPerson(*m_direct);
    DeclarationItem item = test::newPersonItem(demo.name, demo.idNumber);
    item.kind = DeclarationKind::Renew; // the kind that applies; the person is active already
    const auto entry = client->submit(item);
    QVERIFY(entry.ok());
    QCOMPARE(entry.value().state, OutboxEntry::State::Refused);
    QCOMPARE(entry.value().error.code, QStringLiteral("person.enrolled"));
    QVERIFY2(hasChinese(entry.value().error.message), qPrintable(entry.value().error.message));
    QCOMPARE(entry.value().item, item); // what the user typed is kept for correction
    // Nothing dropped: the refused entry is in the outbox list until the user discards it.
    const auto unsettled = client->outbox->unsettled().value();
    QVERIFY(std::any_of(unsettled.cbegin(), unsettled.cend(), [&](const OutboxEntry &e) {
        return e.id == entry.value().id && e.state == OutboxEntry::State::Refused;
    }));
    // Corrected into something the server accepts (another, new person): sent under a new key.
    const DeclarationItem corrected = test::newPersonItem(QStringLiteral("周正"));
    const auto retried = waitFor<OutboxEntry>([&](auto done) { client->outbox->retry(entry.value().id, corrected, done); });
    QVERIFY(retried.ok());
    QCOMPARE(retried.value().state, OutboxEntry::State::Sent);
    QVERIFY(retried.value().idempotencyKey != entry.value().idempotencyKey);
    QCOMPARE(serverItems(corrected.idNumber).size(), 1);
    QVERIFY(client->outbox->discard(entry.value().id).ok());
}

void TestDeclarationsE2e::bulkSettlesEachItemOnItsOwn()
{
    auto client = desk();
    const Person demo = test::activeDemoPerson(*m_direct);
    DeclarationItem enrolled = test::newPersonItem(demo.name, demo.idNumber);
    enrolled.kind = DeclarationKind::Renew;
    const DeclarationItem good = test::newPersonItem(QStringLiteral("吴丁"));
    DeclarationItem early = test::newPersonItem(QStringLiteral("郑戊"));
    early.startMonth = YearMonth::ofDate(QDate::currentDate().addMonths(-3)).toString();
    const auto entries = waitFor<QList<OutboxEntry>>([&](auto done) {
        client->outbox->submitMany({enrolled, good, early}, {}, done);
    });
    QVERIFY(entries.ok());
    QCOMPARE(entries.value().at(0).state, OutboxEntry::State::Refused);
    QCOMPARE(entries.value().at(0).error.code, QStringLiteral("person.enrolled"));
    QCOMPARE(entries.value().at(1).state, OutboxEntry::State::Sent);
    QCOMPARE(entries.value().at(2).state, OutboxEntry::State::Refused);
    QCOMPARE(entries.value().at(2).error.code, QStringLiteral("start.too_early"));
    QCOMPARE(entries.value().at(2).error.field, QStringLiteral("start_month"));
    QVERIFY(hasChinese(entries.value().at(2).error.message));
    QCOMPARE(serverItems(good.idNumber).size(), 1);
    QCOMPARE(serverItems(early.idNumber).size(), 0);
}

void TestDeclarationsE2e::importRowsGetTheKindTheServerCallsFor()
{
    auto client = desk();
    const PersonLookup renewable = test::renewablePerson(*m_direct);
    QVERIFY2(!renewable.idNumber.isEmpty(), "no demo person to 续保");
    // An import sheet says 新增/续保: every row goes as 新增 first.
    const DeclarationItem fresh = test::newPersonItem(QStringLiteral("施一"));
    const DeclarationItem earlier = test::newPersonItem(renewable.name, renewable.idNumber);
    const auto entries = waitFor<QList<OutboxEntry>>([&](auto done) {
        client->outbox->submitImport({fresh, earlier}, {}, done);
    });
    QVERIFY(entries.ok());
    QCOMPARE(entries.value().size(), 2);
    QCOMPARE(entries.value()[0].state, OutboxEntry::State::Sent);
    QCOMPARE(entries.value()[0].item.kind, DeclarationKind::Add);
    QVERIFY2(entries.value()[1].state == OutboxEntry::State::Sent, qPrintable(entries.value()[1].error.message));
    QCOMPARE(entries.value()[1].item.kind, DeclarationKind::Renew);
    const auto onServer = serverItems(renewable.idNumber);
    QCOMPARE(onServer.size(), 1);
    QCOMPARE(onServer.first().kind, DeclarationKind::Renew);
    // The same for rows queued offline and sent later: the flip happens in that flush.
    const PersonLookup another = [&] {
        // Not the one just declared: it has a pending item now.
        return test::renewablePerson(*m_direct);
    }();
    QVERIFY2(!another.idNumber.isEmpty() && another.idNumber != renewable.idNumber, "no second demo person to 续保");
    m_server.stop();
    const auto offline = waitFor<QList<OutboxEntry>>([&](auto done) {
        client->outbox->submitImport({test::newPersonItem(another.name, another.idNumber)}, {}, done);
    });
    QCOMPARE(offline.value().first().state, OutboxEntry::State::Queued);
    QVERIFY(offline.value().first().kindOpen);
    QVERIFY2(restartServer(), qPrintable(m_server.error()));
    QVERIFY(client->flush().code.isEmpty());
    const OutboxEntry later = *OutboxStore(*client->session.cache()).entry(offline.value().first().id).value();
    QVERIFY2(later.state == OutboxEntry::State::Sent, qPrintable(later.error.message));
    QCOMPARE(later.item.kind, DeclarationKind::Renew);
    QCOMPARE(serverItems(another.idNumber).size(), 1);

    // A wizard's item keeps its kind: the refusal is shown, not corrected behind the user's back.
    DeclarationItem wrong = test::newPersonItem(QStringLiteral("张冠"), test::freshIdNumber());
    wrong.kind = DeclarationKind::Renew;
    const auto refused = client->submit(wrong);
    QCOMPARE(refused.value().state, OutboxEntry::State::Refused);
    QCOMPARE(refused.value().error.code, QStringLiteral("kind.mismatch"));
}

void TestDeclarationsE2e::cancelledSubmitManyTakesBackWhatWasNotSent()
{
    auto client = desk(QStringLiteral("cancel.sqlite"));
    client->outbox->setChunkSize(2);
    QList<DeclarationItem> items;
    for (const QString &name : {QStringLiteral("韩一"), QStringLiteral("杨二"), QStringLiteral("朱三"),
                                QStringLiteral("秦四"), QStringLiteral("尤五")})
        items << test::newPersonItem(name);
    QList<std::pair<int, int>> progress;
    const auto entries = waitFor<QList<OutboxEntry>>([&](auto done) {
        client->outbox->submitMany(items, [&](int n, int total) {
            progress.append({n, total});
            return false; // 取消 after the first chunk
        }, done);
    });
    QVERIFY(entries.ok());
    QCOMPARE(progress, (QList<std::pair<int, int>>{{2, 5}}));
    QCOMPARE(entries.value().size(), 5);
    QCOMPARE(entries.value().at(0).state, OutboxEntry::State::Sent);
    QCOMPARE(entries.value().at(1).state, OutboxEntry::State::Sent);
    for (int i = 2; i < 5; ++i) {
        QCOMPARE(entries.value().at(i).id, 0);
        QCOMPARE(entries.value().at(i).error.code, QStringLiteral("outbox.cancelled"));
        QCOMPARE(serverItems(items[i].idNumber).size(), 0);
    }
    QCOMPARE(serverItems(items[0].idNumber).size(), 1);
    // Nothing of the cancelled rest is left to be sent later.
    QVERIFY(client->outbox->unsettled().value().isEmpty());
    QCOMPARE(OutboxStore(*client->session.cache()).entries().value().size(), 2);
}

void TestDeclarationsE2e::oneFlushAtATime()
{
    auto client = desk(QStringLiteral("once.sqlite"));
    m_server.stop();
    QList<DeclarationItem> items{test::newPersonItem(QStringLiteral("许一")), test::newPersonItem(QStringLiteral("何二")),
                                 test::newPersonItem(QStringLiteral("吕三"))};
    for (const DeclarationItem &item : items)
        QCOMPARE(client->submit(item).value().state, OutboxEntry::State::Queued);
    QVERIFY2(restartServer(), qPrintable(m_server.error()));
    QSignalSpy finished(client->outbox.get(), &OutboxService::flushFinished);
    QSignalSpy settled(client->outbox.get(), &OutboxService::entrySettled);
    client->outbox->flush();
    QVERIFY(client->outbox->isFlushing());
    client->outbox->flush(); // while one runs: nothing more
    client->outbox->flush();
    QVERIFY(finished.wait(20000));
    QTest::qWait(300);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(settled.count(), 3); // each entry once
    for (const DeclarationItem &item : items)
        QCOMPARE(serverItems(item.idNumber).size(), 1);
}

void TestDeclarationsE2e::logoutWhileSendingLosesNothing()
{
    const QString cacheName = QStringLiteral("logout.sqlite");
    const DeclarationItem item = test::newPersonItem(QStringLiteral("鲁一"));
    qint64 entryId = 0;
    {
        auto client = desk(cacheName);
        std::optional<Result<OutboxEntry>> answer;
        client->outbox->submit(item, [&](Result<OutboxEntry> r) { answer.emplace(std::move(r)); });
        // Written before anything was sent: the entry is in the file already.
        const auto entries = OutboxStore(*client->session.cache()).entries(OutboxEntry::State::Queued).value();
        QCOMPARE(entries.size(), 1);
        entryId = entries.first().id;
        client->session.end(); // logged out (or the window closed) while the request is on the wire
        QVERIFY(answer.has_value());
        QCOMPARE(answer->error().code, QStringLiteral("cache.closed"));
        QTest::qWait(1500); // the server's answer arrives and is dropped: it belongs to a closed cache
    }
    auto client = desk(cacheName); // logging in again flushes: the replay settles the entry
    const OutboxEntry entry = *OutboxStore(*client->session.cache()).entry(entryId).value();
    QCOMPARE(entry.state, OutboxEntry::State::Sent);
    QCOMPARE(serverItems(item.idNumber).size(), 1);
    QCOMPARE(entry.item.id, serverItems(item.idNumber).first().id);
}

QTEST_MAIN(TestDeclarationsE2e)
#include "tst_declarations_e2e.moc"
