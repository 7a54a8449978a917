// 信息维护 through the client's ChangeService against a real shebao-server process: the local
// checks (nothing sent), a non-key change applied at once and seen by GET /unit, a mixed
// submission split into applied + pending, one pending key request at a time, the reviewer's
// approve / reject (the agency's side over its own HTTP API), withdraw, a lost answer that
// does not submit twice (CuttingProxy), and a certificate user's signed request.
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "ChangeFixtures.h"
#include "CuttingProxy.h"
#include "DeskClient.h"
#include "ServerProcess.h"
#include "ServerQueries.h"
#include "app/ApiClient.h"
#include "app/AppContext.h"
#include "app/ChangeService.h"
#include "app/LoginService.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "app/SoftwareSigner.h"
#include "app/StaffClient.h"
#include "models/change/ChangeJson.h"
#include "models/validation/IdNumber.h"

using namespace shebao;
using test::waitFor;

namespace {

const QString Authorized = QStringLiteral("43010000001");
const QString CertificateUnit = QStringLiteral("43010000003");
const QString Password = QStringLiteral("Demo1234");

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    return han.match(text).hasMatch();
}

QString describe(const Error &e)
{
    return e.code + QStringLiteral(": ") + e.message + QStringLiteral(" ") + e.detail;
}

} // namespace

class TestChangesE2e : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void localChecksSendNothing();
    void nonKeyChangeAppliesAtOnce();
    void mixedSubmissionIsSplitAndApproved();
    void rejectionKeepsTheOldValues();
    void withdrawAPendingRequest();
    void serverRulesArriveInChinese();
    void lostAnswerSubmitsOnce();
    void personNameChangeIsApproved();
    void idUpgradeAppliesAtOnce();
    void certificateUsersRequestIsSigned();

private:
    Result<QList<ChangeRequest>> submit(ChangeService &service, const ChangeSubmission &s)
    {
        return waitFor<QList<ChangeRequest>>([&](auto done) { service.submit(s, this, done); });
    }
    Result<ChangeAttachment> upload(ChangeService &service, AttachmentKind kind, const QString &name,
                                    const QByteArray &bytes)
    {
        return waitFor<ChangeAttachment>([&](auto done) { service.upload(kind, name, bytes, this, done); });
    }
    Unit unit(ApiClient &api)
    {
        auto u = waitFor<Unit>([&](auto done) { api.fetchUnit(this, done); });
        return u ? u.value() : Unit{};
    }
    // The reviewer's decision over the staff API (shebao-admin's part is tst_changes_cli).
    Result<ChangeRequest> decide(qint64 id, const QString &action, const QString &reason = {});

    test::ServerProcess m_server;
    test::CuttingProxy m_proxy;
    QTemporaryDir m_dir;
    ApiClient m_api;
    std::unique_ptr<ChangeService> m_changes;
    ApiClient m_staff;
};

void TestChangesE2e::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    QVERIFY(m_proxy.listen());
    m_proxy.setBackendPort(quint16(m_server.baseUrl().port()));
    // The client under test goes through the proxy (which passes everything until told not to).
    m_api.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_proxy.port())));
    QVERIFY(m_api.addCaCertificatesFromFile(m_server.caFile()).ok());
    auto login = waitFor<LoginReply>([&](auto done) { m_api.login(Authorized, Password, this, done); });
    QVERIFY2(login.ok(), qPrintable(login ? QString() : describe(login.error())));
    m_api.setToken(login.value().token);
    m_changes = std::make_unique<ChangeService>(&m_api, nullptr);

    m_staff.setBaseUrl(m_server.baseUrl());
    QVERIFY(m_staff.addCaCertificatesFromFile(m_server.caFile()).ok());
    StaffClient staff(&m_staff);
    auto reviewer = waitFor<StaffLoginReply>([&](auto done) { staff.login(QStringLiteral("reviewer"), Password, this, done); });
    QVERIFY2(reviewer.ok(), qPrintable(reviewer ? QString() : describe(reviewer.error())));
    QCOMPARE(reviewer.value().role, QStringLiteral("reviewer"));
}

