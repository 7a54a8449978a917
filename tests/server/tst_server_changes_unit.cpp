// 单位信息变更 on the server (docs/changes.md): non-key fields apply at once with their history,
// key fields wait for review with their proofs, a mixed submission is split, every field rule
// answers its code and field, GB 32100 failures need the clerk's confirmation (recorded), proofs
// are checked by content, one key request at a time, withdrawal, and one unit never sees or
// uses another's requests or attachments.
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include "ChangeTestData.h"
#include "ServerFixture.h"
#include "ServerTestData.h"

using namespace shebao::test;
using namespace shebao::test::chg;
using shebao::test::data::Authorized;
using shebao::test::data::Ordinary;
using shebao::test::data::Password;

class TestServerChangesUnit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void ordinaryRefused();
    void unitAnswerHasTheNewColumns();
    void nonKeyAppliedAtOnceWithHistory();
    void keyFieldGoesPending();
    void mixedSubmissionIsSplit();
    void rules_data();
    void rules();
    void creditCodeOverrideRecorded();
    void creditCodeTaken();
    void attachmentsCheckedByContent_data();
    void attachmentsCheckedByContent();
    void attachmentKindRequired();
    void attachmentUsedOnce();
    void onePendingAtATime();
    void withdraw();
    void isolation();
    void unusedAttachmentsPurgedAtStart();

private:
    QString column(const QString &column, const QString &unitNo = Authorized);
    int requestCount();
    void withdrawPending();

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
};

void TestServerChangesUnit::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(Authorized, Password).status, 200);
}

void TestServerChangesUnit::cleanupTestCase()
{
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

QString TestServerChangesUnit::column(const QString &column, const QString &unitNo)
{
    return m_fixture->scalar(QStringLiteral("SELECT %1 FROM units WHERE unit_no = ?").arg(column), {unitNo}).toString();
}

int TestServerChangesUnit::requestCount()
{
    return m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM change_requests")).toInt();
}

void TestServerChangesUnit::withdrawPending()
{
    const HttpResult list = m_unit->get(Changes + QStringLiteral("?state=pending"));
    for (const QJsonValue &v : requestsOf(list))
        m_unit->post(Changes + QStringLiteral("/%1/withdraw").arg(v.toObject().value(QLatin1String("id")).toInteger()), {});
}

void TestServerChangesUnit::ordinaryRefused()
{
    auto client = m_fixture->client();
    QCOMPARE(client->login(Ordinary, Password).status, 200);
    HttpResult r = client->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("contact_name"), QStringLiteral("赵六")}}));
    QCOMPARE(r.status, 403);
    QCOMPARE(code(r), QStringLiteral("auth.not_authorized"));
    r = upload(*client, QStringLiteral("business_licence"), pdf(), QStringLiteral("执照.pdf"));
    QCOMPARE(r.status, 403);
    QCOMPARE(code(r), QStringLiteral("auth.not_authorized"));
    QCOMPARE(requestCount(), 0);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM change_attachments")).toInt(), 0);
}

void TestServerChangesUnit::unitAnswerHasTheNewColumns()
{
    const QJsonObject unit = m_unit->get(QStringLiteral("/api/v1/unit")).json();
    QCOMPARE(unit.value(QLatin1String("bank_name")).toString(), QStringLiteral("中国工商银行长沙芙蓉支行"));
    QCOMPARE(unit.value(QLatin1String("bank_account_name")).toString(), unit.value(QLatin1String("name")).toString());
    QCOMPARE(unit.value(QLatin1String("postal_code")).toString(), QStringLiteral("410011"));
    QCOMPARE(unit.value(QLatin1String("mobile")).toString(), QStringLiteral("13873100001"));
    QCOMPARE(unit.value(QLatin1String("affiliation")).toString(), QStringLiteral("市属"));
    QVERIFY(shebao::IdNumber::parse(unit.value(QLatin1String("legal_rep_id_number")).toString()).ok());
}

