// 申报 and what follows: declare → 待交纸质表 → the counter receives → 已生效 and the people list
// shows the new and the closed enrolments; or the counter returns the batch and its items are
// pending again with the reason. Certificate units' signed batches take effect at once.
#include <QtTest>

#include "DeclarationTestData.h"
#include "ServerFixture.h"
#include "ServerTestData.h"
#include "crypto/Key.h"
#include "server/Database.h"
#include "server/DemoSeeder.h"

using namespace shebao;
using namespace shebao::test;
using namespace shebao::test::decl;

namespace {

QStringList historyStates(const QJsonObject &batch)
{
    QStringList list;
    for (const QJsonValue &e : batch.value(QLatin1String("history")).toArray())
        list << e.toObject().value(QLatin1String("state")).toString();
    return list;
}

QStringList historyActors(const QJsonObject &batch)
{
    QStringList list;
    for (const QJsonValue &e : batch.value(QLatin1String("history")).toArray())
        list << e.toObject().value(QLatin1String("actor")).toString();
    return list;
}

} // namespace

class TestServerDeclarationBatches : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void declareValidation_data();
    void declareValidation();
    void declareReceiveEffective();
    void returnSendsItemsBack();
    void staffRolesAndStates();
    void batchesAreIsolated();
    void certificateBatchEffectiveAtOnce();
    void enrolledMeanwhileRefusedAtTheCounter();

private:
    qint64 save(HttpsClient &client, const QJsonObject &body);
    // The person as GET /persons shows it to `client`'s unit; empty when not listed there.
    QJsonObject personAsListed(HttpsClient &client, const QString &idNumber);

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
    std::unique_ptr<HttpsClient> m_clerk;
};

void TestServerDeclarationBatches::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(data::Authorized, data::Password).status, 200);
    m_clerk = m_fixture->client();
    QCOMPARE(m_clerk->staffLogin(QStringLiteral("clerk"), data::Password).status, 200);
}

void TestServerDeclarationBatches::cleanupTestCase()
{
    m_clerk.reset();
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

qint64 TestServerDeclarationBatches::save(HttpsClient &client, const QJsonObject &body)
{
    const HttpResult r = client.postJson(Items, body);
    if (r.status != 201)
        qWarning("save: %d %s", r.status, r.body.constData());
    return r.status == 201 ? r.json().value(QLatin1String("id")).toInteger() : 0;
}

QJsonObject TestServerDeclarationBatches::personAsListed(HttpsClient &client, const QString &idNumber)
{
    const HttpResult r = client.get(QStringLiteral("/api/v1/persons?limit=10000"));
    for (const QJsonValue &v : r.json().value(QLatin1String("items")).toArray()) {
        if (v.toObject().value(QLatin1String("id_number")).toString() == idNumber)
            return v.toObject();
    }
    return {};
}

void TestServerDeclarationBatches::declareValidation_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");

    const qint64 pending = save(*m_unit, addRequest(freshId(*m_fixture, QStringLiteral("19980808"), 801)));
    QVERIFY(pending > 0);
    const qint64 withdrawn = save(*m_unit, addRequest(freshId(*m_fixture, QStringLiteral("19980909"), 901)));
    QCOMPARE(m_unit->post(Items + QStringLiteral("/%1/withdraw").arg(withdrawn), {}).status, 200);

    QTest::newRow("no items") << declareRequest({}) << 422 << "batch.empty" << "item_ids";
    QJsonObject noIds = declareRequest({pending});
    noIds.remove(QStringLiteral("item_ids"));
    QTest::newRow("item_ids missing") << noIds << 422 << "batch.empty" << "item_ids";
    QTest::newRow("reporter missing") << declareRequest({pending}, QString()) << 422 << "required.missing" << "reporter";
    QTest::newRow("reporter one character") << declareRequest({pending}, QStringLiteral("刘")) << 422 << "name.invalid" << "reporter";
    QTest::newRow("phone missing") << declareRequest({pending}, QStringLiteral("刘芳"), QString()) << 422 << "required.missing" << "phone";
    QTest::newRow("phone invalid") << declareRequest({pending}, QStringLiteral("刘芳"), QStringLiteral("88886666")) << 422
                                   << "phone.invalid" << "phone";
    QTest::newRow("withdrawn item") << declareRequest({pending, withdrawn}) << 409 << "item.not_pending" << "item_ids";
    QTest::newRow("unknown item") << declareRequest({pending, 999999}) << 409 << "item.not_pending" << "item_ids";
}