Result<ChangeRequest> TestChangesE2e::decide(qint64 id, const QString &action, const QString &reason)
{
    QJsonObject body;
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    auto reply = waitFor<QJsonDocument>([&](auto done) {
        m_staff.postJson(QStringLiteral("/staff/changes/%1/%2").arg(id).arg(action), body, {}, this, done);
    });
    if (!reply)
        return reply.error();
    return json::decodeChangeRequest(reply.value().object());
}

void TestChangesE2e::localChecksSendNothing()
{
    // An ApiClient aimed at a closed port: anything that were sent would fail net.unreachable.
    ApiClient nowhere;
    nowhere.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:1")));
    ChangeService service(&nowhere, nullptr);

    bool answeredInside = true;
    std::optional<Result<ChangeAttachment>> disguised;
    QEventLoop loop;
    service.upload(AttachmentKind::BusinessLicence, QStringLiteral("营业执照.jpg"), test::disguisedProgram(), this,
                   [&](Result<ChangeAttachment> r) {
                       disguised.emplace(std::move(r));
                       loop.quit();
                   });
    answeredInside = disguised.has_value();
    if (!disguised)
        loop.exec();
    QVERIFY(!answeredInside); // answered on the event loop, like a network answer
    QVERIFY(!disguised->ok());
    QCOMPARE(disguised->error().code, QStringLiteral("upload.type"));
    QCOMPARE(disguised->error().field, QStringLiteral("attachments"));
    QVERIFY(disguised->error().message.contains(QStringLiteral("营业执照.jpg")));

    const QByteArray png = test::imageBytes("PNG");
    auto truncated = upload(service, AttachmentKind::IdCard, QStringLiteral("身份证.png"), png.left(png.size() / 2));
    QCOMPARE(truncated.error().code, QStringLiteral("upload.truncated"));
    QByteArray huge = png;
    huge.append(QByteArray(5 * 1024 * 1024, 'x'));
    auto tooLarge = upload(service, AttachmentKind::IdCard, QStringLiteral("身份证.png"), huge);
    QCOMPARE(tooLarge.error().code, QStringLiteral("upload.too_large"));
    QCOMPARE(upload(service, AttachmentKind::IdCard, QStringLiteral("空.png"), {}).error().code,
             QStringLiteral("upload.empty"));

    ChangeSubmission empty;
    QCOMPARE(submit(service, empty).error().code, QStringLiteral("change.empty"));
    ChangeSubmission unknown;
    unknown.after = {{QStringLiteral("unit_no"), QStringLiteral("43019999999")}};
    auto refused = submit(service, unknown);
    QCOMPARE(refused.error().code, QStringLiteral("change.field_unknown"));
    QCOMPARE(refused.error().field, QStringLiteral("changes.unit_no"));
    ChangeSubmission twice;
    twice.after = {{QStringLiteral("email"), QStringLiteral("a@b.cn")}, {QStringLiteral("email"), QStringLiteral("c@d.cn")}};
    QCOMPARE(submit(service, twice).error().field, QStringLiteral("changes.email"));
    ChangeSubmission nobody;
    nobody.target = ChangeTarget::Person;
    nobody.after = {{QStringLiteral("phone"), QStringLiteral("13812345678")}};
    QCOMPARE(submit(service, nobody).error().code, QStringLiteral("required.missing"));
    // A person field is not a unit field.
    ChangeSubmission wrongTarget;
    wrongTarget.after = {{QStringLiteral("gender"), QStringLiteral("2")}};
    QCOMPARE(submit(service, wrongTarget).error().code, QStringLiteral("change.field_unknown"));
    QVERIFY(nowhere.isOnline()); // nothing ever tried the network
}