void TestServerChangesUnit::nonKeyAppliedAtOnceWithHistory()
{
    const QString oldContact = column(QStringLiteral("contact_name"));
    const HttpResult r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("contact_name"), QStringLiteral("孙丽")},
                                                                          {QStringLiteral("mobile"), QStringLiteral("139 0731 0000")},
                                                                          {QStringLiteral("postal_code"), QStringLiteral("410007")}}),
                                          "unit-nonkey-1");
    QCOMPARE(r.status, 201);
    const QJsonArray requests = requestsOf(r);
    QCOMPARE(requests.size(), 1);
    const QJsonObject request = requests.at(0).toObject();
    QCOMPARE(request.value(QLatin1String("state")).toString(), QStringLiteral("applied"));
    QCOMPARE(request.value(QLatin1String("target")).toString(), QStringLiteral("unit"));
    QCOMPARE(request.value(QLatin1String("key")).toBool(), false);
    QCOMPARE(request.value(QLatin1String("unit_no")).toString(), Authorized);
    QVERIFY(request.value(QLatin1String("request_no")).toString().startsWith(QLatin1String("BG")));
    QCOMPARE(request.value(QLatin1String("request_no")).toString().size(), 16);
    QCOMPARE(request.value(QLatin1String("created_by")).toString(), QStringLiteral("unit:") + Authorized);
    // Form order, before and after as stored (the mobile number normalized).
    const QJsonArray fields = request.value(QLatin1String("fields")).toArray();
    QCOMPARE(fields.size(), 3);
    QCOMPARE(fields.at(0).toObject().value(QLatin1String("member")).toString(), QStringLiteral("contact_name"));
    QCOMPARE(fields.at(0).toObject().value(QLatin1String("before")).toString(), oldContact);
    QCOMPARE(fields.at(0).toObject().value(QLatin1String("after")).toString(), QStringLiteral("孙丽"));
    QCOMPARE(fields.at(1).toObject().value(QLatin1String("member")).toString(), QStringLiteral("mobile"));
    QCOMPARE(fields.at(1).toObject().value(QLatin1String("before")).toString(), QStringLiteral("13873100001"));
    QCOMPARE(fields.at(1).toObject().value(QLatin1String("after")).toString(), QStringLiteral("13907310000"));
    QCOMPARE(fields.at(2).toObject().value(QLatin1String("label")).toString(), QStringLiteral("邮政编码"));
    QCOMPARE(column(QStringLiteral("contact_name")), QStringLiteral("孙丽"));
    QCOMPARE(column(QStringLiteral("mobile")), QStringLiteral("13907310000"));
    QCOMPARE(column(QStringLiteral("postal_code")), QStringLiteral("410007"));
    // The history: the request is listed and shown.
    const HttpResult list = m_unit->get(Changes);
    QCOMPARE(list.status, 200);
    QCOMPARE(requestsOf(list).size(), 1);
    QCOMPARE(requestsOf(list).at(0).toObject(), request);
    const HttpResult shown = m_unit->get(Changes + QStringLiteral("/%1").arg(request.value(QLatin1String("id")).toInteger()));
    QCOMPARE(shown.status, 200);
    QCOMPARE(shown.json(), request);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'change.submit' AND outcome = 'success'"
                                              " AND detail LIKE ?"),
                               {request.value(QLatin1String("request_no")).toString() + QStringLiteral(" applied%")})
                 .toInt(),
             1);
    // A retry with the same key is answered from the record.
    const HttpResult replay = m_unit->postJson(
        Changes, unitChange(QJsonObject{{QStringLiteral("contact_name"), QStringLiteral("孙丽")},
                                        {QStringLiteral("mobile"), QStringLiteral("139 0731 0000")},
                                        {QStringLiteral("postal_code"), QStringLiteral("410007")}}),
        "unit-nonkey-1");
    QCOMPARE(replay.status, 201);
    QCOMPARE(replay.header("Idempotent-Replay"), QByteArray("true"));
    QCOMPARE(requestCount(), 1);
}

