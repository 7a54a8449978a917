// Log in once online, then the server is gone: the client opens from the local cache,
// read-only, and says so.
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AppContext.h"
#include "app/Session.h"
#include "models/cache/LocalCache.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"

using namespace shebao;

class TestOfflineGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wrongPasswordDoesNotOpenTheCache();
    void opensFromCacheReadOnly();

private:
    test::ServerProcess m_server;
    test::DeskFixture m_fixture;
    QUrl m_serverUrl;
    qint64 m_syncedPeople = 0;
    QString m_unitName;
};

void TestOfflineGui::initTestCase()
{
    test::installChinese();
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_serverUrl = m_server.baseUrl();
    {
        auto context = m_fixture.makeContext(m_serverUrl, m_server.caFile());
        LoginDialog login(*context);
        QVERIFY2(test::submitLogin(login, QStringLiteral("43010000001"), QStringLiteral("Demo1234")),
                 qPrintable(login.errorText()));
        const QString syncError = test::syncNow(*context);
        QVERIFY2(syncError.isEmpty(), qPrintable(syncError));
        m_syncedPeople = context->session().cache()->personCount();
        m_unitName = context->session().unitName();
        QVERIFY(m_syncedPeople > 0);
    }
    m_server.stop();
}

void TestOfflineGui::wrongPasswordDoesNotOpenTheCache()
{
    auto context = m_fixture.makeContext(m_serverUrl, m_server.caFile());
    LoginDialog login(*context);
    QVERIFY(!test::submitLogin(login, QStringLiteral("43010000001"), QStringLiteral("Demo12345")));
    QVERIFY(!context->session().isActive());
    QVERIFY(!login.errorText().isEmpty());
}

void TestOfflineGui::opensFromCacheReadOnly()
{
    auto context = m_fixture.makeContext(m_serverUrl, m_server.caFile());
    LoginDialog login(*context);
    // The unit number is remembered from the online login.
    QCOMPARE(login.findChild<QLineEdit *>(QStringLiteral("unitNoLineEdit"))->text(), QStringLiteral("43010000001"));
    QVERIFY2(test::submitLogin(login, QStringLiteral("43010000001"), QStringLiteral("Demo1234")),
             qPrintable(login.errorText()));
    QVERIFY(login.loggedInOffline());
    QVERIFY(context->session().isOffline());

    MainWindow window(*context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("connectionLabel"))->text(),
             QStringLiteral("离线（只读，数据来自本地缓存）"));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("lastSyncLabel"))->text().startsWith(QStringLiteral("最近同步：")));
    QVERIFY(window.windowTitle().contains(m_unitName));
    QCOMPARE(window.findChild<QTableView *>(QStringLiteral("personTableView"))->model()->rowCount(), m_syncedPeople);
    auto *sync = window.findChild<QAction *>(QStringLiteral("syncAction"));
    QVERIFY(!sync->isEnabled());
    QVERIFY(!window.findChild<QToolButton *>(QStringLiteral("syncButton"))->isEnabled());
    test::saveScreenshot(&window, QStringLiteral("main-window-offline"));
}

QTEST_MAIN(TestOfflineGui)
#include "tst_offline_gui.moc"