void TestServerDeclarationBatches::declareValidation()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const HttpResult r = m_unit->postJson(Batches, body);
    QCOMPARE(r.status, status);
    QCOMPARE(decl::code(r), code);
    QVERIFY2(fields(r.json()).contains(field + u':' + code), qPrintable(fields(r.json()).join(u' ')));
    QVERIFY(!r.json().value(QLatin1String("detail")).toString().isEmpty());
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_batches")).toInt(), 0);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_items WHERE state = 'declared'")).toInt(), 0);
}

void TestServerDeclarationBatches::declareReceiveEffective()
{
    const QString newcomer = server::DemoSeeder::newcomerIdNumbers().at(0);
    const DemoPerson back = renewablePerson(*m_fixture, data::Authorized, 0);
    const DemoPerson leaving = activePerson(*m_fixture, data::Authorized, 0);
    const DemoPerson ending = activePerson(*m_fixture, data::Authorized, 1);
    QVERIFY(back.isValid() && leaving.isValid() && ending.isValid());
    QJsonObject renew = addRequest(back.idNumber, back.name, QStringLiteral("renew"), QStringLiteral("1000.00"));
    QJsonObject renewPerson = renew.value(QLatin1String("person")).toObject();
    renewPerson.insert(QStringLiteral("phone"), QStringLiteral("0731-84445555"));
    renew.insert(QStringLiteral("person"), renewPerson);
    renew.insert(QStringLiteral("insurances"), QJsonArray{QStringLiteral("110"), QStringLiteral("310")});
    const QList<qint64> ids{save(*m_unit, addRequest(newcomer, QStringLiteral("张新"))), save(*m_unit, renew),
                            save(*m_unit, reduceRequest(leaving.idNumber, leaving.name, QStringLiteral("2"), QStringLiteral("22"))),
                            save(*m_unit, reduceRequest(ending.idNumber, ending.name, QStringLiteral("3"), QStringLiteral("31")))};
    QVERIFY(!ids.contains(0));

    HttpResult r = m_unit->postJson(Batches, declareRequest(ids, QStringLiteral("刘芳"), QStringLiteral("0731 88886666")), "declare-1");
    QCOMPARE(r.status, 201);
    const QJsonObject batch = r.json();
    const QString batchNo = batch.value(QLatin1String("batch_no")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^SB\\d{8}\\d{5}$")).match(batchNo).hasMatch(), qPrintable(batchNo));
    QCOMPARE(batch.value(QLatin1String("state")).toString(), QStringLiteral("awaiting_paper"));
    QCOMPARE(batch.value(QLatin1String("signed")).toBool(), false);
    QCOMPARE(batch.value(QLatin1String("phone")).toString(), QStringLiteral("0731-88886666"));
    QCOMPARE(batch.value(QLatin1String("item_count")).toInt(), 4);
    QCOMPARE(batch.value(QLatin1String("add_count")).toInt(), 2);
    QCOMPARE(batch.value(QLatin1String("reduce_count")).toInt(), 2);
    QCOMPARE(historyStates(batch), (QStringList{QStringLiteral("declared"), QStringLiteral("awaiting_paper")}));
    QCOMPARE(batch.value(QLatin1String("items")).toArray().size(), 4);
    for (const QJsonValue &v : batch.value(QLatin1String("items")).toArray()) {
        QCOMPARE(v.toObject().value(QLatin1String("state")).toString(), QStringLiteral("declared"));
        QCOMPARE(v.toObject().value(QLatin1String("batch_no")).toString(), batchNo);
    }
    // Replayed: the same batch, no second one.
    const HttpResult again = m_unit->postJson(Batches, declareRequest(ids, QStringLiteral("刘芳"), QStringLiteral("0731 88886666")), "declare-1");
    QCOMPARE(again.body, r.body);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_batches")).toInt(), 1);
    // The items are no longer pending: declaring them again is refused.
    QCOMPARE(code(m_unit->postJson(Batches, declareRequest(ids))), QStringLiteral("item.not_pending"));
    QCOMPARE(code(m_unit->post(Items + QStringLiteral("/%1/withdraw").arg(ids.first()), {})), QStringLiteral("item.not_pending"));

    // The unit's 申报查询.
    r = m_unit->get(Batches + QStringLiteral("?state=awaiting_paper"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("batches")).toArray().size(), 1);
    QVERIFY(!r.json().value(QLatin1String("batches")).toArray().at(0).toObject().contains(QLatin1String("items")));
    QCOMPARE(m_unit->get(Batches + QStringLiteral("/") + batchNo).json(), batch);

    // The counter sees it with the unit.
    r = m_clerk->get(StaffBatches + QStringLiteral("?state=awaiting_paper"));
    QCOMPARE(r.status, 200);
    const QJsonObject listed = r.json().value(QLatin1String("batches")).toArray().at(0).toObject();
    QCOMPARE(listed.value(QLatin1String("batch_no")).toString(), batchNo);
    QCOMPARE(listed.value(QLatin1String("unit_no")).toString(), data::Authorized);
    QCOMPARE(listed.value(QLatin1String("unit_name")).toString(), QStringLiteral("长沙湘江示范科技有限公司"));
    r = m_clerk->get(StaffBatches + QStringLiteral("/") + batchNo);
    QCOMPARE(r.json().value(QLatin1String("items")).toArray().size(), 4);

    const QJsonObject leavingBefore = personAsListed(*m_unit, leaving.idNumber);
    QVERIFY(personAsListed(*m_unit, newcomer).isEmpty());
    r = m_clerk->post(StaffBatches + QStringLiteral("/%1/receive").arg(batchNo), {}, "receive-1");
    QCOMPARE(r.status, 200);
    const QJsonObject received = r.json();
    QCOMPARE(received.value(QLatin1String("state")).toString(), QStringLiteral("effective"));
    QCOMPARE(historyStates(received), (QStringList{QStringLiteral("declared"), QStringLiteral("awaiting_paper"),
                                                   QStringLiteral("accepted"), QStringLiteral("effective")}));
    QCOMPARE(historyActors(received).mid(2), (QStringList{QStringLiteral("staff:clerk"), QStringLiteral("staff:clerk")}));
    QCOMPARE(historyActors(received).first(), QStringLiteral("unit:") + data::Authorized);
    for (const QJsonValue &v : received.value(QLatin1String("items")).toArray())
        QCOMPARE(v.toObject().value(QLatin1String("state")).toString(), QStringLiteral("effective"));
    // Receiving twice: the state says no.
    r = m_clerk->post(StaffBatches + QStringLiteral("/%1/receive").arg(batchNo), {});
    QCOMPARE(r.status, 409);
    QCOMPARE(code(r), QStringLiteral("batch.state"));
    QVERIFY(r.json().value(QLatin1String("detail")).toString().contains(QStringLiteral("已生效")));

    // 新增: a new person with one active enrolment per 险种 from the start month at the base.
    const QJsonObject added = personAsListed(*m_unit, newcomer);
    QVERIFY2(!added.isEmpty(), "the new person is in the people list");
    QCOMPARE(added.value(QLatin1String("name")).toString(), QStringLiteral("张新"));
    QVERIFY(added.value(QLatin1String("person_no")).toString().startsWith(QLatin1String("438")));
    QStringList insurances;
    for (const QJsonValue &e : added.value(QLatin1String("enrolments")).toArray()) {
        const QJsonObject en = e.toObject();
        insurances << en.value(QLatin1String("insurance")).toString();
        QCOMPARE(en.value(QLatin1String("status")).toString(), QStringLiteral("active"));
        QCOMPARE(en.value(QLatin1String("start")).toString(), month());
        QVERIFY(en.value(QLatin1String("end")).isNull());
        QCOMPARE(en.value(QLatin1String("wage_base")).toString(), QStringLiteral("6500.00"));
    }
    QCOMPARE(insurances, (QStringList{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")}));

    // 续保: the person's data updated, new open enrolments at the clamped base.
    const QJsonObject renewed = personAsListed(*m_unit, back.idNumber);
    QCOMPARE(renewed.value(QLatin1String("phone")).toString(), QStringLiteral("0731-84445555"));
    int open = 0;
    for (const QJsonValue &e : renewed.value(QLatin1String("enrolments")).toArray()) {
        const QJsonObject en = e.toObject();
        if (!en.value(QLatin1String("end")).isNull())
            continue;
        ++open;
        QCOMPARE(en.value(QLatin1String("status")).toString(), QStringLiteral("active"));
        QCOMPARE(en.value(QLatin1String("start")).toString(), month());
        QVERIFY(en.value(QLatin1String("wage_base")).toString() != QLatin1String("1000.00")); // clamped up
    }
    QCOMPARE(open, 2);

    // 减少: every open enrolment closed the month before the stop month.
    const QString lastMonth = month(-1);
    for (const auto &[who, status] : {std::pair{leaving, QStringLiteral("suspended")}, std::pair{ending, QStringLiteral("terminated")}}) {
        const QJsonObject listedPerson = personAsListed(*m_unit, who.idNumber);
        QVERIFY(!listedPerson.isEmpty());
        int closed = 0;
        for (const QJsonValue &e : listedPerson.value(QLatin1String("enrolments")).toArray()) {
            const QJsonObject en = e.toObject();
            QVERIFY2(!en.value(QLatin1String("end")).isNull(), qPrintable(who.name));
            if (en.value(QLatin1String("status")).toString() == status) {
                const QString start = en.value(QLatin1String("start")).toString();
                const QString end = en.value(QLatin1String("end")).toString();
                if (end == qMax(start, lastMonth))
                    ++closed;
            }
        }
        QVERIFY2(closed > 0, qPrintable(who.name));
    }
    QVERIFY(leavingBefore != personAsListed(*m_unit, leaving.idNumber));
    // Looked up now, the leaver can be renewed and the newcomer is known.
    const QJsonObject lookup = m_unit->get(QStringLiteral("/api/v1/declarations/lookup?id_number=") + leaving.idNumber).json();
    QCOMPARE(lookup.value(QLatin1String("active_here")).toBool(), false);
    QCOMPARE(lookup.value(QLatin1String("suggested_kind")).toString(), QStringLiteral("renew"));
    QVERIFY(m_unit->get(QStringLiteral("/api/v1/declarations/lookup?id_number=") + newcomer).json().value(QLatin1String("known")).toBool());
    QCOMPARE(m_unit->get(Items + QStringLiteral("?state=effective")).json().value(QLatin1String("items")).toArray().size(), 4);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'staff.batches.receive'"
                                              " AND outcome = 'success' AND target = ?"),
                               {batchNo})
                 .toInt(),
             1);
}

void TestServerDeclarationBatches::returnSendsItemsBack()
{
    const DemoPerson leaving = activePerson(*m_fixture, data::Authorized, 10);
    const qint64 a = save(*m_unit, reduceRequest(leaving.idNumber, leaving.name));
    const qint64 b = save(*m_unit, addRequest(freshId(*m_fixture, QStringLiteral("19991010"), 111), QStringLiteral("退回")));
    QVERIFY(a && b);
    HttpResult r = m_unit->postJson(Batches, declareRequest({a, b}));
    QCOMPARE(r.status, 201);
    const QString batchNo = r.json().value(QLatin1String("batch_no")).toString();

    r = m_clerk->postJson(StaffBatches + QStringLiteral("/%1/return").arg(batchNo), QJsonObject{{QStringLiteral("reason"), QStringLiteral(" ")}});
    QCOMPARE(r.status, 422);
    QCOMPARE(fields(r.json()), QStringList{QStringLiteral("reason:required.missing")});
    const QString reason = QStringLiteral("申报表未加盖单位公章");
    r = m_clerk->postJson(StaffBatches + QStringLiteral("/%1/return").arg(batchNo), QJsonObject{{QStringLiteral("reason"), reason}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("returned"));
    QCOMPARE(r.json().value(QLatin1String("return_reason")).toString(), reason);
    const QJsonArray history = r.json().value(QLatin1String("history")).toArray();
    QCOMPARE(history.last().toObject().value(QLatin1String("state")).toString(), QStringLiteral("returned"));
    QCOMPARE(history.last().toObject().value(QLatin1String("note")).toString(), reason);
    QCOMPARE(history.last().toObject().value(QLatin1String("actor")).toString(), QStringLiteral("staff:clerk"));

    // The items are pending again, with the reason, and can be declared anew.
    const QJsonArray pending = m_unit->get(Items + QStringLiteral("?state=pending")).json().value(QLatin1String("items")).toArray();
    int back = 0;
    for (const QJsonValue &v : pending) {
        const QJsonObject item = v.toObject();
        const qint64 id = item.value(QLatin1String("id")).toInteger();
        if (id != a && id != b)
            continue;
        ++back;
        QCOMPARE(item.value(QLatin1String("returned_reason")).toString(), reason);
        QVERIFY(item.value(QLatin1String("batch_no")).isNull());
    }
    QCOMPARE(back, 2);
    // The returned batch still shows what it held, and a return cannot be undone by receiving.
    r = m_unit->get(Batches + QStringLiteral("/") + batchNo);
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("returned"));
    QCOMPARE(r.json().value(QLatin1String("item_count")).toInt(), 2);
    QCOMPARE(code(m_clerk->post(StaffBatches + QStringLiteral("/%1/receive").arg(batchNo), {})), QStringLiteral("batch.state"));
    r = m_unit->postJson(Batches, declareRequest({a, b}));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("awaiting_paper"));
    for (const QJsonValue &v : r.json().value(QLatin1String("items")).toArray())
        QVERIFY(v.toObject().value(QLatin1String("returned_reason")).isNull());
    QVERIFY(m_unit->get(Batches + QStringLiteral("?state=returned")).json().value(QLatin1String("batches")).toArray().size() == 1);
}

