// Every rule of the rules table of docs/declarations.md as the server applies it to POST
// /declarations/items: field rules are 422 with the rule's code naming the field, state rules
// 409, warnings never refuse (201 with the item's warnings and the base that applies).
#include <QtTest>

#include <functional>

#include "DeclarationTestData.h"
#include "ServerFixture.h"
#include "ServerTestData.h"
#include "models/policy/PolicyTable.h"
#include "server/Database.h"
#include "server/DemoSeeder.h"

using namespace shebao;
using namespace shebao::test;
using namespace shebao::test::decl;

using Mutation = std::function<void(QJsonObject &)>;
Q_DECLARE_METATYPE(Mutation)

namespace {

void setPerson(QJsonObject &body, const QString &member, const QJsonValue &value)
{
    QJsonObject p = body.value(QLatin1String("person")).toObject();
    if (value.isUndefined())
        p.remove(member);
    else
        p.insert(member, value);
    body.insert(QStringLiteral("person"), p);
}

QString newcomer(int i)
{
    return server::DemoSeeder::newcomerIdNumbers().at(i);
}

} // namespace

class TestServerDeclarationRules : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void fieldRules_data();
    void fieldRules();
    void severalProblemsAtOnce();
    void warnings_data();
    void warnings();
    void stateRules_data();
    void stateRules();
    void duplicateOpenItem();

private:
    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
};

void TestServerDeclarationRules::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(data::Authorized, data::Password).status, 200);
}