void TestChangesE2e::nonKeyChangeAppliesAtOnce()
{
    QSignalSpy changed(m_changes.get(), &ChangeService::changed);
    const Unit before = unit(m_api);
    QVERIFY(!before.unitNo.isEmpty());
    ChangeSubmission s;
    s.after = {{QStringLiteral("contact_name"), QStringLiteral("欧阳晓雯")},
               {QStringLiteral("postal_code"), QStringLiteral("410013")},
               {QStringLiteral("email"), QStringLiteral("hr-e2e@example.cn")}};
    auto reply = submit(*m_changes, s);
    QVERIFY2(reply.ok(), qPrintable(reply ? QString() : describe(reply.error())));
    QCOMPARE(reply.value().size(), 1);
    const ChangeRequest &r = reply.value().first();
    QCOMPARE(r.state, ChangeState::Applied);
    QVERIFY(!r.key);
    QVERIFY(QRegularExpression(QStringLiteral("^BG\\d{14}$")).match(r.requestNo).hasMatch());
    QCOMPARE(r.fields.size(), 3);
    QCOMPARE(r.fields.at(0), (FieldChange{QStringLiteral("contact_name"), QStringLiteral("联系人"), false,
                                          before.contactName, QStringLiteral("欧阳晓雯")}));
    QCOMPARE(changed.count(), 1);

    const Unit after = unit(m_api);
    QCOMPARE(after.contactName, QStringLiteral("欧阳晓雯"));
    QCOMPARE(after.postalCode, QStringLiteral("410013"));
    QCOMPARE(after.email, QStringLiteral("hr-e2e@example.cn"));
    QCOMPARE(after.name, before.name);

    auto listed = waitFor<QList<ChangeRequest>>([&](auto done) {
        m_changes->requests(ChangeTarget::Unit, ChangeState::Applied, this, done);
    });
    QVERIFY(listed.ok());
    QVERIFY(!listed.value().isEmpty());
    QCOMPARE(listed.value().first(), r); // newest first, the same request
    auto one = waitFor<ChangeRequest>([&](auto done) { m_changes->request(r.id, this, done); });
    QVERIFY(one.ok());
    QCOMPARE(one.value(), r);

    // The same value again is no change.
    auto unchanged = submit(*m_changes, s);
    QCOMPARE(unchanged.error().code, QStringLiteral("change.unchanged"));
    QVERIFY(hasChinese(unchanged.error().message));
}

void TestChangesE2e::mixedSubmissionIsSplitAndApproved()
{
    const Unit before = unit(m_api);
    const QByteArray licence = test::imageBytes("JPEG");
    auto proof = upload(*m_changes, AttachmentKind::BusinessLicence, QStringLiteral("营业执照（副本）.jpg"), licence);
    QVERIFY2(proof.ok(), qPrintable(proof ? QString() : describe(proof.error())));
    QVERIFY(proof.value().id > 0);
    QCOMPARE(proof.value().kind, AttachmentKind::BusinessLicence);
    QCOMPARE(proof.value().fileName, QStringLiteral("营业执照（副本）.jpg"));
    QCOMPARE(proof.value().mimeType, QStringLiteral("image/jpeg"));
    QCOMPARE(proof.value().size, licence.size());

    const QString newName = QStringLiteral("长沙湘江示范科技股份有限公司");
    ChangeSubmission s;
    s.after = {{QStringLiteral("name"), newName},
               {QStringLiteral("district"), QStringLiteral("430104")},
               {QStringLiteral("mobile"), QStringLiteral("13974800001")}};
    s.attachmentIds = {proof.value().id};
    auto reply = submit(*m_changes, s);
    QVERIFY2(reply.ok(), qPrintable(reply ? QString() : describe(reply.error())));
    QCOMPARE(reply.value().size(), 2);
    const ChangeRequest applied = reply.value().at(0);
    const ChangeRequest pending = reply.value().at(1);
    QCOMPARE(applied.state, ChangeState::Applied);
    QCOMPARE(applied.fields.size(), 1);
    QCOMPARE(applied.fields.first().member, QStringLiteral("mobile"));
    QCOMPARE(pending.state, ChangeState::Pending);
    QVERIFY(pending.key);
    QVERIFY(!pending.signed_);
    QCOMPARE(pending.fields.size(), 2);
    QCOMPARE(pending.fields.at(0).before, before.name);
    QCOMPARE(pending.fields.at(0).after, newName);
    QCOMPARE(pending.attachments.size(), 1);
    QCOMPARE(pending.attachments.first().id, proof.value().id);

    // The non-key part took effect; the key part waits.
    Unit now = unit(m_api);
    QCOMPARE(now.mobile, QStringLiteral("13974800001"));
    QCOMPARE(now.name, before.name);
    QCOMPARE(now.district, before.district);

    // One pending key request at a time; the used proof cannot serve twice.
    ChangeSubmission another;
    another.after = {{QStringLiteral("address"), QStringLiteral("长沙市岳麓区麓谷大道 1 号")}};
    another.attachmentIds = {proof.value().id};
    auto second = submit(*m_changes, another);
    QVERIFY(!second.ok());
    QVERIFY2(second.error().code == QLatin1String("change.pending") || second.error().code == QLatin1String("attachment.unknown"),
             qPrintable(describe(second.error())));

    auto approved = decide(pending.id, QStringLiteral("approve"));
    QVERIFY2(approved.ok(), qPrintable(approved ? QString() : describe(approved.error())));
    QCOMPARE(approved.value().state, ChangeState::Approved);
    QVERIFY2(approved.value().decidedBy.endsWith(QStringLiteral("reviewer")), qPrintable(approved.value().decidedBy));
    QVERIFY(approved.value().decidedAt.isValid());
    now = unit(m_api);
    QCOMPARE(now.name, newName);
    QCOMPARE(now.district, QStringLiteral("430104"));
    auto seen = waitFor<ChangeRequest>([&](auto done) { m_changes->request(pending.id, this, done); });
    QVERIFY(seen.ok());
    QCOMPARE(seen.value().state, ChangeState::Approved);
    QCOMPARE(changeStateName(seen.value().state), QStringLiteral("已生效"));
    // Approving twice is not possible.
    QCOMPARE(decide(pending.id, QStringLiteral("approve")).error().code, QStringLiteral("change.state"));
}

