// The token expires while the main window is open: the client asks for the password again and
// nothing on screen is lost.
#include <QAction>
#include <QLineEdit>
#include <QPointer>
#include <QTableView>
#include <QTest>

#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AppContext.h"
#include "app/Session.h"
#include "app/SyncService.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"

using namespace shebao;

class TestReloginGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void expiredTokenAsksToLogInAgainKeepingState();

private:
    test::ServerProcess m_server;
};

void TestReloginGui::initTestCase()
{
    test::installChinese();
    test::ServerProcess::Options options;
    options.extraArgs = QStringList{QStringLiteral("--token-ttl"), QStringLiteral("3")};
    QVERIFY2(m_server.start(options), qPrintable(m_server.error()));
}

void TestReloginGui::expiredTokenAsksToLogInAgainKeepingState()
{
    test::DeskFixture fixture;
    auto context = fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    {
        LoginDialog login(*context);
        QVERIFY2(test::submitLogin(login, QStringLiteral("43010000001"), QStringLiteral("Demo1234")),
                 qPrintable(login.errorText()));
    }
    MainWindow window(*context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(test::syncNow(*context).isEmpty());

    auto *table = window.findChild<QTableView *>(QStringLiteral("personTableView"));
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterLineEdit"));
    const QString name = table->model()->index(4, 1).data().toString();
    filter->setText(name);
    const int shown = table->model()->rowCount();
    QVERIFY(shown >= 1);

    QTest::qWait(4000); // the token's lifetime is 3 s
    int syncsOk = 0;
    connect(&context->sync(), &SyncService::finished, this, [&](const Result<void> &result) {
        if (result.ok())
            ++syncsOk;
    });
    window.findChild<QAction *>(QStringLiteral("syncAction"))->trigger();

    LoginDialog *relogin = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((relogin = window.findChild<LoginDialog *>(QStringLiteral("reloginDialog")))
                                 && relogin->isVisible(), 20000);
    auto *unit = relogin->findChild<QLineEdit *>(QStringLiteral("unitNoLineEdit"));
    QCOMPARE(unit->text(), QStringLiteral("43010000001"));
    QVERIFY(unit->isReadOnly());
    test::saveScreenshot(relogin, QStringLiteral("relogin-dialog"));
    // Behind the dialog nothing moved.
    QCOMPARE(filter->text(), name);
    QCOMPARE(table->model()->rowCount(), shown);

    // The dialog deletes itself once accepted, and QVERIFY2 builds its message either way: ask
    // for the error text only while the dialog is there (UBSan caught the call on the dead one).
    const QPointer<LoginDialog> dialog(relogin);
    const bool submitted = test::submitLogin(*relogin, {}, QStringLiteral("Demo1234"));
    QVERIFY2(submitted, qPrintable(dialog ? dialog->errorText() : QString()));
    QVERIFY(context->session().isActive());
    QVERIFY(!context->session().isOffline());
    // The interrupted sync runs again with the new token.
    QTRY_COMPARE_WITH_TIMEOUT(syncsOk, 1, 20000);
    QCOMPARE(filter->text(), name);
    QCOMPARE(table->model()->rowCount(), shown);
}

QTEST_MAIN(TestReloginGui)
#include "tst_relogin_gui.moc"