void TestServerChangesUnit::keyFieldGoesPending()
{
    const QString oldName = column(QStringLiteral("name"));
    const qint64 licence = uploadId(*m_unit, QStringLiteral("business_licence"), data::png(), QStringLiteral("营业执照.png"));
    QVERIFY(licence > 0);
    const HttpResult r = m_unit->postJson(
        Changes, unitChange(QJsonObject{{QStringLiteral("name"), QStringLiteral("长沙湘江示范科技股份有限公司")}}, {licence}));
    QCOMPARE(r.status, 201);
    const QJsonArray requests = requestsOf(r);
    QCOMPARE(requests.size(), 1);
    const QJsonObject request = requests.at(0).toObject();
    QCOMPARE(request.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
    QCOMPARE(request.value(QLatin1String("key")).toBool(), true);
    QCOMPARE(request.value(QLatin1String("signed")).toBool(), false);
    QVERIFY(request.value(QLatin1String("decided_at")).isNull());
    const QJsonObject field = request.value(QLatin1String("fields")).toArray().at(0).toObject();
    QCOMPARE(field.value(QLatin1String("before")).toString(), oldName);
    QCOMPARE(field.value(QLatin1String("key")).toBool(), true);
    const QJsonArray attachments = request.value(QLatin1String("attachments")).toArray();
    QCOMPARE(attachments.size(), 1);
    QCOMPARE(attachments.at(0).toObject().value(QLatin1String("id")).toInteger(), licence);
    QCOMPARE(attachments.at(0).toObject().value(QLatin1String("kind")).toString(), QStringLiteral("business_licence"));
    QCOMPARE(attachments.at(0).toObject().value(QLatin1String("mime_type")).toString(), QStringLiteral("image/png"));
    QCOMPARE(attachments.at(0).toObject().value(QLatin1String("file_name")).toString(), QStringLiteral("营业执照.png"));
    QCOMPARE(attachments.at(0).toObject().value(QLatin1String("size")).toInteger(), data::png().size());
    // The registered name waits for the review.
    QCOMPARE(column(QStringLiteral("name")), oldName);
    QCOMPARE(m_unit->get(QStringLiteral("/api/v1/unit")).json().value(QLatin1String("name")).toString(), oldName);
    withdrawPending();
}

void TestServerChangesUnit::mixedSubmissionIsSplit()
{
    const QString oldAccount = column(QStringLiteral("bank_account"));
    const qint64 permit = uploadId(*m_unit, QStringLiteral("bank_permit"));
    const HttpResult r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("bank_account"), QStringLiteral("6222000011112222")},
                                                                          {QStringLiteral("email"), QStringLiteral("hr@xj.example.cn")}},
                                                              {permit}));
    QCOMPARE(r.status, 201);
    const QJsonArray requests = requestsOf(r);
    QCOMPARE(requests.size(), 2);
    const QJsonObject applied = requests.at(0).toObject();
    const QJsonObject pending = requests.at(1).toObject();
    QCOMPARE(applied.value(QLatin1String("state")).toString(), QStringLiteral("applied"));
    QCOMPARE(applied.value(QLatin1String("fields")).toArray().size(), 1);
    QCOMPARE(applied.value(QLatin1String("fields")).toArray().at(0).toObject().value(QLatin1String("member")).toString(),
             QStringLiteral("email"));
    QCOMPARE(applied.value(QLatin1String("attachments")).toArray().size(), 0);
    QCOMPARE(pending.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
    QCOMPARE(pending.value(QLatin1String("fields")).toArray().size(), 1);
    QCOMPARE(pending.value(QLatin1String("fields")).toArray().at(0).toObject().value(QLatin1String("member")).toString(),
             QStringLiteral("bank_account"));
    QCOMPARE(pending.value(QLatin1String("attachments")).toArray().size(), 1);
    QVERIFY(applied.value(QLatin1String("request_no")) != pending.value(QLatin1String("request_no")));
    QCOMPARE(column(QStringLiteral("email")), QStringLiteral("hr@xj.example.cn"));
    QCOMPARE(column(QStringLiteral("bank_account")), oldAccount);
    // Newest first in the unit's list.
    const QJsonArray list = requestsOf(m_unit->get(Changes));
    QCOMPARE(list.at(0).toObject().value(QLatin1String("id")), pending.value(QLatin1String("id")));
    QCOMPARE(list.at(1).toObject().value(QLatin1String("id")), applied.value(QLatin1String("id")));
    const QJsonArray onlyPending = requestsOf(m_unit->get(Changes + QStringLiteral("?target=unit&state=pending")));
    QCOMPARE(onlyPending.size(), 1);
    QCOMPARE(m_unit->get(Changes + QStringLiteral("?state=lost")).status, 400);
    withdrawPending();
}

