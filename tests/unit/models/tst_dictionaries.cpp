#include "models/dictionaries/Dictionaries.h"
#include "models/dictionaries/Dictionary.h"

#include <QtTest>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using shebao::Dictionaries;
using shebao::Dictionary;
using shebao::DictionaryEntry;

class TestDictionaries : public QObject
{
    Q_OBJECT

private slots:
    void concurrentFirstUse();
    void embeddedFilesLoad_data();
    void embeddedFilesLoad();
    void counts_data();
    void counts();
    void lookup_data();
    void lookup();
    void unknown_data();
    void unknown();
    void changeReasonsByParent_data();
    void changeReasonsByParent();
    void findWithinParent_data();
    void findWithinParent();
    void entriesInFileOrder();
    void historicDistricts();
    void byIdAndNameOf();
    void malformed_data();
    void malformed();
    void loadFromFile();
    void unreadableFile();
};

// First in the slot order, so the standard tables are loaded here, by several threads at once.
void TestDictionaries::concurrentFirstUse()
{
    std::atomic<int> loaded{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back(QThread::create([&loaded] {
            if (Dictionaries::ethnicity().size() == 58 && Dictionaries::changeReason().size() == 10)
                ++loaded;
        }));
    }
    for (auto &t : threads)
        t->start();
    for (auto &t : threads)
        QVERIFY(t->wait(10000));
    QCOMPARE(loaded.load(), 8);
    QCOMPARE(&Dictionaries::ethnicity(), &Dictionaries::byId(QStringLiteral("ethnicity")));
}

void TestDictionaries::embeddedFilesLoad_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : Dictionaries::ids())
        QTest::newRow(qPrintable(id)) << id;
}

void TestDictionaries::embeddedFilesLoad()
{
    QFETCH(QString, id);
    // Straight from the resource system: proves the resource object is linked into this test,
    // which links only shebao_models.
    QVERIFY2(QFile::exists(Dictionaries::resourcePath(id)), qPrintable(Dictionaries::resourcePath(id)));
    const auto direct = Dictionary::load(Dictionaries::resourcePath(id));
    QVERIFY2(direct.ok(), qPrintable(direct.ok() ? QString() : direct.error().message));
    QCOMPARE(direct.value().id(), id);
    QVERIFY(!direct.value().title().isEmpty());
    QVERIFY(!direct.value().source().isEmpty());

    QVERIFY2(Dictionaries::status().ok(), qPrintable(Dictionaries::status().ok() ? QString() : Dictionaries::status().error().message));
    QCOMPARE(Dictionaries::byId(id).entries(), direct.value().entries());
}

void TestDictionaries::counts_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("count");
    QTest::newRow("ethnicity: 56 + 97 + 98") << QStringLiteral("ethnicity") << 58;
    QTest::newRow("insurance") << QStringLiteral("insurance") << 5;
    QTest::newRow("hukou") << QStringLiteral("hukou") << 2;
    QTest::newRow("employment_form") << QStringLiteral("employment_form") << 4;
    QTest::newRow("identity") << QStringLiteral("identity") << 2;
    QTest::newRow("change_type") << QStringLiteral("change_type") << 2;
    QTest::newRow("change_reason") << QStringLiteral("change_reason") << 10;
    QTest::newRow("district") << QStringLiteral("district") << 13;
}

void TestDictionaries::counts()
{
    QFETCH(QString, id);
    QFETCH(int, count);
    QCOMPARE(Dictionaries::byId(id).size(), count);
}