void TestChangesE2e::rejectionKeepsTheOldValues()
{
    const Unit before = unit(m_api);
    auto permit = upload(*m_changes, AttachmentKind::BankPermit, QStringLiteral("开户许可证.png"), test::imageBytes("PNG"));
    QVERIFY(permit.ok());
    ChangeSubmission s;
    s.after = {{QStringLiteral("bank_name"), QStringLiteral("中国建设银行长沙岳麓支行")},
               {QStringLiteral("bank_account"), QStringLiteral("43050178360000009876")}};
    s.attachmentIds = {permit.value().id};
    auto reply = submit(*m_changes, s);
    QVERIFY2(reply.ok(), qPrintable(reply ? QString() : describe(reply.error())));
    QCOMPARE(reply.value().size(), 1);
    const ChangeRequest pending = reply.value().first();
    QCOMPARE(pending.state, ChangeState::Pending);

    QCOMPARE(decide(pending.id, QStringLiteral("reject")).error().field, QStringLiteral("reason"));
    auto rejected = decide(pending.id, QStringLiteral("reject"), QStringLiteral("开户许可证照片不清晰，请重新上传"));
    QVERIFY2(rejected.ok(), qPrintable(rejected ? QString() : describe(rejected.error())));
    auto seen = waitFor<ChangeRequest>([&](auto done) { m_changes->request(pending.id, this, done); });
    QVERIFY(seen.ok());
    QCOMPARE(seen.value().state, ChangeState::Rejected);
    QCOMPARE(changeStateName(seen.value().state), QStringLiteral("已退回"));
    QCOMPARE(seen.value().rejectReason, QStringLiteral("开户许可证照片不清晰，请重新上传"));
    const Unit after = unit(m_api);
    QCOMPARE(after.bankName, before.bankName);
    QCOMPARE(after.bankAccount, before.bankAccount);
    auto rejectedList = waitFor<QList<ChangeRequest>>([&](auto done) {
        m_changes->requests(std::nullopt, ChangeState::Rejected, this, done);
    });
    QVERIFY(rejectedList.ok());
    QCOMPARE(rejectedList.value().size(), 1);
    QCOMPARE(rejectedList.value().first().id, pending.id);
}

