// 个人信息变更 on the server (docs/changes.md): only the unit's own staff, non-key fields at once,
// gender and birth date against the ID number after the change, id.taken, the 15 -> 18 升位
// applied at once (or reviewed with other key fields), and a pending key change blocking 续保
// until the reviewer decides.
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include "ChangeTestData.h"
#include "DeclarationTestData.h"
#include "ServerFixture.h"
#include "ServerTestData.h"
#include "server/DemoSeeder.h"

using namespace shebao::test;
using namespace shebao::test::chg;
using shebao::server::DemoSeeder;
using shebao::test::data::Authorized;
using shebao::test::data::Ordinary;
using shebao::test::data::Password;

namespace {

QStringList blockerCodes(const QJsonObject &lookup)
{
    QStringList list;
    for (const QJsonValue &b : lookup.value(QLatin1String("blockers")).toArray())
        list << b.toObject().value(QLatin1String("code")).toString();
    return list;
}

// The same region and birth date with a sequence of the other sex, never given to anyone.
QString otherSexId(ServerFixture &fixture, const QString &id)
{
    for (int seq = (id.mid(14, 3).toInt() + 1) % 1000;; seq = (seq + 2) % 1000) {
        const QString candidate = withCheck(id.left(14) + QStringLiteral("%1").arg(seq, 3, 10, QLatin1Char('0')));
        if (fixture.scalar(QStringLiteral("SELECT COUNT(*) FROM persons WHERE id_number = ?"), {candidate}).toInt() == 0)
            return candidate;
    }
}

} // namespace

class TestServerChangesPerson : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void personUnknown();
    void nonKeyAppliedAtOnce();
    void fieldRules_data();
    void fieldRules();
    void genderAndBirthAgainstIdNumber();
    void idTaken();
    void keyChangeNeedsIdCard();
    void idUpgradeWithOtherKeyFieldsIsReviewed();
    void idUpgradeAppliedAtOnce();
    void pendingChangeBlocksRenewal();

private:
    QString personColumn(const QString &personNo, const QString &column);

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
    std::unique_ptr<HttpsClient> m_reviewer;
    StaffMember m_active;
};

void TestServerChangesPerson::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(Authorized, Password).status, 200);
    m_reviewer = m_fixture->client();
    QCOMPARE(m_reviewer->staffLogin(QStringLiteral("reviewer"), Password).status, 200);
    m_active = staffMember(*m_fixture, ActiveHere, Authorized, 0);
    QVERIFY(m_active.isValid());
}

void TestServerChangesPerson::cleanupTestCase()
{
    m_reviewer.reset();
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

QString TestServerChangesPerson::personColumn(const QString &personNo, const QString &column)
{
    return m_fixture->scalar(QStringLiteral("SELECT %1 FROM persons WHERE person_no = ?").arg(column), {personNo}).toString();
}

void TestServerChangesPerson::personUnknown()
{
    // Nobody, another unit's staff only, and someone whose enrolment here is terminated.
    const StaffMember elsewhere = staffMember(
        *m_fixture,
        ActiveHere + QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM enrolments x JOIN units y ON y.id = x.unit_id"
                                    " WHERE x.person_id = p.id AND y.unit_no = '43010000001')"),
        Ordinary, 0);
    const StaffMember terminated = staffMember(
        *m_fixture,
        QStringLiteral("EXISTS (SELECT 1 FROM enrolments e JOIN units u ON u.id = e.unit_id WHERE e.person_id = p.id"
                       " AND u.unit_no = ? AND e.status = 'terminated') AND NOT EXISTS (SELECT 1 FROM enrolments e2"
                       " JOIN units u2 ON u2.id = e2.unit_id WHERE e2.person_id = p.id AND u2.unit_no = '43010000001'"
                       " AND e2.status <> 'terminated')"),
        Authorized, 0);
    QVERIFY(elsewhere.isValid() && terminated.isValid());
    for (const QString &personNo : {QStringLiteral("43199999999"), elsewhere.personNo, terminated.personNo, QString()}) {
        const HttpResult r = m_unit->postJson(Changes, personChange(personNo, QJsonObject{{QStringLiteral("phone"), QStringLiteral("13800001111")}}));
        QCOMPARE(r.status, 404);
        QCOMPARE(code(r), QStringLiteral("person.unknown"));
        QCOMPARE(firstField(r), QStringLiteral("person_no"));
    }
    QCOMPARE(personColumn(elsewhere.personNo, QStringLiteral("phone")) == QStringLiteral("13800001111"), false);
}