void TestServerChangesUnit::rules_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    const auto row = [](const char *name, const QJsonObject &changes, const char *code, const char *field, int status = 422) {
        QTest::newRow(name) << unitChange(changes) << status << QString::fromLatin1(code) << QString::fromLatin1(field);
    };
    const auto one = [](const char *member, const QJsonValue &value) { return QJsonObject{{QString::fromLatin1(member), value}}; };
    QTest::newRow("no target") << QJsonObject{{QStringLiteral("changes"), one("contact_name", QStringLiteral("王五"))}} << 422
                               << QStringLiteral("request.invalid") << QStringLiteral("target");
    row("no field", QJsonObject{}, "change.empty", "changes");
    row("unknown member", one("unit_no", QStringLiteral("43019999999")), "change.field_unknown", "changes.unit_no");
    row("agency not changeable", one("agency", QStringLiteral("别的经办机构")), "change.field_unknown", "changes.agency");
    row("unchanged", one("postal_address", QStringLiteral("长沙市芙蓉区五一大道 100 号")), "change.unchanged", "changes.postal_address");
    row("key field emptied", one("name", QStringLiteral("  ")), "required.missing", "changes.name");
    row("credit code emptied", one("credit_code", QString()), "required.missing", "changes.credit_code");
    row("too long", one("address", QString(201, u'路')), "request.invalid", "changes.address");
    row("postal code 5 digits", one("postal_code", QStringLiteral("41000")), "request.invalid", "changes.postal_code");
    row("postal code letters", one("postal_code", QStringLiteral("41000A")), "request.invalid", "changes.postal_code");
    row("risk class 9", one("risk_class", 9), "request.invalid", "changes.risk_class");
    row("risk class 0 text", one("risk_class", QStringLiteral("0")), "request.invalid", "changes.risk_class");
    row("e-mail", one("email", QStringLiteral("hr@example")), "request.invalid", "changes.email");
    row("not text", one("contact_name", 12), "request.invalid", "changes.contact_name");
    row("contact phone", one("contact_phone", QStringLiteral("12345")), "phone.invalid", "changes.contact_phone");
    row("mobile is a landline", one("mobile", QStringLiteral("0731-88886666")), "phone.invalid", "changes.mobile");
    row("district", one("district", QStringLiteral("110101")), "dict.unknown", "changes.district");
    row("legal rep id format", one("legal_rep_id_number", QStringLiteral("4301021970")), "id.format",
        "changes.legal_rep_id_number");
    QString badCheck = withCheck(QStringLiteral("43010219800101123"));
    badCheck[17] = badCheck.at(17) == u'1' ? u'2' : u'1';
    row("legal rep id checksum", one("legal_rep_id_number", badCheck), "id.checksum", "changes.legal_rep_id_number");
    row("legal rep id birth date", one("legal_rep_id_number", withCheck(QStringLiteral("43010219801301123"))), "id.birthdate",
        "changes.legal_rep_id_number");
    row("credit code format", one("credit_code", QStringLiteral("91430102MA4L1001")), "creditcode.format",
        "changes.credit_code");
    row("credit code with I", one("credit_code", QStringLiteral("91430102MA4L1I01XX")), "creditcode.format",
        "changes.credit_code");
    row("credit code checksum", one("credit_code", creditCode(QStringLiteral("MA4L9001"), false, true)), "creditcode.checksum",
        "changes.credit_code");
    row("credit code orgcode", one("credit_code", creditCode(QStringLiteral("MA4L9001"), true, false)), "creditcode.orgcode",
        "changes.credit_code");
}

