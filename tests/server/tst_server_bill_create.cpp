// 断档缴费单 on the server (docs/bills.md, The bill): the estimate is ArrearsCalculator's for the
// same inputs, a bill keeps it with a valid 业务单据号, 限缴日期 and expiry on the server clock
// (Beijing days), creation is idempotent, 作废 ends an unpaid bill, and the request checks name
// their field. Listing and 有单缴费's look-up are in tst_server_bill_list.
#include <QJsonArray>
#include <QUrlQuery>
#include <QtTest>

#include "BillTestData.h"
#include "ServerFixture.h"
#include "ServerTestData.h"
#include "crypto/Key.h"
#include "models/bill/BillJson.h"
#include "models/bill/BillNumber.h"
#include "models/policy/ArrearsCalculator.h"

using namespace shebao;
using namespace shebao::test;
using namespace shebao::test::bills;

class TestServerBillCreate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void estimateIsTheCalculators();
    void estimateWithinAWindow();
    void billKeepsTheEstimate();
    void createIsIdempotent();
    void billExpiresAtTheEndOfPayBy();
    void cancelEndsAnUnpaidBill();
    void requestChecks_data();
    void requestChecks();
    void ordinaryUnitIsRefused();
    void certificateUserSigns();

private:
    QString person(int seq);
    ArrearsEstimate expected(const QList<YearMonth> &months, const QString &wage);

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
};

void TestServerBillCreate::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(data::Authorized, data::Password).status, 200);
}

void TestServerBillCreate::cleanupTestCase()
{
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

// Gap months 20..13 months ago (8 months), active since.
QString TestServerBillCreate::person(int seq)
{
    return addPerson(*m_fixture, QStringLiteral("赵补缴"), QDate(1986, 3, 14), seq,
                     {{data::Authorized, ago(*m_fixture, 40), ago(*m_fixture, 21)}, {data::Authorized, ago(*m_fixture, 12), {}}});
}

ArrearsEstimate TestServerBillCreate::expected(const QList<YearMonth> &months, const QString &wage)
{
    ArrearsRequest request;
    request.monthlyWage = *Money::parseYuan(wage);
    request.riskClass = m_fixture->scalar(QStringLiteral("SELECT risk_class FROM units WHERE unit_no = ?"), {data::Authorized}).toInt();
    request.insurances = {QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")};
    request.months = months;
    request.calculationDate = server::Clock::beijingDate(m_fixture->server().clock().now());
    auto estimate = ArrearsCalculator(PolicyTable::forRegion(QStringLiteral("430100")).value()).estimate(request);
    return estimate ? estimate.value() : ArrearsEstimate();
}

void TestServerBillCreate::estimateIsTheCalculators()
{
    const QString id = person(201);
    const HttpResult r = m_unit->get(Estimate + QStringLiteral("?wage=8123.45&settlement=separate&id_number=") + id);
    QCOMPARE(r.status, 200);
    const ArrearsEstimate want = expected(YearMonth::range(ago(*m_fixture, 20), ago(*m_fixture, 13)), QStringLiteral("8123.45"));
    QCOMPARE(want.months.size(), 8);
    QVERIFY(want.lateFee.fen() > 0);
    QCOMPARE(r.json(), json::encode(want));
    // Nothing was stored.
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM bills b JOIN persons p ON p.id = b.person_id"
                                              " WHERE p.id_number = ?"),
                               {id})
                 .toInt(),
             0);
}

void TestServerBillCreate::estimateWithinAWindow()
{
    const QString id = person(203);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("id_number"), id);
    q.addQueryItem(QStringLiteral("wage"), QStringLiteral("100"));   // below the lower limit: clamped per month
    q.addQueryItem(QStringLiteral("from"), ago(*m_fixture, 18).toString());
    q.addQueryItem(QStringLiteral("to"), ago(*m_fixture, 15).toString());
    const HttpResult r = m_unit->get(Estimate + u'?' + q.toString(QUrl::FullyEncoded));
    QCOMPARE(r.status, 200);
    const ArrearsEstimate want = expected(YearMonth::range(ago(*m_fixture, 18), ago(*m_fixture, 15)), QStringLiteral("100"));
    QCOMPARE(r.json(), json::encode(want));
    QCOMPARE(want.months.constFirst().base.clamp, BaseClamp::Lower);
    // A window outside the gaps has nothing to pay.
    q.removeAllQueryItems(QStringLiteral("from"));
    q.removeAllQueryItems(QStringLiteral("to"));
    q.addQueryItem(QStringLiteral("from"), ago(*m_fixture, 10).toString());
    QCOMPARE(m_unit->get(Estimate + u'?' + q.toString(QUrl::FullyEncoded)).json().value(QLatin1String("code")).toString(),
             QStringLiteral("arrears.no_gaps"));
}

