// Network faults, many times over: the client's outbox (OutboxService, as shebao-desk wires it)
// submits 异动 items to a real shebao-server process through a loopback proxy, and each trial
// breaks one submission in one of three ways:
//  - cut: the server commits, the proxy drops its answer and closes the client's connection;
//  - kill: the server process is SIGKILLed at a random moment after the request reached it
//    (before or after its commit) and started again on the same data directory;
//  - slow: the server's answer comes later than the client's timeout.
// After each trial the entry is kept (queued, with a Chinese message), a flush settles it, the
// item exists exactly once on the server (asked directly, not through the proxy) and the
// entry holds that item. The messages are checked in Chinese, as shebao-desk shows them. 102 trials by default; SHEBAO_FAULT_TRIALS=N runs more
// (docs/reliability.md). The figures are printed.
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include "CuttingProxy.h"
#include "DeclarationFixtures.h"
#include "DeskClient.h"
#include "ServerProcess.h"
#include "ServerQueries.h"
#include "ui/Translations.h"

using namespace shebao;
using test::waitFor;

namespace {

const QString Password = QStringLiteral("Demo1234");
const QString Authorized = QStringLiteral("43010000001");
// The client's timeout in the slow trials, and how late the answers come there.
constexpr int TimeoutMs = 300;
constexpr int LateMs = 700;

// A name per trial (names are Chinese characters only): 断网 and two of ten characters.
QString trialName(int number)
{
    static const QString digits = QStringLiteral("甲乙丙丁戊己庚辛壬癸");
    return QStringLiteral("断网") + digits.at((number / 10) % 10) + digits.at(number % 10);
}

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    return han.match(text).hasMatch();
}

} // namespace

class TestNetworkFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everySubmissionExactlyOnce();

private:
    QUrl proxyUrl() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_proxy.port())); }
    bool restartServer();
    // One trial of `kind`; the failure is reported through the QTest macros.
    void trial(int number, const QString &kind);

    test::ServerProcess m_server;
    test::CuttingProxy m_proxy;
    QTemporaryDir m_dir;
    std::unique_ptr<ApiClient> m_direct;
    std::unique_ptr<test::DeskClient> m_desk;
    QRandomGenerator m_random{20261205};
    QHash<QString, int> m_trials;
    QHash<QString, int> m_settledAtOnce; // the fault came too late to matter: answered normally
    int m_killedBeforeCommit = 0;
    int m_killedAfterCommit = 0;
    int m_restarts = 0;
};

void TestNetworkFaults::initTestCase()
{
    // The messages as the desktop shows them.
    QVERIFY(ui::installTranslations(QStringLiteral("zh_CN")));
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
    m_desk = std::make_unique<test::DeskClient>(proxyUrl(), m_server.caFile());
    auto deskLogin = m_desk->login(Authorized, Password, m_dir.filePath(QStringLiteral("faults.sqlite")));
    QVERIFY2(deskLogin.ok(), qPrintable(deskLogin.ok() ? QString() : deskLogin.error().detail));
    m_desk->flush();
}

bool TestNetworkFaults::restartServer()
{
    test::ServerProcess::Options options;
    options.demo = false; // the same data directory and database, seeded already
    if (!m_server.start(options))
        return false;
    ++m_restarts;
    m_proxy.setBackendPort(quint16(m_server.baseUrl().port()));
    m_direct->setBaseUrl(m_server.baseUrl());
    return true;
}