void TestDictionaries::lookup_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("how"); // code | name | short | alias | find
    QTest::addColumn<QString>("code");

    QTest::newRow("民族 by code") << QStringLiteral("ethnicity") << QStringLiteral("01") << QStringLiteral("code") << QStringLiteral("01");
    QTest::newRow("民族 by name") << QStringLiteral("ethnicity") << QStringLiteral("汉族") << QStringLiteral("name") << QStringLiteral("01");
    QTest::newRow("民族 by short") << QStringLiteral("ethnicity") << QStringLiteral("汉") << QStringLiteral("short") << QStringLiteral("01");
    QTest::newRow("民族 last of 56") << QStringLiteral("ethnicity") << QStringLiteral("基诺族") << QStringLiteral("find") << QStringLiteral("56");
    QTest::newRow("民族 15 土家族") << QStringLiteral("ethnicity") << QStringLiteral("土家族") << QStringLiteral("name") << QStringLiteral("15");
    QTest::newRow("民族 full-width code") << QStringLiteral("ethnicity") << QStringLiteral("０１") << QStringLiteral("code") << QStringLiteral("01");
    QTest::newRow("民族 padded name") << QStringLiteral("ethnicity") << QStringLiteral("\u3000苗族 ") << QStringLiteral("find") << QStringLiteral("06");
    QTest::newRow("民族 97 其他") << QStringLiteral("ethnicity") << QStringLiteral("其他") << QStringLiteral("find") << QStringLiteral("97");
    QTest::newRow("民族 98 by short") << QStringLiteral("ethnicity") << QStringLiteral("外国血统") << QStringLiteral("short") << QStringLiteral("98");
    QTest::newRow("民族 98 by name") << QStringLiteral("ethnicity") << QStringLiteral("外国血统中国籍人士") << QStringLiteral("name") << QStringLiteral("98");
    QTest::newRow("险种 by code") << QStringLiteral("insurance") << QStringLiteral("110") << QStringLiteral("code") << QStringLiteral("110");
    QTest::newRow("险种 养老") << QStringLiteral("insurance") << QStringLiteral("养老") << QStringLiteral("short") << QStringLiteral("110");
    QTest::newRow("险种 失业") << QStringLiteral("insurance") << QStringLiteral("失业") << QStringLiteral("find") << QStringLiteral("210");
    QTest::newRow("险种 医疗") << QStringLiteral("insurance") << QStringLiteral("医疗") << QStringLiteral("find") << QStringLiteral("310");
    QTest::newRow("险种 工伤保险") << QStringLiteral("insurance") << QStringLiteral("工伤保险") << QStringLiteral("name") << QStringLiteral("410");
    QTest::newRow("险种 生育") << QStringLiteral("insurance") << QStringLiteral("生育") << QStringLiteral("find") << QStringLiteral("510");
    QTest::newRow("险种 alias 养老保险") << QStringLiteral("insurance") << QStringLiteral("养老保险") << QStringLiteral("alias") << QStringLiteral("110");
    QTest::newRow("户口 城镇") << QStringLiteral("hukou") << QStringLiteral("城镇") << QStringLiteral("name") << QStringLiteral("1");
    QTest::newRow("户口 非农业") << QStringLiteral("hukou") << QStringLiteral("非农业") << QStringLiteral("alias") << QStringLiteral("1");
    QTest::newRow("户口 农村") << QStringLiteral("hukou") << QStringLiteral("农村") << QStringLiteral("find") << QStringLiteral("2");
    QTest::newRow("户口 农业") << QStringLiteral("hukou") << QStringLiteral("农业") << QStringLiteral("alias") << QStringLiteral("2");
    QTest::newRow("户口 农业 via find") << QStringLiteral("hukou") << QStringLiteral(" 农业 ") << QStringLiteral("find") << QStringLiteral("2");
    QTest::newRow("用工 合同制") << QStringLiteral("employment_form") << QStringLiteral("合同制") << QStringLiteral("find") << QStringLiteral("1");
    QTest::newRow("用工 劳务派遣") << QStringLiteral("employment_form") << QStringLiteral("劳务派遣") << QStringLiteral("find") << QStringLiteral("2");
    QTest::newRow("用工 非全日制") << QStringLiteral("employment_form") << QStringLiteral("非全日制") << QStringLiteral("find") << QStringLiteral("3");
    QTest::newRow("用工 临时工") << QStringLiteral("employment_form") << QStringLiteral("临时工") << QStringLiteral("find") << QStringLiteral("4");
    QTest::newRow("身份 工人") << QStringLiteral("identity") << QStringLiteral("工人") << QStringLiteral("find") << QStringLiteral("1");
    QTest::newRow("身份 干部") << QStringLiteral("identity") << QStringLiteral("干部") << QStringLiteral("find") << QStringLiteral("2");
    QTest::newRow("变更类型 停保") << QStringLiteral("change_type") << QStringLiteral("停保") << QStringLiteral("name") << QStringLiteral("2");
    QTest::newRow("变更类型 终止") << QStringLiteral("change_type") << QStringLiteral("终止") << QStringLiteral("name") << QStringLiteral("3");
    QTest::newRow("变更原因 被辞退") << QStringLiteral("change_reason") << QStringLiteral("被辞退") << QStringLiteral("alias") << QStringLiteral("23");
    QTest::newRow("变更原因 full-width parens") << QStringLiteral("change_reason") << QStringLiteral("出国（境）定居") << QStringLiteral("alias") << QStringLiteral("33");
    QTest::newRow("区划 芙蓉区") << QStringLiteral("district") << QStringLiteral("芙蓉区") << QStringLiteral("name") << QStringLiteral("430102");
    QTest::newRow("区划 430122") << QStringLiteral("district") << QStringLiteral("430122") << QStringLiteral("code") << QStringLiteral("430122");
    QTest::newRow("区划 宁乡市") << QStringLiteral("district") << QStringLiteral("宁乡市") << QStringLiteral("find") << QStringLiteral("430182");
}