void TestServerChangesUnit::rules()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const int before = requestCount();
    const QString name = column(QStringLiteral("name"));
    const HttpResult r = m_unit->postJson(Changes, body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.contentType, QByteArray("application/problem+json"));
    QCOMPARE(chg::code(r), code);
    QCOMPARE(firstField(r), field);
    const QJsonObject entry = r.json().value(QLatin1String("errors")).toArray().at(0).toObject();
    QCOMPARE(entry.value(QLatin1String("code")).toString(), code);
    // A Chinese message that names the field (its label) where it is about one.
    const QString detail = r.json().value(QLatin1String("detail")).toString();
    QVERIFY2(!detail.isEmpty() && detail.at(0).unicode() > 0x2000, qPrintable(detail));
    if (field.startsWith(QLatin1String("changes."))) {
        const auto *f = shebao::ChangeFields::find(shebao::ChangeTarget::Unit, field.mid(8));
        if (f)
            QVERIFY2(detail.contains(f->label), qPrintable(detail));
    }
    QCOMPARE(requestCount(), before);
    QCOMPARE(column(QStringLiteral("name")), name);
}

void TestServerChangesUnit::creditCodeOverrideRecorded()
{
    const QString failing = creditCode(QStringLiteral("MA4L9002"), false, true);
    const qint64 licence = uploadId(*m_unit, QStringLiteral("org_code_certificate"));
    // Without the confirmation: refused with the rule; with it: accepted and marked.
    HttpResult r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("credit_code"), failing}}, {licence}));
    QCOMPARE(r.status, 422);
    QCOMPARE(code(r), QStringLiteral("creditcode.checksum"));
    r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("credit_code"), failing.toLower()}}, {licence}, true));
    QCOMPARE(r.status, 201);
    const QJsonObject request = requestsOf(r).at(0).toObject();
    QCOMPARE(request.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
    QCOMPARE(request.value(QLatin1String("credit_code_overridden")).toBool(), true);
    QCOMPARE(request.value(QLatin1String("fields")).toArray().at(0).toObject().value(QLatin1String("after")).toString(), failing);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT credit_code_overridden FROM change_requests WHERE id = ?"),
                               {request.value(QLatin1String("id")).toInteger()})
                 .toInt(),
             1);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'change.submit' AND outcome = 'success'"
                                              " AND detail LIKE '%credit_code_overridden%'"))
                 .toInt(),
             1);
    // A valid code needs no confirmation and is not marked; a format error is never accepted.
    withdrawPending();
    r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("credit_code"), QStringLiteral("91430102MA4L")}},
                                             {uploadId(*m_unit, QStringLiteral("business_licence"))}, true));
    QCOMPARE(r.status, 422);
    QCOMPARE(code(r), QStringLiteral("creditcode.format"));
    r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("credit_code"), creditCode(QStringLiteral("MA4L9003"))}},
                                             {uploadId(*m_unit, QStringLiteral("business_licence"))}));
    QCOMPARE(r.status, 201);
    QCOMPARE(requestsOf(r).at(0).toObject().value(QLatin1String("credit_code_overridden")).toBool(), false);
    withdrawPending();
}

