// 授权申请 end to end on the server: the state machine (save, confirm, upload, reject, save
// again, activate), illegal transitions (409), validation (422), uploads refused by content
// with nothing stored, the counter's staff routes with roles, token separation and the audit.
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

#include "ServerFixture.h"
#include "ServerTestData.h"

using namespace shebao::test;
using namespace shebao::test::data;

class TestServerAuthorization : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void noApplicationYet();
    void validationRefused_data();
    void validationRefused();
    void saveAndConfirm();
    void uploadsRefusedAndNothingStored_data();
    void uploadsRefusedAndNothingStored();
    void tokensAreSeparate();
    void wrongRoleRefused();
    void uploadRejectResaveActivate();
    void staffActionsAudited();

private:
    HttpResult upload(HttpsClient &client, const QByteArray &bytes, const QByteArray &fileName);
    QJsonObject current();
    int scans();

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
    std::unique_ptr<HttpsClient> m_clerk;
};

void TestServerAuthorization::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(Ordinary, Password).status, 200);
    m_clerk = m_fixture->client();
    const HttpResult staff = m_clerk->staffLogin(QStringLiteral("clerk"), Password);
    QCOMPARE(staff.status, 200);
    QCOMPARE(staff.json().value(QLatin1String("role")).toString(), QStringLiteral("clerk"));
    QCOMPARE(staff.json().value(QLatin1String("username")).toString(), QStringLiteral("clerk"));
}

void TestServerAuthorization::cleanupTestCase()
{
    m_unit.reset();
    m_clerk.reset();
    m_fixture.reset();
    m_backend.reset();
}

HttpResult TestServerAuthorization::upload(HttpsClient &client, const QByteArray &bytes, const QByteArray &fileName)
{
    return client.send("POST", QStringLiteral("/api/v1/authorization/scan"), bytes,
                       {{"Content-Type", "application/octet-stream"}, {"X-File-Name", fileName}});
}

QJsonObject TestServerAuthorization::current()
{
    const HttpResult r = m_unit->get(QStringLiteral("/api/v1/authorization"));
    return r.status == 200 ? r.json() : QJsonObject();
}

int TestServerAuthorization::scans()
{
    return m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM authorization_scans")).toInt();
}

void TestServerAuthorization::noApplicationYet()
{
    const HttpResult r = m_unit->get(QStringLiteral("/api/v1/authorization"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("authorization.none"));
    // Nothing to confirm or upload to yet.
    QCOMPARE(m_unit->post(QStringLiteral("/api/v1/authorization/confirm"), {}).status, 404);
    QCOMPARE(upload(*m_unit, png(), "a.png").status, 404);
    QCOMPARE(scans(), 0);
}

void TestServerAuthorization::validationRefused_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QString>("value");
    QTest::newRow("name") << QStringLiteral("name") << QStringLiteral("王1");
    QTest::newRow("id checksum") << QStringLiteral("id_number") << QStringLiteral("110105194912310021");
    QTest::newRow("landline as mobile") << QStringLiteral("mobile") << QStringLiteral("0731-88886666");
    QTest::newRow("email") << QStringLiteral("email") << QStringLiteral("wang@");
    QTest::newRow("missing") << QStringLiteral("email") << QString();
}

void TestServerAuthorization::validationRefused()
{
    QFETCH(QString, member);
    QFETCH(QString, value);
    QJsonObject body = applicant();
    QJsonObject a = body.value(QLatin1String("applicant")).toObject();
    if (value.isEmpty())
        a.remove(member);
    else
        a.insert(member, value);
    body.insert(QStringLiteral("applicant"), a);
    const HttpResult r = m_unit->postJson(QStringLiteral("/api/v1/authorization"), body);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("request.invalid"));
    const QJsonArray errors = r.json().value(QLatin1String("errors")).toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).toObject().value(QLatin1String("field")).toString(), QStringLiteral("applicant.") + member);
    QVERIFY(!errors.at(0).toObject().value(QLatin1String("message")).toString().isEmpty());
    QCOMPARE(m_unit->get(QStringLiteral("/api/v1/authorization")).status, 404);
}

