// The reviewer's side of 信息维护 (docs/changes.md): only the reviewer role, the proofs as
// uploaded, approval writing the values with who and when (re-checking what may have changed
// meanwhile), rejection keeping the values with the reason, decisions only on pending requests,
// and two approvals at once deciding once.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QtTest>

#include <atomic>
#include <thread>

#include "ChangeTestData.h"
#include "server/ChangeService.h"
#include "server/Clock.h"
#include "server/Database.h"
#include "ServerFixture.h"
#include "ServerTestData.h"

using namespace shebao::test;
using namespace shebao::test::chg;
using shebao::test::data::Authorized;
using shebao::test::data::Ordinary;
using shebao::test::data::Password;

class TestServerReviews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void reviewerOnly();
    void approveWritesValuesAndWho();
    void attachmentDownloadIsTheUpload();
    void decisionsOnlyOnPending();
    void rejectKeepsValuesWithReason();
    void approvalRechecksTaken();
    void concurrentApprovalsDecideOnce();
    void approvalRaceAcrossConnections();

private:
    qint64 submitPending(const QJsonObject &changes, const QString &kind, const QByteArray &bytes = pdf(),
                         const QString &fileName = QStringLiteral("证明.pdf"));
    QString column(const QString &column, const QString &unitNo = Authorized);

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
    std::unique_ptr<HttpsClient> m_reviewer;
    QString m_reviewerToken;
};

void TestServerReviews::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(Authorized, Password).status, 200);
    m_reviewer = m_fixture->client();
    const HttpResult login = m_reviewer->staffLogin(QStringLiteral("reviewer"), Password);
    QCOMPARE(login.status, 200);
    m_reviewerToken = login.json().value(QLatin1String("token")).toString();
}

void TestServerReviews::cleanupTestCase()
{
    m_reviewer.reset();
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

qint64 TestServerReviews::submitPending(const QJsonObject &changes, const QString &kind, const QByteArray &bytes,
                                        const QString &fileName)
{
    const qint64 attachment = uploadId(*m_unit, kind, bytes, fileName);
    const HttpResult r = m_unit->postJson(Changes, unitChange(changes, {attachment}));
    if (r.status != 201)
        return -1;
    const QJsonObject last = requestsOf(r).last().toObject();
    return last.value(QLatin1String("state")).toString() == u"pending" ? last.value(QLatin1String("id")).toInteger() : -1;
}

QString TestServerReviews::column(const QString &column, const QString &unitNo)
{
    return m_fixture->scalar(QStringLiteral("SELECT %1 FROM units WHERE unit_no = ?").arg(column), {unitNo}).toString();
}

void TestServerReviews::reviewerOnly()
{
    const qint64 id = submitPending(QJsonObject{{QStringLiteral("address"), QStringLiteral("长沙市芙蓉区五一大道 200 号")}},
                                    QStringLiteral("business_licence"));
    QVERIFY(id > 0);
    auto clerk = m_fixture->client();
    QCOMPARE(clerk->staffLogin(QStringLiteral("clerk"), Password).status, 200);
    for (const QString &path : {StaffChanges, StaffChanges + QStringLiteral("/%1").arg(id)}) {
        const HttpResult r = clerk->get(path);
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), QStringLiteral("staff.role"));
    }
    HttpResult r = clerk->post(StaffChanges + QStringLiteral("/%1/approve").arg(id), {});
    QCOMPARE(r.status, 403);
    QCOMPARE(code(r), QStringLiteral("staff.role"));
    r = clerk->postJson(StaffChanges + QStringLiteral("/%1/reject").arg(id), QJsonObject{{QStringLiteral("reason"), QStringLiteral("x")}});
    QCOMPARE(r.status, 403);
    // A unit token is no staff token.
    QCOMPARE(m_unit->get(StaffChanges).status, 401);
    QCOMPARE(m_unit->post(StaffChanges + QStringLiteral("/%1/approve").arg(id), {}).status, 401);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT state FROM change_requests WHERE id = ?"), {id}).toString(),
             QStringLiteral("pending"));
    QCOMPARE(m_unit->post(Changes + QStringLiteral("/%1/withdraw").arg(id), {}).status, 200);
}

