// 单位查询 → 人员名单 after a real login and sync: the demo unit's people, filtering, reveal.
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QToolButton>
#include <QTableView>
#include <QTest>

#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AppContext.h"
#include "app/Session.h"
#include "app/SyncService.h"
#include "models/cache/LocalCache.h"
#include "models/itemmodels/PersonTableModel.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"

using namespace shebao;

class TestPeopleGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void tableShowsTheUnitsPeople();
    void filterNarrows_data();
    void filterNarrows();
    void idNumbersMaskedUntilRevealed();
    void contextMenuActionReveals();
    void ctrlFFocusesFilter();
    void syncShowsProgressAndCancels();
    void screenshot();

private:
    QStringList shownColumn(int column) const;
    QString cell(int row, int column) const { return m_table->model()->index(row, column).data().toString(); }

    test::ServerProcess m_server;
    test::DeskFixture m_fixture;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    QList<Person> m_people;
    QTableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
};

void TestPeopleGui::initTestCase()
{
    test::installChinese();
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_context = m_fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog login(*m_context);
    QVERIFY2(test::submitLogin(login, QStringLiteral("43010000001"), QStringLiteral("Demo1234")),
             qPrintable(login.errorText()));
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->showEntry(QStringLiteral("query.persons")));
    auto *empty = m_window->findChild<QLabel *>(QStringLiteral("emptyLabel"));
    QVERIFY(empty && empty->isVisible()); // first login: nothing cached yet, and it says what to do
    const QString syncError = test::syncNow(*m_context);
    QVERIFY2(syncError.isEmpty(), qPrintable(syncError));
    QVERIFY(!empty->isVisible());
    auto people = m_context->session().cache()->persons();
    QVERIFY(people.ok());
    m_people = people.value();
    QVERIFY(m_people.size() >= 100);
    m_table = m_window->findChild<QTableView *>(QStringLiteral("personTableView"));
    m_filter = m_window->findChild<QLineEdit *>(QStringLiteral("filterLineEdit"));
    QVERIFY(m_table && m_filter);
    QVERIFY(m_window->showEntry(QStringLiteral("query.persons")));
}

void TestPeopleGui::cleanupTestCase()
{
    m_window.reset();
    m_context.reset();
}

void TestPeopleGui::init()
{
    m_filter->clear();
    m_table->clearSelection();
}

QStringList TestPeopleGui::shownColumn(int column) const
{
    QStringList values;
    for (int row = 0; row < m_table->model()->rowCount(); ++row)
        values << cell(row, column);
    return values;
}

void TestPeopleGui::tableShowsTheUnitsPeople()
{
    QCOMPARE(m_table->model()->rowCount(), m_people.size());
    QStringList names;
    for (const Person &p : std::as_const(m_people))
        names << p.name;
    QCOMPARE(shownColumn(PersonTableModel::NameColumn), names);
    const QString count = m_window->findChild<QLabel *>(QStringLiteral("countLabel"))->text();
    QCOMPARE(count, QStringLiteral("共 %1 人 / 显示 %1 人").arg(m_people.size()));
    // Chinese headers and status texts, one column per 险种 present.
    const auto *model = m_table->model();
    QCOMPARE(model->headerData(PersonTableModel::IdNumberColumn, Qt::Horizontal).toString(), QStringLiteral("公民身份号码"));
    QStringList headers;
    for (int c = 0; c < model->columnCount(); ++c)
        headers << model->headerData(c, Qt::Horizontal).toString();
    QVERIFY2(headers.contains(QStringLiteral("养老")), qPrintable(headers.join(u',')));
    const QStringList statuses{QStringLiteral("参保缴费"), QStringLiteral("暂停缴费"), QStringLiteral("终止缴费"),
                               QStringLiteral("未参保")};
    const int pension = int(headers.indexOf(QStringLiteral("养老")));
    for (const QString &status : shownColumn(pension))
        QVERIFY2(statuses.contains(status), qPrintable(status));
}

void TestPeopleGui::filterNarrows_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("name prefix") << QStringLiteral("name");
    QTest::newRow("full ID number") << QStringLiteral("id");
    QTest::newRow("ID number tail, lower-case") << QStringLiteral("idtail");
}

void TestPeopleGui::filterNarrows()
{
    QFETCH(QString, how);
    const Person &target = m_people.at(m_people.size() / 3);
    QString text;
    if (how == u"name")
        text = target.name.left(2);
    else if (how == u"id")
        text = target.idNumber;
    else
        text = target.idNumber.right(6).toLower();

    int expected = 0;
    for (const Person &p : std::as_const(m_people)) {
        if (p.name.contains(text) || p.idNumber.toLower().contains(text.toLower()) || p.personNo.contains(text))
            ++expected;
    }
    m_filter->setText(text); // Chinese goes in with setText (keyClicks cannot type it)
    QCOMPARE(m_table->model()->rowCount(), expected);
    QVERIFY(expected >= 1);
    QVERIFY(expected < m_people.size());
    QVERIFY(shownColumn(PersonTableModel::NameColumn).contains(target.name));
    if (how == u"id")
        QCOMPARE(expected, 1);
    const QString count = m_window->findChild<QLabel *>(QStringLiteral("countLabel"))->text();
    QCOMPARE(count, QStringLiteral("共 %1 人 / 显示 %2 人").arg(m_people.size()).arg(expected));
}

