// 系统管理 → 修改密码: the rules are checked before anything is sent, the server's refusal shows
// in the dialog, and a successful change is the password of the next login.
#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QTest>

#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AccountService.h"
#include "app/AppContext.h"
#include "ui/ChangePasswordDialog.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"

using namespace shebao;

namespace {
const QString UnitNo = QStringLiteral("43010000002");
}

class TestPasswordGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void localRules_data();
    void localRules();
    void wrongCurrentPasswordIsShown();
    void successfulChange();

private:
    ChangePasswordDialog *openDialog();
    void fill(const QString &current, const QString &next, const QString &repeat);
    template <typename T>
    T *child(const char *name) const
    {
        return m_dialog ? m_dialog->findChild<T *>(QString::fromLatin1(name)) : nullptr;
    }

    test::ServerProcess m_server;
    test::DeskFixture m_fixture;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    QPointer<ChangePasswordDialog> m_dialog;
};

void TestPasswordGui::initTestCase()
{
    test::installChinese();
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_context = m_fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog login(*m_context);
    QVERIFY2(test::submitLogin(login, UnitNo, QStringLiteral("Demo1234")), qPrintable(login.errorText()));
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestPasswordGui::cleanupTestCase()
{
    delete m_dialog;
    m_window.reset();
    m_context.reset();
}

ChangePasswordDialog *TestPasswordGui::openDialog()
{
    if (!m_dialog) {
        if (!m_window->showEntry(QStringLiteral("system.password")))
            return nullptr;
        m_dialog = m_window->findChild<ChangePasswordDialog *>(QStringLiteral("changePasswordDialog"));
    }
    return m_dialog;
}

void TestPasswordGui::fill(const QString &current, const QString &next, const QString &repeat)
{
    child<QLineEdit>("currentPasswordLineEdit")->setText(current);
    child<QLineEdit>("newPasswordLineEdit")->setText(next);
    child<QLineEdit>("repeatPasswordLineEdit")->setText(repeat);
}

void TestPasswordGui::localRules_data()
{
    QTest::addColumn<QString>("newPassword");
    QTest::addColumn<QString>("repeat");
    QTest::addColumn<QString>("expected"); // empty: the rule message of AccountService
    QTest::newRow("too short") << QStringLiteral("abc123") << QStringLiteral("abc123") << QString();
    QTest::newRow("letters only") << QStringLiteral("abcdefghij") << QStringLiteral("abcdefghij") << QString();
    QTest::newRow("digits only") << QStringLiteral("1234567890") << QStringLiteral("1234567890") << QString();
    QTest::newRow("unit number") << QStringLiteral("x43010000002") << QStringLiteral("x43010000002") << QString();
    QTest::newRow("repeat differs") << QStringLiteral("Good2026pass") << QStringLiteral("Good2026pas")
                                    << ChangePasswordDialog::tr("The two new passwords differ.");
}

void TestPasswordGui::localRules()
{
    QFETCH(QString, newPassword);
    QFETCH(QString, repeat);
    QFETCH(QString, expected);
    QVERIFY(openDialog());
    const QString rule = AccountService::checkNewPassword(UnitNo, newPassword).ok()
                             ? expected
                             : AccountService::checkNewPassword(UnitNo, newPassword).error().message;
    QVERIFY(!rule.isEmpty());
    fill(QStringLiteral("Demo1234"), newPassword, repeat);
    child<QAbstractButton>("changePasswordPushButton")->click();
    // Refused at once, without a round trip.
    QVERIFY(!m_dialog->isBusy());
    QCOMPARE(m_dialog->errorText(), rule);
    QVERIFY(m_dialog->isVisible());
    test::saveScreenshot(m_dialog, QStringLiteral("change-password-rule"));
}

void TestPasswordGui::wrongCurrentPasswordIsShown()
{
    QVERIFY(openDialog());
    fill(QStringLiteral("Wrong1234"), QStringLiteral("Good2026pass"), QStringLiteral("Good2026pass"));
    child<QAbstractButton>("changePasswordPushButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isBusy(), 30000);
    QVERIFY(m_dialog->isVisible());
    QVERIFY2(!m_dialog->errorText().isEmpty(), "no error shown");
    QVERIFY2(m_dialog->errorText().contains(QStringLiteral("密码")), qPrintable(m_dialog->errorText()));
    // What was typed stays.
    QCOMPARE(child<QLineEdit>("newPasswordLineEdit")->text(), QStringLiteral("Good2026pass"));
}

void TestPasswordGui::successfulChange()
{
    QVERIFY(openDialog());
    fill(QStringLiteral("Demo1234"), QStringLiteral("Good2026pass"), QStringLiteral("Good2026pass"));
    child<QAbstractButton>("changePasswordPushButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog, 30000); // accepted and closed

    std::unique_ptr<AppContext> other = m_fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog oldPassword(*other);
    QVERIFY(!test::submitLogin(oldPassword, UnitNo, QStringLiteral("Demo1234")));
    LoginDialog newPassword(*other);
    QVERIFY2(test::submitLogin(newPassword, UnitNo, QStringLiteral("Good2026pass")), qPrintable(newPassword.errorText()));
}

QTEST_MAIN(TestPasswordGui)
#include "tst_password_gui.moc"