void TestServerAuthorization::saveAndConfirm()
{
    HttpResult r = m_unit->postJson(QStringLiteral("/api/v1/authorization"), applicant(QStringLiteral("李四")), "auth-save-1");
    QCOMPARE(r.status, 200);
    QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("saved"));
    static const QRegularExpression number(QStringLiteral("^SQ\\d{8}\\d{4}$"));
    QVERIFY(number.match(o.value(QLatin1String("application_no")).toString()).hasMatch());
    QCOMPARE(o.value(QLatin1String("counter_address")).toString(), QStringLiteral("天心区人社局二楼社保征缴中心单位业务窗口"));
    QCOMPARE(o.value(QLatin1String("unit")).toObject().value(QLatin1String("unit_no")).toString(), Ordinary);
    QVERIFY(o.value(QLatin1String("scan")).isNull());
    QVERIFY(o.value(QLatin1String("confirmed_at")).isNull());
    // A replay does not create a second record; saving again edits the same one.
    QCOMPARE(m_unit->postJson(QStringLiteral("/api/v1/authorization"), applicant(QStringLiteral("李四")), "auth-save-1")
                 .header("Idempotent-Replay"),
             QByteArray("true"));
    r = m_unit->postJson(QStringLiteral("/api/v1/authorization"), applicant());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("id")), o.value(QLatin1String("id")));
    QCOMPARE(r.json().value(QLatin1String("applicant")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("王小明"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM authorizations")).toInt(), 1);

    // Upload before confirming is an illegal transition.
    r = upload(*m_unit, png(), "early.png");
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("authorization.state"));
    QCOMPARE(scans(), 0);

    r = m_unit->post(QStringLiteral("/api/v1/authorization/confirm"), {});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("confirmed"));
    QVERIFY(!r.json().value(QLatin1String("confirmed_at")).isNull());
    // Neither confirming twice nor editing after confirmation.
    r = m_unit->post(QStringLiteral("/api/v1/authorization/confirm"), {});
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("authorization.state"));
    QCOMPARE(m_unit->postJson(QStringLiteral("/api/v1/authorization"), applicant()).status, 409);
    QCOMPARE(current().value(QLatin1String("state")).toString(), QStringLiteral("confirmed"));
}

void TestServerAuthorization::uploadsRefusedAndNothingStored_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("fileName");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QByteArray exe("MZ\x90\x00\x03\x00\x00\x00", 8);
    exe += QByteArray(2048, 'x');
    QTest::newRow("program renamed .jpg") << exe << QByteArray("scan.jpg") << 422 << QStringLiteral("upload.type");
    QByteArray big = png().left(33);
    big += QByteArray(6 * 1024 * 1024, '\0');
    big += png().right(12);
    QTest::newRow("6 MB") << big << QByteArray("big.png") << 413 << QStringLiteral("upload.too_large");
    QTest::newRow("empty") << QByteArray() << QByteArray("empty.png") << 422 << QStringLiteral("upload.empty");
    QTest::newRow("truncated PNG") << png().left(png().size() - 12) << QByteArray("cut.png") << 422
                                   << QStringLiteral("upload.truncated");
}

void TestServerAuthorization::uploadsRefusedAndNothingStored()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, fileName);
    QFETCH(int, status);
    QFETCH(QString, code);
    const QJsonObject before = current();
    const HttpResult r = upload(*m_unit, bytes, fileName);
    QCOMPARE(r.status, status);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), code);
    QVERIFY(!r.json().value(QLatin1String("detail")).toString().isEmpty());
    const QJsonObject after = current();
    QCOMPARE(after.value(QLatin1String("state")).toString(), QStringLiteral("confirmed"));
    QVERIFY(after.value(QLatin1String("scan")).isNull());
    QCOMPARE(after.value(QLatin1String("updated_at")), before.value(QLatin1String("updated_at")));
    QCOMPARE(scans(), 0);
}

