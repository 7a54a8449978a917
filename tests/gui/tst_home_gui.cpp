// 首页 as a clerk of an authorized unit sees it after login: the pending items count what is
// there (and follow what the clerk saves), every figure opens the list behind it, the people
// figures match the cached staff list, the deadline reminds when it is near, F1 opens the guide,
// and offline the figures that need the server say so.
#include <QAbstractButton>
#include <QComboBox>
#include <QDate>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include "DeclarationGui.h"
#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AppContext.h"
#include "app/BillService.h"
#include "app/DeclarationService.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "models/cache/DraftStore.h"
#include "models/cache/LocalCache.h"
#include "models/home/StaffFigures.h"
#include "models/itemmodels/PersonTableModel.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/ModuleTreeWidget.h"
#include "ui/declaration/add/AddWizard.h"
#include "ui/declaration/submit/DeclarationPage.h"
#include "ui/maintain/ChangeRequestsPage.h"
#include "ui/help/UserGuideWindow.h"
#include "ui/home/HomePage.h"
#include "ui/home/PeopleListDialog.h"
#include "ui/pay/BillQueryPage.h"
#include "ui/pay/BillTableModel.h"
#include "ui/pay/PayModule.h"
#include "tests/e2e/BillFixtures.h"

using namespace shebao;
using shebao::test::child;

namespace {
const QString UnitNo = QStringLiteral("43010000001");
}

class TestHomeGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void theFirstScreenAfterLogin();
    void pendingItemsCountWhatIsThere();
    void aSavedItemIsCounted();
    void figuresOpenTheirLists();
    void unpaidBillsAreCountedAndListed();
    void peopleFiguresOpenThePeople();
    void deadlineReminds();
    void f1OpensTheGuideAtWhatIsShown();
    void offlineTheServerFiguresSaySo();

private:
    int figure(const char *key) const;
    bool waitLoaded() const;
    ui::PeopleListDialog *waitPeopleDialog() const;

    test::ServerProcess m_server;
    test::DeskFixture m_fixture;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    ui::HomePage *m_home = nullptr;
};

void TestHomeGui::initTestCase()
{
    test::installChinese();
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_context = m_fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog login(*m_context);
    QVERIFY2(test::submitLogin(login, UnitNo, QStringLiteral("Demo1234")), qPrintable(login.errorText()));
    const QString syncError = test::syncNow(*m_context);
    QVERIFY2(syncError.isEmpty(), qPrintable(syncError));
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_home = m_window->homePage();
    QVERIFY(m_home);
}

void TestHomeGui::cleanupTestCase()
{
    if (ui::UserGuideWindow::instance())
        delete ui::UserGuideWindow::instance();
    m_window.reset();
    m_context.reset();
}

int TestHomeGui::figure(const char *key) const
{
    QPushButton *button = m_home->figureButton(QString::fromLatin1(key));
    bool ok = false;
    const int n = button ? button->text().toInt(&ok) : -1;
    return ok ? n : -1;
}

bool TestHomeGui::waitLoaded() const
{
    return QTest::qWaitFor([this] { return m_home->isLoaded(); }, 30000);
}

ui::PeopleListDialog *TestHomeGui::waitPeopleDialog() const
{
    return test::waitForChild<ui::PeopleListDialog>(m_home, QStringLiteral("peopleListDialog"));
}