void TestServerDeclarationRules::cleanupTestCase()
{
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

void TestServerDeclarationRules::fieldRules_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("detailMentions");

    const QString add = QStringLiteral("add");
    const QString reduce = QStringLiteral("reduce");
    auto row = [](const char *name, const QString &kind, Mutation m, const char *code, const char *field, const QString &mention) {
        QTest::newRow(name) << kind << m << QString::fromLatin1(code) << QString::fromLatin1(field) << mention;
    };
    row("name missing", add, [](QJsonObject &b) { b.remove(QStringLiteral("name")); }, "required.missing", "name", QStringLiteral("姓名"));
    row("name too short", add, [](QJsonObject &b) { b.insert(QStringLiteral("name"), QStringLiteral("张")); }, "name.invalid", "name", QStringLiteral("姓名"));
    row("name with digit", add, [](QJsonObject &b) { b.insert(QStringLiteral("name"), QStringLiteral("张3")); }, "name.invalid", "name", QStringLiteral("姓名"));
    row("id missing", add, [](QJsonObject &b) { b.insert(QStringLiteral("id_number"), QStringLiteral(" ")); }, "required.missing", "id_number", QStringLiteral("公民身份号码"));
    row("id format", add, [](QJsonObject &b) { b.insert(QStringLiteral("id_number"), QStringLiteral("43010219900512")); }, "id.format", "id_number", QStringLiteral("公民身份号码"));
    row("id checksum", add, [](QJsonObject &b) {
        QString id = newcomer(0);
        id[17] = id[17] == u'0' ? u'1' : u'0';
        b.insert(QStringLiteral("id_number"), id);
    }, "id.checksum", "id_number", QStringLiteral("公民身份号码"));
    row("id birthdate", add, [](QJsonObject &b) { b.insert(QStringLiteral("id_number"), withCheck(QStringLiteral("43010219901332881"))); },
        "id.birthdate", "id_number", QStringLiteral("出生"));
    row("kind unknown", add, [](QJsonObject &b) { b.insert(QStringLiteral("kind"), QStringLiteral("transfer")); }, "dict.unknown", "kind", QStringLiteral("异动类型"));
    row("kind missing", add, [](QJsonObject &b) { b.remove(QStringLiteral("kind")); }, "required.missing", "kind", QStringLiteral("异动类型"));
    row("person missing", add, [](QJsonObject &b) { b.remove(QStringLiteral("person")); }, "required.missing", "person", QStringLiteral("人员信息"));
    row("gender mismatch", add, [](QJsonObject &b) { setPerson(b, QStringLiteral("gender"), QStringLiteral("2")); }, "gender.mismatch", "person.gender", QStringLiteral("性别"));
    row("gender unknown", add, [](QJsonObject &b) { setPerson(b, QStringLiteral("gender"), QStringLiteral("9")); }, "dict.unknown", "person.gender", QStringLiteral("性别"));
    row("birth date mismatch", add, [](QJsonObject &b) { setPerson(b, QStringLiteral("birth_date"), QStringLiteral("1990-05-13")); }, "birthdate.mismatch", "person.birth_date", QStringLiteral("出生日期"));
    row("ethnicity unknown", add, [](QJsonObject &b) { setPerson(b, QStringLiteral("ethnicity"), QStringLiteral("99")); }, "dict.unknown", "person.ethnicity", QStringLiteral("民族"));
    row("hukou missing", add, [](QJsonObject &b) { setPerson(b, QStringLiteral("hukou"), QJsonValue::Undefined); }, "required.missing", "person.hukou", QStringLiteral("户口性质"));
    row("employment form unknown", add, [](QJsonObject &b) { setPerson(b, QStringLiteral("employment_form"), QStringLiteral("9")); }, "dict.unknown", "person.employment_form", QStringLiteral("用工形式"));
    row("identity unknown", add, [](QJsonObject &b) { setPerson(b, QStringLiteral("identity"), QStringLiteral("5")); }, "dict.unknown", "person.identity", QStringLiteral("个人身份"));
    row("insurance unknown", add, [](QJsonObject &b) { b.insert(QStringLiteral("insurances"), QJsonArray{QStringLiteral("110"), QStringLiteral("999")}); }, "dict.unknown", "insurances", QStringLiteral("险种"));
    row("insurances empty", add, [](QJsonObject &b) { b.insert(QStringLiteral("insurances"), QJsonArray{}); }, "required.missing", "insurances", QStringLiteral("险种"));
    row("work start not a date", add, [](QJsonObject &b) { setPerson(b, QStringLiteral("work_start_date"), QStringLiteral("2015-02-30")); }, "date.invalid", "person.work_start_date", QStringLiteral("参加工作日期"));
    row("work start before birth", add, [](QJsonObject &b) { setPerson(b, QStringLiteral("work_start_date"), QStringLiteral("1980-01-01")); }, "date.invalid", "person.work_start_date", QStringLiteral("出生日期"));
    row("work start in the future", add, [](QJsonObject &b) {
        setPerson(b, QStringLiteral("work_start_date"), QDate::currentDate().addDays(40).toString(Qt::ISODate));
    }, "date.invalid", "person.work_start_date", QStringLiteral("今天"));
    row("work start missing", add, [](QJsonObject &b) { setPerson(b, QStringLiteral("work_start_date"), QJsonValue::Undefined); }, "required.missing", "person.work_start_date", QStringLiteral("参加工作日期"));
    row("start three months back", add, [](QJsonObject &b) { b.insert(QStringLiteral("start_month"), month(-3)); }, "start.too_early", "start_month", QStringLiteral("两个月"));
    row("start next month", add, [](QJsonObject &b) { b.insert(QStringLiteral("start_month"), month(1)); }, "start.future", "start_month", QStringLiteral("参保开始年月"));
    row("start malformed", add, [](QJsonObject &b) { b.insert(QStringLiteral("start_month"), month().replace(u'-', u'/')); }, "date.invalid", "start_month", QStringLiteral("参保开始年月"));
    row("start missing", add, [](QJsonObject &b) { b.remove(QStringLiteral("start_month")); }, "required.missing", "start_month", QStringLiteral("参保开始年月"));
    row("under 16", add, [](QJsonObject &b) { b.insert(QStringLiteral("id_number"), newcomer(5)); }, "age.under_16", "id_number", QStringLiteral("16 周岁"));
    row("wage zero", add, [](QJsonObject &b) { b.insert(QStringLiteral("wage"), QStringLiteral("0")); }, "wage.invalid", "wage", QStringLiteral("工资基数"));
    row("wage three decimals", add, [](QJsonObject &b) { b.insert(QStringLiteral("wage"), QStringLiteral("6500.125")); }, "wage.invalid", "wage", QStringLiteral("两位小数"));
    row("wage not an amount", add, [](QJsonObject &b) { b.insert(QStringLiteral("wage"), QStringLiteral("六千")); }, "wage.invalid", "wage", QStringLiteral("工资基数"));
    row("wage as a JSON number", add, [](QJsonObject &b) { b.insert(QStringLiteral("wage"), 6500); }, "wage.invalid", "wage", QStringLiteral("工资基数"));
    row("wage negative", add, [](QJsonObject &b) { b.insert(QStringLiteral("wage"), QStringLiteral("-1.00")); }, "wage.invalid", "wage", QStringLiteral("大于 0"));
    row("wage missing", add, [](QJsonObject &b) { b.remove(QStringLiteral("wage")); }, "required.missing", "wage", QStringLiteral("工资基数"));
    row("phone invalid", add, [](QJsonObject &b) { setPerson(b, QStringLiteral("phone"), QStringLiteral("12345")); }, "phone.invalid", "person.phone", QStringLiteral("联系电话"));
    row("phone missing", add, [](QJsonObject &b) { setPerson(b, QStringLiteral("phone"), QJsonValue::Undefined); }, "required.missing", "person.phone", QStringLiteral("联系电话"));
    row("change type unknown", reduce, [](QJsonObject &b) { b.insert(QStringLiteral("change_type"), QStringLiteral("9")); }, "dict.unknown", "change_type", QStringLiteral("变更类型"));
    row("reason not a child of the type", reduce, [](QJsonObject &b) { b.insert(QStringLiteral("change_reason"), QStringLiteral("31")); }, "dict.unknown", "change_reason", QStringLiteral("变更类型"));
    row("reason missing", reduce, [](QJsonObject &b) { b.remove(QStringLiteral("change_reason")); }, "required.missing", "change_reason", QStringLiteral("变更原因"));
    row("stop month too early", reduce, [](QJsonObject &b) { b.insert(QStringLiteral("stop_month"), month(-3)); }, "start.too_early", "stop_month", QStringLiteral("停保年月"));
    row("stop month in the future", reduce, [](QJsonObject &b) { b.insert(QStringLiteral("stop_month"), month(2)); }, "start.future", "stop_month", QStringLiteral("停保年月"));
}

