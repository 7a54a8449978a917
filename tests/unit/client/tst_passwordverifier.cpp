#include <QElapsedTimer>
#include <QtTest>

#include "app/PasswordVerifier.h"

using namespace shebao;

class TestPasswordVerifier : public QObject
{
    Q_OBJECT

private slots:
    void format()
    {
        QElapsedTimer timer;
        timer.start();
        const QString v = PasswordVerifier::create(QStringLiteral("Demo1234"));
        qInfo("verifier with %d iterations: %lld ms", PasswordVerifier::DefaultIterations, timer.elapsed());
        const QStringList parts = v.split(u'$');
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts.at(0), QStringLiteral("pbkdf2-sha256"));
        QVERIFY(parts.at(1).toInt() >= 100000);
        QCOMPARE(QByteArray::fromBase64(parts.at(2).toLatin1()).size(), 16);
        QCOMPARE(QByteArray::fromBase64(parts.at(3).toLatin1()).size(), 32);
        QVERIFY(!v.contains(QLatin1String("Demo1234")));
    }

    void saltIsRandom()
    {
        QVERIFY(PasswordVerifier::create(QStringLiteral("x"), 1000) != PasswordVerifier::create(QStringLiteral("x"), 1000));
    }

    void matches_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("tried");
        QTest::addColumn<bool>("expected");
        QTest::newRow("same") << QStringLiteral("Demo1234") << QStringLiteral("Demo1234") << true;
        QTest::newRow("case") << QStringLiteral("Demo1234") << QStringLiteral("demo1234") << false;
        QTest::newRow("prefix") << QStringLiteral("Demo1234") << QStringLiteral("Demo123") << false;
        QTest::newRow("empty") << QStringLiteral("Demo1234") << QString() << false;
        QTest::newRow("chinese") << QStringLiteral("密码Ab1") << QStringLiteral("密码Ab1") << true;
    }

    void matches()
    {
        QFETCH(QString, password);
        QFETCH(QString, tried);
        QFETCH(bool, expected);
        const QString v = PasswordVerifier::create(password, 2000);
        QCOMPARE(PasswordVerifier::matches(tried, v), expected);
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QString>("verifier");
        const QString good = PasswordVerifier::create(QStringLiteral("p"), 1000);
        QTest::newRow("empty") << QString();
        QTest::newRow("plain password") << QStringLiteral("p");
        QTest::newRow("other scheme") << QString(good).replace(QLatin1String("pbkdf2-sha256"), QLatin1String("md5"));
        QTest::newRow("zero iterations") << QString(good).replace(QLatin1String("$1000$"), QLatin1String("$0$"));
        QTest::newRow("short hash") << good.left(good.size() - 8);
        QTest::newRow("extra part") << good + QStringLiteral("$x");
    }

    void rejectsMalformed()
    {
        QFETCH(QString, verifier);
        QVERIFY(!PasswordVerifier::matches(QStringLiteral("p"), verifier));
    }
};

QTEST_GUILESS_MAIN(TestPasswordVerifier)
#include "tst_passwordverifier.moc"
