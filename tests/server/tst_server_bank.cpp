// The bank interface on the server (docs/bills.md): a counter's query by number, payments signed
// with HMAC-SHA256 — forged, stale or unknown banks refused with 401 and audited, the amount to
// the fen, a repeated notification answered `repeated` with one payment row, paid / expired /
// cancelled bills refused — and a payment filling the enrolment periods so the gap is gone.
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include "BillTestData.h"
#include "ServerFixture.h"
#include "ServerTestData.h"
#include "models/bill/BillNumber.h"
#include "models/money/Money.h"

using namespace shebao;
using namespace shebao::test;
using namespace shebao::test::bills;

namespace {

const QString Bank = QStringLiteral("csbank");

QByteArray writeKey(const QString &path, const QByteArray &key, QFileDevice::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(key.toHex() + '\n') < 0)
        return {};
    file.close();
    file.setPermissions(permissions);
    return key;
}

} // namespace

class TestServerBank : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void certificateArrearsFollowUnpaidBills();
    void counterSeesTheBill();
    void refusedRequests_data();
    void refusedRequests();
    void paymentFillsTheEnrolment();
    void repeatedNotificationIsIdempotent();
    void amountMustMatchToTheFen();
    void paidBillRefusesAnotherTransaction();
    void expiredAndCancelledBillsAreRefused();
    void malformedPayments_data();
    void malformedPayments();
    void keyFilesMustBePrivate();

private:
    struct Issued
    {
        QString idNumber;
        QString number;
        QString total;
    };
    Issued issue(int seq);
    HttpResult pay(const QString &number, const QString &amount, const QString &transaction);
    HttpResult bankGet(const QString &path);
    qint64 now() { return m_fixture->server().clock().now(); }
    int payments(const QString &number);
    // 险种 -> 欠费 of a 单位参保证明 issued now.
    QMap<QString, bool> arrears();

    QTemporaryDir m_keys;
    QByteArray m_key;
    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
    std::unique_ptr<HttpsClient> m_bank;
};

void TestServerBank::initTestCase()
{
    QVERIFY(m_keys.isValid());
    m_key = writeKey(m_keys.filePath(QStringLiteral("csbank.key")), QByteArray::fromHex(QByteArray(
                                                                         "00112233445566778899aabbccddeeff102132435465768798a9bacbdcedfe0f")),
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(!m_key.isEmpty());
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    m_fixture->setBank({{}, {{Bank, m_keys.filePath(QStringLiteral("csbank.key"))}}, {}});
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(data::Authorized, data::Password).status, 200);
    m_bank = m_fixture->client();   // no token: banks sign instead
}

void TestServerBank::cleanupTestCase()
{
    m_bank.reset();
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

TestServerBank::Issued TestServerBank::issue(int seq)
{
    const QString id = addPerson(*m_fixture, QStringLiteral("汤补缴远"), QDate(1981, 5, 20), seq,
                                 {{data::Authorized, ago(*m_fixture, 40), ago(*m_fixture, 31)},
                                  {data::Authorized, ago(*m_fixture, 28), ago(*m_fixture, 20)},
                                  {data::Authorized, ago(*m_fixture, 10), {}}});
    const HttpResult r = m_unit->postJson(Bills, request(id, QStringLiteral("7000.00")), key().toLatin1());
    if (r.status != 201)
        return {};
    return {id, r.json().value(QLatin1String("number")).toString(), r.json().value(QLatin1String("total")).toString()};
}

HttpResult TestServerBank::pay(const QString &number, const QString &amount, const QString &transaction)
{
    return bankSend(*m_bank, "POST", BankPayments, paymentBody(number, amount, transaction), Bank, m_key, now());
}

HttpResult TestServerBank::bankGet(const QString &path)
{
    return bankSend(*m_bank, "GET", path, {}, Bank, m_key, now());
}

int TestServerBank::payments(const QString &number)
{
    return m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM bill_payments bp JOIN bills b ON b.id = bp.bill_id WHERE b.number = ?"),
                             {number})
        .toInt();
}

