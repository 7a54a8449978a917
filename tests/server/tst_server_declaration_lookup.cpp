// 异动新增 → 查询: GET /declarations/lookup shows the person as the agency knows them, what may
// be done (suggested_kind, blockers, warnings) and their periods; other units' periods say only
// "not this unit" and nothing in the answer names the other unit.
#include <QtTest>

#include "DeclarationTestData.h"
#include "ServerFixture.h"
#include "ServerTestData.h"
#include "server/Database.h"
#include "server/DemoSeeder.h"

using namespace shebao;
using namespace shebao::test;
using namespace shebao::test::decl;

namespace {

const QString Lookup = QStringLiteral("/api/v1/declarations/lookup?id_number=");

QStringList blockerCodes(const QJsonObject &lookup)
{
    QStringList list;
    for (const QJsonValue &b : lookup.value(QLatin1String("blockers")).toArray())
        list << b.toObject().value(QLatin1String("code")).toString();
    return list;
}

} // namespace

class TestServerDeclarationLookup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void unknownPerson();
    void knownWithoutActiveEnrolment();
    void activeHere();
    void activeElsewhereHidesTheOtherUnit();
    void pendingKeyChange();
    void pendingItem();
    void overRetirementAgeWarns();
    void documentedSandboxPeople_data();
    void documentedSandboxPeople();
    void invalidIdNumber_data();
    void invalidIdNumber();
    void anyLevelMayLookUp();
    void needsAToken();

private:
    HttpResult lookup(const QString &idNumber) { return m_unit->get(Lookup + idNumber); }

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
    std::unique_ptr<HttpsClient> m_certificateUnit;
};

void TestServerDeclarationLookup::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(data::Authorized, data::Password).status, 200);
}

void TestServerDeclarationLookup::cleanupTestCase()
{
    m_certificateUnit.reset();
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

void TestServerDeclarationLookup::unknownPerson()
{
    const QString id = server::DemoSeeder::newcomerIdNumbers().at(1); // a woman born 1995-08-23
    const HttpResult r = lookup(id);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("X-Account-Level"), QByteArray("authorized"));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("id_number")).toString(), id);
    QCOMPARE(o.value(QLatin1String("known")).toBool(), false);
    QVERIFY(o.value(QLatin1String("person_no")).isNull());
    QCOMPARE(o.value(QLatin1String("suggested_kind")).toString(), QStringLiteral("add"));
    const QJsonObject person = o.value(QLatin1String("person")).toObject();
    QCOMPARE(person.value(QLatin1String("gender")).toString(), QStringLiteral("2"));
    QCOMPARE(person.value(QLatin1String("birth_date")).toString(), QStringLiteral("1995-08-23"));
    QVERIFY(o.value(QLatin1String("history")).toArray().isEmpty());
    QVERIFY(o.value(QLatin1String("blockers")).toArray().isEmpty());
    QCOMPARE(o.value(QLatin1String("active_here")).toBool(), false);
    // A lowercase x and spaces are normalized like everywhere else.
    QCOMPARE(lookup(QStringLiteral("%20") + id + QStringLiteral("%20")).json().value(QLatin1String("id_number")).toString(), id);
}

void TestServerDeclarationLookup::knownWithoutActiveEnrolment()
{
    const DemoPerson p = renewablePerson(*m_fixture, data::Authorized, 0);
    QVERIFY(p.isValid());
    const HttpResult r = lookup(p.idNumber);
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("known")).toBool(), true);
    QCOMPARE(o.value(QLatin1String("name")).toString(), p.name);
    QVERIFY(!o.value(QLatin1String("person_no")).toString().isEmpty());
    QCOMPARE(o.value(QLatin1String("suggested_kind")).toString(), QStringLiteral("renew"));
    QCOMPARE(o.value(QLatin1String("active_here")).toBool(), false);
    QCOMPARE(o.value(QLatin1String("active_elsewhere")).toBool(), false);
    QVERIFY(o.value(QLatin1String("blockers")).toArray().isEmpty());
    const QJsonArray history = o.value(QLatin1String("history")).toArray();
    QCOMPARE(history.size(),
             m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM enrolments e JOIN persons p ON p.id = e.person_id"
                                              " WHERE p.id_number = ?"),
                               {p.idNumber})
                 .toInt());
    for (const QJsonValue &h : history) {
        QVERIFY(!h.toObject().value(QLatin1String("end_month")).isNull());
        QVERIFY(h.toObject().value(QLatin1String("status")).toString() != QLatin1String("active"));
    }
    // The agency's data of the person come with it (for the form).
    QVERIFY(!o.value(QLatin1String("person")).toObject().value(QLatin1String("ethnicity")).toString().isEmpty());
}