void TestServerDeclarationBatches::staffRolesAndStates()
{
    auto reviewer = m_fixture->client();
    QCOMPARE(reviewer->staffLogin(QStringLiteral("reviewer"), data::Password).status, 200);
    HttpResult r = reviewer->get(StaffBatches);
    QCOMPARE(r.status, 403);
    QCOMPARE(code(r), QStringLiteral("staff.role"));
    // A unit token is not a staff token.
    QCOMPARE(m_unit->get(StaffBatches).status, 401);
    r = m_clerk->get(StaffBatches + QStringLiteral("?state=nonsense"));
    QCOMPARE(r.status, 400);
    r = m_clerk->get(StaffBatches + QStringLiteral("/SB0000000000000"));
    QCOMPARE(r.status, 404);
    r = m_clerk->post(StaffBatches + QStringLiteral("/SB0000000000000/receive"), {});
    QCOMPARE(r.status, 404);
    QVERIFY(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = 'staff:clerk'"
                                             " AND action = 'staff.batches.list'"))
                .toInt()
            > 0);
}

void TestServerDeclarationBatches::batchesAreIsolated()
{
    auto other = m_fixture->client();
    QCOMPARE(other->login(data::Ordinary, data::Password).status, 200);
    const QJsonArray mine = m_unit->get(Batches).json().value(QLatin1String("batches")).toArray();
    QVERIFY(!mine.isEmpty());
    const HttpResult theirs = other->get(Batches);
    QCOMPARE(theirs.status, 200);
    QVERIFY(theirs.json().value(QLatin1String("batches")).toArray().isEmpty());
    for (const QJsonValue &v : mine) {
        const QString no = v.toObject().value(QLatin1String("batch_no")).toString();
        const HttpResult r = other->get(Batches + QStringLiteral("/") + no);
        QCOMPARE(r.status, 404);
        QVERIFY(!r.body.contains(no.toUtf8()));
    }
}