void TestDictionaries::lookup()
{
    QFETCH(QString, id);
    QFETCH(QString, text);
    QFETCH(QString, how);
    QFETCH(QString, code);

    const Dictionary &d = Dictionaries::byId(id);
    std::optional<DictionaryEntry> e;
    if (how == QLatin1String("code"))
        e = d.byCode(text);
    else if (how == QLatin1String("name"))
        e = d.byName(text);
    else if (how == QLatin1String("short"))
        e = d.byShortName(text);
    else if (how == QLatin1String("alias"))
        e = d.byAlias(text);
    else
        e = d.find(text);
    QVERIFY2(e.has_value(), qPrintable(text));
    QCOMPARE(e->code, code);
    // Whatever found it, find() finds the same entry.
    QCOMPARE(d.find(text)->code, code);
}

void TestDictionaries::unknown_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("text");
    QTest::newRow("民族 57 (not a GB/T 3304 code)") << QStringLiteral("ethnicity") << QStringLiteral("57");
    QTest::newRow("民族 1 without zero") << QStringLiteral("ethnicity") << QStringLiteral("1");
    QTest::newRow("民族 empty") << QStringLiteral("ethnicity") << QString();
    QTest::newRow("险种 170 (not offered)") << QStringLiteral("insurance") << QStringLiteral("170");
    QTest::newRow("户口 unknown") << QStringLiteral("hukou") << QStringLiteral("城市");
    QTest::newRow("变更类型 新增 is no reduction") << QStringLiteral("change_type") << QStringLiteral("新增");
}

void TestDictionaries::unknown()
{
    QFETCH(QString, id);
    QFETCH(QString, text);
    const Dictionary &d = Dictionaries::byId(id);
    QVERIFY(!d.isEmpty());
    QVERIFY(!d.find(text).has_value());
    QVERIFY(!d.byCode(text).has_value());
}

void TestDictionaries::changeReasonsByParent_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("reasons");
    QTest::newRow("停保") << QStringLiteral("停保")
                        << QStringList{QStringLiteral("解除劳动合同"), QStringLiteral("辞职"), QStringLiteral("辞退"),
                                       QStringLiteral("转移"), QStringLiteral("参军"), QStringLiteral("重复参保"),
                                       QStringLiteral("其他")};
    QTest::newRow("终止") << QStringLiteral("终止")
                        << QStringList{QStringLiteral("退休"), QStringLiteral("死亡"), QStringLiteral("出国定居")};
}

void TestDictionaries::changeReasonsByParent()
{
    QFETCH(QString, type);
    QFETCH(QStringList, reasons);
    const auto t = Dictionaries::changeType().find(type);
    QVERIFY(t.has_value());
    QStringList names;
    for (const DictionaryEntry &e : Dictionaries::changeReason().entriesWithParent(t->code)) {
        names.append(e.name);
        QCOMPARE(e.parent, t->code);
    }
    QCOMPARE(names, reasons);
}