void TestServerDeclarationRules::fieldRules()
{
    QFETCH(QString, kind);
    QFETCH(Mutation, mutate);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QFETCH(QString, detailMentions);
    const DemoPerson active = activePerson(*m_fixture, data::Authorized, 0);
    QJsonObject body = kind == QLatin1String("reduce") ? reduceRequest(active.idNumber, active.name) : addRequest(newcomer(0));
    mutate(body);
    const int before = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_items")).toInt();
    const HttpResult r = m_unit->postJson(Items, body);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    const QJsonObject problem = r.json();
    QCOMPARE(problem.value(QLatin1String("code")).toString(), code);
    QVERIFY2(fields(problem).contains(field + u':' + code), qPrintable(fields(problem).join(u' ')));
    const QJsonObject first = problem.value(QLatin1String("errors")).toArray().at(0).toObject();
    QVERIFY2(first.value(QLatin1String("detail")).toString().contains(detailMentions),
             qPrintable(first.value(QLatin1String("detail")).toString()));
    QCOMPARE(problem.value(QLatin1String("detail")).toString(), first.value(QLatin1String("detail")).toString());
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_items")).toInt(), before);
}

void TestServerDeclarationRules::severalProblemsAtOnce()
{
    QJsonObject body = addRequest(newcomer(0));
    body.remove(QStringLiteral("name"));
    setPerson(body, QStringLiteral("phone"), QStringLiteral("12345"));
    body.insert(QStringLiteral("start_month"), month(1));
    const HttpResult r = m_unit->postJson(Items, body);
    QCOMPARE(r.status, 422);
    const QStringList listed = fields(r.json());
    QVERIFY(listed.contains(QStringLiteral("name:required.missing")));
    QVERIFY(listed.contains(QStringLiteral("person.phone:phone.invalid")));
    QVERIFY(listed.contains(QStringLiteral("start_month:start.future")));
    QCOMPARE(listed.size(), 3);
}