void TestServerDeclarationBatches::certificateBatchEffectiveAtOnce()
{
    auto key = crypto::Key::generate(crypto::Algorithm::Sm2Sm3);
    QVERIFY(key.ok());
    HttpResult r = m_clerk->postJson(QStringLiteral("/api/v1/staff/certificates/issue"),
                                     QJsonObject{{QStringLiteral("unit_no"), data::CertificateUnit},
                                                 {QStringLiteral("public_key_pem"), QString::fromLatin1(key.value().publicPem())}});
    QCOMPARE(r.status, 200);
    const QByteArray pem = r.json().value(QLatin1String("certificate_pem")).toString().toLatin1();
    const QByteArray serial = r.json().value(QLatin1String("serial")).toString().toLatin1();
    auto unit = m_fixture->client();
    QCOMPARE(unit->certLogin(data::CertificateUnit, key.value(), pem).status, 200);
    auto signedPost = [&](const QString &path, const QJsonObject &body, const QByteArray &idempotencyKey = {}) {
        const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
        QList<QPair<QByteArray, QByteArray>> headers{{"X-Signature", key.value().sign(bytes).value().toBase64()},
                                                     {"X-Signature-Serial", serial},
                                                     {"Content-Type", "application/json"}};
        if (!idempotencyKey.isEmpty())
            headers.append({"Idempotency-Key", idempotencyKey});
        return unit->send("POST", path, bytes, headers);
    };
    const QString newcomer = server::DemoSeeder::newcomerIdNumbers().at(3);
    const QJsonObject itemBody = addRequest(newcomer, QStringLiteral("赵签"));
    // Unsigned: refused, nothing saved.
    r = unit->postJson(Items, itemBody);
    QCOMPARE(r.status, 401);
    QCOMPARE(code(r), QStringLiteral("signature.invalid"));
    const int signaturesBefore = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM signatures")).toInt();
    r = signedPost(Items, itemBody);
    QCOMPARE(r.status, 201);
    const qint64 itemId = r.json().value(QLatin1String("id")).toInteger();
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_items i JOIN signatures s ON s.id = i.signature_id"
                                              " WHERE i.id = ? AND s.path = ?"),
                               {itemId, Items})
                 .toInt(),
             1);
    r = signedPost(Batches, declareRequest({itemId}, QStringLiteral("陈建军"), QStringLiteral("13900001111")), "cert-declare");
    QCOMPARE(r.status, 201);
    const QJsonObject batch = r.json();
    QCOMPARE(batch.value(QLatin1String("signed")).toBool(), true);
    QCOMPARE(batch.value(QLatin1String("state")).toString(), QStringLiteral("effective"));
    QCOMPARE(historyStates(batch), (QStringList{QStringLiteral("declared"), QStringLiteral("accepted"), QStringLiteral("effective")}));
    QCOMPARE(batch.value(QLatin1String("items")).toArray().at(0).toObject().value(QLatin1String("state")).toString(),
             QStringLiteral("effective"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM signatures")).toInt(), signaturesBefore + 2);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_batches b JOIN signatures s ON s.id = b.signature_id"
                                              " WHERE b.batch_no = ? AND s.path = ?"),
                               {batch.value(QLatin1String("batch_no")).toString(), Batches})
                 .toInt(),
             1);
    // The enrolment exists at once, in the certificate unit.
    const QJsonObject person = personAsListed(*unit, newcomer);
    QVERIFY(!person.isEmpty());
    QCOMPARE(person.value(QLatin1String("enrolments")).toArray().size(), 3);
    QVERIFY(personAsListed(*m_unit, newcomer).isEmpty());
    // Never on the counter's list of batches waiting for paper.
    for (const QJsonValue &v : m_clerk->get(StaffBatches + QStringLiteral("?state=awaiting_paper")).json().value(QLatin1String("batches")).toArray())
        QVERIFY(v.toObject().value(QLatin1String("batch_no")).toString() != batch.value(QLatin1String("batch_no")).toString());
}