void TestHomeGui::theFirstScreenAfterLogin()
{
    auto *pages = m_window->findChild<QStackedWidget *>(QStringLiteral("pagesStackedWidget"));
    QCOMPARE(pages->currentWidget(), m_home);
    auto *tree = m_window->findChild<ModuleTreeWidget *>(QStringLiteral("moduleTreeWidget"));
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("首页"));
    QCOMPARE(tree->currentItem(), tree->topLevelItem(0));
    QCOMPARE(QApplication::focusWidget(), tree);
    QVERIFY(child<QLabel>(m_home, "homeTitleLabel")->text().contains(UnitNo));
    // Keyboard: from the tree, Tab reaches the figures.
    QWidget *w = tree;
    bool reached = false;
    for (int i = 0; i < 8 && !reached; ++i) {
        w = w->nextInFocusChain();
        while (w && (!w->isVisible() || !(w->focusPolicy() & Qt::TabFocus)))
            w = w->nextInFocusChain();
        reached = w && m_home->isAncestorOf(w) && qobject_cast<QAbstractButton *>(w);
    }
    QVERIFY2(reached, "no figure of 首页 in the tab order after the module tree");
    QVERIFY2(test::unnamedWidgets(m_home).isEmpty(), qPrintable(test::unnamedWidgets(m_home)));
}

void TestHomeGui::pendingItemsCountWhatIsThere()
{
    // Two drafts of 异动新增 and one of 信息变更, left by the clerk.
    DraftStore drafts(*m_context->session().cache());
    QVERIFY(drafts.save({0, QStringLiteral("declaration.add"), QStringLiteral("甲"), {}, {}}));
    QVERIFY(drafts.save({0, QStringLiteral("declaration.reduce"), QStringLiteral("乙"), {}, {}}));
    QVERIFY(drafts.save({0, QStringLiteral("maintain.unit"), QStringLiteral("单位信息变更"), {}, {}}));
    QTest::mouseClick(child<QPushButton>(m_home, "refreshHomeButton"), Qt::LeftButton);
    QVERIFY(waitLoaded());
    QCOMPARE(figure("declarationDrafts"), 2);
    QCOMPARE(figure("changeDrafts"), 1);
    QCOMPARE(figure("unsent"), 0);
    // Server figures are what the server says now.
    std::optional<int> pending;
    m_context->declarations().items(ItemState::Pending, this, [&](Result<QList<DeclarationItem>> r) {
        pending = r ? int(r.value().size()) : -1;
    });
    QTRY_VERIFY(pending.has_value());
    QCOMPARE(figure("pendingItems"), *pending);
    QVERIFY(figure("awaitingPaper") >= 0);
    QVERIFY(figure("unitReview") >= 0);
    QVERIFY(figure("personReview") >= 0);
    QCOMPARE(m_home->figureButton(QStringLiteral("pendingItems"))->accessibleName(),
             QStringLiteral("待申报的人员：%1").arg(*pending));
    QVERIFY(!child<QLabel>(m_home, "pendingNoteLabel")->isVisible());
}

