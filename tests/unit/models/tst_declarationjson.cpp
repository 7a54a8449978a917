// The JSON form of the 异动 types: what the server encodes the client decodes to the same value,
// the request form carries only what a client may send, and bad input names its JSON path.
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "models/declaration/DeclarationJson.h"

using namespace shebao;

namespace {

DeclarationItem addItem()
{
    DeclarationItem item;
    item.id = 17;
    item.itemNo = QStringLiteral("YD2026120400017");
    item.kind = DeclarationKind::Renew;
    item.state = ItemState::Declared;
    item.name = QStringLiteral("张三");
    item.idNumber = QStringLiteral("430102199001011234");
    item.person = {QStringLiteral("1"), QStringLiteral("1990-01-01"), QStringLiteral("01"), QStringLiteral("1"),
                   QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("2012-07-01"), QStringLiteral("13800138000")};
    item.insurances = {QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")};
    item.startMonth = QStringLiteral("2026-11");
    item.wage = Money::fromFen(250000);
    item.base = Money::fromFen(400000);
    item.batchNo = QStringLiteral("SB2026120400003");
    item.warnings = {{QStringLiteral("wage.out_of_range"), QStringLiteral("工资基数低于下限，按 4000.00 元计。"),
                      QStringLiteral("wage")}};
    item.createdAt = QDateTime(QDate(2026, 12, 4), QTime(1, 2, 3), Qt::UTC);
    return item;
}

DeclarationItem reduceItem()
{
    DeclarationItem item;
    item.id = 18;
    item.kind = DeclarationKind::Reduce;
    item.name = QStringLiteral("李四");
    item.idNumber = QStringLiteral("43010219850505123X");
    item.changeType = QStringLiteral("2");
    item.changeReason = QStringLiteral("22");
    item.stopMonth = QStringLiteral("2026-12");
    item.returnedReason = QStringLiteral("纸质表未盖章");
    return item;
}

} // namespace

class TestDeclarationJson : public QObject
{
    Q_OBJECT

private slots:
    void codesRoundTrip()
    {
        for (DeclarationKind k : {DeclarationKind::Add, DeclarationKind::Renew, DeclarationKind::Reduce}) {
            DeclarationKind back = DeclarationKind::Add;
            QVERIFY(parseDeclarationKind(declarationKindCode(k), &back));
            QCOMPARE(back, k);
        }
        for (BatchState s : {BatchState::Declared, BatchState::AwaitingPaper, BatchState::Accepted, BatchState::Effective,
                             BatchState::Returned}) {
            BatchState back = BatchState::Declared;
            QVERIFY(parseBatchState(batchStateCode(s), &back));
            QCOMPARE(back, s);
        }
        QCOMPARE(batchStateName(BatchState::AwaitingPaper), QStringLiteral("待交纸质表"));
        QCOMPARE(declarationKindName(DeclarationKind::Renew), QStringLiteral("续保"));
        ItemState state = ItemState::Pending;
        QVERIFY(!parseItemState(QStringLiteral("PENDING"), &state));
    }

