// 网上缴费 end to end with the real shebao-server process (--demo, so the sandbox bank is on), as a
// browser and a bank would meet it: a 断档缴费单 for a sandbox person → its payment_url opens the
// sandbox bank's page → the form is posted → the sandbox's signed callback reaches the server on
// its own → the bill is 已缴费 (found by asking, as the client's BillWatcher does) → the
// enrolment is filled and the gap gone. Then what a bank must not get through: a forged callback,
// a repeated one (answered `repeated`, one payment), a wrong amount and an expired bill.
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QTimer>
#include <QUrlQuery>
#include <QtTest>

#include "ServerProcess.h"
#include "models/bill/BankSignature.h"
#include "models/money/Money.h"

using namespace shebao;

namespace {

struct Answer
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
};

// The HTTPS of a browser or a bank that trusts exactly the sandbox CA.
class Web
{
public:
    explicit Web(const QString &caFile) : m_cas(QSslCertificate::fromPath(caFile)) {}

    Answer send(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(url);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_cas);
        request.setSslConfiguration(tls);
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        a.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return a;
    }
    void setToken(const QByteArray &token) { m_token = token; }

private:
    QNetworkAccessManager m_nam;
    QList<QSslCertificate> m_cas;
    QByteArray m_token;
};

const QByteArray Json = "application/json";

} // namespace

class TestBillsE2e : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void payOnlineThroughTheSandboxBank();
    void forgedCallbackIsRefused();
    void repeatedCallbackChangesNothing();
    void wrongAmountIsRefused();
    void expiredBillIsRefused();

private:
    QUrl api(const QString &path) const { return QUrl(m_server.baseUrl().toString() + QStringLiteral("/api/v1") + path); }
    QJsonObject createBill(const QString &idNumber, const QString &wage);
    Answer callback(const QJsonObject &payment, const QByteArray &key, const QByteArray &bankId = "sandbox");
    int sql(const QString &statement, const QVariantList &values = {});

    test::ServerProcess m_server;
    std::unique_ptr<Web> m_unit;
    std::unique_ptr<Web> m_browser;
    QByteArray m_sandboxKey;
    QJsonObject m_paid;      // the bill paid online
    int m_keys = 0;
};

void TestBillsE2e::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_unit = std::make_unique<Web>(m_server.caFile());
    m_browser = std::make_unique<Web>(m_server.caFile());
    const Answer login = m_unit->send("POST", api(QStringLiteral("/auth/login")),
                                      R"({"unit_no":"43010000001","password":"Demo1234"})", {{"Content-Type", Json}});
    QCOMPARE(login.status, 200);
    m_unit->setToken(login.json().value(QLatin1String("token")).toString().toLatin1());
    QFile key(QDir(m_server.dataDir()).filePath(QStringLiteral("bank-sandbox.key")));
    QVERIFY(key.open(QIODevice::ReadOnly));
    QCOMPARE(key.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    m_sandboxKey = BankSignature::parseKey(key.readAll());
    QCOMPARE(m_sandboxKey.size(), 32);
}

void TestBillsE2e::cleanupTestCase()
{
    m_unit.reset();
    m_browser.reset();
    m_server.stop();
}

QJsonObject TestBillsE2e::createBill(const QString &idNumber, const QString &wage)
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("id_number"), idNumber}, {QStringLiteral("wage"), wage},
                                                      {QStringLiteral("settlement"), QStringLiteral("separate")}})
                                .toJson(QJsonDocument::Compact);
    const Answer r = m_unit->send("POST", api(QStringLiteral("/bills")), body,
                                  {{"Content-Type", Json}, {"Idempotency-Key", "e2e-bill-" + QByteArray::number(++m_keys)}});
    if (r.status != 201)
        qWarning("create bill: %d %s", r.status, r.body.constData());
    return r.status == 201 ? r.json() : QJsonObject();
}

Answer TestBillsE2e::callback(const QJsonObject &payment, const QByteArray &key, const QByteArray &bankId)
{
    const QByteArray body = QJsonDocument(payment).toJson(QJsonDocument::Compact);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return m_browser->send("POST", api(QStringLiteral("/bank/payments")), body,
                           {{"Content-Type", Json},
                            {"X-Bank-Id", bankId},
                            {"X-Bank-Timestamp", QByteArray::number(now)},
                            {"X-Bank-Signature", BankSignature::sign(key, "POST", "/api/v1/bank/payments", now, body)}});
}

int TestBillsE2e::sql(const QString &statement, const QVariantList &values)
{
    // The server's own SQLite file (WAL): the test reads it, and moves one bill's expiry as a week
    // passing would.
    int result = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("e2e"));
        db.setDatabaseName(QDir(m_server.dataDir()).filePath(QStringLiteral("shebao.sqlite")));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(statement);
            for (const QVariant &v : values)
                q.addBindValue(v);
            if (q.exec())
                result = q.next() ? q.value(0).toInt() : q.numRowsAffected();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("e2e"));
    return result;
}