void TestHomeGui::aSavedItemIsCounted()
{
    const int before = figure("pendingItems");
    QVERIFY(m_window->showEntry(QStringLiteral("declare.add")));
    auto *wizard = test::waitForChild<ui::AddWizard>(m_window.get(), QStringLiteral("addWizard"));
    QVERIFY(wizard);
    test::lookUp(wizard, test::freshIdNumber(QDate(1995, 3, 8), true));
    QTest::mouseClick(child<QPushButton>(wizard, "selectButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(wizard, "addButton"), Qt::LeftButton);
    test::fillPersonForm(wizard, QStringLiteral("首页测"));
    wizard->button(QWizard::NextButton)->click();
    test::confirmAndSave(wizard, QStringLiteral("6000"));
    wizard->close();
    QVERIFY(m_window->showEntry(QStringLiteral("home")));
    QVERIFY(waitLoaded());
    QTRY_COMPARE_WITH_TIMEOUT(figure("pendingItems"), before + 1, 30000);
}

void TestHomeGui::figuresOpenTheirLists()
{
    auto *pages = m_window->findChild<QStackedWidget *>(QStringLiteral("pagesStackedWidget"));
    auto *tabs = m_window->declarationPage()->findChild<QTabWidget *>();
    QTest::mouseClick(m_home->figureButton(QStringLiteral("pendingItems")), Qt::LeftButton);
    QCOMPARE(pages->currentWidget(), m_window->declarationPage());
    QCOMPARE(tabs->currentIndex(), int(ui::DeclarationPage::PendingTabIndex));

    QVERIFY(m_window->showEntry(QStringLiteral("home")));
    QTest::keyClick(m_home->figureButton(QStringLiteral("declarationDrafts")), Qt::Key_Space);
    QCOMPARE(pages->currentWidget(), m_window->declarationPage());
    QCOMPARE(tabs->currentIndex(), int(ui::DeclarationPage::DraftsTabIndex));
    QTRY_COMPARE(child<QTableWidget>(m_window->declarationPage(), "draftsTableWidget")->rowCount(), 2);

    QVERIFY(m_window->showEntry(QStringLiteral("home")));
    QTest::mouseClick(m_home->figureButton(QStringLiteral("awaitingPaper")), Qt::LeftButton);
    QCOMPARE(tabs->currentIndex(), int(ui::DeclarationPage::BatchesTabIndex));
    QCOMPARE(child<QWidget>(m_window->declarationPage(), "batchStateComboBox")->property("code").toString(),
             QStringLiteral("awaiting_paper"));

    QVERIFY(m_window->showEntry(QStringLiteral("home")));
    QTest::mouseClick(m_home->figureButton(QStringLiteral("personReview")), Qt::LeftButton);
    QCOMPARE(pages->currentWidget(), m_window->changeRequestsPage());
    QCOMPARE(child<QWidget>(m_window->changeRequestsPage(), "changeTargetComboBox")->property("code").toString(),
             QStringLiteral("person"));
    QCOMPARE(child<QWidget>(m_window->changeRequestsPage(), "changeStateComboBox")->property("code").toString(),
             QStringLiteral("pending"));
    // No wizard was opened on the way.
    QVERIFY(!m_window->findChild<QWizard *>(QStringLiteral("personChangeWizard")));
    QCOMPARE(m_window->findChild<ModuleTreeWidget *>()->currentItem()->text(0), QStringLiteral("个人信息变更"));

    // The 信息变更 draft opens in its wizard, where it was left.
    QVERIFY(m_window->showEntry(QStringLiteral("home")));
    QTest::mouseClick(m_home->figureButton(QStringLiteral("changeDrafts")), Qt::LeftButton);
    QWizard *wizard = test::waitForChild<QWizard>(m_window.get(), QStringLiteral("unitChangeWizard"));
    QVERIFY(wizard);
    wizard->close();
    QTRY_VERIFY(!m_window->findChild<QWizard *>(QStringLiteral("unitChangeWizard")));
    QVERIFY(m_window->showEntry(QStringLiteral("home")));
}

// 网上缴费: a bill made and not paid is a pending item; its figure opens 银行缴费单查询 at 未缴费.
void TestHomeGui::unpaidBillsAreCountedAndListed()
{
    QVERIFY(m_window->showEntry(QStringLiteral("home")));
    QVERIFY(waitLoaded());
    const int before = figure("unpaidBills");
    QVERIFY(before >= 0);
    const QStringList people = test::bills::peopleWithGaps(m_context->api(), m_context->bills(), this, 1);
    QCOMPARE(people.size(), 1);
    auto bill = test::waitFor<Bill>(
        [&](auto done) { m_context->bills().create(test::bills::requestFor(people.first()), this, done); });
    QVERIFY2(bill.ok(), qPrintable(bill.ok() ? QString() : bill.error().message));
    QTest::mouseClick(child<QPushButton>(m_home, "refreshHomeButton"), Qt::LeftButton);
    QVERIFY(waitLoaded());
    QCOMPARE(figure("unpaidBills"), before + 1);
    QCOMPARE(m_home->figureButton(QStringLiteral("unpaidBills"))->accessibleName(),
             QStringLiteral("未缴费的断档缴费单：%1").arg(before + 1));

    QTest::mouseClick(m_home->figureButton(QStringLiteral("unpaidBills")), Qt::LeftButton);
    auto *pages = m_window->findChild<QStackedWidget *>(QStringLiteral("pagesStackedWidget"));
    ui::BillQueryPage *query = m_window->payModule()->queryPage();
    QCOMPARE(pages->currentWidget(), query);
    QCOMPARE(child<QComboBox>(query, "stateComboBox")->currentData().toString(), QStringLiteral("unpaid"));
    QTRY_COMPARE_WITH_TIMEOUT(query->model()->rowCount(), before + 1, 30000);
    bool listed = false;
    for (int row = 0; row < query->model()->rowCount(); ++row)
        listed = listed || query->model()->index(row, 0).data().toString() == bill.value().number;
    QVERIFY2(listed, qPrintable(bill.value().number));
    QCOMPARE(m_window->findChild<ModuleTreeWidget *>()->currentItem()->text(0), QStringLiteral("银行缴费单查询"));
    QVERIFY(m_window->showEntry(QStringLiteral("home")));
}

void TestHomeGui::peopleFiguresOpenThePeople()
{
    const QList<Person> persons = m_context->session().cache()->persons().value();
    const StaffFigures expected = StaffFigures::compute(persons, YearMonth::ofDate(QDate::currentDate()));
    const StaffFigures &shown = m_home->staffFigures();
    QCOMPARE(shown.enrolledPeople, expected.enrolledPeople);
    QVERIFY(!expected.enrolledPeople.isEmpty());
    auto *pension = child<QPushButton>(m_home, "insurance110FigureButton");
    QVERIFY(pension);
    QCOMPARE(pension->text().toInt(), int(expected.insurances.first().enrolled.size()));
    QTest::mouseClick(pension, Qt::LeftButton);
    ui::PeopleListDialog *dialog = waitPeopleDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("企业职工基本养老保险"));
    QCOMPARE(dialog->model()->rowCount(), pension->text().toInt());
    // Every row is a person with an open 养老 period, and ID numbers are masked.
    for (int row = 0; row < dialog->model()->rowCount(); ++row) {
        EnrolmentStatus status;
        QVERIFY(dialog->model()->personAt(row).statusOf(QStringLiteral("110"), &status));
        QCOMPARE(status, EnrolmentStatus::Active);
    }
    QVERIFY(dialog->model()->data(dialog->model()->index(0, PersonTableModel::IdNumberColumn)).toString().contains(u'*'));
    dialog->close();
    QTRY_VERIFY(!m_home->findChild<ui::PeopleListDialog *>());

    // The month table: Enter on the busiest month's 增加 lists exactly its arrivals.
    int busiest = 0;
    for (int i = 0; i < shown.months.size(); ++i) {
        if (shown.months.at(i).added.size() > shown.months.at(busiest).added.size())
            busiest = i;
    }
    auto *tabs = child<QTabWidget>(m_home, "monthTabWidget");
    tabs->setCurrentIndex(1);
    auto *table = child<QTableWidget>(m_home, "monthTableWidget");
    const int row = int(shown.months.size()) - 1 - busiest;
    QCOMPARE(table->item(row, 1)->text().toInt(), int(shown.months.at(busiest).added.size()));
    table->setFocus();
    table->setCurrentCell(row, 1);
    QTest::keyClick(table, Qt::Key_Return);
    dialog = waitPeopleDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->model()->rowCount(), int(shown.months.at(busiest).added.size()));
    QVERIFY(dialog->windowTitle().endsWith(QStringLiteral("增加的人员")));
    dialog->close();
    QTRY_VERIFY(!m_home->findChild<ui::PeopleListDialog *>());
    tabs->setCurrentIndex(0);
}

