// Account levels everywhere: X-Account-Level on every authenticated unit response, the business
// guard (ordinary accounts get 403 auth.not_authorized with how to apply), the business action
// POST /changes (信息维护; non-key unit fields apply at once), and an activation seen at the unit's
// very next request.
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include "ServerFixture.h"
#include "ServerTestData.h"

using namespace shebao::test;
using namespace shebao::test::data;

namespace {

const QString ChangesPath = QStringLiteral("/api/v1/changes");

QJsonObject unitChange(const QJsonObject &changes)
{
    return QJsonObject{{QStringLiteral("target"), QStringLiteral("unit")}, {QStringLiteral("changes"), changes}};
}

} // namespace

class TestServerLevels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void levelHeaderOnUnitResponses_data();
    void levelHeaderOnUnitResponses();
    void ordinaryRefused();
    void authorizedChangesNonKeyFields();
    void keyFieldNeedsProof();
    void invalidValuesRefused_data();
    void invalidValuesRefused();
    void levelChangesRightAfterActivation();
    void oversizedBodyIs413BeforeAnythingElse();
    void knownPathWrongMethodIs405_data();
    void knownPathWrongMethodIs405();

private:
    QString unitColumn(const QString &unitNo, const QString &column);

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
};

void TestServerLevels::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
}

void TestServerLevels::cleanupTestCase()
{
    m_fixture.reset();
    m_backend.reset();
}

QString TestServerLevels::unitColumn(const QString &unitNo, const QString &column)
{
    return m_fixture->scalar(QStringLiteral("SELECT %1 FROM units WHERE unit_no = ?").arg(column), {unitNo}).toString();
}

void TestServerLevels::levelHeaderOnUnitResponses_data()
{
    QTest::addColumn<QString>("unitNo");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("level");
    for (const QString &path : {QStringLiteral("/api/v1/unit"), QStringLiteral("/api/v1/persons?limit=1"),
                                QStringLiteral("/api/v1/authorization")}) {
        QTest::addRow("authorized %s", qPrintable(path)) << Authorized << path << QByteArray("authorized");
        QTest::addRow("certificate %s", qPrintable(path)) << CertificateUnit << path << QByteArray("certificate");
    }
}

void TestServerLevels::levelHeaderOnUnitResponses()
{
    QFETCH(QString, unitNo);
    QFETCH(QString, path);
    QFETCH(QByteArray, level);
    auto client = m_fixture->client();
    QCOMPARE(client->login(unitNo, Password).status, 200);
    const HttpResult r = client->get(path);
    QVERIFY2(r.status == 200 || r.status == 404, r.body.constData());
    QCOMPARE(r.header("X-Account-Level"), level);
    // Not on unauthenticated answers.
    auto anonymous = m_fixture->client();
    const HttpResult none = anonymous->get(path);
    QCOMPARE(none.status, 401);
    QVERIFY(none.header("X-Account-Level").isEmpty());
}

void TestServerLevels::ordinaryRefused()
{
    auto client = m_fixture->client();
    QCOMPARE(client->login(Ordinary, Password).status, 200);
    const QString before = unitColumn(Ordinary, QStringLiteral("contact_name"));
    const HttpResult r = client->postJson(ChangesPath, unitChange(QJsonObject{{QStringLiteral("contact_name"), QStringLiteral("赵六")}}));
    QCOMPARE(r.status, 403);
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("auth.not_authorized"));
    QCOMPARE(r.json().value(QLatin1String("detail")).toString(), NotAuthorizedDetail);
    QCOMPARE(r.header("X-Account-Level"), QByteArray("ordinary"));
    QCOMPARE(unitColumn(Ordinary, QStringLiteral("contact_name")), before);
}