QMap<QString, bool> TestServerBank::arrears()
{
    const HttpResult r = m_unit->postJson(QStringLiteral("/api/v1/certificates"),
                                          QJsonObject{{QStringLiteral("kind"), QStringLiteral("unit")},
                                                      {QStringLiteral("purpose"), QStringLiteral("投标")}},
                                          key().toLatin1());
    QMap<QString, bool> map;
    for (const QJsonValue &v : r.json().value(QLatin1String("content")).toObject().value(QLatin1String("insurances")).toArray())
        map.insert(v.toObject().value(QLatin1String("insurance")).toString(), v.toObject().value(QLatin1String("arrears")).toBool());
    return map;
}

void TestServerBank::certificateArrearsFollowUnpaidBills()
{
    // The unit has no bill yet: nothing is owed.
    QMap<QString, bool> owed = arrears();
    QVERIFY(owed.contains(QStringLiteral("110")) && owed.contains(QStringLiteral("310")));
    QVERIFY(!owed.values().contains(true));
    // An open bill (110, 210, 410) is 欠费 of those 险种; 310 is not on it.
    const Issued open = issue(391);
    owed = arrears();
    QCOMPARE(owed.value(QStringLiteral("110")), true);
    QCOMPARE(owed.value(QStringLiteral("210")), true);
    QCOMPARE(owed.value(QStringLiteral("410")), true);
    QCOMPARE(owed.value(QStringLiteral("310")), false);
    // Past its 限缴日期 it is still owed; 作废 ends it.
    server::Clock &clock = m_fixture->server().clock();
    clock.advance(8 * 24 * 3600);
    {
        const auto restore = qScopeGuard([&clock] { clock.advance(-8 * 24 * 3600); });
        auto later = m_fixture->client();
        QCOMPARE(later->login(data::Authorized, data::Password).status, 200);
        std::swap(later, m_unit);
        owed = arrears();
        std::swap(later, m_unit);
        QCOMPARE(owed.value(QStringLiteral("110")), true);
    }
    QCOMPARE(m_unit->post(Bills + u'/' + open.number + QStringLiteral("/cancel"), "{}", key().toLatin1()).status, 200);
    QVERIFY(!arrears().values().contains(true));
    // Paid: nothing owed either.
    const Issued paid = issue(393);
    QVERIFY(arrears().value(QStringLiteral("110")));
    QCOMPARE(pay(paid.number, paid.total, QStringLiteral("CS-CERT-1")).status, 200);
    QVERIFY(!arrears().values().contains(true));
}

void TestServerBank::counterSeesTheBill()
{
    const Issued bill = issue(401);
    QVERIFY(!bill.number.isEmpty());
    const HttpResult r = bankGet(QStringLiteral("/api/v1/bank/bills/") + bill.number);
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QLatin1String("number")).toString(), bill.number);
    QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("unpaid"));
    QCOMPARE(o.value(QLatin1String("amount")).toString(), bill.total);
    QCOMPARE(o.value(QLatin1String("person_name_masked")).toString(), QStringLiteral("汤**远"));
    QCOMPARE(o.value(QLatin1String("unit_name")).toString(),
             m_fixture->scalar(QStringLiteral("SELECT name FROM units WHERE unit_no = ?"), {data::Authorized}).toString());
    QVERIFY(!r.body.contains(bill.idNumber.toUtf8()));
    // Unknown and malformed numbers alike.
    QCOMPARE(bankGet(QStringLiteral("/api/v1/bank/bills/") + BillNumber::make(QDate(2020, 2, 2), 7)).status, 404);
    const HttpResult malformed = bankGet(QStringLiteral("/api/v1/bank/bills/123"));
    QCOMPARE(malformed.status, 404);
    QCOMPARE(malformed.json().value(QLatin1String("code")).toString(), QStringLiteral("bill.unknown"));
}

void TestServerBank::refusedRequests_data()
{
    QTest::addColumn<QString>("bank");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<qint64>("skew");
    QTest::addColumn<bool>("tamper");
    QTest::addColumn<QString>("code");
    const QByteArray other = QByteArray(32, 'k');
    QTest::newRow("unknown bank") << QStringLiteral("nobank") << m_key << qint64(0) << false << "bank.unknown";
    QTest::newRow("no bank id") << QString() << m_key << qint64(0) << false << "bank.unknown";
    QTest::newRow("forged signature") << Bank << other << qint64(0) << false << "bank.signature";
    QTest::newRow("body changed after signing") << Bank << m_key << qint64(0) << true << "bank.signature";
    QTest::newRow("stale") << Bank << m_key << qint64(-301) << false << "bank.stale";
    QTest::newRow("from the future") << Bank << m_key << qint64(301) << false << "bank.stale";
}

