// What the clerk sees when the network fails at the worst moment: 异动新增 saved through a proxy
// that lets the request reach the real server (which commits it) and then loses the answer.
// The wizard says in Chinese that the item is kept on this computer and will be sent, the item
// waits under 申报及查询 > 草稿 as 待发送, and when the network is back it is sent — and the
// server has it exactly once, because the retry replays the lost answer.
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

#include "CuttingProxy.h"
#include "DeclarationGui.h"
#include "DeskClient.h"
#include "DeskFixture.h"
#include "ServerProcess.h"
#include "ServerQueries.h"
#include "app/AppContext.h"
#include "app/OutboxService.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/declaration/add/AddWizard.h"
#include "ui/declaration/submit/DeclarationPage.h"

using namespace shebao;
using test::child;

namespace {
const QString UnitNo = QStringLiteral("43010000001");
const QString Name = QStringLiteral("断网新员");
} // namespace

class TestNetworkFaultGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void lostAnswerKeepsTheWorkAndSendsItOnce();

private:
    test::ServerProcess m_server;
    test::CuttingProxy m_proxy;
    test::DeskFixture m_fixture;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ApiClient> m_direct;
};

void TestNetworkFaultGui::initTestCase()
{
    test::installChinese();
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    QVERIFY(m_proxy.listen());
    m_proxy.setBackendPort(quint16(m_server.baseUrl().port()));
    m_context = m_fixture.makeContext(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_proxy.port())), m_server.caFile());
    LoginDialog login(*m_context);
    QVERIFY2(test::submitLogin(login, UnitNo, QStringLiteral("Demo1234")), qPrintable(login.errorText()));
    const QString syncError = test::syncNow(*m_context);
    QVERIFY2(syncError.isEmpty(), qPrintable(syncError));
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // The server asked directly, not through the proxy.
    m_direct = std::make_unique<ApiClient>();
    m_direct->setBaseUrl(m_server.baseUrl());
    QVERIFY(m_direct->addCaCertificatesFromFile(m_server.caFile()).ok());
    auto direct = test::waitFor<LoginReply>([&](auto done) { m_direct->login(UnitNo, QStringLiteral("Demo1234"), this, done); });
    QVERIFY(direct.ok());
    m_direct->setToken(direct.value().token);
}

void TestNetworkFaultGui::cleanupTestCase()
{
    m_window.reset();
    m_context.reset();
}

void TestNetworkFaultGui::lostAnswerKeepsTheWorkAndSendsItOnce()
{
    QVERIFY(m_window->showEntry(QStringLiteral("declare.add")));
    auto *wizard = test::waitForChild<ui::AddWizard>(m_window.get(), QStringLiteral("addWizard"));
    QVERIFY(wizard);
    const QString id = test::freshIdNumber(QDate(1993, 4, 21), true);
    test::lookUp(wizard, id);
    QTest::mouseClick(child<QPushButton>(wizard, "selectButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(wizard, "addButton"), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ui::AddWizard::PersonPageId));
    test::fillPersonForm(wizard, Name);
    wizard->button(QWizard::NextButton)->click();
    QCOMPARE(wizard->currentId(), int(ui::AddWizard::WagePageId));

    // 保存: the server gets the item and commits it; its answer never arrives.
    const int cuts = m_proxy.cuts();
    m_proxy.setCutAnswers(true);
    test::confirmAndSave(wizard, QStringLiteral("6800"));
    m_proxy.setCutAnswers(false);
    QVERIFY(m_proxy.cuts() > cuts);
    QCOMPARE(test::serverItems(*m_direct, id).size(), 1);
    QCOMPARE(wizard->page(ui::AddWizard::SavedPageId)->title(), QStringLiteral("已保存在本机"));
    const QString outcome = child<QLabel>(wizard, "outcomeLabel")->text();
    qInfo("the clerk reads: %s", qPrintable(outcome));
    QVERIFY2(outcome.contains(Name) && outcome.contains(QStringLiteral("尚未发送")) && outcome.contains(QStringLiteral("自动发送"))
                 && outcome.contains(QStringLiteral("服务器")),
             qPrintable(outcome));
    QVERIFY2(!outcome.contains(QLatin1String("Cannot")) && !outcome.contains(QLatin1String("error")), qPrintable(outcome));
    test::saveScreenshot(wizard, QStringLiteral("fault-1-answer-lost"));
    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(!m_window->findChild<ui::AddWizard *>());

    // Kept: listed as waiting to be sent, with everything typed.
    QVERIFY(m_window->showEntry(QStringLiteral("declare.submit")));
    ui::DeclarationPage *page = m_window->declarationPage();
    page->showTab(ui::DeclarationPage::DraftsTabIndex);
    auto *drafts = child<QTableWidget>(page, "draftsTableWidget");
    const auto state = [&] {
        for (int r = 0; r < drafts->rowCount(); ++r) {
            if (drafts->item(r, 1)->text().contains(Name))
                return drafts->item(r, 0)->text();
        }
        return QString();
    };
    QTRY_COMPARE(state(), QStringLiteral("待发送"));
    const auto queued = m_context->outbox().unsettled();
    QVERIFY(queued.ok() && queued.value().size() == 1);
    QCOMPARE(queued.value().first().item.name, Name);
    QCOMPARE(queued.value().first().item.wage, Money::fromFen(680000));
    test::saveScreenshot(m_window.get(), QStringLiteral("fault-2-waiting"));

    // The network is back: the outbox sends it, the server replays its first answer.
    m_context->outbox().flush();
    QTRY_VERIFY_WITH_TIMEOUT(state().isEmpty(), 30000);
    const QList<DeclarationItem> onServer = test::serverItems(*m_direct, id);
    QCOMPARE(onServer.size(), 1);
    QVERIFY(m_context->outbox().unsettled().value().isEmpty());
    const auto entries = OutboxStore(*m_context->session().cache()).entries(OutboxEntry::State::Sent);
    QVERIFY(entries.ok());
    QVERIFY(std::any_of(entries.value().cbegin(), entries.value().cend(),
                        [&](const OutboxEntry &e) { return e.item.id == onServer.first().id && e.item.idNumber == id; }));
}

QTEST_MAIN(TestNetworkFaultGui)
#include "tst_networkfault_gui.moc"
