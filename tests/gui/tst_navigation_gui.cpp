// The portal's five modules: what exists works, what later issues build is visibly not there yet.
#include <QLineEdit>
#include <QStackedWidget>
#include <QTest>

#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AppContext.h"
#include "app/Session.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/ModuleTreeWidget.h"

using namespace shebao;

class TestNavigationGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void modulesInThePortalsOrder();
    void notYetAvailable_data();
    void notYetAvailable();
    void unitInformationShowsTheUnit();
    void everyInteractiveWidgetIsNamed();

private:
    test::ServerProcess m_server;
    test::DeskFixture m_fixture;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    ModuleTreeWidget *m_tree = nullptr;
    QStackedWidget *m_pages = nullptr;
};

void TestNavigationGui::initTestCase()
{
    test::installChinese();
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_context = m_fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog login(*m_context);
    QVERIFY2(test::submitLogin(login, QStringLiteral("43010000002"), QStringLiteral("Demo1234")),
             qPrintable(login.errorText()));
    const QString syncError = test::syncNow(*m_context);
    QVERIFY2(syncError.isEmpty(), qPrintable(syncError));
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_tree = m_window->findChild<ModuleTreeWidget *>(QStringLiteral("moduleTreeWidget"));
    m_pages = m_window->findChild<QStackedWidget *>(QStringLiteral("pagesStackedWidget"));
    QVERIFY(m_tree && m_pages);
}

void TestNavigationGui::cleanupTestCase()
{
    m_window.reset();
    m_context.reset();
}

void TestNavigationGui::modulesInThePortalsOrder()
{
    QStringList modules;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        modules << m_tree->topLevelItem(i)->text(0);
    // 首页 first, then the portal's five modules.
    QCOMPARE(modules, (QStringList{QStringLiteral("首页"), QStringLiteral("系统管理"), QStringLiteral("异动申报"),
                                   QStringLiteral("信息维护"), QStringLiteral("网上缴费"), QStringLiteral("单位查询")}));
}

void TestNavigationGui::notYetAvailable_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("why");
    const QList<std::pair<const char *, const char *>> entries{
        {"declare.add", "异动新增"},          {"declare.reduce", "异动减少"},    {"declare.submit", "申报及查询"},
        {"declare.import", "批量导入"},       {"maintain.unit", "单位信息变更"}, {"maintain.person", "个人信息变更"},
        {"pay.arrears", "断档补缴"},          {"pay.bill", "有单缴费"},          {"pay.slips", "银行缴费单查询"},
        {"query.certificate", "参保证明"},
    };
    // 43010000002 is an ordinary user: the business entries say how to get authorized first.
    for (const auto &[key, title] : entries) {
        const QString k = QString::fromLatin1(key);
        QTest::newRow(key) << k << QString::fromUtf8(title)
                           << (ModuleTreeWidget::isBusinessEntry(k) ? ModuleTreeWidget::notAuthorizedText()
                                                                    : QStringLiteral("本功能将在后续版本提供。"));
    }
}

void TestNavigationGui::notYetAvailable()
{
    QFETCH(QString, key);
    QFETCH(QString, title);
    QFETCH(QString, why);
    QTreeWidgetItem *item = m_tree->itemForKey(key);
    QVERIFY(item);
    QCOMPARE(item->text(0), title);
    QVERIFY(!(item->flags() & Qt::ItemIsEnabled));
    QCOMPARE(item->toolTip(0), why);
    QCOMPARE(item->data(0, Qt::AccessibleDescriptionRole).toString(), why);

    // Clicking it changes nothing: no fake screen.
    QVERIFY(m_window->showEntry(QStringLiteral("query.persons")));
    QWidget *before = m_pages->currentWidget();
    m_tree->scrollToItem(item);
    QTest::mouseClick(m_tree->viewport(), Qt::LeftButton, {}, m_tree->visualItemRect(item).center());
    QCOMPARE(m_pages->currentWidget(), before);
    QVERIFY(!m_window->showEntry(key));
}

void TestNavigationGui::unitInformationShowsTheUnit()
{
    QTreeWidgetItem *item = m_tree->itemForKey(QStringLiteral("query.unit"));
    QVERIFY(item && (item->flags() & Qt::ItemIsEnabled));
    QCOMPARE(item->text(0), QStringLiteral("单位信息"));
    m_tree->scrollToItem(item);
    QTest::mouseClick(m_tree->viewport(), Qt::LeftButton, {}, m_tree->visualItemRect(item).center());
    QCOMPARE(m_pages->currentWidget()->objectName(), QStringLiteral("unitInfoPage"));
    const QString name = m_context->session().unitName();
    QVERIFY(!name.isEmpty());
    auto *unitName = m_pages->currentWidget()->findChild<QLineEdit *>(QStringLiteral("unitNameLineEdit"));
    QCOMPARE(unitName->text(), name);
    QVERIFY(unitName->isReadOnly());
    QCOMPARE(m_pages->currentWidget()->findChild<QLineEdit *>(QStringLiteral("unitNoLineEdit"))->text(),
             QStringLiteral("43010000002"));
    QCOMPARE(m_pages->currentWidget()->findChild<QLineEdit *>(QStringLiteral("levelLineEdit"))->text(),
             QStringLiteral("普通用户（未授权）"));
    QVERIFY(m_window->windowTitle().contains(name));
    test::saveScreenshot(m_window.get(), QStringLiteral("main-window-unit-info"));
}

void TestNavigationGui::everyInteractiveWidgetIsNamed()
{
    for (QWidget *w : m_window->findChildren<QWidget *>()) {
        if (w->focusPolicy() == Qt::NoFocus || !w->isVisibleTo(m_window.get()))
            continue;
        // Qt's own parts of composite widgets (scroll bars, header views, viewports) are named by Qt.
        if (w->objectName().startsWith(u"qt_") || qobject_cast<QAbstractScrollArea *>(w->parentWidget()))
            continue;
        QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
}

QTEST_MAIN(TestNavigationGui)
#include "tst_navigation_gui.moc"