void TestServerReviews::approveWritesValuesAndWho()
{
    const QString newCode = creditCode(QStringLiteral("MA4L8001"));
    const qint64 id = submitPending(QJsonObject{{QStringLiteral("name"), QStringLiteral("湘江示范科技集团有限公司")},
                                                {QStringLiteral("credit_code"), newCode},
                                                {QStringLiteral("risk_class"), 3}},
                                    QStringLiteral("business_licence"));
    QVERIFY(id > 0);
    // Pending, oldest first; the withdrawn one is only under state=all.
    HttpResult list = m_reviewer->get(StaffChanges);
    QCOMPARE(list.status, 200);
    QCOMPARE(requestsOf(list).size(), 1);
    QCOMPARE(requestsOf(list).at(0).toObject().value(QLatin1String("id")).toInteger(), id);
    QCOMPARE(requestsOf(m_reviewer->get(StaffChanges + QStringLiteral("?state=all"))).size(), 2);
    QCOMPARE(m_reviewer->get(StaffChanges + QStringLiteral("?state=done")).status, 400);

    const HttpResult r = m_reviewer->post(StaffChanges + QStringLiteral("/%1/approve").arg(id), {}, "approve-1");
    QCOMPARE(r.status, 200);
    const QJsonObject approved = r.json();
    QCOMPARE(approved.value(QLatin1String("state")).toString(), QStringLiteral("approved"));
    QCOMPARE(approved.value(QLatin1String("decided_by")).toString(), QStringLiteral("staff:reviewer"));
    const QDateTime decidedAt = QDateTime::fromString(approved.value(QLatin1String("decided_at")).toString(), Qt::ISODate);
    QVERIFY(decidedAt.isValid());
    QVERIFY(qAbs(decidedAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);
    QCOMPARE(column(QStringLiteral("name")), QStringLiteral("湘江示范科技集团有限公司"));
    QCOMPARE(column(QStringLiteral("credit_code")), newCode);
    QCOMPARE(column(QStringLiteral("risk_class")), QStringLiteral("3"));
    const QJsonObject unit = m_unit->get(QStringLiteral("/api/v1/unit")).json();
    QCOMPARE(unit.value(QLatin1String("name")).toString(), QStringLiteral("湘江示范科技集团有限公司"));
    QCOMPARE(unit.value(QLatin1String("risk_class")).toInt(), 3);
    // The unit sees the decision.
    const QJsonObject seen = m_unit->get(Changes + QStringLiteral("/%1").arg(id)).json();
    QCOMPARE(seen.value(QLatin1String("state")).toString(), QStringLiteral("approved"));
    QCOMPARE(seen.value(QLatin1String("decided_by")).toString(), QStringLiteral("staff:reviewer"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'staff:reviewer'"
                                              " AND action = 'staff.changes.approve' AND outcome = 'success' AND target = ?"),
                               {approved.value(QLatin1String("request_no")).toString()})
                 .toInt(),
             1);
    // A retry with the same key is the same answer, nothing decided twice.
    const HttpResult replay = m_reviewer->post(StaffChanges + QStringLiteral("/%1/approve").arg(id), {}, "approve-1");
    QCOMPARE(replay.status, 200);
    QCOMPARE(replay.header("Idempotent-Replay"), QByteArray("true"));
}

void TestServerReviews::attachmentDownloadIsTheUpload()
{
    QByteArray bytes = data::png();
    const QString fileName = QStringLiteral("开户许可证 扫描.png");
    const qint64 id = submitPending(QJsonObject{{QStringLiteral("bank_name"), QStringLiteral("长沙银行芙蓉支行")}},
                                    QStringLiteral("bank_permit"), bytes, fileName);
    QVERIFY(id > 0);
    const HttpResult shown = m_reviewer->get(StaffChanges + QStringLiteral("/%1").arg(id));
    QCOMPARE(shown.status, 200);
    const QJsonArray attachments = shown.json().value(QLatin1String("attachments")).toArray();
    QCOMPARE(attachments.size(), 1);
    const qint64 attachmentId = attachments.at(0).toObject().value(QLatin1String("id")).toInteger();
    const HttpResult file = m_reviewer->get(StaffChanges + QStringLiteral("/%1/attachments/%2").arg(id).arg(attachmentId));
    QCOMPARE(file.status, 200);
    QCOMPARE(file.body, bytes);
    QCOMPARE(file.contentType, QByteArray("image/png"));
    QCOMPARE(QUrl::fromPercentEncoding(file.header("X-File-Name")), fileName);
    // Only through its own request; a clerk gets nothing.
    QCOMPARE(m_reviewer->get(StaffChanges + QStringLiteral("/%1/attachments/%2").arg(id + 1000).arg(attachmentId)).status, 404);
    auto clerk = m_fixture->client();
    QCOMPARE(clerk->staffLogin(QStringLiteral("clerk"), Password).status, 200);
    QCOMPARE(clerk->get(StaffChanges + QStringLiteral("/%1/attachments/%2").arg(id).arg(attachmentId)).status, 403);
    QCOMPARE(m_unit->post(Changes + QStringLiteral("/%1/withdraw").arg(id), {}).status, 200);
}