void TestServerBank::refusedRequests()
{
    QFETCH(QString, bank);
    QFETCH(QByteArray, key);
    QFETCH(qint64, skew);
    QFETCH(bool, tamper);
    QFETCH(QString, code);
    const Issued bill = issue(403 + 2 * QTest::currentDataTag()[0]);
    QVERIFY(!bill.number.isEmpty());
    const int audited = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'bank.auth' AND outcome = ?"),
                                          {code})
                            .toInt();
    const QByteArray body = paymentBody(bill.number, bill.total, QStringLiteral("T") + QString::number(now()));
    const QByteArray signature = BankSignature::sign(key, "POST", BankPayments.toUtf8(), now() + skew, body);
    const QByteArray sent = tamper ? QByteArray(body).replace("counter", "online") : body;
    const HttpResult r = m_bank->send("POST", BankPayments, sent,
                                      {{"X-Bank-Id", bank.toUtf8()},
                                       {"X-Bank-Timestamp", QByteArray::number(now() + skew)},
                                       {"X-Bank-Signature", signature}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), code);
    QCOMPARE(r.json().value(QLatin1String("detail")).toString(), QStringLiteral("银行身份或签名无效"));
    QCOMPARE(payments(bill.number), 0);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT state FROM bills WHERE number = ?"), {bill.number}).toString(),
             QStringLiteral("unpaid"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'bank.auth' AND outcome = ?"), {code})
                 .toInt(),
             audited + 1);
    // The query by number is guarded the same way (it has no body to change).
    if (tamper)
        return;
    const QString path = QStringLiteral("/api/v1/bank/bills/") + bill.number;
    const HttpResult get = m_bank->send("GET", path, {},
                                        {{"X-Bank-Id", bank.toUtf8()},
                                         {"X-Bank-Timestamp", QByteArray::number(now() + skew)},
                                         {"X-Bank-Signature", BankSignature::sign(key, "GET", path.toUtf8(), now() + skew, {})}});
    QCOMPARE(get.status, 401);
}

void TestServerBank::paymentFillsTheEnrolment()
{
    const Issued bill = issue(421);
    QVERIFY(!bill.number.isEmpty());
    const HttpResult r = pay(bill.number, bill.total, QStringLiteral("CS20261204-0001"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("bill_number"), bill.number},
                                    {QStringLiteral("state"), QStringLiteral("paid")},
                                    {QStringLiteral("transaction_id"), QStringLiteral("CS20261204-0001")},
                                    {QStringLiteral("repeated"), false}}));
    const QJsonObject shown = m_unit->get(Bills + u'/' + bill.number).json();
    QCOMPARE(shown.value(QLatin1String("state")).toString(), QStringLiteral("paid"));
    QCOMPARE(shown.value(QLatin1String("state_name")).toString(), QStringLiteral("已缴费"));
    const QJsonObject payment = shown.value(QLatin1String("payment")).toObject();
    QCOMPARE(payment.value(QLatin1String("bank_id")).toString(), Bank);
    QCOMPARE(payment.value(QLatin1String("channel")).toString(), QStringLiteral("counter"));
    QCOMPARE(payment.value(QLatin1String("amount")).toString(), bill.total);
    QVERIFY(shown.value(QLatin1String("payment_url")).isNull());

    // Two runs (30..29 and 19..11 months ago) × three 险种, suspended, the declared wage, linked.
    auto q = m_fixture->server().database().exec(
        QStringLiteral("SELECT e.insurance, e.start_month, e.end_month, e.status, e.wage_base_fen FROM enrolments e"
                       " JOIN bills b ON b.id = e.bill_id WHERE b.number = ? ORDER BY e.start_month, e.insurance"),
        {bill.number});
    QVERIFY(q);
    QStringList rows;
    while (q.value().next())
        rows << QStringList{q.value().value(0).toString(), q.value().value(1).toString(), q.value().value(2).toString(),
                            q.value().value(3).toString(), q.value().value(4).toString()}
                    .join(u' ');
    QStringList expected;
    for (const auto &[from, to] : {std::pair{ago(*m_fixture, 30), ago(*m_fixture, 29)}, std::pair{ago(*m_fixture, 19), ago(*m_fixture, 11)}})
        for (const char *insurance : {"110", "210", "410"})
            expected << QStringLiteral("%1 %2 %3 suspended 700000").arg(QLatin1String(insurance), from.toString(), to.toString());
    QCOMPARE(rows, expected);

    // The gap is gone.
    const QJsonObject gaps = m_unit->get(Gaps + QStringLiteral("?id_number=") + bill.idNumber).json();
    const QJsonObject unit = gaps.value(QLatin1String("units")).toArray().at(0).toObject();
    QVERIFY(unit.value(QLatin1String("eligible")).toArray().isEmpty());
    QVERIFY(unit.value(QLatin1String("billed")).toArray().isEmpty());
    // A paid bill cannot be 作废.
    const HttpResult cancel = m_unit->post(Bills + u'/' + bill.number + QStringLiteral("/cancel"), "{}", key().toLatin1());
    QCOMPARE(cancel.status, 409);
    QCOMPARE(cancel.json().value(QLatin1String("code")).toString(), QStringLiteral("bill.paid"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'bank.payment' AND target = ?"
                                              " AND outcome = 'success' AND actor = ?"),
                               {bill.number, QStringLiteral("bank:") + Bank})
                 .toInt(),
             1);
}