void TestServerAuthorization::tokensAreSeparate()
{
    // A unit token on a staff route and a staff token on unit routes are both 401.
    const HttpResult unitOnStaff = m_unit->get(QStringLiteral("/api/v1/staff/authorizations"));
    QCOMPARE(unitOnStaff.status, 401);
    QCOMPARE(unitOnStaff.json().value(QLatin1String("code")).toString(), QStringLiteral("auth.token_invalid"));
    QCOMPARE(m_unit->post(QStringLiteral("/api/v1/staff/authorizations/1/activate"), {}).status, 401);
    for (const char *path : {"/api/v1/unit", "/api/v1/authorization", "/api/v1/persons"})
        QCOMPARE(m_clerk->get(QLatin1String(path)).status, 401);
    QCOMPARE(m_clerk->postJson(QStringLiteral("/api/v1/authorization"), applicant()).status, 401);
    QCOMPARE(current().value(QLatin1String("state")).toString(), QStringLiteral("confirmed"));
}

void TestServerAuthorization::wrongRoleRefused()
{
    auto reviewer = m_fixture->client();
    const HttpResult login = reviewer->staffLogin(QStringLiteral("reviewer"), Password);
    QCOMPARE(login.status, 200);
    QCOMPARE(login.json().value(QLatin1String("role")).toString(), QStringLiteral("reviewer"));
    const HttpResult r = reviewer->get(QStringLiteral("/api/v1/staff/authorizations"));
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("staff.role"));
    const qint64 id = current().value(QLatin1String("id")).toInteger();
    QCOMPARE(reviewer->post(QStringLiteral("/api/v1/staff/authorizations/%1/activate").arg(id), {}).status, 403);
    QCOMPARE(current().value(QLatin1String("state")).toString(), QStringLiteral("confirmed"));
    // Staff logins have the same lockout rules as units.
    auto wrong = m_fixture->client();
    const HttpResult bad = wrong->staffLogin(QStringLiteral("reviewer"), QStringLiteral("nope"));
    QCOMPARE(bad.status, 401);
    QCOMPARE(bad.json().value(QLatin1String("tries_left")).toInt(), 4);
}