void TestServerDeclarationBatches::enrolledMeanwhileRefusedAtTheCounter()
{
    // Unit 1 declares 新增 of a newcomer; before the paper arrives another unit's batch enrols
    // the same person (here written directly). Receiving must not give them a second active
    // enrolment: 409 naming the item, nothing changes, the batch can still be returned.
    const QString id = freshId(*m_fixture, QStringLiteral("19850505"), 505);
    const qint64 item = save(*m_unit, addRequest(id, QStringLiteral("冲突")));
    QVERIFY(item);
    HttpResult r = m_unit->postJson(Batches, declareRequest({item}));
    QCOMPARE(r.status, 201);
    const QString batchNo = r.json().value(QLatin1String("batch_no")).toString();
    const QString itemNo = r.json().value(QLatin1String("items")).toArray().at(0).toObject().value(QLatin1String("item_no")).toString();
    server::Database &db = m_fixture->server().database();
    QVERIFY(db.exec(QStringLiteral("INSERT INTO persons (person_no, name, id_number, gender, birth_date)"
                                   " VALUES ('43899999999', '冲突', ?, '1', '1985-05-05')"),
                    {id})
                .ok());
    QVERIFY(db.exec(QStringLiteral("INSERT INTO enrolments (person_id, unit_id, insurance, start_month, status, wage_base_fen)"
                                   " SELECT p.id, u.id, '110', ?, 'active', 500000 FROM persons p, units u"
                                   " WHERE p.id_number = ? AND u.unit_no = ?"),
                    {month(), id, data::Ordinary})
                .ok());
    r = m_clerk->post(StaffBatches + QStringLiteral("/%1/receive").arg(batchNo), {});
    QCOMPARE(r.status, 409);
    QCOMPARE(code(r), QStringLiteral("person.enrolled"));
    QVERIFY(r.json().value(QLatin1String("detail")).toString().contains(itemNo));
    QCOMPARE(m_clerk->get(StaffBatches + QStringLiteral("/") + batchNo).json().value(QLatin1String("state")).toString(),
             QStringLiteral("awaiting_paper"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM enrolments e JOIN persons p ON p.id = e.person_id"
                                              " WHERE p.id_number = ?"),
                               {id})
                 .toInt(),
             1);
    r = m_clerk->postJson(StaffBatches + QStringLiteral("/%1/return").arg(batchNo),
                          QJsonObject{{QStringLiteral("reason"), QStringLiteral("该人员已在其他单位参保")}});
    QCOMPARE(r.status, 200);
}

QTEST_GUILESS_MAIN(TestServerDeclarationBatches)
#include "tst_server_declaration_batches.moc"