void TestDictionaries::findWithinParent_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("belongs");
    QTest::newRow("辞职 is 停保") << QStringLiteral("辞职") << QStringLiteral("停保") << true;
    QTest::newRow("辞职 is not 终止") << QStringLiteral("辞职") << QStringLiteral("终止") << false;
    QTest::newRow("退休 is 终止") << QStringLiteral("退休") << QStringLiteral("终止") << true;
    QTest::newRow("退休 is not 停保") << QStringLiteral("退休") << QStringLiteral("停保") << false;
    QTest::newRow("alias within parent") << QStringLiteral("在职死亡") << QStringLiteral("终止") << true;
    QTest::newRow("code within parent") << QStringLiteral("21") << QStringLiteral("停保") << true;
}

void TestDictionaries::findWithinParent()
{
    QFETCH(QString, reason);
    QFETCH(QString, type);
    QFETCH(bool, belongs);
    const QString typeCode = Dictionaries::changeType().find(type)->code;
    QCOMPARE(Dictionaries::changeReason().find(reason, typeCode).has_value(), belongs);
    // Without the parent the reason is always known, and names its parent.
    const auto any = Dictionaries::changeReason().find(reason);
    QVERIFY(any.has_value());
    QCOMPARE(any->parent == typeCode, belongs);
}

void TestDictionaries::entriesInFileOrder()
{
    const QList<DictionaryEntry> &all = Dictionaries::ethnicity().entries();
    QCOMPARE(all.size(), 58);
    for (int i = 0; i < 56; ++i)
        QCOMPARE(all.at(i).code, QStringLiteral("%1").arg(i + 1, 2, 10, QLatin1Char('0')));
    QCOMPARE(all.at(0).name, QStringLiteral("汉族"));
    QCOMPARE(all.at(55).name, QStringLiteral("基诺族"));
    QCOMPARE(all.at(56).code, QStringLiteral("97"));
    QCOMPARE(all.at(57).code, QStringLiteral("98"));
    QCOMPARE(all.at(57).name, QStringLiteral("外国血统中国籍人士"));

    QStringList codes;
    for (const DictionaryEntry &e : Dictionaries::insurance().entries())
        codes.append(e.code);
    QCOMPARE(codes, (QStringList{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("310"),
                                 QStringLiteral("410"), QStringLiteral("510")}));
}

void TestDictionaries::historicDistricts()
{
    const Dictionary &d = Dictionaries::district();
    QVERIFY(d.byCode(QStringLiteral("430122"))->historic);
    QCOMPARE(d.byCode(QStringLiteral("430122"))->name, QStringLiteral("望城县"));
    QVERIFY(d.byCode(QStringLiteral("430124"))->historic);
    QCOMPARE(d.byCode(QStringLiteral("430124"))->name, QStringLiteral("宁乡县"));
    QVERIFY(!d.byCode(QStringLiteral("430112"))->historic);
    QVERIFY(!d.byCode(QStringLiteral("430182"))->historic);
    QCOMPARE(d.entriesWithParent(QStringLiteral("430100")).size(), 11);
}

void TestDictionaries::byIdAndNameOf()
{
    QVERIFY(Dictionaries::byId(QStringLiteral("no_such")).isEmpty());
    QCOMPARE(&Dictionaries::byId(QStringLiteral("hukou")), &Dictionaries::hukou());
    QCOMPARE(Dictionaries::hukou().nameOf(QStringLiteral("1")), QStringLiteral("城镇"));
    QCOMPARE(Dictionaries::hukou().nameOf(QStringLiteral("9")), QStringLiteral("9"));
    QCOMPARE(Dictionaries::insurance().byCode(QStringLiteral("110"))->shortName, QStringLiteral("养老"));
    QCOMPARE(Dictionaries::insurance().byCode(QStringLiteral("110"))->name, QStringLiteral("企业职工基本养老保险"));
}