void TestServerBillCreate::billKeepsTheEstimate()
{
    const QString id = person(205);
    const HttpResult r = m_unit->postJson(Bills, request(id, QStringLiteral("6000.00")), key().toLatin1());
    QCOMPARE(r.status, 201);
    auto decoded = json::decodeBill(r.json());
    QVERIFY2(decoded, qPrintable(decoded ? QString() : decoded.error().detail));
    const Bill &b = decoded.value();
    const QDate today = server::Clock::beijingDate(m_fixture->server().clock().now());
    QVERIFY(BillNumber::isValid(b.number));
    QVERIFY(b.number.startsWith(today.toString(QStringLiteral("yyyyMMdd"))));
    QCOMPARE(b.state, BillState::Unpaid);
    QCOMPARE(b.unitNo, data::Authorized);
    QCOMPARE(b.personName, QStringLiteral("赵补缴"));
    QCOMPARE(b.idNumberMasked, IdNumber::mask(id));
    QCOMPARE(b.insurances, (QStringList{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")}));
    QCOMPARE(b.firstMonth, ago(*m_fixture, 20));
    QCOMPARE(b.lastMonth, ago(*m_fixture, 13));
    QCOMPARE(b.monthCount, 8);
    QCOMPARE(b.wage.toYuanString(), QStringLiteral("6000.00"));
    QVERIFY(b.hasEstimate);
    QCOMPARE(b.estimate, expected(YearMonth::range(ago(*m_fixture, 20), ago(*m_fixture, 13)), QStringLiteral("6000.00")));
    QCOMPARE(b.total, b.estimate.total);
    QCOMPARE(b.principal + b.lateFee, b.total);
    QCOMPARE(b.calculationDate, today);
    QCOMPARE(b.payBy, today.addDays(6));
    QCOMPARE(b.expiresAt, QDateTime(today.addDays(7), QTime(0, 0), Qt::OffsetFromUTC, 8 * 3600).toUTC());
    QCOMPARE(b.createdBy, QStringLiteral("unit:") + data::Authorized);
    QCOMPARE(b.paymentUrl, QStringLiteral("https://localhost:%1/bank-sandbox/pay?bill=%2").arg(m_fixture->server().port()).arg(b.number));
    QVERIFY(!b.payment);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM bill_months m JOIN bills b ON b.id = m.bill_id"
                                              " WHERE b.number = ?"),
                               {b.number})
                 .toInt(),
             8);
    // 有单缴费 reads the same bill back.
    const HttpResult again = m_unit->get(Bills + u'/' + b.number);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json(), r.json());
}

void TestServerBillCreate::createIsIdempotent()
{
    const QString id = person(207);
    const QByteArray k = key().toLatin1();
    const HttpResult first = m_unit->postJson(Bills, request(id), k);
    const HttpResult replay = m_unit->postJson(Bills, request(id), k);
    QCOMPARE(first.status, 201);
    QCOMPARE(replay.status, 201);
    QCOMPARE(replay.header("Idempotent-Replay"), QByteArray("true"));
    QCOMPARE(replay.json(), first.json());
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM bills b JOIN persons p ON p.id = b.person_id WHERE p.id_number = ?"),
                               {id})
                 .toInt(),
             1);
    // Another key is another request: the months are held by the first bill.
    const HttpResult second = m_unit->postJson(Bills, request(id), key().toLatin1());
    QCOMPARE(second.status, 409);
    QCOMPARE(second.json().value(QLatin1String("bill_number")).toString(), first.json().value(QLatin1String("number")).toString());
}