void TestServerChangesUnit::creditCodeTaken()
{
    const QString other = column(QStringLiteral("credit_code"), Ordinary);
    const HttpResult r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("credit_code"), other}},
                                                              {uploadId(*m_unit, QStringLiteral("business_licence"))}));
    QCOMPARE(r.status, 409);
    QCOMPARE(code(r), QStringLiteral("creditcode.taken"));
    QCOMPARE(firstField(r), QStringLiteral("changes.credit_code"));
    QVERIFY(r.json().value(QLatin1String("detail")).toString().contains(QStringLiteral("另一个单位")));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM change_requests WHERE state = 'pending'")).toInt(), 0);
}

void TestServerChangesUnit::attachmentsCheckedByContent_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("program named .jpg") << elf() << QStringLiteral("营业执照.jpg") << 422 << QStringLiteral("upload.type");
    QTest::newRow("truncated PNG") << data::png().left(40) << QStringLiteral("执照.png") << 422 << QStringLiteral("upload.truncated");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("执照.pdf") << 422 << QStringLiteral("upload.empty");
    QTest::newRow("over 5 MB") << (pdf() + QByteArray(5 * 1024 * 1024, ' ') + "%%EOF\n") << QStringLiteral("大.pdf") << 413
                               << QStringLiteral("upload.too_large");
}

void TestServerChangesUnit::attachmentsCheckedByContent()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, fileName);
    QFETCH(int, status);
    QFETCH(QString, code);
    const int stored = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM change_attachments")).toInt();
    const HttpResult r = upload(*m_unit, QStringLiteral("business_licence"), bytes, fileName);
    QCOMPARE(r.status, status);
    QCOMPARE(chg::code(r), code);
    QVERIFY(!r.json().value(QLatin1String("detail")).toString().isEmpty());
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM change_attachments")).toInt(), stored);
    if (code == u"upload.type") // the message says what the file really is
        QVERIFY2(r.json().value(QLatin1String("detail")).toString().contains(fileName), r.body.constData());
}

void TestServerChangesUnit::attachmentKindRequired()
{
    HttpResult r = upload(*m_unit, QString(), pdf(), QStringLiteral("x.pdf"));
    QCOMPARE(r.status, 422);
    QCOMPARE(code(r), QStringLiteral("attachment.kind"));
    r = upload(*m_unit, QStringLiteral("passport"), pdf(), QStringLiteral("x.pdf"));
    QCOMPARE(r.status, 422);
    QCOMPARE(code(r), QStringLiteral("attachment.kind"));
    // The right kind for the field: a bank permit does not prove a name.
    const qint64 permit = uploadId(*m_unit, QStringLiteral("bank_permit"));
    r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("name"), QStringLiteral("新名称有限公司")},
                                                         {QStringLiteral("legal_representative"), QStringLiteral("王建国")}},
                                             {permit}));
    QCOMPARE(r.status, 422);
    QCOMPARE(code(r), QStringLiteral("attachment.missing"));
    const QJsonArray errors = r.json().value(QLatin1String("errors")).toArray();
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors.at(0).toObject().value(QLatin1String("message")).toString(), QStringLiteral("请上传营业执照（变更了单位名称）"));
    QCOMPARE(errors.at(1).toObject().value(QLatin1String("message")).toString(),
             QStringLiteral("请上传法定代表人身份证（变更了法定代表人）"));
    // The upload's answer.
    r = upload(*m_unit, QStringLiteral("legal_rep_id"), data::png(), QStringLiteral("身份证 正面.png"));
    QCOMPARE(r.status, 201);
    const QJsonObject a = r.json();
    QCOMPARE(a.value(QLatin1String("kind")).toString(), QStringLiteral("legal_rep_id"));
    QCOMPARE(a.value(QLatin1String("file_name")).toString(), QStringLiteral("身份证 正面.png"));
    QCOMPARE(a.value(QLatin1String("mime_type")).toString(), QStringLiteral("image/png"));
    QCOMPARE(a.value(QLatin1String("sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(data::png(), QCryptographicHash::Sha256).toHex()));
}

void TestServerChangesUnit::attachmentUsedOnce()
{
    const qint64 licence = uploadId(*m_unit, QStringLiteral("business_licence"));
    HttpResult r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("industry"), QStringLiteral("软件开发")}}, {licence}));
    QCOMPARE(r.status, 201);
    const qint64 id = requestsOf(r).at(0).toObject().value(QLatin1String("id")).toInteger();
    QCOMPARE(m_unit->post(Changes + QStringLiteral("/%1/withdraw").arg(id), {}).status, 200);
    // Used by a request (even a withdrawn one): not again.
    r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("industry"), QStringLiteral("软件开发")}}, {licence}));
    QCOMPARE(r.status, 422);
    QCOMPARE(code(r), QStringLiteral("attachment.unknown"));
    QCOMPARE(firstField(r), QStringLiteral("attachments"));
    r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("industry"), QStringLiteral("软件开发")}}, {987654}));
    QCOMPARE(r.status, 422);
    QCOMPARE(code(r), QStringLiteral("attachment.unknown"));
}