void TestServerAuthorization::uploadRejectResaveActivate()
{
    // Uploaded with a percent-encoded UTF-8 name, then replaced.
    HttpResult r = upload(*m_unit, png(), "%E6%89%BF%E8%AF%BA%E4%B9%A6.png");
    QCOMPARE(r.status, 200);
    QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("uploaded"));
    const QJsonObject scan = o.value(QLatin1String("scan")).toObject();
    QCOMPARE(scan.value(QLatin1String("file_name")).toString(), QStringLiteral("承诺书.png"));
    QCOMPARE(scan.value(QLatin1String("kind")).toString(), QStringLiteral("PNG"));
    QCOMPARE(scan.value(QLatin1String("size")).toInt(), int(png().size()));
    QCOMPARE(scan.value(QLatin1String("sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(png(), QCryptographicHash::Sha256).toHex()));
    QCOMPARE(upload(*m_unit, png(), "again.png").json().value(QLatin1String("scan")).toObject().value(QLatin1String("file_name")).toString(),
             QStringLiteral("again.png"));
    QCOMPARE(scans(), 1);
    const qint64 id = o.value(QLatin1String("id")).toInteger();
    const QString base = QStringLiteral("/api/v1/staff/authorizations/%1").arg(id);

    // The counter's view.
    r = m_clerk->get(QStringLiteral("/api/v1/staff/authorizations?state=uploaded"));
    QCOMPARE(r.status, 200);
    QJsonArray items = r.json().value(QLatin1String("items")).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.at(0).toObject().value(QLatin1String("unit_no")).toString(), Ordinary);
    QCOMPARE(m_clerk->get(QStringLiteral("/api/v1/staff/authorizations?state=activated")).json().value(QLatin1String("items")).toArray().size(), 0);
    r = m_clerk->get(base);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("application_no")), o.value(QLatin1String("application_no")));
    r = m_clerk->get(base + QStringLiteral("/scan"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, png());
    QCOMPARE(r.contentType, QByteArray("image/png"));
    QCOMPARE(m_clerk->get(QStringLiteral("/api/v1/staff/authorizations/999999")).status, 404);

    // Reject: a reason is required.
    r = m_clerk->postJson(base + QStringLiteral("/reject"), QJsonObject{});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("request.invalid"));
    r = m_clerk->postJson(base + QStringLiteral("/reject"), QJsonObject{{QStringLiteral("reason"), QStringLiteral("未加盖公章")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
    o = current();
    QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
    QCOMPARE(o.value(QLatin1String("reject_reason")).toString(), QStringLiteral("未加盖公章"));
    QVERIFY(!o.value(QLatin1String("decided_at")).isNull());
    // Illegal from rejected: activate, reject again, confirm, upload.
    r = m_clerk->post(base + QStringLiteral("/activate"), {});
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("authorization.state"));
    QCOMPARE(m_clerk->postJson(base + QStringLiteral("/reject"), QJsonObject{{QStringLiteral("reason"), QStringLiteral("x")}}).status, 409);
    QCOMPARE(m_unit->post(QStringLiteral("/api/v1/authorization/confirm"), {}).status, 409);
    QCOMPARE(upload(*m_unit, png(), "late.png").status, 409);

    // A new round on the same record; the reason stays in the history.
    r = m_unit->postJson(QStringLiteral("/api/v1/authorization"), applicant());
    QCOMPARE(r.status, 200);
    o = r.json();
    QCOMPARE(o.value(QLatin1String("id")).toInteger(), id);
    QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("saved"));
    QVERIFY(o.value(QLatin1String("reject_reason")).isNull());
    QVERIFY(o.value(QLatin1String("scan")).isNull());
    QVERIFY(o.value(QLatin1String("confirmed_at")).isNull());
    const QJsonArray history = o.value(QLatin1String("history")).toArray();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0).toObject().value(QLatin1String("reject_reason")).toString(), QStringLiteral("未加盖公章"));
    QCOMPARE(scans(), 0);

    QCOMPARE(m_unit->post(QStringLiteral("/api/v1/authorization/confirm"), {}).status, 200);
    QCOMPARE(upload(*m_unit, png(), "stamped.png").status, 200);
    r = m_clerk->post(base + QStringLiteral("/activate"), {});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("activated"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT level FROM units WHERE unit_no = ?"), {Ordinary}).toString(),
             QStringLiteral("authorized"));
    QCOMPARE(m_clerk->post(base + QStringLiteral("/activate"), {}).status, 409);

    // Now authorized: no new application.
    r = m_unit->postJson(QStringLiteral("/api/v1/authorization"), applicant());
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("authorization.already"));
    QCOMPARE(current().value(QLatin1String("state")).toString(), QStringLiteral("activated"));
}

void TestServerAuthorization::staffActionsAudited()
{
    for (const char *action : {"staff.login", "staff.authorizations.list", "staff.authorizations.show",
                               "staff.authorizations.scan", "staff.authorizations.reject", "staff.authorizations.activate"}) {
        const int n = m_fixture
                          ->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'staff:clerk' AND action = ?"),
                                   {QLatin1String(action)})
                          .toInt();
        QVERIFY2(n >= 1, action);
    }
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'staff:clerk'"
                                              " AND action = 'staff.authorizations.activate' AND outcome = 'success'"))
                 .toInt(),
             1);
    QVERIFY(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'unit:43010000002'"
                                             " AND action = 'authorization.scan' AND outcome = 'upload.truncated'"))
                .toInt()
            >= 1);
}

QTEST_GUILESS_MAIN(TestServerAuthorization)
#include "tst_server_authorization.moc"
