#include "models/validation/PersonName.h"

#include <QtTest>

using shebao::PersonName;

class TestPersonName : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
};

void TestPersonName::valid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("two characters") << QStringLiteral("张三") << QStringLiteral("张三");
    QTest::newRow("three characters") << QStringLiteral("欧阳修") << QStringLiteral("欧阳修");
    QTest::newRow("trimmed") << QStringLiteral("\u3000 李四 ") << QStringLiteral("李四");
    QTest::newRow("middle dot") << QStringLiteral("阿依古丽·买买提") << QStringLiteral("阿依古丽·买买提");
    QTest::newRow("katakana dot folded") << QStringLiteral("阿依古丽・买买提") << QStringLiteral("阿依古丽·买买提");
    QTest::newRow("bullet folded") << QStringLiteral("阿依古丽•买买提") << QStringLiteral("阿依古丽·买买提");
    QTest::newRow("half-width katakana dot folded") << QStringLiteral("阿依古丽\uff65买买提")
                                                    << QStringLiteral("阿依古丽·买买提");
    QTest::newRow("hyphenation point folded") << QStringLiteral("阿依古丽\u2027买买提") << QStringLiteral("阿依古丽·买买提");
    QTest::newRow("two dots") << QStringLiteral("爱新觉罗·溥·仪") << QStringLiteral("爱新觉罗·溥·仪");
    QTest::newRow("latin") << QStringLiteral("Tom") << QStringLiteral("Tom");
    QTest::newRow("latin with space") << QStringLiteral("JOHN  SMITH") << QStringLiteral("JOHN SMITH");
    QTest::newRow("full-width latin") << QStringLiteral("ＪＯＨＮ") << QStringLiteral("JOHN");
    QTest::newRow("latin with diacritic") << QStringLiteral("José") << QStringLiteral("José");
    QTest::newRow("mixed") << QStringLiteral("王A") << QStringLiteral("王A");
    QTest::newRow("extension A ideograph") << QStringLiteral("张\u3400") << QStringLiteral("张\u3400");
    QTest::newRow("extension B ideograph (surrogate pair)") << QStringLiteral("张\U00020000") << QStringLiteral("张\U00020000");
    QTest::newRow("〇") << QStringLiteral("王〇") << QStringLiteral("王〇");
    QTest::newRow("30 characters") << QString(30, u'王') << QString(30, u'王');
    QTest::newRow("30 code points with surrogates") << QString(29, u'王') + QStringLiteral("\U00020000")
                                                    << QString(29, u'王') + QStringLiteral("\U00020000");
}

void TestPersonName::valid()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto r = PersonName::normalize(input);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r.value(), expected);
}

void TestPersonName::invalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty") << QString() << QStringLiteral("不能为空");
    QTest::newRow("blank") << QStringLiteral("\u3000") << QStringLiteral("不能为空");
    QTest::newRow("one character") << QStringLiteral("张") << QStringLiteral("实际为 1 个");
    QTest::newRow("31 characters") << QString(31, u'王') << QStringLiteral("实际为 31 个");
    QTest::newRow("digit") << QStringLiteral("张三1") << QStringLiteral("“1”");
    QTest::newRow("full-width digit") << QStringLiteral("张三１") << QStringLiteral("“1”");
    QTest::newRow("parenthesis") << QStringLiteral("张三(临时)") << QStringLiteral("“(”");
    QTest::newRow("full stop is no middle dot") << QStringLiteral("阿依古丽.买买提") << QStringLiteral("“.”");
    QTest::newRow("ideographic full stop") << QStringLiteral("阿依古丽。买买提") << QStringLiteral("“。”");
    QTest::newRow("leading dot") << QStringLiteral("·张三") << QStringLiteral("间隔号");
    QTest::newRow("trailing dot") << QStringLiteral("张三·") << QStringLiteral("间隔号");
    QTest::newRow("double dot") << QStringLiteral("阿依古丽··买买提") << QStringLiteral("间隔号");
    QTest::newRow("space between ideographs") << QStringLiteral("张 三") << QStringLiteral("空格");
    QTest::newRow("ideographic space between ideographs") << QStringLiteral("张\u3000三") << QStringLiteral("空格");
    QTest::newRow("space between latin and ideograph") << QStringLiteral("John 王") << QStringLiteral("空格");
    QTest::newRow("emoji") << QStringLiteral("张三\U0001F600") << QStringLiteral("不能包含");
    QTest::newRow("hiragana") << QStringLiteral("さくら") << QStringLiteral("不能包含");
    QTest::newRow("only dots") << QStringLiteral("··") << QStringLiteral("间隔号");
}

void TestPersonName::invalid()
{
    QFETCH(QString, input);
    QFETCH(QString, messagePart);
    const auto r = PersonName::normalize(input);
    QVERIFY2(!r.ok(), qPrintable(r.ok() ? r.value() : QString()));
    QCOMPARE(r.error().code, QStringLiteral("name.invalid"));
    QCOMPARE(r.error().field, QStringLiteral("姓名"));
    QVERIFY2(r.error().message.contains(messagePart), qPrintable(r.error().message));
}

QTEST_GUILESS_MAIN(TestPersonName)
#include "tst_personname.moc"