void TestServerDeclarationLookup::activeHere()
{
    const DemoPerson p = activePerson(*m_fixture, data::Authorized, 0);
    const QJsonObject o = lookup(p.idNumber).json();
    QCOMPARE(o.value(QLatin1String("active_here")).toBool(), true);
    QCOMPARE(o.value(QLatin1String("active_elsewhere")).toBool(), false);
    QCOMPARE(blockerCodes(o), QStringList{QStringLiteral("person.enrolled")});
    // The first demo people worked in 43010000002 before: their periods there are in the
    // history as "not this unit", the open one here as this unit's.
    bool openHere = false;
    int elsewhere = 0;
    for (const QJsonValue &h : o.value(QLatin1String("history")).toArray()) {
        const bool here = h.toObject().value(QLatin1String("this_unit")).toBool();
        openHere = openHere || (here && h.toObject().value(QLatin1String("end_month")).isNull());
        elsewhere += here ? 0 : 1;
        if (!here)
            QVERIFY(!h.toObject().value(QLatin1String("end_month")).isNull());
    }
    QVERIFY(openHere);
    QVERIFY(elsewhere > 0);
}

void TestServerDeclarationLookup::activeElsewhereHidesTheOtherUnit()
{
    // A person of 43010000002 looked up by 43010000001.
    const DemoPerson p = activeElsewhere(*m_fixture, data::Authorized, data::Ordinary, 0);
    QVERIFY(p.isValid());
    const HttpResult r = lookup(p.idNumber);
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("active_here")).toBool(), false);
    QCOMPARE(o.value(QLatin1String("active_elsewhere")).toBool(), true);
    QCOMPARE(blockerCodes(o), QStringList{QStringLiteral("person.enrolled")});
    QVERIFY(!o.value(QLatin1String("history")).toArray().isEmpty());
    for (const QJsonValue &h : o.value(QLatin1String("history")).toArray()) {
        QCOMPARE(h.toObject().value(QLatin1String("this_unit")).toBool(), false);
        QVERIFY(!h.toObject().contains(QLatin1String("unit_no")));
    }
    const QString otherName = m_fixture->scalar(QStringLiteral("SELECT name FROM units WHERE unit_no = ?"), {data::Ordinary}).toString();
    // What the other unit registered (phone, 户口, 用工形式, …) stays with it; the ID number's
    // own facts are given.
    const QString phone = m_fixture->scalar(QStringLiteral("SELECT phone FROM persons WHERE id_number = ?"), {p.idNumber}).toString();
    QVERIFY(!phone.isEmpty());
    QVERIFY(!r.body.contains(phone.toUtf8()));
    const QJsonObject person = o.value(QLatin1String("person")).toObject();
    for (const char *member : {"phone", "hukou", "employment_form", "identity", "work_start_date", "ethnicity"})
        QVERIFY2(person.value(QLatin1String(member)).toString().isEmpty(), member);
    QCOMPARE(person.value(QLatin1String("birth_date")).toString(),
             QStringLiteral("%1-%2-%3").arg(p.idNumber.mid(6, 4), p.idNumber.mid(10, 2), p.idNumber.mid(12, 2)));
    QVERIFY(!r.body.contains(data::Ordinary.toUtf8()));
    QVERIFY(!r.body.contains(otherName.toUtf8()));
    QVERIFY(r.json().value(QLatin1String("blockers")).toArray().at(0).toObject().value(QLatin1String("message")).toString().contains(
        QStringLiteral("其他单位")));
}

