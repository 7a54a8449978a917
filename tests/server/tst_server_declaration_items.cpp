// The pending list of 异动申报: save (one and bulk) → list → withdraw, idempotent retries, the
// business gate (ordinary units refused with how to apply) and isolation between units.
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

QList<qint64> idsOf(const QJsonArray &items)
{
    QList<qint64> ids;
    for (const QJsonValue &v : items)
        ids << v.toObject().value(QLatin1String("id")).toInteger();
    return ids;
}

} // namespace

class TestServerDeclarationItems : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void saveListWithdraw();
    void renewSavesWithTheAgencysPerson();
    void bulkMixesGoodAndBad();
    void bulkLimits();
    void bulkOfTheMaximumSize();
    void idempotentReplay();
    void ordinaryUnitRefused();
    void isolation();
    void badQueries();

private:
    HttpResult list(HttpsClient &client, const QString &state = {})
    {
        return client.get(Items + (state.isEmpty() ? QString() : QStringLiteral("?state=") + state));
    }

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
};

void TestServerDeclarationItems::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(data::Authorized, data::Password).status, 200);
}

void TestServerDeclarationItems::cleanupTestCase()
{
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

void TestServerDeclarationItems::saveListWithdraw()
{
    const QString id = server::DemoSeeder::newcomerIdNumbers().at(0);
    HttpResult r = m_unit->postJson(Items, addRequest(id, QStringLiteral("张新")));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.header("X-Account-Level"), QByteArray("authorized"));
    const QJsonObject item = r.json();
    const qint64 itemId = item.value(QLatin1String("id")).toInteger();
    QVERIFY(itemId > 0);
    const QString itemNo = item.value(QLatin1String("item_no")).toString();
    const QString today = QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date().toString(QStringLiteral("yyyyMMdd"));
    QVERIFY2(QRegularExpression(QStringLiteral("^YD") + today + QStringLiteral("\\d{5}$")).match(itemNo).hasMatch(), qPrintable(itemNo));
    QCOMPARE(item.value(QLatin1String("kind")).toString(), QStringLiteral("add"));
    QCOMPARE(item.value(QLatin1String("state")).toString(), QStringLiteral("pending"));
    QCOMPARE(item.value(QLatin1String("name")).toString(), QStringLiteral("张新"));
    QCOMPARE(item.value(QLatin1String("start_month")).toString(), month());
    QCOMPARE(item.value(QLatin1String("wage")).toString(), QStringLiteral("6500.00"));
    QCOMPARE(item.value(QLatin1String("base")).toString(), QStringLiteral("6500.00"));
    QVERIFY(item.value(QLatin1String("batch_no")).isNull());
    const QJsonObject person = item.value(QLatin1String("person")).toObject();
    QCOMPARE(person.value(QLatin1String("gender")).toString(), QStringLiteral("1"));       // from the ID number
    QCOMPARE(person.value(QLatin1String("birth_date")).toString(), QStringLiteral("1990-05-12"));
    QCOMPARE(person.value(QLatin1String("phone")).toString(), QStringLiteral("13812345678"));

    const DemoPerson leaving = activePerson(*m_fixture, data::Authorized, 0);
    r = m_unit->postJson(Items, reduceRequest(leaving.idNumber, leaving.name));
    QCOMPARE(r.status, 201);
    const qint64 reduceId = r.json().value(QLatin1String("id")).toInteger();
    QVERIFY(r.json().value(QLatin1String("item_no")).toString() != itemNo);
    QVERIFY(!r.json().contains(QLatin1String("base")));

    // Newest first; the item as listed is the item as saved.
    r = list(*m_unit, QStringLiteral("pending"));
    QCOMPARE(r.status, 200);
    const QJsonArray pending = r.json().value(QLatin1String("items")).toArray();
    QCOMPARE(idsOf(pending), (QList<qint64>{reduceId, itemId}));
    QCOMPARE(pending.at(1).toObject(), item);
    QVERIFY(list(*m_unit, QStringLiteral("declared")).json().value(QLatin1String("items")).toArray().isEmpty());

    r = m_unit->post(Items + QStringLiteral("/%1/withdraw").arg(itemId), {});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("withdrawn"));
    // Gone from every list; a second withdrawal finds nothing to withdraw.
    QCOMPARE(idsOf(list(*m_unit).json().value(QLatin1String("items")).toArray()), QList<qint64>{reduceId});
    r = m_unit->post(Items + QStringLiteral("/%1/withdraw").arg(itemId), {});
    QCOMPARE(r.status, 404);
    QCOMPARE(code(r), QStringLiteral("not_found"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'declaration.item.withdraw'"
                                              " AND outcome = 'success' AND target = ?"),
                               {itemNo})
                 .toInt(),
             1);
    // The person is free again: 新增 once more.
    QCOMPARE(m_unit->postJson(Items, addRequest(id, QStringLiteral("张新"))).status, 201);
}