void TestServerLevels::authorizedChangesNonKeyFields()
{
    auto client = m_fixture->client();
    QCOMPARE(client->login(Authorized, Password).status, 200);
    const QJsonObject changes{{QStringLiteral("contact_name"), QStringLiteral("孙丽")},
                              {QStringLiteral("contact_phone"), QStringLiteral("0731 88886666")},
                              {QStringLiteral("postal_address"), QStringLiteral("长沙市天心区书院路 9 号")},
                              {QStringLiteral("email"), QStringLiteral("hr@xiangjiang.example.cn")}};
    const HttpResult r = client->postJson(ChangesPath, unitChange(changes), "levels-change-1");
    QCOMPARE(r.status, 201);
    QCOMPARE(r.header("X-Account-Level"), QByteArray("authorized"));
    const QJsonArray requests = r.json().value(QLatin1String("requests")).toArray();
    QCOMPARE(requests.size(), 1);
    const QJsonObject o = requests.at(0).toObject();
    QVERIFY(o.value(QLatin1String("id")).toInteger() > 0);
    QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("applied"));
    QCOMPARE(o.value(QLatin1String("key")).toBool(), false);
    QCOMPARE(o.value(QLatin1String("fields")).toArray().size(), 4);
    const QJsonObject unit = client->get(QStringLiteral("/api/v1/unit")).json();
    QCOMPARE(unit.value(QLatin1String("contact_name")).toString(), QStringLiteral("孙丽"));
    QCOMPARE(unit.value(QLatin1String("contact_phone")).toString(), QStringLiteral("0731-88886666"));
    QCOMPARE(unitColumn(Authorized, QStringLiteral("postal_address")), QStringLiteral("长沙市天心区书院路 9 号"));
    QCOMPARE(unitColumn(Authorized, QStringLiteral("email")), QStringLiteral("hr@xiangjiang.example.cn"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = 'change.submit'"
                                              " AND outcome = 'success'"),
                               {QStringLiteral("unit:") + Authorized})
                 .toInt(),
             1);
    // A retry is answered from the record, not applied twice.
    const HttpResult replay = client->postJson(ChangesPath, unitChange(changes), "levels-change-1");
    QCOMPARE(replay.status, 201);
    QCOMPARE(replay.header("Idempotent-Replay"), QByteArray("true"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM change_requests")).toInt(), 1);
}

void TestServerLevels::keyFieldNeedsProof()
{
    // A key field is never written directly: without its proof the whole submission is refused,
    // its non-key part included.
    auto client = m_fixture->client();
    QCOMPARE(client->login(Authorized, Password).status, 200);
    const QString before = unitColumn(Authorized, QStringLiteral("name"));
    const HttpResult r = client->postJson(
        ChangesPath, unitChange(QJsonObject{{QStringLiteral("contact_name"), QStringLiteral("钱七")},
                                            {QStringLiteral("name"), QStringLiteral("另一个名称")}}));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("attachment.missing"));
    QCOMPARE(r.json().value(QLatin1String("detail")).toString(), QStringLiteral("请上传营业执照（变更了单位名称）"));
    QCOMPARE(r.json().value(QLatin1String("errors")).toArray().at(0).toObject().value(QLatin1String("field")).toString(),
             QStringLiteral("attachments"));
    QCOMPARE(unitColumn(Authorized, QStringLiteral("name")), before);
    QVERIFY(unitColumn(Authorized, QStringLiteral("contact_name")) != QStringLiteral("钱七"));
}

void TestServerLevels::invalidValuesRefused_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code");
    QTest::newRow("phone") << QStringLiteral("contact_phone") << QStringLiteral("12345") << QStringLiteral("phone.invalid");
    QTest::newRow("email") << QStringLiteral("email") << QStringLiteral("hr-at-example.cn") << QStringLiteral("request.invalid");
    QTest::newRow("empty name") << QStringLiteral("name") << QStringLiteral("  ") << QStringLiteral("required.missing");
}

void TestServerLevels::invalidValuesRefused()
{
    QFETCH(QString, member);
    QFETCH(QString, value);
    QFETCH(QString, code);
    auto client = m_fixture->client();
    QCOMPARE(client->login(Authorized, Password).status, 200);
    const QString before = unitColumn(Authorized, member);
    const HttpResult r = client->postJson(ChangesPath, unitChange(QJsonObject{{member, value}}));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), code);
    QCOMPARE(r.json().value(QLatin1String("errors")).toArray().at(0).toObject().value(QLatin1String("field")).toString(),
             QStringLiteral("changes.") + member);
    QCOMPARE(unitColumn(Authorized, member), before);
}