void TestServerDeclarationLookup::pendingKeyChange()
{
    const DemoPerson p = renewablePerson(*m_fixture, data::Authorized, 3);
    QVERIFY(m_fixture->server()
                .database()
                .exec(QStringLiteral("INSERT INTO change_requests (request_no, unit_id, target, person_id, state, key_change,"
                                     " created_at, created_by)"
                                     " SELECT 'BG-LOOKUP-1', (SELECT id FROM units WHERE unit_no = ?), 'person', id, 'pending', 1,"
                                     " 0, 'test' FROM persons WHERE id_number = ?"),
                      {data::Authorized, p.idNumber})
                .ok());
    const QJsonObject o = lookup(p.idNumber).json();
    QCOMPARE(o.value(QLatin1String("pending_key_change")).toBool(), true);
    QCOMPARE(blockerCodes(o), QStringList{QStringLiteral("person.pending_change")});
    // Decided changes no longer block.
    QVERIFY(m_fixture->server()
                .database()
                .exec(QStringLiteral("UPDATE change_requests SET state = 'approved'"
                                     " WHERE person_id = (SELECT id FROM persons WHERE id_number = ?)"),
                      {p.idNumber})
                .ok());
    const QJsonObject after = lookup(p.idNumber).json();
    QCOMPARE(after.value(QLatin1String("pending_key_change")).toBool(), false);
    QVERIFY(blockerCodes(after).isEmpty());
}

void TestServerDeclarationLookup::pendingItem()
{
    const DemoPerson p = activePerson(*m_fixture, data::Authorized, 4);
    QCOMPARE(m_unit->postJson(Items, reduceRequest(p.idNumber, p.name)).status, 201);
    const QJsonObject o = lookup(p.idNumber).json();
    QCOMPARE(o.value(QLatin1String("pending_item")).toBool(), true);
    QVERIFY(blockerCodes(o).contains(QStringLiteral("item.duplicate")));
    // Another unit's open item is not this unit's business.
    auto other = m_fixture->client();
    QCOMPARE(other->login(data::Ordinary, data::Password).status, 200);
    QCOMPARE(other->get(Lookup + p.idNumber).json().value(QLatin1String("pending_item")).toBool(), false);
}

void TestServerDeclarationLookup::overRetirementAgeWarns()
{
    const QJsonObject o = lookup(server::DemoSeeder::newcomerIdNumbers().at(4)).json();
    const QJsonArray warnings = o.value(QLatin1String("warnings")).toArray();
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.at(0).toObject().value(QLatin1String("code")).toString(), QStringLiteral("age.over_retirement"));
    QVERIFY(o.value(QLatin1String("blockers")).toArray().isEmpty());
    // A child cannot be enrolled at all.
    QCOMPARE(blockerCodes(lookup(server::DemoSeeder::newcomerIdNumbers().at(5)).json()),
             QStringList{QStringLiteral("age.under_16")});
}

void TestServerDeclarationLookup::documentedSandboxPeople_data()
{
    // The table of docs/cli.md (shebao-admin batches): what the lead and the wizards try.
    QTest::addColumn<QString>("unitNo");
    QTest::addColumn<QString>("idNumber");
    QTest::addColumn<QString>("expect"); // add | renew | reduce | enrolled
    const QString u1 = data::Authorized;
    const QString u3 = data::CertificateUnit;
    for (const char *id : {"430102199005128812", "430102199508238829", "430102200001158833", "430102198811308848",
                           "430102196203108851"})
        QTest::newRow(id) << u1 << QString::fromLatin1(id) << "add";
    for (const char *id : {"430181198707068624", "430121199711119728", "430102200011207096"})
        QTest::newRow(id) << u1 << QString::fromLatin1(id) << "renew";
    for (const char *id : {"430111198809047198", "430105196707187951"})
        QTest::newRow(id) << u3 << QString::fromLatin1(id) << "renew";
    for (const char *id : {"430121196505211984", "430182196610134178", "43010319650522888X"})
        QTest::newRow(id) << u1 << QString::fromLatin1(id) << "reduce";
    for (const char *id : {"430182198605199267", "430121198104232572"})
        QTest::newRow(id) << u3 << QString::fromLatin1(id) << "reduce";
    QTest::newRow("430102198112052521") << u1 << QStringLiteral("430102198112052521") << "enrolled";
}