void TestServerDeclarationItems::renewSavesWithTheAgencysPerson()
{
    const DemoPerson back = renewablePerson(*m_fixture, data::Authorized, 0);
    const HttpResult r = m_unit->postJson(Items, addRequest(back.idNumber, back.name, QStringLiteral("renew"), QStringLiteral("8000")));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(QLatin1String("kind")).toString(), QStringLiteral("renew"));
    QCOMPARE(r.json().value(QLatin1String("wage")).toString(), QStringLiteral("8000.00"));
    QVERIFY(warningCodes(r.json()).isEmpty());
}

void TestServerDeclarationItems::bulkMixesGoodAndBad()
{
    const QString a = freshId(*m_fixture, QStringLiteral("19960101"), 101);
    const QString b = freshId(*m_fixture, QStringLiteral("19960202"), 202);
    QJsonObject bad = addRequest(freshId(*m_fixture, QStringLiteral("19960303"), 303));
    bad.insert(QStringLiteral("start_month"), month(-3));
    const DemoPerson leaving = activePerson(*m_fixture, data::Authorized, 5);
    const DemoPerson renewable = renewablePerson(*m_fixture, data::Authorized, 5);
    const QJsonArray items{addRequest(a, QStringLiteral("甲一")),
                           bad,
                           addRequest(a, QStringLiteral("甲一")),                 // the same person again
                           reduceRequest(leaving.idNumber, leaving.name),
                           QStringLiteral("not an object"),
                           addRequest(renewable.idNumber, renewable.name),      // 新增 of a known person
                           addRequest(b, QStringLiteral("乙二"), QStringLiteral("add"), QStringLiteral("99999"))};
    const int before = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_items")).toInt();
    const HttpResult r = m_unit->postJson(Bulk, QJsonObject{{QStringLiteral("items"), items}}, "bulk-1");
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.json().value(QLatin1String("results")).toArray();
    QCOMPARE(results.size(), items.size());
    const QStringList expected{QString(), QStringLiteral("start.too_early"), QStringLiteral("item.duplicate"), QString(),
                               QStringLiteral("request.invalid"), QStringLiteral("kind.mismatch"), QString()};
    for (int i = 0; i < results.size(); ++i) {
        const QJsonObject result = results.at(i).toObject();
        QCOMPARE(result.value(QLatin1String("index")).toInt(), i);
        if (expected.at(i).isEmpty()) {
            QVERIFY2(result.contains(QLatin1String("item")), qPrintable(QString::number(i)));
            QCOMPARE(result.value(QLatin1String("item")).toObject().value(QLatin1String("state")).toString(), QStringLiteral("pending"));
        } else {
            const QJsonObject problem = result.value(QLatin1String("problem")).toObject();
            QCOMPARE(problem.value(QLatin1String("code")).toString(), expected.at(i));
            QVERIFY(!problem.value(QLatin1String("detail")).toString().isEmpty());
        }
    }
    QCOMPARE(results.at(1).toObject().value(QLatin1String("problem")).toObject().value(QLatin1String("status")).toInt(), 422);
    QCOMPARE(fields(results.at(1).toObject().value(QLatin1String("problem")).toObject()),
             QStringList{QStringLiteral("start_month:start.too_early")});
    QCOMPARE(results.at(5).toObject().value(QLatin1String("problem")).toObject().value(QLatin1String("status")).toInt(), 409);
    QCOMPARE(warningCodes(results.at(6).toObject().value(QLatin1String("item")).toObject()),
             QStringList{QStringLiteral("wage.out_of_range")});
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_items")).toInt(), before + 3);
    // A replay of the whole bulk saves nothing more and answers the same.
    const HttpResult again = m_unit->postJson(Bulk, QJsonObject{{QStringLiteral("items"), items}}, "bulk-1");
    QCOMPARE(again.status, 200);
    QCOMPARE(again.body, r.body);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_items")).toInt(), before + 3);
}