void TestServerDeclarationRules::warnings_data()
{
    QTest::addColumn<QString>("idNumber");
    QTest::addColumn<QString>("wage");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QString>("normalizedId");

    const auto policy = PolicyTable::forRegion(QStringLiteral("430100"));
    QVERIFY(policy.ok());
    const auto period = policy.value().periodFor(*YearMonth::parse(month()));
    QVERIFY2(period.ok(), "the embedded policy must cover the current month");
    const QString fresh = freshId(*m_fixture, QStringLiteral("19910203"), 871);
    // 15-digit form of `fresh`: region + yyMMdd + sequence, no check character.
    const QString old15 = fresh.left(6) + fresh.mid(8, 9);
    QTest::newRow("in range") << freshId(*m_fixture, QStringLiteral("19920304"), 301) << QStringLiteral("6500.00")
                              << QStringList() << QString();
    QTest::newRow("15-digit upgraded") << old15 << QStringLiteral("6500.00") << QStringList{QStringLiteral("id.upgraded15")} << fresh;
    QTest::newRow("over retirement age") << server::DemoSeeder::newcomerIdNumbers().at(4) << QStringLiteral("6500.00")
                                         << QStringList{QStringLiteral("age.over_retirement")} << QString();
    QTest::newRow("wage below the lower limit") << freshId(*m_fixture, QStringLiteral("19930405"), 401)
                                                << (period.value().baseLower - Money::fromFen(100)).toYuanString()
                                                << QStringList{QStringLiteral("wage.out_of_range")} << QString();
    QTest::newRow("wage above the upper limit") << freshId(*m_fixture, QStringLiteral("19940506"), 501)
                                                << (period.value().baseUpper + Money::fromFen(1)).toYuanString()
                                                << QStringList{QStringLiteral("wage.out_of_range")} << QString();
}

void TestServerDeclarationRules::warnings()
{
    QFETCH(QString, idNumber);
    QFETCH(QString, wage);
    QFETCH(QStringList, codes);
    QFETCH(QString, normalizedId);
    const HttpResult r = m_unit->postJson(Items, addRequest(idNumber, QStringLiteral("王警示"), QStringLiteral("add"), wage));
    QCOMPARE(r.status, 201);
    const QJsonObject item = r.json();
    QCOMPARE(warningCodes(item), codes);
    QCOMPARE(item.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
    QCOMPARE(item.value(QLatin1String("wage")).toString(), wage);
    if (!normalizedId.isEmpty())
        QCOMPARE(item.value(QLatin1String("id_number")).toString(), normalizedId);
    const auto policy = PolicyTable::forRegion(QStringLiteral("430100"));
    const auto period = policy.value().periodFor(*YearMonth::parse(month())).value();
    const Money declared = *Money::parseYuan(wage);
    const Money applies = qBound(period.baseLower, declared, period.baseUpper);
    QCOMPARE(item.value(QLatin1String("base")).toString(), applies.toYuanString());
    for (const QJsonValue &w : item.value(QLatin1String("warnings")).toArray()) {
        QVERIFY(!w.toObject().value(QLatin1String("message")).toString().isEmpty());
        if (w.toObject().value(QLatin1String("code")).toString() == QLatin1String("wage.out_of_range")) {
            QCOMPARE(w.toObject().value(QLatin1String("field")).toString(), QStringLiteral("wage"));
            QVERIFY(w.toObject().value(QLatin1String("message")).toString().contains(applies.toYuanString()));
        }
    }
    // Withdrawn again so the demo person stays free for other rows.
    QCOMPARE(m_unit->post(Items + QStringLiteral("/%1/withdraw").arg(item.value(QLatin1String("id")).toInteger()), {}).status, 200);
}

void TestServerDeclarationRules::stateRules_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("detailMentions");

    const DemoPerson renewable = renewablePerson(*m_fixture, data::Authorized, 0);
    const DemoPerson active = activePerson(*m_fixture, data::Authorized, 1);
    const DemoPerson elsewhere = activeElsewhere(*m_fixture, data::Authorized, data::Ordinary, 0);
    const DemoPerson changing = renewablePerson(*m_fixture, data::Authorized, 1);
    QVERIFY(renewable.isValid() && active.isValid() && elsewhere.isValid() && changing.isValid());
    // A pending key-information change (信息维护, docs/changes.md).
    QVERIFY(m_fixture->server()
                .database()
                .exec(QStringLiteral("INSERT INTO change_requests (request_no, unit_id, target, person_id, state, key_change,"
                                     " fields, created_at, created_by)"
                                     " SELECT 'BG-RULES-1', (SELECT id FROM units WHERE unit_no = ?), 'person', id, 'pending', 1,"
                                     " '[{\"member\":\"name\",\"after\":\"改名\"}]', 0, 'test' FROM persons WHERE id_number = ?"),
                      {data::Authorized, changing.idNumber})
                .ok());
    const QString unknown = server::DemoSeeder::newcomerIdNumbers().at(1);

    QTest::newRow("新增 of a person with earlier enrolment")
        << addRequest(renewable.idNumber, renewable.name) << "kind.mismatch" << "kind" << QStringLiteral("续保");
    QTest::newRow("续保 of a person the agency does not know")
        << addRequest(unknown, QStringLiteral("李新"), QStringLiteral("renew")) << "kind.mismatch" << "kind" << QStringLiteral("新增");
    QTest::newRow("续保 of a person active here")
        << addRequest(active.idNumber, active.name, QStringLiteral("renew")) << "person.enrolled" << "id_number"
        << QStringLiteral("本单位");
    QTest::newRow("续保 of a person active in another unit")
        << addRequest(elsewhere.idNumber, elsewhere.name, QStringLiteral("renew")) << "person.enrolled" << "id_number"
        << QStringLiteral("其他单位");
    QTest::newRow("续保 blocked by a pending key change")
        << addRequest(changing.idNumber, changing.name, QStringLiteral("renew")) << "person.pending_change" << "id_number"
        << QStringLiteral("关键信息");
    QTest::newRow("减少 of a person not active here")
        << reduceRequest(renewable.idNumber, renewable.name) << "person.not_enrolled" << "id_number" << QStringLiteral("减少");
    QTest::newRow("减少 of a person active only elsewhere")
        << reduceRequest(elsewhere.idNumber, elsewhere.name) << "person.not_enrolled" << "id_number" << QStringLiteral("本单位");
    QTest::newRow("续保 under another name")
        << addRequest(renewable.idNumber, QStringLiteral("王错名"), QStringLiteral("renew")) << "name.mismatch" << "name"
        << renewable.name;
    QTest::newRow("减少 under another name")
        << reduceRequest(active.idNumber, QStringLiteral("王错名")) << "name.mismatch" << "name" << active.name;
    QTest::newRow("减少 of an unknown person")
        << reduceRequest(unknown, QStringLiteral("李新")) << "person.not_enrolled" << "id_number" << QStringLiteral("减少");
}