void TestChangesE2e::withdrawAPendingRequest()
{
    auto id = upload(*m_changes, AttachmentKind::LegalRepId, QStringLiteral("法人身份证.png"), test::imageBytes("PNG"));
    QVERIFY(id.ok());
    ChangeSubmission s;
    s.after = {{QStringLiteral("legal_representative"), QStringLiteral("周新立")}};
    s.attachmentIds = {id.value().id};
    auto reply = submit(*m_changes, s);
    QVERIFY2(reply.ok(), qPrintable(reply ? QString() : describe(reply.error())));
    const qint64 requestId = reply.value().first().id;
    QSignalSpy changed(m_changes.get(), &ChangeService::changed);
    auto withdrawn = waitFor<ChangeRequest>([&](auto done) { m_changes->withdraw(requestId, this, done); });
    QVERIFY2(withdrawn.ok(), qPrintable(withdrawn ? QString() : describe(withdrawn.error())));
    QCOMPARE(withdrawn.value().state, ChangeState::Withdrawn);
    QCOMPARE(changed.count(), 1);
    auto again = waitFor<ChangeRequest>([&](auto done) { m_changes->withdraw(requestId, this, done); });
    QCOMPARE(again.error().code, QStringLiteral("change.state"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(decide(requestId, QStringLiteral("approve")).error().code, QStringLiteral("change.state"));
}

void TestChangesE2e::serverRulesArriveInChinese()
{
    // A key field without its proof: the catalogue's own wording.
    ChangeSubmission noProof;
    noProof.after = {{QStringLiteral("address"), QStringLiteral("长沙市岳麓区麓谷大道 2 号")}};
    auto missing = submit(*m_changes, noProof);
    QCOMPARE(missing.error().code, QStringLiteral("attachment.missing"));
    QCOMPARE(missing.error().message,
             ChangeFields::describeProofs(ChangeTarget::Unit, {AttachmentKind::BusinessLicence}, {QStringLiteral("address")}));
    ChangeSubmission badPostal;
    badPostal.after = {{QStringLiteral("postal_code"), QStringLiteral("4100")}};
    auto postal = submit(*m_changes, badPostal);
    QCOMPARE(postal.error().code, QStringLiteral("request.invalid"));
    QCOMPARE(postal.error().field, QStringLiteral("changes.postal_code"));
    QVERIFY(postal.error().message.contains(QStringLiteral("邮政编码")));

    // A credit code failing GB 32100: refused until the clerk confirms it, then recorded.
    auto licence = upload(*m_changes, AttachmentKind::BusinessLicence, QStringLiteral("执照.pdf.png"), test::imageBytes("PNG"));
    QVERIFY(licence.ok());
    ChangeSubmission code;
    code.after = {{QStringLiteral("credit_code"), test::withBadCheck(test::freshCreditCode())}};
    code.attachmentIds = {licence.value().id};
    auto checksum = submit(*m_changes, code);
    QCOMPARE(checksum.error().code, QStringLiteral("creditcode.checksum"));
    QCOMPARE(checksum.error().field, QStringLiteral("changes.credit_code"));
    QVERIFY(hasChinese(checksum.error().message));
    code.creditCodeOverride = true;
    auto overridden = submit(*m_changes, code);
    QVERIFY2(overridden.ok(), qPrintable(overridden ? QString() : describe(overridden.error())));
    QVERIFY(overridden.value().first().creditCodeOverridden);
    QCOMPARE(overridden.value().first().state, ChangeState::Pending);
    QVERIFY(waitFor<ChangeRequest>([&](auto done) { m_changes->withdraw(overridden.value().first().id, this, done); }).ok());
}

void TestChangesE2e::lostAnswerSubmitsOnce()
{
    auto proof = upload(*m_changes, AttachmentKind::BusinessLicence, QStringLiteral("营业执照.png"), test::imageBytes("PNG"));
    QVERIFY(proof.ok());
    ChangeSubmission s;
    s.after = {{QStringLiteral("industry"), QStringLiteral("互联网和相关服务")},
               {QStringLiteral("contact_phone"), QStringLiteral("0731-85550001")}};
    s.attachmentIds = {proof.value().id};
    m_proxy.setCutAnswers(true);
    auto lost = submit(*m_changes, s);
    m_proxy.setCutAnswers(false);
    QVERIFY(!lost.ok());
    QVERIFY2(lost.error().code.startsWith(QLatin1String("net.")), qPrintable(describe(lost.error())));
    QVERIFY(m_proxy.cuts() > 0);
    // 变更申报 pressed again: the same key, the first answer (not change.unchanged / change.pending).
    auto replay = submit(*m_changes, s);
    QVERIFY2(replay.ok(), qPrintable(replay ? QString() : describe(replay.error())));
    QCOMPARE(replay.value().size(), 2);
    const ChangeRequest pending = replay.value().at(1);
    auto all = waitFor<QList<ChangeRequest>>([&](auto done) { m_changes->requests(ChangeTarget::Unit, ChangeState::Pending, this, done); });
    QVERIFY(all.ok());
    QCOMPARE(all.value().size(), 1);
    QCOMPARE(all.value().first().id, pending.id);
    // Answered: the next press is a new submission, which the server refuses on its merits.
    auto third = submit(*m_changes, s);
    QVERIFY(!third.ok());
    QVERIFY2(!third.error().code.startsWith(QLatin1String("net.")), qPrintable(describe(third.error())));
    QVERIFY(waitFor<ChangeRequest>([&](auto done) { m_changes->withdraw(pending.id, this, done); }).ok());
}

void TestChangesE2e::personNameChangeIsApproved()
{
    const Person person = test::activeDemoPerson(m_api);
    QVERIFY(!person.personNo.isEmpty());
    // Gender must agree with the ID number.
    ChangeSubmission gender;
    gender.target = ChangeTarget::Person;
    gender.personNo = person.personNo;
    gender.after = {{QStringLiteral("gender"), person.gender == u"1" ? QStringLiteral("2") : QStringLiteral("1")}};
    auto card = upload(*m_changes, AttachmentKind::IdCard, QStringLiteral("身份证.jpg"), test::imageBytes("JPEG"));
    QVERIFY(card.ok());
    gender.attachmentIds = {card.value().id};
    auto mismatch = submit(*m_changes, gender);
    QCOMPARE(mismatch.error().code, QStringLiteral("gender.mismatch"));
    QCOMPARE(mismatch.error().field, QStringLiteral("changes.gender"));
    QVERIFY(hasChinese(mismatch.error().message));

    // So must the birth date.
    ChangeSubmission birth = gender;
    birth.after = {{QStringLiteral("birth_date"),
                    person.birthDate == u"1970-01-01" ? QStringLiteral("1970-01-02") : QStringLiteral("1970-01-01")}};
    auto birthMismatch = submit(*m_changes, birth);
    QCOMPARE(birthMismatch.error().code, QStringLiteral("birthdate.mismatch"));
    QCOMPARE(birthMismatch.error().field, QStringLiteral("changes.birth_date"));
    QVERIFY(hasChinese(birthMismatch.error().message));

    // Someone else's person number.
    ChangeSubmission stranger = gender;
    stranger.personNo = QStringLiteral("9999999999999");
    stranger.after = {{QStringLiteral("phone"), QStringLiteral("13812340000")}};
    stranger.attachmentIds.clear();
    QCOMPARE(submit(*m_changes, stranger).error().code, QStringLiteral("person.unknown"));

    const QString newName = person.name + QStringLiteral("华");
    ChangeSubmission name;
    name.target = ChangeTarget::Person;
    name.personNo = person.personNo;
    name.after = {{QStringLiteral("name"), newName}};
    name.attachmentIds = {card.value().id};
    auto reply = submit(*m_changes, name);
    QVERIFY2(reply.ok(), qPrintable(reply ? QString() : describe(reply.error())));
    const ChangeRequest pending = reply.value().first();
    QCOMPARE(pending.state, ChangeState::Pending);
    QCOMPARE(pending.target, ChangeTarget::Person);
    QCOMPARE(pending.personNo, person.personNo);
    QCOMPARE(pending.personName, person.name);
    auto approved = decide(pending.id, QStringLiteral("approve"));
    QVERIFY2(approved.ok(), qPrintable(approved ? QString() : describe(approved.error())));
    auto page = waitFor<PersonsPage>([&](auto done) { m_api.fetchPersonsPage(0, 500, this, done); });
    QVERIFY(page.ok());
    const auto found = std::find_if(page.value().items.cbegin(), page.value().items.cend(),
                                    [&](const Person &p) { return p.personNo == person.personNo; });
    QVERIFY(found != page.value().items.cend());
    QCOMPARE(found->name, newName);
}

void TestChangesE2e::idUpgradeAppliesAtOnce()
{
    // The demo person the agency still holds under a 15-digit number: its GB 11643 upgrade is
    // the same number, applied without a proof and marked 升位.
    auto page = waitFor<PersonsPage>([&](auto done) { m_api.fetchPersonsPage(0, 500, this, done); });
    QVERIFY(page.ok());
    const auto legacy = std::find_if(page.value().items.cbegin(), page.value().items.cend(),
                                     [](const Person &p) { return p.idNumber.size() == 15; });
    QVERIFY2(legacy != page.value().items.cend(), "no 15-digit demo person");
    const auto upgraded = IdNumber::parse(legacy->idNumber);
    QVERIFY(upgraded.ok());
    QCOMPARE(upgraded.value().number().size(), 18);
    ChangeSubmission s;
    s.target = ChangeTarget::Person;
    s.personNo = legacy->personNo;
    s.after = {{QStringLiteral("id_number"), upgraded.value().number()}};
    auto reply = submit(*m_changes, s);
    QVERIFY2(reply.ok(), qPrintable(reply ? QString() : describe(reply.error())));
    QCOMPARE(reply.value().size(), 1);
    QVERIFY(reply.value().first().idUpgrade);
    QVERIFY(isEffective(reply.value().first().state));
    QCOMPARE(reply.value().first().fields.first().before, legacy->idNumber);
    auto after = waitFor<PersonsPage>([&](auto done) { m_api.fetchPersonsPage(0, 500, this, done); });
    QVERIFY(after.ok());
    QVERIFY(std::any_of(after.value().items.cbegin(), after.value().items.cend(), [&](const Person &p) {
        return p.personNo == legacy->personNo && p.idNumber == upgraded.value().number();
    }));
}

void TestChangesE2e::certificateUsersRequestIsSigned()
{
    // The desktop's composition root, logged in with the demo certificate (SM2): AppContext's
    // changes() signs through the ApiClient's signer.
    auto settings = std::make_unique<Settings>(
        std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
    settings->setServerUrl(m_server.baseUrl());
    settings->setCaFile(m_server.caFile());
    AppContext app(std::move(settings));
    app.login().setCacheRoot(m_dir.filePath(QStringLiteral("cache")));
    QFile pinFile(m_server.dataDir() + QStringLiteral("/demo/43010000003.pin.txt"));
    QVERIFY(pinFile.open(QIODevice::ReadOnly));
    auto signer = SoftwareSigner::fromPkcs12File(m_server.dataDir() + QStringLiteral("/demo/43010000003.p12"),
                                                 pinFile.readAll().trimmed());
    QVERIFY(signer.ok());
    QSignalSpy loggedIn(&app.login(), &LoginService::loggedIn);
    app.login().loginWithCertificate(CertificateUnit, signer.value());
    QVERIFY(loggedIn.wait(20000));
    QCOMPARE(app.session().level(), AccountLevel::Certificate);

    auto licence = upload(app.changes(), AttachmentKind::BusinessLicence, QStringLiteral("营业执照.png"), test::imageBytes("PNG"));
    QVERIFY2(licence.ok(), qPrintable(licence ? QString() : describe(licence.error())));
    ChangeSubmission s;
    s.after = {{QStringLiteral("address"), QStringLiteral("长沙市雨花区韶山中路 99 号")}};
    s.attachmentIds = {licence.value().id};
    auto reply = submit(app.changes(), s);
    QVERIFY2(reply.ok(), qPrintable(reply ? QString() : describe(reply.error())));
    QCOMPARE(reply.value().size(), 1);
    QVERIFY(reply.value().first().signed_);
    QCOMPARE(reply.value().first().state, ChangeState::Pending); // still reviewed
    QCOMPARE(reply.value().first().unitNo, CertificateUnit);
    // One unit never sees another's requests.
    auto mine = waitFor<QList<ChangeRequest>>([&](auto done) { m_changes->requests(std::nullopt, std::nullopt, this, done); });
    QVERIFY(mine.ok());
    QVERIFY(std::none_of(mine.value().cbegin(), mine.value().cend(),
                         [](const ChangeRequest &r) { return r.unitNo == CertificateUnit; }));
    auto theirs = waitFor<ChangeRequest>([&](auto done) { m_changes->request(reply.value().first().id, this, done); });
    QVERIFY(!theirs.ok());
}

QTEST_MAIN(TestChangesE2e)
#include "tst_changes_e2e.moc"