    void itemRoundTrip_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("renew") << 0;
        QTest::newRow("reduce") << 1;
    }
    void itemRoundTrip()
    {
        QFETCH(int, which);
        const DeclarationItem item = which == 0 ? addItem() : reduceItem();
        // Through bytes, as over the wire.
        const QByteArray bytes = QJsonDocument(json::encode(item)).toJson(QJsonDocument::Compact);
        auto decoded = json::decodeItem(QJsonDocument::fromJson(bytes).object());
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().detail));
        QCOMPARE(decoded.value(), item);
    }

    void requestCarriesOnlyWhatAClientSends()
    {
        const QJsonObject add = json::encodeItemRequest(addItem());
        QCOMPARE(add.value(QLatin1String("kind")).toString(), QStringLiteral("renew"));
        QCOMPARE(add.value(QLatin1String("wage")).toString(), QStringLiteral("2500.00"));
        for (const char *serverOnly : {"id", "item_no", "state", "base", "batch_no", "warnings", "created_at", "stop_month"})
            QVERIFY2(!add.contains(QLatin1String(serverOnly)), serverOnly);
        const QJsonObject reduce = json::encodeItemRequest(reduceItem());
        for (const char *addOnly : {"person", "insurances", "start_month", "wage"})
            QVERIFY2(!reduce.contains(QLatin1String(addOnly)), addOnly);
        QCOMPARE(reduce.value(QLatin1String("change_reason")).toString(), QStringLiteral("22"));
    }

    void batchRoundTrip()
    {
        DeclarationBatch batch;
        batch.id = 3;
        batch.batchNo = QStringLiteral("SB2026120400003");
        batch.state = BatchState::Returned;
        batch.reporter = QStringLiteral("王五");
        batch.phone = QStringLiteral("0731-88889999");
        batch.isSigned = true;
        batch.returnReason = QStringLiteral("纸质表未盖章");
        batch.declaredAt = QDateTime(QDate(2026, 12, 4), QTime(9, 0), Qt::UTC);
        batch.itemCount = 2;
        batch.addCount = 1;
        batch.reduceCount = 1;
        batch.items = {addItem(), reduceItem()};
        batch.history = {{BatchState::Declared, batch.declaredAt, QStringLiteral("unit:43010000001"), {}},
                         {BatchState::Returned, batch.declaredAt.addSecs(3600), QStringLiteral("staff:clerk"),
                          batch.returnReason}};
        auto decoded = json::decodeBatch(json::encode(batch));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value(), batch);

        const QJsonObject summary = json::encode(batch, false);
        QVERIFY(!summary.contains(QLatin1String("items")));
        auto listed = json::decodeBatch(summary);
        QVERIFY(listed.ok());
        QVERIFY(listed.value().items.isEmpty());
        QCOMPARE(listed.value().itemCount, 2);
    }

    void lookupRoundTrip()
    {
        PersonLookup l;
        l.idNumber = QStringLiteral("430102199001011234");
        l.known = true;
        l.personNo = QStringLiteral("P000123");
        l.name = QStringLiteral("张三");
        l.person.gender = QStringLiteral("1");
        l.suggestedKind = DeclarationKind::Renew;
        l.activeElsewhere = true;
        l.history = {{QStringLiteral("110"), QStringLiteral("2015-01"), QString(), QStringLiteral("active"), false},
                     {QStringLiteral("110"), QStringLiteral("2012-07"), QStringLiteral("2014-12"),
                      QStringLiteral("suspended"), true}};
        l.blockers = {{QStringLiteral("person.enrolled"), QStringLiteral("该人员正在其他单位参保。"), {}}};
        auto decoded = json::decodeLookup(json::encode(l));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.value(), l);
        QVERIFY(!decoded.value().canDeclare());
    }

    void badInputNamesItsPath_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("path");
        QTest::newRow("kind unknown") << QByteArray(R"({"kind":"hire","state":"pending","name":"a","id_number":"1"})")
                                      << QStringLiteral("$.kind");
        QTest::newRow("name missing") << QByteArray(R"({"kind":"add","state":"pending","id_number":"1"})")
                                      << QStringLiteral("$.name");
        QTest::newRow("wage not money") << QByteArray(R"({"kind":"add","state":"pending","name":"a","id_number":"1","wage":"5k"})")
                                        << QStringLiteral("$.wage");
        QTest::newRow("warning not object")
            << QByteArray(R"({"kind":"add","state":"pending","name":"a","id_number":"1","warnings":[3]})")
            << QStringLiteral("$.warnings[0]");
        QTest::newRow("warning without code")
            << QByteArray(R"({"kind":"add","state":"pending","name":"a","id_number":"1","warnings":[{"message":"m"}]})")
            << QStringLiteral("$.warnings[0].code");
        QTest::newRow("insurances not strings")
            << QByteArray(R"({"kind":"add","state":"pending","name":"a","id_number":"1","insurances":[110]})")
            << QStringLiteral("$.insurances");
        QTest::newRow("time not ISO")
            << QByteArray(R"({"kind":"add","state":"pending","name":"a","id_number":"1","created_at":"yesterday"})")
            << QStringLiteral("$.created_at");
    }
    void badInputNamesItsPath()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, path);
        auto decoded = json::decodeItem(QJsonDocument::fromJson(body).object());
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, QStringLiteral("json.field"));
        QCOMPARE(decoded.error().field, path);
    }
};

QTEST_GUILESS_MAIN(TestDeclarationJson)
#include "tst_declarationjson.moc"