void TestServerReviews::decisionsOnlyOnPending()
{
    const QJsonArray all = requestsOf(m_reviewer->get(StaffChanges + QStringLiteral("?state=all")));
    qint64 approved = 0, withdrawn = 0;
    for (const QJsonValue &v : all) {
        const QString state = v.toObject().value(QLatin1String("state")).toString();
        const qint64 id = v.toObject().value(QLatin1String("id")).toInteger();
        if (state == u"approved")
            approved = id;
        else if (state == u"withdrawn")
            withdrawn = id;
    }
    QVERIFY(approved > 0 && withdrawn > 0);
    for (qint64 id : {approved, withdrawn}) {
        HttpResult r = m_reviewer->post(StaffChanges + QStringLiteral("/%1/approve").arg(id), {});
        QCOMPARE(r.status, 409);
        QCOMPARE(code(r), QStringLiteral("change.state"));
        r = m_reviewer->postJson(StaffChanges + QStringLiteral("/%1/reject").arg(id), QJsonObject{{QStringLiteral("reason"), QStringLiteral("晚了")}});
        QCOMPARE(r.status, 409);
        QCOMPARE(code(r), QStringLiteral("change.state"));
    }
    QCOMPARE(m_reviewer->post(StaffChanges + QStringLiteral("/999999/approve"), {}).status, 404);
    QCOMPARE(m_reviewer->get(StaffChanges + QStringLiteral("/999999")).status, 404);
}