void TestServerDeclarationItems::bulkLimits()
{
    HttpResult r = m_unit->postJson(Bulk, QJsonObject{{QStringLiteral("items"), QJsonArray{}}});
    QCOMPARE(r.status, 422);
    QCOMPARE(code(r), QStringLiteral("required.missing"));
    QJsonArray many;
    const QJsonObject one = addRequest(server::DemoSeeder::newcomerIdNumbers().at(3));
    for (int i = 0; i < 5001; ++i)
        many.append(one);
    r = m_unit->postJson(Bulk, QJsonObject{{QStringLiteral("items"), many}});
    QCOMPARE(r.status, 422);
    QCOMPARE(code(r), QStringLiteral("bulk.too_large"));
    QVERIFY(r.json().value(QLatin1String("detail")).toString().contains(QStringLiteral("5000")));
}

void TestServerDeclarationItems::bulkOfTheMaximumSize()
{
    // 5,000 new people (an import of a whole sheet) in one request, each saved.
    QJsonArray many;
    QSet<QString> ids;
    const QDate first(1980, 1, 1);
    for (int i = 0; many.size() < 5000; ++i) {
        const QString birth = first.addDays(i / 4).toString(QStringLiteral("yyyyMMdd"));
        const QString id = withCheck(QStringLiteral("430111") + birth + QStringLiteral("%1").arg(900 + i % 4, 3, 10, QLatin1Char('0')));
        if (ids.contains(id)
            || m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM persons WHERE id_number = ?"), {id}).toInt() > 0)
            continue;
        ids.insert(id);
        many.append(addRequest(id, QStringLiteral("批量")));
    }
    const int before = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_items")).toInt();
    QElapsedTimer timer;
    timer.start();
    const HttpResult r = m_unit->postJson(Bulk, QJsonObject{{QStringLiteral("items"), many}}, "bulk-max");
    qInfo("bulk of 5000 items on %s: %lld ms", qPrintable(m_backend->name()), qint64(timer.elapsed()));
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.json().value(QLatin1String("results")).toArray();
    QCOMPARE(results.size(), 5000);
    for (const QJsonValue &v : results)
        QVERIFY(v.toObject().contains(QLatin1String("item")));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_items")).toInt(), before + 5000);
    // Withdrawn again: the later tests expect a short pending list.
    QVERIFY(m_fixture->server().database().exec(QStringLiteral("UPDATE declaration_items SET state = 'withdrawn' WHERE name = ?"),
                                                {QStringLiteral("批量")}).ok());
}

void TestServerDeclarationItems::idempotentReplay()
{
    const QJsonObject body = addRequest(freshId(*m_fixture, QStringLiteral("19970707"), 707), QStringLiteral("重试"));
    const int before = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_items")).toInt();
    const HttpResult first = m_unit->postJson(Items, body, "item-key-1");
    QCOMPARE(first.status, 201);
    const HttpResult second = m_unit->postJson(Items, body, "item-key-1");
    QCOMPARE(second.status, 201);
    QCOMPARE(second.body, first.body);
    QCOMPARE(second.header("Idempotent-Replay"), QByteArray("true"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_items")).toInt(), before + 1);
    // The same key with another body.
    QJsonObject other = body;
    other.insert(QStringLiteral("wage"), QStringLiteral("7000.00"));
    const HttpResult conflict = m_unit->postJson(Items, other, "item-key-1");
    QCOMPARE(conflict.status, 422);
    QCOMPARE(code(conflict), QStringLiteral("idempotency.conflict"));
    // Without a key the same body is a second attempt at the same person: refused, not doubled.
    const HttpResult unkeyed = m_unit->postJson(Items, body);
    QCOMPARE(unkeyed.status, 409);
    QCOMPARE(code(unkeyed), QStringLiteral("item.duplicate"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_items")).toInt(), before + 1);
    // Withdraw is idempotent too.
    const qint64 id = first.json().value(QLatin1String("id")).toInteger();
    QCOMPARE(m_unit->post(Items + QStringLiteral("/%1/withdraw").arg(id), {}, "withdraw-1").status, 200);
    const HttpResult replayed = m_unit->post(Items + QStringLiteral("/%1/withdraw").arg(id), {}, "withdraw-1");
    QCOMPARE(replayed.status, 200);
    QCOMPARE(replayed.header("Idempotent-Replay"), QByteArray("true"));
}

void TestServerDeclarationItems::ordinaryUnitRefused()
{
    auto ordinary = m_fixture->client();
    QCOMPARE(ordinary->login(data::Ordinary, data::Password).status, 200);
    const int before = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_items")).toInt();
    for (const QString &path : {Items, Bulk, Batches, Items + QStringLiteral("/1/withdraw")}) {
        const QJsonObject body = path == Bulk ? QJsonObject{{QStringLiteral("items"), QJsonArray{addRequest(server::DemoSeeder::newcomerIdNumbers().at(2))}}}
                                              : addRequest(server::DemoSeeder::newcomerIdNumbers().at(2));
        const HttpResult r = ordinary->postJson(path, body, "ordinary-" + path.toUtf8());
        QCOMPARE(r.status, 403);
        QCOMPARE(code(r), QStringLiteral("auth.not_authorized"));
        QCOMPARE(r.json().value(QLatin1String("detail")).toString(), data::NotAuthorizedDetail);
        QCOMPARE(r.header("X-Account-Level"), QByteArray("ordinary"));
    }
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_items")).toInt(), before);
    // Reading is allowed: the list is simply empty.
    const HttpResult r = list(*ordinary);
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().value(QLatin1String("items")).toArray().isEmpty());
}

void TestServerDeclarationItems::isolation()
{
    // Unit B (43010000002, made authorized for this test) against unit A's (m_unit) items.
    QVERIFY(m_fixture->server().database().exec(QStringLiteral("UPDATE units SET level = 'authorized' WHERE unit_no = ?"),
                                                {data::Ordinary}).ok());
    auto other = m_fixture->client();
    QCOMPARE(other->login(data::Ordinary, data::Password).status, 200);
    const QJsonArray mine = list(*m_unit).json().value(QLatin1String("items")).toArray();
    QVERIFY(mine.size() >= 3);
    const HttpResult theirs = list(*other);
    QCOMPARE(theirs.status, 200);
    QCOMPARE(theirs.header("X-Account-Level"), QByteArray("authorized"));
    QVERIFY(theirs.json().value(QLatin1String("items")).toArray().isEmpty());
    QList<qint64> ids;
    for (const QJsonValue &v : mine) {
        const QJsonObject item = v.toObject();
        ids << item.value(QLatin1String("id")).toInteger();
        QVERIFY(!theirs.body.contains(item.value(QLatin1String("item_no")).toString().toUtf8()));
        const HttpResult r = other->post(Items + QStringLiteral("/%1/withdraw").arg(ids.last()), {});
        QCOMPARE(r.status, 404);
        QVERIFY(!r.body.contains(item.value(QLatin1String("item_no")).toString().toUtf8()));
        QVERIFY(!r.body.contains(item.value(QLatin1String("id_number")).toString().toUtf8()));
    }
    // Declaring A's items from B: they are not B's pending items; nothing is declared.
    const HttpResult declared = other->postJson(Batches, declareRequest(ids));
    QCOMPARE(declared.status, 409);
    QCOMPARE(code(declared), QStringLiteral("item.not_pending"));
    for (const QJsonValue &v : mine)
        QVERIFY(!declared.body.contains(v.toObject().value(QLatin1String("item_no")).toString().toUtf8()));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM declaration_batches")).toInt(), 0);
    QCOMPARE(list(*m_unit).json().value(QLatin1String("items")).toArray(), mine);
    QVERIFY(m_fixture->server().database().exec(QStringLiteral("UPDATE units SET level = 'ordinary' WHERE unit_no = ?"),
                                                {data::Ordinary}).ok());
}

void TestServerDeclarationItems::badQueries()
{
    HttpResult r = list(*m_unit, QStringLiteral("withdrawn"));
    QCOMPARE(r.status, 400);
    QCOMPARE(code(r), QStringLiteral("request.invalid"));
    r = m_unit->send("PUT", Items);
    QCOMPARE(r.status, 405);
    r = m_unit->post(Items, "not json");
    QCOMPARE(r.status, 400);
    auto anonymous = m_fixture->client();
    QCOMPARE(anonymous->get(Items).status, 401);
    QCOMPARE(anonymous->postJson(Items, addRequest(server::DemoSeeder::newcomerIdNumbers().at(2))).status, 401);
}

QTEST_GUILESS_MAIN(TestServerDeclarationItems)
#include "tst_server_declaration_items.moc"