void TestHomeGui::deadlineReminds()
{
    Settings &settings = m_context->settings();
    const QDate today = QDate::currentDate();
    auto *label = child<QLabel>(m_home, "deadlineLabel");
    // Through the dialog: today is the deadline.
    QTest::mouseClick(child<QPushButton>(m_home, "deadlineSettingsButton"), Qt::LeftButton);
    auto *dialog = test::waitForChild<QDialog>(m_home, QStringLiteral("deadlineDialog"));
    QVERIFY(dialog);
    child<QSpinBox>(dialog, "deadlineDaySpinBox")->setValue(today.day());
    child<QSpinBox>(dialog, "reminderDaysSpinBox")->setValue(2);
    QTest::mouseClick(child<QPushButton>(dialog, "okPushButton"), Qt::LeftButton);
    QCOMPARE(settings.deadlineDay(), today.day());
    QCOMPARE(settings.reminderDays(), 2);
    QVERIFY2(label->text().startsWith(QStringLiteral("今天")), qPrintable(label->text()));
    QVERIFY(label->property("near").toBool());
    QVERIFY(label->text().contains(QStringLiteral("请及时完成本月的人员异动申报")));
    // Far away: no reminder.
    const QDate far = today.addDays(10);
    settings.setDeadlineDay(far.day());
    settings.setReminderDays(3);
    m_home->refresh();
    QVERIFY(!label->property("near").toBool());
    QVERIFY2(label->text().contains(QStringLiteral("还有 10 天")), qPrintable(label->text()));
    QVERIFY(!label->text().contains(QStringLiteral("请及时")));
}

