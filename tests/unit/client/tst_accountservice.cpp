// The client's copy of the password rules (so the user hears at once); the server side is
// exercised by tst_authorization_e2e / tst_certlogin_e2e.
#include <QtTest>

#include "app/AccountService.h"

using namespace shebao;

class TestAccountService : public QObject
{
    Q_OBJECT

private slots:
    void passwordRules_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("message"); // empty: accepted
        QTest::newRow("ok") << QStringLiteral("Abcdef12") << QString();
        QTest::newRow("seven characters") << QStringLiteral("Abcde12") << QStringLiteral("新密码至少 8 位。");
        QTest::newRow("letters only") << QStringLiteral("Abcdefgh") << QStringLiteral("新密码须同时包含字母和数字。");
        QTest::newRow("digits only") << QStringLiteral("12345678") << QStringLiteral("新密码须同时包含字母和数字。");
        QTest::newRow("full-width letters are not letters") << QStringLiteral("ＡＢＣＤ1234")
                                                             << QStringLiteral("新密码须同时包含字母和数字。");
        QTest::newRow("the unit number") << QStringLiteral("43010000001")
                                         << QStringLiteral("新密码须同时包含字母和数字。");
        QTest::newRow("contains the unit number") << QStringLiteral("a43010000001")
                                                  << QStringLiteral("新密码不能是单位编号，也不能包含单位编号。");
    }

    void passwordRules()
    {
        QFETCH(QString, password);
        QFETCH(QString, message);
        const Result<void> r = AccountService::checkNewPassword(QStringLiteral("43010000001"), password);
        if (message.isEmpty()) {
            QVERIFY(r.ok());
            return;
        }
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("password.weak"));
        QCOMPARE(r.error().field, QStringLiteral("new_password"));
        QCOMPARE(r.error().message, message);
    }
};

QTEST_GUILESS_MAIN(TestAccountService)
#include "tst_accountservice.moc"