void TestServerBank::repeatedNotificationIsIdempotent()
{
    const Issued bill = issue(423);
    QCOMPARE(pay(bill.number, bill.total, QStringLiteral("CS-REPEAT-1")).status, 200);
    const int enrolments = m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM enrolments WHERE bill_id IS NOT NULL")).toInt();
    for (int i = 0; i < 2; ++i) {
        const HttpResult again = pay(bill.number, bill.total, QStringLiteral("CS-REPEAT-1"));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QLatin1String("repeated")).toBool(), true);
        QCOMPARE(again.json().value(QLatin1String("state")).toString(), QStringLiteral("paid"));
    }
    QCOMPARE(payments(bill.number), 1);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM enrolments WHERE bill_id IS NOT NULL")).toInt(), enrolments);
}

void TestServerBank::amountMustMatchToTheFen()
{
    const Issued bill = issue(425);
    const qint64 fen = Money::parseYuan(bill.total)->fen();
    for (const qint64 wrong : {fen - 1, fen + 1, fen * 10}) {
        const HttpResult r = pay(bill.number, Money::fromFen(wrong).toYuanString(), QStringLiteral("CS-AMT-%1").arg(wrong));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("bill.amount_mismatch"));
        QCOMPARE(r.json().value(QLatin1String("errors")).toArray().at(0).toObject().value(QLatin1String("field")).toString(),
                 QStringLiteral("amount"));
    }
    QCOMPARE(payments(bill.number), 0);
    // "1234.5" is 1234.50: the amount is compared in fen, not as text.
    const QString shortForm = bill.total.endsWith(u'0') ? bill.total.chopped(1) : bill.total;
    QCOMPARE(pay(bill.number, shortForm, QStringLiteral("CS-AMT-OK")).status, 200);
}

void TestServerBank::paidBillRefusesAnotherTransaction()
{
    const Issued bill = issue(427);
    QCOMPARE(pay(bill.number, bill.total, QStringLiteral("CS-FIRST")).status, 200);
    const HttpResult second = pay(bill.number, bill.total, QStringLiteral("CS-SECOND"));
    QCOMPARE(second.status, 409);
    QCOMPARE(second.json().value(QLatin1String("code")).toString(), QStringLiteral("bill.paid"));
    QCOMPARE(payments(bill.number), 1);
    // A transaction id already used for one bill cannot pay another.
    const Issued other = issue(429);
    const HttpResult reused = pay(other.number, other.total, QStringLiteral("CS-FIRST"));
    QCOMPARE(reused.status, 409);
    QCOMPARE(reused.json().value(QLatin1String("code")).toString(), QStringLiteral("bank.transaction"));
    QCOMPARE(payments(other.number), 0);
}

