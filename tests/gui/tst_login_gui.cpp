// LoginDialog against a real shebao-server (--demo), driven by objectName like a clerk would.
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QScopeGuard>
#include <QApplication>
#include <QFileInfo>

#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AppContext.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/ServerSettingsDialog.h"
#include "ui/widgets/FileDialog.h"

using namespace shebao;

namespace {

const QString kUnit = QStringLiteral("43010000001");
const QString kPassword = QStringLiteral("Demo1234");

template <typename T>
T *child(QWidget &parent, const char *name)
{
    return parent.findChild<T *>(QString::fromLatin1(name));
}

} // namespace

class TestLoginGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyInteractiveWidgetIsNamed();
    void wrongPasswordShowsTriesLeftAndKeepsInput();
    void rightPasswordOpensMainWindow();
    void keyboardAlone();
    void remembersUnitNumberNeverPassword();
    void lockedAccountSaysUntilWhen();
    void unreachableServerIsExplained();
    void untrustedCertificateIsRefused();
    void serverSettingsAreStored();

private:
    test::ServerProcess m_server;
};

void TestLoginGui::initTestCase()
{
    test::installChinese();
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
}

void TestLoginGui::everyInteractiveWidgetIsNamed()
{
    test::DeskFixture fixture;
    auto context = fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog dialog(*context);
    const auto widgets = dialog.findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->focusPolicy() || w->isHidden())
            continue;
        QVERIFY2(!w->objectName().isEmpty(), w->metaObject()->className());
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    QCOMPARE(child<QLineEdit>(dialog, "passwordLineEdit")->echoMode(), QLineEdit::Password);
}

void TestLoginGui::wrongPasswordShowsTriesLeftAndKeepsInput()
{
    test::DeskFixture fixture;
    auto context = fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog dialog(*context);
    dialog.show();
    QVERIFY(!test::submitLogin(dialog, QStringLiteral("43010000002"), QStringLiteral("wrong-password")));
    QVERIFY(dialog.isVisible());
    const QString error = child<QLabel>(dialog, "errorLabel")->text();
    QVERIFY2(error.contains(QStringLiteral("还可尝试 4 次")), qPrintable(error));
    QCOMPARE(child<QLineEdit>(dialog, "unitNoLineEdit")->text(), QStringLiteral("43010000002"));
    QCOMPARE(child<QLineEdit>(dialog, "passwordLineEdit")->text(), QStringLiteral("wrong-password"));
    QVERIFY(child<QPushButton>(dialog, "loginButton")->isEnabled());
    QVERIFY(!context->session().isActive());
    test::saveScreenshot(&dialog, QStringLiteral("login-wrong-password"));
}

void TestLoginGui::rightPasswordOpensMainWindow()
{
    test::DeskFixture fixture;
    auto context = fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog dialog(*context);
    dialog.show();
    child<QLineEdit>(dialog, "unitNoLineEdit")->setText(kUnit);
    child<QLineEdit>(dialog, "passwordLineEdit")->setText(kPassword);
    QTest::mouseClick(child<QPushButton>(dialog, "loginButton"), Qt::LeftButton);
    // Busy while the server answers: nothing can be clicked twice, the dialog says what happens.
    QVERIFY(dialog.isBusy());
    QVERIFY(!child<QPushButton>(dialog, "loginButton")->isEnabled());
    QVERIFY(!child<QLineEdit>(dialog, "passwordLineEdit")->isEnabled());
    QVERIFY(child<QLabel>(dialog, "busyLabel")->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 30000);
    QVERIFY(!dialog.loggedInOffline());
    QVERIFY(context->session().isActive());

    MainWindow window(*context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!context->session().unitName().isEmpty());
    QVERIFY2(window.windowTitle().contains(context->session().unitName()), qPrintable(window.windowTitle()));
    QCOMPARE(child<QLabel>(window, "levelLabel")->text(), QStringLiteral("授权用户"));
    QCOMPARE(child<QLabel>(window, "connectionLabel")->text(), QStringLiteral("在线"));
}

void TestLoginGui::keyboardAlone()
{
    test::DeskFixture fixture;
    auto context = fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog dialog(*context);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    // Nothing remembered yet: the cursor starts in 单位编号; Tab goes to 登录密码; Enter logs in.
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(dialog, "unitNoLineEdit"));
    QTest::keyClicks(QApplication::focusWidget(), kUnit);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(dialog, "passwordLineEdit"));
    QTest::keyClicks(QApplication::focusWidget(), kPassword);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 30000);
}