void TestServerDeclarationRules::stateRules()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, code);
    QFETCH(QString, field);
    QFETCH(QString, detailMentions);
    const HttpResult r = m_unit->postJson(Items, body);
    QCOMPARE(r.status, 409);
    QCOMPARE(decl::code(r), code);
    QVERIFY2(fields(r.json()).contains(field + u':' + code), qPrintable(fields(r.json()).join(u' ')));
    const QString detail = r.json().value(QLatin1String("detail")).toString();
    QVERIFY2(detail.contains(detailMentions), qPrintable(detail));
    // The other unit is never identified.
    QVERIFY(!r.body.contains(data::Ordinary.toUtf8()));
    QVERIFY(!r.body.contains(QStringLiteral("岳麓").toUtf8()));
}

void TestServerDeclarationRules::duplicateOpenItem()
{
    const DemoPerson active = activePerson(*m_fixture, data::Authorized, 2);
    HttpResult r = m_unit->postJson(Items, reduceRequest(active.idNumber, active.name));
    QCOMPARE(r.status, 201);
    const qint64 id = r.json().value(QLatin1String("id")).toInteger();
    // Another item of any kind for the same person while one is open.
    r = m_unit->postJson(Items, reduceRequest(active.idNumber, active.name, QStringLiteral("3"), QStringLiteral("31")));
    QCOMPARE(r.status, 409);
    QCOMPARE(code(r), QStringLiteral("item.duplicate"));
    QVERIFY(r.json().value(QLatin1String("detail")).toString().contains(QStringLiteral("重复")));
    // Once withdrawn, the person is free again.
    QCOMPARE(m_unit->post(Items + QStringLiteral("/%1/withdraw").arg(id), {}).status, 200);
    r = m_unit->postJson(Items, reduceRequest(active.idNumber, active.name, QStringLiteral("3"), QStringLiteral("31")));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(QLatin1String("change_type")).toString(), QStringLiteral("3"));
}

QTEST_GUILESS_MAIN(TestServerDeclarationRules)
#include "tst_server_declaration_rules.moc"