void TestHomeGui::f1OpensTheGuideAtWhatIsShown()
{
    QVERIFY(m_window->showEntry(QStringLiteral("home")));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window->findChild<ModuleTreeWidget *>(), Qt::Key_F1);
    ui::UserGuideWindow *guide = ui::UserGuideWindow::instance();
    QVERIFY(guide);
    QCOMPARE(guide->currentAnchor(), QStringLiteral("首页"));
    QVERIFY(m_window->showEntry(QStringLiteral("query.persons")));
    QTest::keyClick(m_window->findChild<ModuleTreeWidget *>(), Qt::Key_F1);
    QCOMPARE(guide->currentAnchor(), QStringLiteral("人员名单"));
    guide->close();
    QTRY_VERIFY(!ui::UserGuideWindow::instance());
    QVERIFY(m_window->showEntry(QStringLiteral("home")));
}

void TestHomeGui::offlineTheServerFiguresSaySo()
{
    m_window.reset();
    m_context.reset();
    const QUrl url = m_server.baseUrl();
    m_server.stop();
    m_context = m_fixture.makeContext(url, m_server.caFile());
    LoginDialog login(*m_context);
    QVERIFY2(test::submitLogin(login, UnitNo, QStringLiteral("Demo1234")), qPrintable(login.errorText()));
    QVERIFY(m_context->session().isOffline());
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_home = m_window->homePage();
    QVERIFY(waitLoaded());
    // Local figures as they are; server figures not guessed.
    QCOMPARE(figure("declarationDrafts"), 2);
    for (const char *key : {"pendingItems", "awaitingPaper", "unitReview", "personReview", "unpaidBills"}) {
        QCOMPARE(m_home->figureButton(QString::fromLatin1(key))->text(), QStringLiteral("—"));
        QVERIFY(m_home->figureButton(QString::fromLatin1(key))->accessibleName().endsWith(QStringLiteral("离线时无法获取")));
    }
    QVERIFY(child<QLabel>(m_home, "pendingNoteLabel")->isVisible());
    QVERIFY(child<QLabel>(m_home, "pendingNoteLabel")->text().startsWith(QStringLiteral("离线")));
    QVERIFY(child<QLabel>(m_home, "staffSourceLabel")->text().contains(QStringLiteral("当前离线")));
    // The people figures still come from the cache.
    QVERIFY(!m_home->staffFigures().enrolledPeople.isEmpty());
}

QTEST_MAIN(TestHomeGui)
#include "tst_home_gui.moc"