void TestServerDeclarationLookup::documentedSandboxPeople()
{
    QFETCH(QString, unitNo);
    QFETCH(QString, idNumber);
    QFETCH(QString, expect);
    if (unitNo != data::Authorized && !m_certificateUnit) {
        m_certificateUnit = m_fixture->client();
        QCOMPARE(m_certificateUnit->login(unitNo, data::Password).status, 200);
    }
    HttpsClient &client = unitNo == data::Authorized ? *m_unit : *m_certificateUnit;
    const QJsonObject o = client.get(Lookup + idNumber).json();
    QCOMPARE(o.value(QLatin1String("id_number")).toString(), idNumber);
    if (expect == QLatin1String("add")) {
        QCOMPARE(o.value(QLatin1String("known")).toBool(), false);
        QVERIFY(o.value(QLatin1String("blockers")).toArray().isEmpty());
    } else if (expect == QLatin1String("renew")) {
        QCOMPARE(o.value(QLatin1String("suggested_kind")).toString(), QStringLiteral("renew"));
        QVERIFY(o.value(QLatin1String("blockers")).toArray().isEmpty());
    } else if (expect == QLatin1String("reduce")) {
        QCOMPARE(o.value(QLatin1String("active_here")).toBool(), true);
    } else {
        QCOMPARE(o.value(QLatin1String("active_elsewhere")).toBool(), true);
        QCOMPARE(blockerCodes(o), QStringList{QStringLiteral("person.enrolled")});
    }
}

void TestServerDeclarationLookup::invalidIdNumber_data()
{
    QTest::addColumn<QString>("idNumber");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty") << QString() << "required.missing";
    QTest::newRow("too short") << "4301021990" << "id.format";
    QString wrong = server::DemoSeeder::newcomerIdNumbers().at(0);
    wrong[17] = wrong[17] == u'0' ? u'1' : u'0';
    QTest::newRow("check character") << wrong << "id.checksum";
}

void TestServerDeclarationLookup::invalidIdNumber()
{
    QFETCH(QString, idNumber);
    QFETCH(QString, code);
    const HttpResult r = lookup(idNumber);
    QCOMPARE(r.status, 422);
    QCOMPARE(decl::code(r), code);
    QCOMPARE(fields(r.json()), QStringList{QStringLiteral("id_number:") + code});
    QVERIFY(r.json().value(QLatin1String("detail")).toString().contains(QStringLiteral("公民身份号码")));
}

void TestServerDeclarationLookup::anyLevelMayLookUp()
{
    auto ordinary = m_fixture->client();
    QCOMPARE(ordinary->login(data::Ordinary, data::Password).status, 200);
    const HttpResult r = ordinary->get(Lookup + server::DemoSeeder::newcomerIdNumbers().at(0));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("X-Account-Level"), QByteArray("ordinary"));
}

void TestServerDeclarationLookup::needsAToken()
{
    auto anonymous = m_fixture->client();
    QCOMPARE(anonymous->get(Lookup + server::DemoSeeder::newcomerIdNumbers().at(0)).status, 401);
    // Lookups are audited with the number masked.
    QVERIFY(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'declaration.lookup'"
                                             " AND actor = ? AND target LIKE '430102%'"),
                              {QStringLiteral("unit:") + data::Authorized})
                .toInt()
            > 0);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'declaration.lookup'"
                                              " AND target = ?"),
                               {server::DemoSeeder::newcomerIdNumbers().at(1)})
                 .toInt(),
             0);
}

QTEST_GUILESS_MAIN(TestServerDeclarationLookup)
#include "tst_server_declaration_lookup.moc"