void TestServerBillCreate::billExpiresAtTheEndOfPayBy()
{
    const QString id = person(209);
    const HttpResult r = m_unit->postJson(Bills, request(id), key().toLatin1());
    QCOMPARE(r.status, 201);
    const QString number = r.json().value(QLatin1String("number")).toString();
    const qint64 expiresAt = QDateTime::fromString(r.json().value(QLatin1String("expires_at")).toString(), Qt::ISODate).toSecsSinceEpoch();
    server::Clock &clock = m_fixture->server().clock();
    clock.freeze(); // "the last second" must not tick away while the test logs in
    const qint64 shift = expiresAt - clock.now();
    QVERIFY(shift > 6 * 24 * 3600 && shift <= 7 * 24 * 3600);
    const auto restore = qScopeGuard([&clock, shift] {
        clock.advance(-shift);
        clock.thaw();
    });

    clock.advance(shift - 1);   // the last second of 限缴日期 (a week on: the morning's token has expired)
    auto later = m_fixture->client();
    QCOMPARE(later->login(data::Authorized, data::Password).status, 200);
    QCOMPARE(later->get(Bills + u'/' + number).json().value(QLatin1String("state")).toString(), QStringLiteral("unpaid"));
    clock.advance(1);
    const QJsonObject expired = later->get(Bills + u'/' + number).json();
    QCOMPARE(expired.value(QLatin1String("state")).toString(), QStringLiteral("expired"));
    QCOMPARE(expired.value(QLatin1String("state_name")).toString(), QStringLiteral("已过期"));
    QVERIFY(expired.value(QLatin1String("payment_url")).isNull());
    // An expired bill holds nothing: a new one can be made, with the late fee up to its own day.
    const HttpResult renewed = later->postJson(Bills, request(id), key().toLatin1());
    QCOMPARE(renewed.status, 201);
    QVERIFY(renewed.json().value(QLatin1String("number")).toString() != number);
    QVERIFY(Money::parseYuan(renewed.json().value(QLatin1String("late_fee")).toString())->fen()
            > Money::parseYuan(r.json().value(QLatin1String("late_fee")).toString())->fen());
    // The old one can still be 作废 (expired, never paid).
    QCOMPARE(later->post(Bills + u'/' + number + QStringLiteral("/cancel"), "{}", key().toLatin1()).status, 200);
}

void TestServerBillCreate::cancelEndsAnUnpaidBill()
{
    const QString id = person(211);
    const QString number = m_unit->postJson(Bills, request(id), key().toLatin1()).json().value(QLatin1String("number")).toString();
    QVERIFY(!number.isEmpty());
    const HttpResult r = m_unit->post(Bills + u'/' + number + QStringLiteral("/cancel"), "{}", key().toLatin1());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("state")).toString(), QStringLiteral("cancelled"));
    QVERIFY(!r.json().value(QLatin1String("cancelled_at")).isNull());
    QVERIFY(r.json().value(QLatin1String("payment_url")).isNull());
    const HttpResult again = m_unit->post(Bills + u'/' + number + QStringLiteral("/cancel"), "{}", key().toLatin1());
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json().value(QLatin1String("code")).toString(), QStringLiteral("bill.cancelled"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT cancelled_by FROM bills WHERE number = ?"), {number}).toString(),
             QStringLiteral("unit:") + data::Authorized);
    // A number with a wrong check digit is refused before anything is looked up.
    QString wrong = number;
    wrong[16] = QChar(u'0' + (wrong.at(16).digitValue() + 1) % 10);
    const HttpResult bad = m_unit->post(Bills + u'/' + wrong + QStringLiteral("/cancel"), "{}", key().toLatin1());
    QCOMPARE(bad.status, 422);
    QCOMPARE(bad.json().value(QLatin1String("code")).toString(), QStringLiteral("bill.number"));
}