void TestServerChangesUnit::onePendingAtATime()
{
    HttpResult r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("risk_class"), 2}},
                                                        {uploadId(*m_unit, QStringLiteral("business_licence"))}));
    QCOMPARE(r.status, 201);
    QCOMPARE(requestsOf(r).at(0).toObject().value(QLatin1String("fields")).toArray().at(0).toObject().value(QLatin1String("after")).toString(),
             QStringLiteral("2"));
    r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("address"), QStringLiteral("长沙市天心区书院路 1 号")}},
                                             {uploadId(*m_unit, QStringLiteral("business_licence"))}));
    QCOMPARE(r.status, 409);
    QCOMPARE(code(r), QStringLiteral("change.pending"));
    // Non-key fields never wait, not even behind a pending request.
    r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("contact_name"), QStringLiteral("周敏")}}));
    QCOMPARE(r.status, 201);
    QCOMPARE(column(QStringLiteral("contact_name")), QStringLiteral("周敏"));
    QCOMPARE(column(QStringLiteral("risk_class")), QStringLiteral("1"));
    withdrawPending();
}

void TestServerChangesUnit::withdraw()
{
    HttpResult r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("bank_name"), QStringLiteral("长沙银行五一支行")}},
                                                        {uploadId(*m_unit, QStringLiteral("bank_permit"))}));
    QCOMPARE(r.status, 201);
    const qint64 id = requestsOf(r).at(0).toObject().value(QLatin1String("id")).toInteger();
    r = m_unit->post(Changes + QStringLiteral("/%1/withdraw").arg(id), {}, "withdraw-1");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("withdrawn"));
    QCOMPARE(r.json().value(QLatin1String("decided_by")).toString(), QStringLiteral("unit:") + Authorized);
    QVERIFY(!r.json().value(QLatin1String("decided_at")).isNull());
    QCOMPARE(column(QStringLiteral("bank_name")), QStringLiteral("中国工商银行长沙芙蓉支行"));
    // A retry is the same answer; a new withdrawal of a decided request is change.state.
    QCOMPARE(m_unit->post(Changes + QStringLiteral("/%1/withdraw").arg(id), {}, "withdraw-1").header("Idempotent-Replay"),
             QByteArray("true"));
    r = m_unit->post(Changes + QStringLiteral("/%1/withdraw").arg(id), {});
    QCOMPARE(r.status, 409);
    QCOMPARE(code(r), QStringLiteral("change.state"));
    QVERIFY(r.json().value(QLatin1String("detail")).toString().contains(QStringLiteral("已撤回")));
    // An applied request cannot be withdrawn either; an unknown one is not found.
    const qint64 applied = requestsOf(m_unit->get(Changes + QStringLiteral("?state=applied"))).at(0).toObject().value(QLatin1String("id")).toInteger();
    QCOMPARE(code(m_unit->post(Changes + QStringLiteral("/%1/withdraw").arg(applied), {})), QStringLiteral("change.state"));
    QCOMPARE(m_unit->post(Changes + QStringLiteral("/999999/withdraw"), {}).status, 404);
    // After the withdrawal a new key request may be made.
    r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("bank_name"), QStringLiteral("长沙银行五一支行")}},
                                             {uploadId(*m_unit, QStringLiteral("bank_permit"))}));
    QCOMPARE(r.status, 201);
    withdrawPending();
}