void TestServerBank::expiredAndCancelledBillsAreRefused()
{
    const Issued cancelled = issue(431);
    QCOMPARE(m_unit->post(Bills + u'/' + cancelled.number + QStringLiteral("/cancel"), "{}", key().toLatin1()).status, 200);
    HttpResult r = pay(cancelled.number, cancelled.total, QStringLiteral("CS-CANCELLED"));
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("bill.cancelled"));

    const Issued expired = issue(433);
    server::Clock &clock = m_fixture->server().clock();
    clock.advance(7 * 24 * 3600);
    const auto restore = qScopeGuard([&clock] { clock.advance(-7 * 24 * 3600); });
    r = pay(expired.number, expired.total, QStringLiteral("CS-EXPIRED"));   // signed with the advanced time
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("bill.expired"));
    QCOMPARE(bankGet(QStringLiteral("/api/v1/bank/bills/") + expired.number).json().value(QLatin1String("state")).toString(),
             QStringLiteral("expired"));
    QCOMPARE(payments(expired.number) + payments(cancelled.number), 0);
}

void TestServerBank::malformedPayments_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("status");
    QTest::newRow("amount as a number") << QStringLiteral("amount") << QJsonValue(100.5) << 400;
    QTest::newRow("amount three decimals") << QStringLiteral("amount") << QJsonValue(QStringLiteral("1.005")) << 400;
    QTest::newRow("transaction id") << QStringLiteral("transaction_id") << QJsonValue(QStringLiteral("a b")) << 400;
    QTest::newRow("transaction id too long") << QStringLiteral("transaction_id") << QJsonValue(QString(65, u'x')) << 400;
    QTest::newRow("channel") << QStringLiteral("channel") << QJsonValue(QStringLiteral("atm")) << 400;
    QTest::newRow("paid_at without zone") << QStringLiteral("paid_at") << QJsonValue(QStringLiteral("2026-12-01T10:00:00")) << 400;
    QTest::newRow("bill number") << QStringLiteral("bill_number") << QJsonValue(QStringLiteral("12345678901234567")) << 404;
}

void TestServerBank::malformedPayments()
{
    QFETCH(QString, member);
    QFETCH(QJsonValue, value);
    QFETCH(int, status);
    static const Issued bill = issue(435);
    QJsonObject body = QJsonDocument::fromJson(paymentBody(bill.number, bill.total, QStringLiteral("CS-BAD"))).object();
    body.insert(member, value);
    const HttpResult r = bankSend(*m_bank, "POST", BankPayments, QJsonDocument(body).toJson(QJsonDocument::Compact), Bank, m_key, now());
    QCOMPARE(r.status, status);
    QCOMPARE(r.json().value(QLatin1String("errors")).toArray().at(0).toObject().value(QLatin1String("field")).toString(), member);
    QCOMPARE(payments(bill.number), 0);
}

void TestServerBank::keyFilesMustBePrivate()
{
    // A second server on its own data: a key readable by others, or not 64 hex characters, stops it.
    TestBackend backend;
    QVERIFY2(backend.ok(), qPrintable(backend.error()));
    ServerFixture fixture(backend);
    const QString open = m_keys.filePath(QStringLiteral("open.key"));
    QVERIFY(!writeKey(open, m_key, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther).isEmpty());
    ServerFixture::Options options;
    options.demo = false;
    fixture.setBank({{}, {{QStringLiteral("open"), open}}, {}});
    QVERIFY(!fixture.start(options));
    QVERIFY2(fixture.error().contains(open), qPrintable(fixture.error()));
    const QString shortKey = m_keys.filePath(QStringLiteral("short.key"));
    QVERIFY(!writeKey(shortKey, QByteArray(16, 'a'), QFileDevice::ReadOwner | QFileDevice::WriteOwner).isEmpty());
    fixture.setBank({{}, {{QStringLiteral("short"), shortKey}}, {}});
    QVERIFY(!fixture.start(options));
    QVERIFY2(fixture.error().contains(QStringLiteral("64")), qPrintable(fixture.error()));
}

QTEST_GUILESS_MAIN(TestServerBank)
#include "tst_server_bank.moc"