void TestServerChangesPerson::nonKeyAppliedAtOnce()
{
    const QString oldPhone = personColumn(m_active.personNo, QStringLiteral("phone"));
    const HttpResult r = m_unit->postJson(Changes, personChange(m_active.personNo, QJsonObject{{QStringLiteral("phone"), QStringLiteral("0731-84001234")},
                                                                                             {QStringLiteral("ethnicity"), QStringLiteral("03")}}));
    QCOMPARE(r.status, 201);
    const QJsonArray requests = requestsOf(r);
    QCOMPARE(requests.size(), 1);
    const QJsonObject request = requests.at(0).toObject();
    QCOMPARE(request.value(QLatin1String("state")).toString(), QStringLiteral("applied"));
    QCOMPARE(request.value(QLatin1String("target")).toString(), QStringLiteral("person"));
    QCOMPARE(request.value(QLatin1String("person_no")).toString(), m_active.personNo);
    QCOMPARE(request.value(QLatin1String("person_name")).toString(), m_active.name);
    QCOMPARE(request.value(QLatin1String("person_id_number")).toString(), m_active.idNumber);
    const QJsonArray fields = request.value(QLatin1String("fields")).toArray();
    QCOMPARE(fields.size(), 2);
    QCOMPARE(fields.at(0).toObject().value(QLatin1String("member")).toString(), QStringLiteral("ethnicity"));
    QCOMPARE(fields.at(1).toObject().value(QLatin1String("before")).toString(), oldPhone);
    QCOMPARE(personColumn(m_active.personNo, QStringLiteral("phone")), QStringLiteral("0731-84001234"));
    QCOMPARE(personColumn(m_active.personNo, QStringLiteral("ethnicity")), QStringLiteral("03"));
    QCOMPARE(requestsOf(m_unit->get(Changes + QStringLiteral("?target=person"))).size(), 1);
    QCOMPARE(requestsOf(m_unit->get(Changes + QStringLiteral("?target=unit"))).size(), 0);
}