void TestServerBillCreate::requestChecks_data()
{
    QTest::addColumn<QJsonObject>("changes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("wage zero") << QJsonObject{{QStringLiteral("wage"), QStringLiteral("0")}} << "arrears.wage" << "wage";
    QTest::newRow("wage negative") << QJsonObject{{QStringLiteral("wage"), QStringLiteral("-1.00")}} << "arrears.wage" << "wage";
    QTest::newRow("wage three decimals") << QJsonObject{{QStringLiteral("wage"), QStringLiteral("5000.125")}} << "arrears.wage"
                                         << "wage";
    QTest::newRow("wage as a JSON number") << QJsonObject{{QStringLiteral("wage"), 5000}} << "arrears.wage" << "wage";
    QTest::newRow("settlement unit") << QJsonObject{{QStringLiteral("settlement"), QStringLiteral("unit")}}
                                     << "arrears.settlement" << "settlement";
    QTest::newRow("from malformed") << QJsonObject{{QStringLiteral("from"), QStringLiteral("2024-13")}} << "arrears.window"
                                    << "from";
    QTest::newRow("from after to") << QJsonObject{{QStringLiteral("from"), QStringLiteral("2024-05")},
                                                  {QStringLiteral("to"), QStringLiteral("2024-04")}}
                                   << "arrears.window" << "to";
    QTest::newRow("employed_from before 1995") << QJsonObject{{QStringLiteral("employed_from"), QStringLiteral("1994-12")}}
                                               << "arrears.employed_from" << "employed_from";
}

void TestServerBillCreate::requestChecks()
{
    QFETCH(QJsonObject, changes);
    QFETCH(QString, code);
    QFETCH(QString, field);
    static const QString id = person(213);
    const int before = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM bills")).toInt();
    const HttpResult r = m_unit->postJson(Bills, request(id, QStringLiteral("6000.00"), changes), key().toLatin1());
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), code);
    QCOMPARE(r.json().value(QLatin1String("errors")).toArray().at(0).toObject().value(QLatin1String("field")).toString(), field);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM bills")).toInt(), before);
}

void TestServerBillCreate::ordinaryUnitIsRefused()
{
    auto ordinary = m_fixture->client();
    QCOMPARE(ordinary->login(data::Ordinary, data::Password).status, 200);
    const QString id = person(215);
    for (const HttpResult &r : {ordinary->get(Gaps + QStringLiteral("?id_number=") + id),
                                ordinary->get(Estimate + QStringLiteral("?wage=5000&id_number=") + id), ordinary->get(Bills),
                                ordinary->postJson(Bills, request(id), key().toLatin1())}) {
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("auth.not_authorized"));
        QCOMPARE(r.header("X-Account-Level"), QByteArray("ordinary"));
    }
}

void TestServerBillCreate::certificateUserSigns()
{
    auto clerk = m_fixture->client();
    QCOMPARE(clerk->staffLogin(QStringLiteral("clerk"), data::Password).status, 200);
    auto key = crypto::Key::generate(crypto::Algorithm::EcdsaP256Sha256);
    QVERIFY(key);
    const HttpResult cert = clerk->postJson(QStringLiteral("/api/v1/staff/certificates/issue"),
                                            QJsonObject{{QStringLiteral("unit_no"), data::CertificateUnit},
                                                        {QStringLiteral("public_key_pem"), QString::fromLatin1(key.value().publicPem())}});
    QCOMPARE(cert.status, 200);
    const QByteArray serial = cert.json().value(QLatin1String("serial")).toString().toLatin1();
    auto holder = m_fixture->client();
    QCOMPARE(holder->certLogin(data::CertificateUnit, key.value(),
                               cert.json().value(QLatin1String("certificate_pem")).toString().toLatin1())
                 .status,
             200);
    const QString id = addPerson(*m_fixture, QStringLiteral("钟证书"), QDate(1983, 6, 6), 217,
                                 {{data::CertificateUnit, ago(*m_fixture, 30), ago(*m_fixture, 20)},
                                  {data::CertificateUnit, ago(*m_fixture, 10), {}}});
    const QByteArray body = QJsonDocument(request(id)).toJson(QJsonDocument::Compact);
    HttpResult r = holder->send("POST", Bills, body, {{"Content-Type", "application/json"}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("signature.invalid"));
    r = holder->send("POST", Bills, body,
                     {{"X-Signature", key.value().sign(body).value().toBase64()}, {"X-Signature-Serial", serial},
                      {"Content-Type", "application/json"}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(QLatin1String("unit_no")).toString(), data::CertificateUnit);
    QCOMPARE(r.json().value(QLatin1String("risk_class")).toInt(),
             m_fixture->scalar(QStringLiteral("SELECT risk_class FROM units WHERE unit_no = ?"), {data::CertificateUnit}).toInt());
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT s.serial FROM bills b JOIN signatures s ON s.id = b.request_signature_id"
                                              " WHERE b.number = ?"),
                               {r.json().value(QLatin1String("number")).toString()})
                 .toString()
                 .toUpper(),
             QString::fromLatin1(serial).toUpper());
}

QTEST_GUILESS_MAIN(TestServerBillCreate)
#include "tst_server_bill_create.moc"