void TestLoginGui::remembersUnitNumberNeverPassword()
{
    test::DeskFixture fixture;
    {
        auto context = fixture.makeContext(m_server.baseUrl(), m_server.caFile());
        LoginDialog dialog(*context);
        QVERIFY(test::submitLogin(dialog, kUnit, kPassword));
    }
    auto context = fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog dialog(*context);
    QCOMPARE(child<QLineEdit>(dialog, "unitNoLineEdit")->text(), kUnit);
    QVERIFY(child<QLineEdit>(dialog, "passwordLineEdit")->text().isEmpty());
    QFile file(fixture.settingsFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    QVERIFY(stored.contains(kUnit.toLatin1()));
    QVERIFY(!stored.contains(kPassword.toLatin1()));
}

void TestLoginGui::lockedAccountSaysUntilWhen()
{
    test::DeskFixture fixture;
    auto context = fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog dialog(*context);
    for (int attempt = 1; attempt <= 5; ++attempt)
        QVERIFY(!test::submitLogin(dialog, QStringLiteral("43010000003"), QStringLiteral("nope")));
    QVERIFY(!test::submitLogin(dialog, QStringLiteral("43010000003"), kPassword)); // right, but locked
    const QString error = dialog.errorText();
    QVERIFY2(error.contains(QStringLiteral("锁定")) && error.contains(QStringLiteral("后再试")), qPrintable(error));
}

void TestLoginGui::unreachableServerIsExplained()
{
    test::DeskFixture fixture;
    // Port 1 on loopback: nothing listens there.
    auto context = fixture.makeContext(QUrl(QStringLiteral("https://127.0.0.1:1")), m_server.caFile());
    LoginDialog dialog(*context);
    QVERIFY(!test::submitLogin(dialog, kUnit, kPassword));
    QVERIFY(!dialog.errorText().isEmpty());
    QVERIFY2(!dialog.errorText().contains(QStringLiteral("net.")), qPrintable(dialog.errorText())); // a sentence, not a code
    QVERIFY(!context->session().isActive());
}

void TestLoginGui::untrustedCertificateIsRefused()
{
    test::DeskFixture fixture;
    auto context = fixture.makeContext(m_server.baseUrl(), QString()); // the demo CA is not trusted
    LoginDialog dialog(*context);
    QVERIFY(!test::submitLogin(dialog, kUnit, kPassword));
    QVERIFY2(dialog.errorText().contains(QStringLiteral("证书")), qPrintable(dialog.errorText()));
    QVERIFY(!context->session().isActive()); // and no quiet offline fallback
}

void TestLoginGui::serverSettingsAreStored()
{
    test::DeskFixture fixture;
    auto context = fixture.makeContext(QUrl(QStringLiteral("https://127.0.0.1:1")), QString());
    LoginDialog dialog(*context);
    dialog.show();
    test::saveScreenshot(&dialog, QStringLiteral("login-dialog"));

    bool answered = false;
    // The settings dialog is modal (exec): answer it from the event loop.
    QTimer::singleShot(0, this, [&] {
        auto *settingsDialog = qobject_cast<ServerSettingsDialog *>(QApplication::activeModalWidget());
        QVERIFY(settingsDialog);
        // Whatever fails below, the modal dialog must close or the test hangs.
        const auto closeOnFailure = qScopeGuard([&] {
            if (!answered)
                settingsDialog->reject();
        });
        child<QLineEdit>(*settingsDialog, "serverUrlLineEdit")->setText(QStringLiteral("http://insecure.example"));
        QTest::mouseClick(child<QPushButton>(*settingsDialog, "okButton"), Qt::LeftButton);
        QVERIFY(settingsDialog->isVisible()); // plain http is refused
        QVERIFY(!child<QLabel>(*settingsDialog, "errorLabel")->text().isEmpty());
        test::saveScreenshot(settingsDialog, QStringLiteral("server-settings"));
        child<QLineEdit>(*settingsDialog, "serverUrlLineEdit")->setText(m_server.baseUrl().toString());
        ui::FileDialog::setNextFileName(m_server.caFile());
        QTest::mouseClick(child<QPushButton>(*settingsDialog, "caFileButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(*settingsDialog, "okButton"), Qt::LeftButton);
        answered = true;
    });
    QTest::mouseClick(child<QPushButton>(dialog, "serverSettingsButton"), Qt::LeftButton);
    QVERIFY(answered);
    QCOMPARE(context->settings().serverUrl(), m_server.baseUrl());
    QCOMPARE(QFileInfo(context->settings().caFile()), QFileInfo(m_server.caFile()));
    // The next login uses them.
    QVERIFY(test::submitLogin(dialog, kUnit, kPassword));
}

QTEST_MAIN(TestLoginGui)
#include "tst_login_gui.moc"