void TestNetworkFaults::trial(int number, const QString &kind)
{
    // A new person per trial: born on another day each time, so ID numbers never repeat.
    const DeclarationItem item = test::newPersonItem(trialName(number),
                                                     test::freshIdNumber(QDate(1985, 1, 1).addDays(number)));
    OutboxService &outbox = *m_desk->outbox;
    std::optional<Result<OutboxEntry>> answer;
    int committedBeforeRestart = -1;

    if (kind == u"cut") {
        m_proxy.setCutAnswers(true);
        answer.emplace(m_desk->submit(item));
        m_proxy.setCutAnswers(false);
    } else if (kind == u"slow") {
        m_desk->api.setTimeout(TimeoutMs);
        m_proxy.setAnswerDelay(LateMs);
        answer.emplace(m_desk->submit(item));
        m_proxy.setAnswerDelay(0);
        m_desk->api.setTimeout(30000);
    } else { // kill
        // At once (half of the kills) or 1-6 ms after the request was handed to the server: the
        // server commits within a millisecond or two, so both sides of its commit are hit.
        const int delay = m_random.bounded(2u) == 0 ? 0 : int(m_random.bounded(1u, 7u));
        bool killed = false;
        m_proxy.onNextForwarded([&] {
            if (delay == 0) {
                m_server.kill();
                killed = true;
            } else {
                QTimer::singleShot(delay, this, [&] {
                    m_server.kill();
                    killed = true;
                });
            }
        });
        outbox.submit(item, [&](Result<OutboxEntry> r) { answer.emplace(std::move(r)); });
        QVERIFY(QTest::qWaitFor([&] { return answer.has_value() && killed; }, 60000));
        QVERIFY2(restartServer(), qPrintable(m_server.error()));
        committedBeforeRestart = int(test::serverItems(*m_direct, item.idNumber).size());
        QVERIFY(committedBeforeRestart == 0 || committedBeforeRestart == 1);
        (committedBeforeRestart == 0 ? m_killedBeforeCommit : m_killedAfterCommit) += 1;
    }

    QVERIFY(answer.has_value());
    QVERIFY2(answer->ok(), qPrintable(answer->ok() ? QString() : answer->error().detail));
    const OutboxEntry first = answer->value();
    if (first.state == OutboxEntry::State::Sent) {
        ++m_settledAtOnce[kind];
    } else {
        // Kept, queued, with a message the clerk can read, never refused or dropped.
        QCOMPARE(first.state, OutboxEntry::State::Queued);
        QVERIFY2(first.error.code.startsWith(QLatin1String("net.")), qPrintable(kind + u' ' + first.error.code));
        QVERIFY2(hasChinese(first.error.message), qPrintable(first.error.message));
        QCOMPARE(first.item, item);
        QVERIFY2(m_desk->flush().code.isEmpty(), "the flush after the fault did not settle the outbox");
    }

    const auto entry = OutboxStore(*m_desk->session.cache()).entry(first.id);
    QVERIFY(entry.ok() && entry.value().has_value());
    QVERIFY2(entry.value()->state == OutboxEntry::State::Sent,
             qPrintable(QStringLiteral("trial %1 (%2): %3 %4").arg(number).arg(kind, entry.value()->error.code, entry.value()->error.message)));
    const QList<DeclarationItem> onServer = test::serverItems(*m_direct, item.idNumber);
    QVERIFY2(onServer.size() == 1, qPrintable(QStringLiteral("trial %1 (%2): %3 items on the server").arg(number).arg(kind).arg(onServer.size())));
    QCOMPARE(entry.value()->item.id, onServer.first().id);
    QCOMPARE(entry.value()->item.itemNo, onServer.first().itemNo);
    QCOMPARE(entry.value()->idempotencyKey, first.idempotencyKey);
    ++m_trials[kind];
}

void TestNetworkFaults::everySubmissionExactlyOnce()
{
    const int trials = qEnvironmentVariableIsSet("SHEBAO_FAULT_TRIALS") ? qEnvironmentVariableIntValue("SHEBAO_FAULT_TRIALS") : 102;
    const QStringList kinds{QStringLiteral("cut"), QStringLiteral("kill"), QStringLiteral("slow")};
    QElapsedTimer timer;
    timer.start();
    for (int number = 0; number < trials; ++number) {
        trial(number, kinds.at(number % kinds.size()));
        if (QTest::currentTestFailed())
            return;
    }
    // Nothing is left behind in the outbox.
    const auto unsettled = m_desk->outbox->unsettled();
    QVERIFY(unsettled.ok());
    QVERIFY(unsettled.value().isEmpty());
    qInfo("%d trials in %lld s, each submission exactly once on the server and settled in the client:"
          " %d answers cut after the commit (%d answered anyway), %d server kills (%d before the commit, %d after;"
          " %d restarts), %d answers later than the %d ms timeout (%d answered anyway)",
          trials, qint64(timer.elapsed() / 1000), m_trials.value(QStringLiteral("cut")), m_settledAtOnce.value(QStringLiteral("cut")),
          m_trials.value(QStringLiteral("kill")), m_killedBeforeCommit, m_killedAfterCommit, m_restarts,
          m_trials.value(QStringLiteral("slow")), TimeoutMs, m_settledAtOnce.value(QStringLiteral("slow")));
    QVERIFY(trials < 3 || (m_trials.value(QStringLiteral("cut")) > 0 && m_trials.value(QStringLiteral("kill")) > 0
                           && m_trials.value(QStringLiteral("slow")) > 0));
}

QTEST_MAIN(TestNetworkFaults)
#include "tst_networkfaults_e2e.moc"