void TestPeopleGui::idNumbersMaskedUntilRevealed()
{
    auto *reveal = m_window->findChild<QPushButton *>(QStringLiteral("revealIdButton"));
    QVERIFY(reveal);
    QVERIFY(!reveal->isEnabled()); // nothing selected
    // Masked everywhere: first 6 and last 4 only (the sandbox's legacy 15-digit number too).
    for (int row = 0; row < m_people.size(); ++row) {
        const QString id = m_people[row].idNumber;
        const QString shown = cell(row, PersonTableModel::IdNumberColumn);
        QCOMPARE(shown, id.left(6) + QString(id.size() - 10, u'*') + id.right(4));
    }
    const int row = 7;
    m_table->selectRow(row);
    QVERIFY(reveal->isEnabled());
    QCOMPARE(reveal->text(), QStringLiteral("显示身份证号(&I)"));
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(cell(row, PersonTableModel::IdNumberColumn), m_people[row].idNumber);
    QCOMPARE(cell(row + 1, PersonTableModel::IdNumberColumn).count(u'*'), 8); // only the selected row
    QCOMPARE(reveal->text(), QStringLiteral("隐藏身份证号(&I)"));

    // Filtering keeps the person selected and revealed.
    m_filter->setText(m_people[row].name);
    QCOMPARE(m_table->selectionModel()->selectedRows().size(), 1);
    const int shownRow = m_table->selectionModel()->selectedRows().first().row();
    QCOMPARE(cell(shownRow, PersonTableModel::IdNumberColumn), m_people[row].idNumber);

    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(cell(shownRow, PersonTableModel::IdNumberColumn).count(u'*'), 8);
}

void TestPeopleGui::contextMenuActionReveals()
{
    auto *action = m_window->findChild<QAction *>(QStringLiteral("revealIdAction"));
    QVERIFY(action);
    m_table->selectRow(3);
    action->trigger();
    QCOMPARE(cell(3, PersonTableModel::IdNumberColumn), m_people[3].idNumber);
    action->trigger();
    QVERIFY(cell(3, PersonTableModel::IdNumberColumn) != m_people[3].idNumber);
}

void TestPeopleGui::ctrlFFocusesFilter()
{
    m_window->showEntry(QStringLiteral("query.unit"));
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_table->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), m_filter);
    // Typing ASCII works by keyboard; Down moves on to the table.
    QTest::keyClicks(m_filter, m_people[10].personNo);
    QCOMPARE(m_table->model()->rowCount(), 1);
    QTest::keyClick(m_filter, Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), m_table);
    QCOMPARE(m_table->selectionModel()->selectedRows().size(), 1);
}

void TestPeopleGui::syncShowsProgressAndCancels()
{
    auto *progress = m_window->findChild<QProgressBar *>(QStringLiteral("syncProgressBar"));
    auto *cancel = m_window->findChild<QToolButton *>(QStringLiteral("cancelSyncButton"));
    auto *syncButton = m_window->findChild<QToolButton *>(QStringLiteral("syncButton"));
    QVERIFY(progress && cancel && syncButton);
    QVERIFY(!progress->isVisible());
    QVERIFY(syncButton->isEnabled());
    const QString lastSync = m_window->findChild<QLabel *>(QStringLiteral("lastSyncLabel"))->text();

    m_context->sync().setPageSize(10); // many pages: time to press cancel
    QTest::mouseClick(syncButton, Qt::LeftButton);
    QVERIFY(progress->isVisible());
    QVERIFY(cancel->isVisible());
    QVERIFY(!syncButton->isEnabled()); // one sync at a time
    QTRY_VERIFY(progress->value() > 0);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!progress->isVisible());
    QVERIFY(syncButton->isEnabled());
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("同步已取消")),
             qPrintable(m_window->statusBar()->currentMessage()));
    // The previous copy is kept.
    QCOMPARE(m_table->model()->rowCount(), m_people.size());
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("lastSyncLabel"))->text(), lastSync);
    m_context->sync().setPageSize(5000);
}

void TestPeopleGui::screenshot()
{
    m_window->showEntry(QStringLiteral("query.persons"));
    m_table->selectRow(2);
    m_window->findChild<QAction *>(QStringLiteral("revealIdAction"))->trigger();
    test::saveScreenshot(m_window.get(), QStringLiteral("main-window-people"));
    m_filter->setText(m_people[0].name.left(1));
    test::saveScreenshot(m_window.get(), QStringLiteral("main-window-people-filtered"));
    QVERIFY(m_table->model()->rowCount() > 0);
}

QTEST_MAIN(TestPeopleGui)
#include "tst_people_gui.moc"