void TestDictionaries::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("jsonPath");

    const QByteArray head = R"({"format": "shebao-dict/1", "id": "t", "title": "T", "source": "test", )";
    QTest::newRow("not json") << QByteArray("{oops") << QStringLiteral("$");
    QTest::newRow("array root") << QByteArray("[]") << QStringLiteral("$");
    QTest::newRow("wrong format") << QByteArray(R"({"format": "shebao-dict/2", "entries": []})") << QStringLiteral("$.format");
    QTest::newRow("missing source")
        << QByteArray(R"({"format": "shebao-dict/1", "id": "t", "title": "T", "entries": [{"code": "1", "name": "a"}]})")
        << QStringLiteral("$.source");
    QTest::newRow("no entries") << head + R"("entries": []})" << QStringLiteral("$.entries");
    QTest::newRow("entries not array") << head + R"("entries": {}})" << QStringLiteral("$.entries");
    QTest::newRow("entry not object") << head + R"("entries": [{"code": "1", "name": "a"}, 5]})"
                                      << QStringLiteral("$.entries[1]");
    QTest::newRow("code missing") << head + R"("entries": [{"code": "1", "name": "a"}, {"name": "b"}]})"
                                  << QStringLiteral("$.entries[1].code");
    QTest::newRow("code a number") << head + R"("entries": [{"code": 1, "name": "a"}]})"
                                   << QStringLiteral("$.entries[0].code");
    QTest::newRow("name empty") << head + R"("entries": [{"code": "1", "name": " "}]})"
                                << QStringLiteral("$.entries[0].name");
    QTest::newRow("alias not string") << head + R"("entries": [{"code": "1", "name": "a", "aliases": ["x", 2]}]})"
                                      << QStringLiteral("$.entries[0].aliases[1]");
    QTest::newRow("aliases not array") << head + R"("entries": [{"code": "1", "name": "a", "aliases": "x"}]})"
                                       << QStringLiteral("$.entries[0].aliases");
    QTest::newRow("parent not string") << head + R"("entries": [{"code": "1", "name": "a", "parent": 2}]})"
                                       << QStringLiteral("$.entries[0].parent");
    QTest::newRow("historic not bool") << head + R"("entries": [{"code": "1", "name": "a", "historic": "yes"}]})"
                                       << QStringLiteral("$.entries[0].historic");
    QTest::newRow("duplicate code") << head + R"("entries": [{"code": "1", "name": "a"}, {"code": "1", "name": "b"}]})"
                                    << QStringLiteral("$.entries[1].code");
    QTest::newRow("name clashes with sibling alias")
        << head + R"("entries": [{"code": "1", "name": "a", "aliases": ["b"]}, {"code": "2", "name": "b"}]})"
        << QStringLiteral("$.entries[1]");
}

void TestDictionaries::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, jsonPath);
    const auto r = Dictionary::fromJson(json, QStringLiteral("test.json"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("dict.malformed"));
    QVERIFY2(r.error().message.contains(jsonPath + u' '), qPrintable(r.error().message));
    QCOMPARE(r.error().detail, QStringLiteral("test.json: ") + jsonPath);
}

void TestDictionaries::loadFromFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("custom.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "shebao-dict/1", "id": "custom", "title": "自定义", "source": "test",
                "entries": [{"code": "A", "name": "甲"}, {"code": "B", "name": "乙", "parent": "A"},
                            {"code": "C", "name": "其他", "parent": "A"}, {"code": "D", "name": "其他", "parent": "B"}]})");
    f.close();
    const auto r = Dictionary::load(path);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r.value().origin(), path);
    QCOMPARE(r.value().size(), 4);
    // The same name under two parents is allowed; without a parent the first in file order wins.
    QCOMPARE(r.value().find(QStringLiteral("其他"))->code, QStringLiteral("C"));
    QCOMPARE(r.value().find(QStringLiteral("其他"), QStringLiteral("B"))->code, QStringLiteral("D"));
    QCOMPARE(r.value().entriesWithParent(QStringLiteral("A")).size(), 2);
    QCOMPARE(r.value().entriesWithParent(QString()).size(), 1);
}

void TestDictionaries::unreadableFile()
{
    const auto r = Dictionary::load(QStringLiteral(":/data/dictionaries/no_such.json"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("dict.unreadable"));
    QVERIFY(r.error().message.contains(QStringLiteral("no_such.json")));
}

QTEST_GUILESS_MAIN(TestDictionaries)
#include "tst_dictionaries.moc"