void TestServerChangesPerson::fieldRules_data()
{
    QTest::addColumn<QJsonObject>("changes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("name") << QJsonObject{{QStringLiteral("name"), QStringLiteral("A")}} << QStringLiteral("name.invalid")
                          << QStringLiteral("changes.name");
    QTest::newRow("name with digits") << QJsonObject{{QStringLiteral("name"), QStringLiteral("张3")}} << QStringLiteral("name.invalid")
                                      << QStringLiteral("changes.name");
    QTest::newRow("birth date") << QJsonObject{{QStringLiteral("birth_date"), QStringLiteral("1990-02-30")}}
                                << QStringLiteral("date.invalid") << QStringLiteral("changes.birth_date");
    QTest::newRow("gender code") << QJsonObject{{QStringLiteral("gender"), QStringLiteral("男")}} << QStringLiteral("request.invalid")
                                 << QStringLiteral("changes.gender");
    QTest::newRow("ethnicity") << QJsonObject{{QStringLiteral("ethnicity"), QStringLiteral("99")}} << QStringLiteral("dict.unknown")
                               << QStringLiteral("changes.ethnicity");
    QTest::newRow("hukou") << QJsonObject{{QStringLiteral("hukou"), QStringLiteral("x")}} << QStringLiteral("dict.unknown")
                           << QStringLiteral("changes.hukou");
    QTest::newRow("phone") << QJsonObject{{QStringLiteral("phone"), QStringLiteral("110")}} << QStringLiteral("phone.invalid")
                           << QStringLiteral("changes.phone");
    QTest::newRow("id format") << QJsonObject{{QStringLiteral("id_number"), QStringLiteral("43010219900101")}}
                               << QStringLiteral("id.format") << QStringLiteral("changes.id_number");
    QTest::newRow("id emptied") << QJsonObject{{QStringLiteral("id_number"), QString()}} << QStringLiteral("required.missing")
                                << QStringLiteral("changes.id_number");
    QTest::newRow("unit member") << QJsonObject{{QStringLiteral("credit_code"), QStringLiteral("x")}}
                                 << QStringLiteral("change.field_unknown") << QStringLiteral("changes.credit_code");
}

void TestServerChangesPerson::fieldRules()
{
    QFETCH(QJsonObject, changes);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const int before = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM change_requests")).toInt();
    const HttpResult r = m_unit->postJson(Changes, personChange(m_active.personNo, changes));
    QCOMPARE(r.status, 422);
    QCOMPARE(chg::code(r), code);
    QCOMPARE(firstField(r), field);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM change_requests")).toInt(), before);
}

void TestServerChangesPerson::genderAndBirthAgainstIdNumber()
{
    const QString otherGender = m_active.gender == u"1" ? QStringLiteral("2") : QStringLiteral("1");
    // The user changed the gender: the error is on the gender.
    HttpResult r = m_unit->postJson(Changes, personChange(m_active.personNo, QJsonObject{{QStringLiteral("gender"), otherGender}}));
    QCOMPARE(r.status, 422);
    QCOMPARE(code(r), QStringLiteral("gender.mismatch"));
    QCOMPARE(firstField(r), QStringLiteral("changes.gender"));
    r = m_unit->postJson(Changes, personChange(m_active.personNo, QJsonObject{{QStringLiteral("birth_date"), QStringLiteral("1980-01-01")}}));
    QCOMPARE(r.status, 422);
    QCOMPARE(code(r), QStringLiteral("birthdate.mismatch"));
    QCOMPARE(firstField(r), QStringLiteral("changes.birth_date"));
    QVERIFY(r.json().value(QLatin1String("detail")).toString().contains(QStringLiteral("出生日期")));
    // The user changed the number: the error is on the number.
    r = m_unit->postJson(Changes, personChange(m_active.personNo, QJsonObject{{QStringLiteral("id_number"), otherSexId(*m_fixture, m_active.idNumber)}},
                                               {uploadId(*m_unit, QStringLiteral("id_card"))}));
    QCOMPARE(r.status, 422);
    QCOMPARE(code(r), QStringLiteral("gender.mismatch"));
    QCOMPARE(firstField(r), QStringLiteral("changes.id_number"));
    // Number and gender together agree: accepted for review.
    r = m_unit->postJson(Changes, personChange(m_active.personNo, QJsonObject{{QStringLiteral("id_number"), otherSexId(*m_fixture, m_active.idNumber)},
                                                                            {QStringLiteral("gender"), otherGender}},
                                               {uploadId(*m_unit, QStringLiteral("id_card"))}));
    QCOMPARE(r.status, 201);
    const qint64 id = requestsOf(r).at(0).toObject().value(QLatin1String("id")).toInteger();
    QCOMPARE(requestsOf(r).at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("pending"));
    QCOMPARE(personColumn(m_active.personNo, QStringLiteral("id_number")), m_active.idNumber);
    QCOMPARE(m_unit->post(Changes + QStringLiteral("/%1/withdraw").arg(id), {}).status, 200);
}

void TestServerChangesPerson::idTaken()
{
    const StaffMember other = staffMember(*m_fixture, ActiveHere, Authorized, 5);
    QVERIFY(other.isValid());
    const HttpResult r = m_unit->postJson(Changes, personChange(m_active.personNo, QJsonObject{{QStringLiteral("id_number"), other.idNumber},
                                                                                             {QStringLiteral("gender"), other.gender},
                                                                                             {QStringLiteral("birth_date"), other.birthDate}},
                                                                {uploadId(*m_unit, QStringLiteral("id_card"))}));
    QCOMPARE(r.status, 409);
    QCOMPARE(code(r), QStringLiteral("id.taken"));
    QCOMPARE(firstField(r), QStringLiteral("changes.id_number"));
    // The other person's number is never shown in full.
    QVERIFY(!r.json().value(QLatin1String("detail")).toString().contains(other.idNumber));
}

void TestServerChangesPerson::keyChangeNeedsIdCard()
{
    HttpResult r = m_unit->postJson(Changes, personChange(m_active.personNo, QJsonObject{{QStringLiteral("name"), QStringLiteral("王改名")}},
                                                          {uploadId(*m_unit, QStringLiteral("business_licence"))}));
    QCOMPARE(r.status, 422);
    QCOMPARE(code(r), QStringLiteral("attachment.missing"));
    QCOMPARE(r.json().value(QLatin1String("detail")).toString(), QStringLiteral("请上传身份证（变更了姓名）"));
    QCOMPARE(personColumn(m_active.personNo, QStringLiteral("name")), m_active.name);
}

void TestServerChangesPerson::idUpgradeWithOtherKeyFieldsIsReviewed()
{
    const QString legacy = DemoSeeder::legacyIdNumber();
    const QString upgraded = shebao::IdNumber::parse(legacy).value().number();
    QCOMPARE(personColumn(DemoSeeder::LegacyPersonNo, QStringLiteral("id_number")), legacy);
    const HttpResult r = m_unit->postJson(Changes, personChange(DemoSeeder::LegacyPersonNo, QJsonObject{{QStringLiteral("id_number"), upgraded},
                                                                                                      {QStringLiteral("name"), QStringLiteral("汤志源")},
                                                                                                      {QStringLiteral("phone"), QStringLiteral("13973100016")}},
                                                                {uploadId(*m_unit, QStringLiteral("id_card"))}));
    QCOMPARE(r.status, 201);
    const QJsonArray requests = requestsOf(r);
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("applied"));
    QCOMPARE(requests.at(0).toObject().value(QLatin1String("id_upgrade")).toBool(), false);
    const QJsonObject pending = requests.at(1).toObject();
    QCOMPARE(pending.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
    QCOMPARE(pending.value(QLatin1String("id_upgrade")).toBool(), true);
    QCOMPARE(pending.value(QLatin1String("person_id_number")).toString(), legacy);
    QStringList members;
    for (const QJsonValue &f : pending.value(QLatin1String("fields")).toArray())
        members << f.toObject().value(QLatin1String("member")).toString();
    QCOMPARE(members, (QStringList{QStringLiteral("name"), QStringLiteral("id_number")}));
    QCOMPARE(personColumn(DemoSeeder::LegacyPersonNo, QStringLiteral("id_number")), legacy);
    QCOMPARE(personColumn(DemoSeeder::LegacyPersonNo, QStringLiteral("phone")), QStringLiteral("13973100016"));
    QCOMPARE(m_unit->post(Changes + QStringLiteral("/%1/withdraw").arg(pending.value(QLatin1String("id")).toInteger()), {}).status, 200);
}

void TestServerChangesPerson::idUpgradeAppliedAtOnce()
{
    const QString upgraded = shebao::IdNumber::parse(DemoSeeder::legacyIdNumber()).value().number();
    // No proof: nothing about the person changes.
    const HttpResult r = m_unit->postJson(Changes, personChange(DemoSeeder::LegacyPersonNo, QJsonObject{{QStringLiteral("id_number"), upgraded}}));
    QCOMPARE(r.status, 201);
    const QJsonArray requests = requestsOf(r);
    QCOMPARE(requests.size(), 1);
    const QJsonObject request = requests.at(0).toObject();
    QCOMPARE(request.value(QLatin1String("state")).toString(), QStringLiteral("applied"));
    QCOMPARE(request.value(QLatin1String("id_upgrade")).toBool(), true);
    QCOMPARE(request.value(QLatin1String("key")).toBool(), false);
    QCOMPARE(request.value(QLatin1String("fields")).toArray().at(0).toObject().value(QLatin1String("before")).toString(),
             DemoSeeder::legacyIdNumber());
    QCOMPARE(personColumn(DemoSeeder::LegacyPersonNo, QStringLiteral("id_number")), upgraded);
    QVERIFY(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'change.submit' AND detail LIKE '%id_upgrade%'")).toInt() >= 1);
    // Another 18-digit number is no upgrade: it needs the ID card.
    const HttpResult other = m_unit->postJson(Changes, personChange(DemoSeeder::LegacyPersonNo,
                                                                    QJsonObject{{QStringLiteral("id_number"), withCheck(upgraded.left(14) + QStringLiteral("125"))}}));
    QCOMPARE(other.status, 422);
    QCOMPARE(code(other), QStringLiteral("attachment.missing"));
}

void TestServerChangesPerson::pendingChangeBlocksRenewal()
{
    const StaffMember s = staffMember(*m_fixture, SuspendedHere, Authorized, 0);
    QVERIFY(s.isValid());
    const QString lookupPath = QStringLiteral("/api/v1/declarations/lookup?id_number=") + s.idNumber;
    QVERIFY(!blockerCodes(m_unit->get(lookupPath).json()).contains(QStringLiteral("person.pending_change")));

    HttpResult r = m_unit->postJson(Changes, personChange(s.personNo, QJsonObject{{QStringLiteral("name"), QStringLiteral("欧阳新名")}},
                                                          {uploadId(*m_unit, QStringLiteral("id_card"), data::png(), QStringLiteral("身份证.png"))}));
    QCOMPARE(r.status, 201);
    const qint64 id = requestsOf(r).at(0).toObject().value(QLatin1String("id")).toInteger();
    // One key request per person.
    r = m_unit->postJson(Changes, personChange(s.personNo, QJsonObject{{QStringLiteral("name"), QStringLiteral("欧阳另名")}},
                                               {uploadId(*m_unit, QStringLiteral("id_card"))}));
    QCOMPARE(r.status, 409);
    QCOMPARE(code(r), QStringLiteral("change.pending"));

    const QJsonObject lookup = m_unit->get(lookupPath).json();
    QCOMPARE(lookup.value(QLatin1String("pending_key_change")).toBool(), true);
    QVERIFY(blockerCodes(lookup).contains(QStringLiteral("person.pending_change")));
    r = m_unit->postJson(decl::Items, decl::addRequest(s.idNumber, s.name, QStringLiteral("renew")));
    QCOMPARE(r.status, 409);
    QCOMPARE(code(r), QStringLiteral("person.pending_change"));

    // The reviewer approves: the name is the new one and 续保 is possible again.
    r = m_reviewer->post(StaffChanges + QStringLiteral("/%1/approve").arg(id), {});
    QCOMPARE(r.status, 200);
    QCOMPARE(personColumn(s.personNo, QStringLiteral("name")), QStringLiteral("欧阳新名"));
    const QJsonObject after = m_unit->get(lookupPath).json();
    QCOMPARE(after.value(QLatin1String("pending_key_change")).toBool(), false);
    QVERIFY(!blockerCodes(after).contains(QStringLiteral("person.pending_change")));
    r = m_unit->postJson(decl::Items, decl::addRequest(s.idNumber, QStringLiteral("欧阳新名"), QStringLiteral("renew")));
    QVERIFY2(r.status == 201, r.body.constData());
}

QTEST_GUILESS_MAIN(TestServerChangesPerson)
#include "tst_server_changes_person.moc"