void TestServerChangesUnit::isolation()
{
    // Unit B: the demo's ordinary unit, authorized here.
    QVERIFY(m_fixture->server().database().exec(QStringLiteral("UPDATE units SET level = 'authorized' WHERE unit_no = ?"), {Ordinary}).ok());
    auto b = m_fixture->client();
    QCOMPARE(b->login(Ordinary, Password).status, 200);
    const qint64 aAttachment = uploadId(*m_unit, QStringLiteral("business_licence"));
    HttpResult r = m_unit->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("economic_type"), QStringLiteral("股份有限公司")}},
                                                        {aAttachment}));
    QCOMPARE(r.status, 201);
    const qint64 aRequest = requestsOf(r).at(0).toObject().value(QLatin1String("id")).toInteger();

    // B sees none of A's requests, cannot read, withdraw or use A's attachments.
    const QJsonArray bList = requestsOf(b->get(Changes));
    for (const QJsonValue &v : bList)
        QCOMPARE(v.toObject().value(QLatin1String("unit_no")).toString(), Ordinary);
    QCOMPARE(b->get(Changes + QStringLiteral("/%1").arg(aRequest)).status, 404);
    r = b->post(Changes + QStringLiteral("/%1/withdraw").arg(aRequest), {});
    QCOMPARE(r.status, 404);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT state FROM change_requests WHERE id = ?"), {aRequest}).toString(),
             QStringLiteral("pending"));
    const qint64 aUnused = uploadId(*m_unit, QStringLiteral("business_licence"));
    r = b->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("name"), QStringLiteral("冒名有限公司")}}, {aUnused}));
    QCOMPARE(r.status, 422);
    QCOMPARE(code(r), QStringLiteral("attachment.unknown"));
    // A's pending request does not hold B's.
    r = b->postJson(Changes, unitChange(QJsonObject{{QStringLiteral("name"), QStringLiteral("长沙岳麓示范商贸股份有限公司")}},
                                        {uploadId(*b, QStringLiteral("business_licence"))}));
    QCOMPARE(r.status, 201);
    QCOMPARE(requestsOf(r).at(0).toObject().value(QLatin1String("unit_no")).toString(), Ordinary);
    // A's own attachment still works for A.
    withdrawPending();
}

void TestServerChangesUnit::unusedAttachmentsPurgedAtStart()
{
    // An upload never submitted, two days old, goes at the next start; a fresh one and the
    // proofs of requests stay.
    const qint64 old = uploadId(*m_unit, QStringLiteral("business_licence"));
    const qint64 fresh = uploadId(*m_unit, QStringLiteral("business_licence"));
    QVERIFY(old > 0 && fresh > 0);
    QVERIFY(m_fixture->server().database().exec(QStringLiteral("UPDATE change_attachments SET uploaded_at = uploaded_at - ? WHERE id = ?"),
                                                {qint64(48 * 3600), old}).ok());
    const int used = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM change_attachments WHERE request_id IS NOT NULL")).toInt();
    QVERIFY(used > 0);
    QVERIFY(m_fixture->server().database().exec(QStringLiteral("UPDATE change_attachments SET uploaded_at = uploaded_at - ?"
                                                               " WHERE request_id IS NOT NULL"),
                                                {qint64(48 * 3600)}).ok());
    m_unit.reset();
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM change_attachments WHERE id = ?"), {old}).toInt(), 0);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM change_attachments WHERE id = ?"), {fresh}).toInt(), 1);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM change_attachments WHERE request_id IS NOT NULL")).toInt(), used);
}

QTEST_GUILESS_MAIN(TestServerChangesUnit)
#include "tst_server_changes_unit.moc"