void TestBillsE2e::payOnlineThroughTheSandboxBank()
{
    // 罗建国 (docs/cli.md): 2018-07..2018-12 uncovered between two periods with 43010000001.
    const QString person = QStringLiteral("430102197603089519");
    Answer gaps = m_unit->send("GET", api(QStringLiteral("/arrears/gaps?id_number=") + person));
    QCOMPARE(gaps.status, 200);
    QCOMPARE(gaps.json().value(QLatin1String("units")).toArray().at(0).toObject().value(QLatin1String("eligible_months")).toInt(), 6);

    const QJsonObject bill = createBill(person, QStringLiteral("6500.00"));
    QVERIFY(!bill.isEmpty());
    const QString number = bill.value(QLatin1String("number")).toString();
    QCOMPARE(bill.value(QLatin1String("state")).toString(), QStringLiteral("unpaid"));
    const QUrl payPage(bill.value(QLatin1String("payment_url")).toString());
    QCOMPARE(payPage.path(), QStringLiteral("/bank-sandbox/pay"));

    // The browser opens the bank's page: 沙箱 everywhere, no script, a strict CSP.
    const Answer page = m_browser->send("GET", payPage);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.header("Content-Security-Policy"),
             QByteArray("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"));
    const QString html = QString::fromUtf8(page.body);
    QVERIFY(html.contains(QStringLiteral("（沙箱）</title>")));
    QVERIFY(html.contains(QStringLiteral("沙箱环境，仅供测试，不会产生真实扣款")));
    QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    QVERIFY(html.contains(Money::parseYuan(bill.value(QLatin1String("total")).toString())->toDisplayString()));
    const auto form = QRegularExpression(QStringLiteral("<form method=\"post\" action=\"([^\"]+)\"><input type=\"hidden\" name=\"bill\""
                                                        " value=\"(\\d{17})\">"))
                          .match(html);
    QVERIFY2(form.hasMatch(), qPrintable(html));
    QCOMPARE(form.captured(2), number);

    // 确认支付, as the browser posts the form.
    const Answer paid = m_browser->send("POST", payPage.resolved(QUrl(form.captured(1))),
                                        "bill=" + number.toLatin1() + "&account=6222+0202+0011+2233+445",
                                        {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(paid.status, 200);
    QVERIFY(QString::fromUtf8(paid.body).contains(QStringLiteral("支付成功（沙箱）")));

    // Nobody tells the client: it asks, as BillWatcher does, until the bank's callback has landed.
    QJsonObject shown;
    for (int i = 0; i < 75 && shown.value(QLatin1String("state")).toString() != QLatin1String("paid"); ++i) {
        if (i)
            QTest::qWait(200);
        shown = m_unit->send("GET", api(QStringLiteral("/bills/") + number)).json();
    }
    QCOMPARE(shown.value(QLatin1String("state")).toString(), QStringLiteral("paid"));
    QCOMPARE(shown.value(QLatin1String("state_name")).toString(), QStringLiteral("已缴费"));
    const QJsonObject payment = shown.value(QLatin1String("payment")).toObject();
    QCOMPARE(payment.value(QLatin1String("bank_id")).toString(), QStringLiteral("sandbox"));
    QCOMPARE(payment.value(QLatin1String("channel")).toString(), QStringLiteral("online"));
    QCOMPARE(payment.value(QLatin1String("amount")).toString(), bill.value(QLatin1String("total")).toString());
    m_paid = shown;

    // The enrolment is filled: the person's periods with the unit now cover 2018-07..2018-12.
    const Answer persons = m_unit->send("GET", api(QStringLiteral("/persons?limit=10000")));
    QJsonArray periods;
    for (const QJsonValue &v : persons.json().value(QLatin1String("items")).toArray())
        if (v.toObject().value(QLatin1String("id_number")).toString() == person)
            periods = v.toObject().value(QLatin1String("enrolments")).toArray();
    QStringList filled;
    for (const QJsonValue &e : periods)
        if (e.toObject().value(QLatin1String("start")).toString() == QLatin1String("2018-07"))
            filled << e.toObject().value(QLatin1String("insurance")).toString() + u' ' + e.toObject().value(QLatin1String("end")).toString();
    filled.sort();
    QCOMPARE(filled, (QStringList{QStringLiteral("110 2018-12"), QStringLiteral("210 2018-12"), QStringLiteral("410 2018-12")}));
    // And the gap is gone.
    gaps = m_unit->send("GET", api(QStringLiteral("/arrears/gaps?id_number=") + person));
    QCOMPARE(gaps.json().value(QLatin1String("units")).toArray().at(0).toObject().value(QLatin1String("eligible_months")).toInt(), 0);
}

void TestBillsE2e::forgedCallbackIsRefused()
{
    const QJsonObject bill = createBill(QStringLiteral("430102196809219628"), QStringLiteral("4000.00"));   // 龚秀英
    QVERIFY(!bill.isEmpty());
    const QJsonObject payment{{QStringLiteral("bill_number"), bill.value(QLatin1String("number"))},
                              {QStringLiteral("amount"), bill.value(QLatin1String("total"))},
                              {QStringLiteral("transaction_id"), QStringLiteral("FORGED-1")},
                              {QStringLiteral("channel"), QStringLiteral("online")},
                              {QStringLiteral("paid_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    Answer r = callback(payment, QByteArray(32, 'x'));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("bank.signature"));
    r = callback(payment, m_sandboxKey, "csbank");   // a bank the server has no key for
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("bank.unknown"));
    QCOMPARE(m_unit->send("GET", api(QStringLiteral("/bills/") + bill.value(QLatin1String("number")).toString()))
                 .json()
                 .value(QLatin1String("state"))
                 .toString(),
             QStringLiteral("unpaid"));
    QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'bank.auth' AND outcome IN ('bank.signature', 'bank.unknown')")),
             2);
}

void TestBillsE2e::repeatedCallbackChangesNothing()
{
    QVERIFY(!m_paid.isEmpty());
    const QJsonObject p = m_paid.value(QLatin1String("payment")).toObject();
    const QJsonObject payment{{QStringLiteral("bill_number"), m_paid.value(QLatin1String("number"))},
                              {QStringLiteral("amount"), p.value(QLatin1String("amount"))},
                              {QStringLiteral("transaction_id"), p.value(QLatin1String("transaction_id"))},
                              {QStringLiteral("channel"), QStringLiteral("online")},
                              {QStringLiteral("paid_at"), p.value(QLatin1String("paid_at"))}};
    const Answer r = callback(payment, m_sandboxKey);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("repeated")).toBool(), true);
    QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM bill_payments bp JOIN bills b ON b.id = bp.bill_id WHERE b.number = ?"),
                 {m_paid.value(QLatin1String("number")).toString()}),
             1);
    QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM enrolments e JOIN bills b ON b.id = e.bill_id WHERE b.number = ?"),
                 {m_paid.value(QLatin1String("number")).toString()}),
             3);
}