void TestServerLevels::levelChangesRightAfterActivation()
{
    auto unit = m_fixture->client();
    QCOMPARE(unit->login(Ordinary, Password).status, 200);
    QCOMPARE(unit->get(QStringLiteral("/api/v1/unit")).header("X-Account-Level"), QByteArray("ordinary"));
    // A refusal by level is not recorded under its Idempotency-Key: the same action, retried
    // with the same key once the unit is authorized, is carried out.
    const QJsonObject zhao = unitChange(QJsonObject{{QStringLiteral("contact_name"), QStringLiteral("赵六")}});
    QCOMPARE(unit->postJson(ChangesPath, zhao, "levels-after-activation").status, 403);
    QCOMPARE(unit->postJson(QStringLiteral("/api/v1/authorization"), applicant()).status, 200);
    QCOMPARE(unit->post(QStringLiteral("/api/v1/authorization/confirm"), {}).status, 200);
    const HttpResult uploaded = unit->send("POST", QStringLiteral("/api/v1/authorization/scan"), png(),
                                           {{"Content-Type", "image/png"}, {"X-File-Name", "letter.png"}});
    QCOMPARE(uploaded.status, 200);
    const qint64 id = uploaded.json().value(QLatin1String("id")).toInteger();

    auto clerk = m_fixture->client();
    QCOMPARE(clerk->staffLogin(QStringLiteral("clerk"), Password).status, 200);
    QCOMPARE(clerk->post(QStringLiteral("/api/v1/staff/authorizations/%1/activate").arg(id), {}).status, 200);

    // The same token, the very next request.
    const HttpResult next = unit->get(QStringLiteral("/api/v1/unit"));
    QCOMPARE(next.status, 200);
    QCOMPARE(next.header("X-Account-Level"), QByteArray("authorized"));
    QCOMPARE(next.json().value(QLatin1String("level")).toString(), QStringLiteral("authorized"));
    const HttpResult change = unit->postJson(ChangesPath, zhao, "levels-after-activation");
    QCOMPARE(change.status, 201);
    QVERIFY(change.header("Idempotent-Replay").isEmpty());
    QCOMPARE(unitColumn(Ordinary, QStringLiteral("contact_name")), QStringLiteral("赵六"));
}

void TestServerLevels::oversizedBodyIs413BeforeAnythingElse()
{
    // Over 5 MB: 413 even without a token, and nothing applied.
    QByteArray body = "{\"target\":\"unit\",\"changes\":{\"contact_name\":\"";
    body += QByteArray(5 * 1024 * 1024, 'a');
    body += "\"}}";
    auto anonymous = m_fixture->client();
    HttpResult r = anonymous->send("POST", ChangesPath, body);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("upload.too_large"));
    auto client = m_fixture->client();
    QCOMPARE(client->login(Authorized, Password).status, 200);
    r = client->send("POST", ChangesPath, body);
    QCOMPARE(r.status, 413);
    QVERIFY(unitColumn(Authorized, QStringLiteral("contact_name")).size() < 100);
}

void TestServerLevels::knownPathWrongMethodIs405_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("GET login") << QByteArray("GET") << QStringLiteral("/api/v1/auth/login");
    QTest::newRow("DELETE unit") << QByteArray("DELETE") << QStringLiteral("/api/v1/unit");
    QTest::newRow("PUT authorization") << QByteArray("PUT") << QStringLiteral("/api/v1/authorization");
    QTest::newRow("GET activate") << QByteArray("GET") << QStringLiteral("/api/v1/staff/authorizations/1/activate");
    QTest::newRow("GET attachments") << QByteArray("GET") << QStringLiteral("/api/v1/changes/attachments");
    QTest::newRow("PUT change") << QByteArray("PUT") << QStringLiteral("/api/v1/changes/1");
    QTest::newRow("GET approve") << QByteArray("GET") << QStringLiteral("/api/v1/staff/changes/1/approve");
    QTest::newRow("POST attachment download") << QByteArray("POST") << QStringLiteral("/api/v1/staff/changes/1/attachments/2");
}

void TestServerLevels::knownPathWrongMethodIs405()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    auto client = m_fixture->client();
    const HttpResult r = client->send(method, path, method == "GET" ? QByteArray() : QByteArray("{}"));
    QCOMPARE(r.status, 405);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("method.not_allowed"));
    QCOMPARE(client->get(QStringLiteral("/api/v1/no/such/path")).status, 404);
}

QTEST_GUILESS_MAIN(TestServerLevels)
#include "tst_server_levels.moc"