void TestServerReviews::rejectKeepsValuesWithReason()
{
    const QString before = column(QStringLiteral("bank_account"));
    const qint64 id = submitPending(QJsonObject{{QStringLiteral("bank_account"), QStringLiteral("6217000011110000")}},
                                    QStringLiteral("bank_permit"));
    QVERIFY(id > 0);
    HttpResult r = m_reviewer->postJson(StaffChanges + QStringLiteral("/%1/reject").arg(id), QJsonObject{{QStringLiteral("reason"), QStringLiteral("  ")}});
    QCOMPARE(r.status, 422);
    QCOMPARE(code(r), QStringLiteral("required.missing"));
    QCOMPARE(firstField(r), QStringLiteral("reason"));
    const QString reason = QStringLiteral("开户许可证上的账号与申报的不一致");
    r = m_reviewer->postJson(StaffChanges + QStringLiteral("/%1/reject").arg(id), QJsonObject{{QStringLiteral("reason"), reason}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
    QCOMPARE(r.json().value(QLatin1String("reject_reason")).toString(), reason);
    QCOMPARE(r.json().value(QLatin1String("decided_by")).toString(), QStringLiteral("staff:reviewer"));
    QCOMPARE(column(QStringLiteral("bank_account")), before);
    const QJsonObject seen = m_unit->get(Changes + QStringLiteral("/%1").arg(id)).json();
    QCOMPARE(seen.value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
    QCOMPARE(seen.value(QLatin1String("reject_reason")).toString(), reason);
}

void TestServerReviews::approvalRechecksTaken()
{
    const QString code = creditCode(QStringLiteral("MA4L8002"));
    const qint64 id = submitPending(QJsonObject{{QStringLiteral("credit_code"), code}}, QStringLiteral("business_licence"));
    QVERIFY(id > 0);
    // Meanwhile another unit was registered with that code.
    const QString otherBefore = column(QStringLiteral("credit_code"), Ordinary);
    QVERIFY(m_fixture->server().database().exec(QStringLiteral("UPDATE units SET credit_code = ? WHERE unit_no = ?"), {code, Ordinary}).ok());
    HttpResult r = m_reviewer->post(StaffChanges + QStringLiteral("/%1/approve").arg(id), {});
    QCOMPARE(r.status, 409);
    QCOMPARE(chg::code(r), QStringLiteral("creditcode.taken"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT state FROM change_requests WHERE id = ?"), {id}).toString(),
             QStringLiteral("pending"));
    QVERIFY(column(QStringLiteral("credit_code")) != code);
    // Once that is sorted out, the approval goes through.
    QVERIFY(m_fixture->server().database().exec(QStringLiteral("UPDATE units SET credit_code = ? WHERE unit_no = ?"), {otherBefore, Ordinary}).ok());
    r = m_reviewer->post(StaffChanges + QStringLiteral("/%1/approve").arg(id), {});
    QCOMPARE(r.status, 200);
    QCOMPARE(column(QStringLiteral("credit_code")), code);
}

void TestServerReviews::concurrentApprovalsDecideOnce()
{
    const qint64 id = submitPending(QJsonObject{{QStringLiteral("affiliation"), QStringLiteral("省属")}}, QStringLiteral("business_licence"));
    QVERIFY(id > 0);
    auto second = m_fixture->client();
    const HttpResult login = second->staffLogin(QStringLiteral("reviewer"), Password);
    QCOMPARE(login.status, 200);
    // Both requests are on the wire before either is answered.
    QNetworkAccessManager nam;
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setCaCertificates(QSslCertificate::fromPath(m_fixture->caFile(), QSsl::Pem));
    QList<QNetworkReply *> replies;
    for (const QString &token : {m_reviewerToken, login.json().value(QLatin1String("token")).toString()}) {
        QUrl url = m_fixture->baseUrl();
        url.setPath(StaffChanges + QStringLiteral("/%1/approve").arg(id));
        QNetworkRequest request(url);
        request.setSslConfiguration(conf);
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        replies.append(nam.post(request, QByteArray("{}")));
    }
    QTRY_VERIFY_WITH_TIMEOUT(replies.at(0)->isFinished() && replies.at(1)->isFinished(), 30000);
    QList<int> statuses;
    for (QNetworkReply *reply : std::as_const(replies)) {
        statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        if (statuses.last() == 409)
            QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("code")).toString(),
                     QStringLiteral("change.state"));
        reply->deleteLater();
    }
    std::sort(statuses.begin(), statuses.end());
    QCOMPARE(statuses, (QList<int>{200, 409}));
    QCOMPARE(column(QStringLiteral("affiliation")), QStringLiteral("省属"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'staff.changes.approve'"
                                              " AND outcome = 'success' AND target = (SELECT request_no FROM change_requests WHERE id = ?)"),
                               {id})
                 .toInt(),
             1);
}

void TestServerReviews::approvalRaceAcrossConnections()
{
    // Two server processes on one PostgreSQL database: both find the request pending, the
    // second's conditional UPDATE waits for the first's row lock and then finds it decided.
    // Run here with two connections, the second on its own thread.
    const qint64 id = submitPending(QJsonObject{{QStringLiteral("industry"), QStringLiteral("信息技术咨询服务")}},
                                    QStringLiteral("business_licence"));
    QVERIFY(id > 0);
    const QString url = m_backend->dbUrl(m_fixture->dataDir());
    shebao::server::Clock clock;
    shebao::server::Database a;
    QVERIFY(a.open(url).ok());
    shebao::server::ChangeService first(a, clock);
    QVERIFY(a.begin().ok());
    auto approved = first.approve(id, QStringLiteral("staff:first"));
    QVERIFY2(approved.ok(), qPrintable(approved.ok() ? QString() : approved.error().detail));

    std::atomic<bool> done{false};
    QString secondCode;
    std::thread other([&] {
        shebao::server::Database b;
        if (b.open(url).ok() && b.begin().ok()) {
            shebao::server::ChangeService second(b, clock);
            auto r = second.approve(id, QStringLiteral("staff:second"));
            secondCode = r.ok() ? QStringLiteral("approved") : r.error().code;
            if (r.ok())
                b.commit();
            else
                b.rollback();
        } else {
            secondCode = QStringLiteral("no connection");
        }
        b.close();
        done = true;
    });
    QTest::qWait(500);
    if (m_backend->isPostgres())
        QVERIFY2(!done, "the second approval waits for the first's row lock");
    QVERIFY(a.commit().ok());
    other.join();
    a.close();
    // SQLite (one server process by design) refuses the second writer outright instead.
    QVERIFY2(secondCode != u"approved", qPrintable(secondCode));
    if (m_backend->isPostgres())
        QCOMPARE(secondCode, QStringLiteral("change.state"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT decided_by FROM change_requests WHERE id = ?"), {id}).toString(),
             QStringLiteral("staff:first"));
    QCOMPARE(column(QStringLiteral("industry")), QStringLiteral("信息技术咨询服务"));
}

QTEST_GUILESS_MAIN(TestServerReviews)
#include "tst_server_reviews.moc"