void TestBillsE2e::wrongAmountIsRefused()
{
    const QJsonObject bill = createBill(QStringLiteral("430103198507309551"), QStringLiteral("9000.00"));   // 曾志强
    QVERIFY(!bill.isEmpty());
    const qint64 fen = Money::parseYuan(bill.value(QLatin1String("total")).toString())->fen();
    const QJsonObject payment{{QStringLiteral("bill_number"), bill.value(QLatin1String("number"))},
                              {QStringLiteral("amount"), Money::fromFen(fen - 1).toYuanString()},
                              {QStringLiteral("transaction_id"), QStringLiteral("CS-E2E-AMOUNT")},
                              {QStringLiteral("channel"), QStringLiteral("counter")},
                              {QStringLiteral("paid_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    const Answer r = callback(payment, m_sandboxKey);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("bill.amount_mismatch"));
    QCOMPARE(m_unit->send("GET", api(QStringLiteral("/bills/") + bill.value(QLatin1String("number")).toString()))
                 .json()
                 .value(QLatin1String("state"))
                 .toString(),
             QStringLiteral("unpaid"));
}

void TestBillsE2e::expiredBillIsRefused()
{
    // 蒋文静 (docs/cli.md): enrolled late, so the gap 2021-01..2021-05 comes from 用工起始年月.
    const QByteArray body = R"({"id_number":"430105199205179648","wage":"5800.00","employed_from":"2021-01","settlement":"separate"})";
    const Answer created = m_unit->send("POST", api(QStringLiteral("/bills")), body, {{"Content-Type", Json}, {"Idempotency-Key", "e2e-expired"}});
    QCOMPARE(created.status, 201);
    const QString number = created.json().value(QLatin1String("number")).toString();
    QCOMPARE(created.json().value(QLatin1String("month_count")).toInt(), 5);
    // A week later: the bill's expiry passed (moved in the database, the server's clock is real).
    QCOMPARE(sql(QStringLiteral("UPDATE bills SET expires_at = ? WHERE number = ?"), {QDateTime::currentSecsSinceEpoch() - 1, number}), 1);
    const QJsonObject payment{{QStringLiteral("bill_number"), number},
                              {QStringLiteral("amount"), created.json().value(QLatin1String("total"))},
                              {QStringLiteral("transaction_id"), QStringLiteral("CS-E2E-LATE")},
                              {QStringLiteral("channel"), QStringLiteral("counter")},
                              {QStringLiteral("paid_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    const Answer r = callback(payment, m_sandboxKey);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("bill.expired"));
    QCOMPARE(m_unit->send("GET", api(QStringLiteral("/bills/") + number)).json().value(QLatin1String("state")).toString(),
             QStringLiteral("expired"));
    // The sandbox bank's page will not take it either.
    const Answer page = m_browser->send("GET", QUrl(m_server.baseUrl().toString() + QStringLiteral("/bank-sandbox/pay?bill=") + number));
    QCOMPARE(page.status, 409);
    QVERIFY(!QString::fromUtf8(page.body).contains(QStringLiteral("确认支付")));
}

QTEST_GUILESS_MAIN(TestBillsE2e)
#include "tst_bills_e2e.moc"
