// The sandbox bank (docs/bills.md): its page is marked 沙箱, has no scripts and a strict CSP, and
// refuses what cannot be paid; 确认支付 takes the payment once and the signed online callback
// reaches the server over verified HTTPS, so the bill is 已缴费 and the enrolment filled. A
// callback answered 5xx is sent again after a second; one a stopped server never got is sent on
// the next start.
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QtTest>

#include "BillTestData.h"
#include "ServerFixture.h"
#include "ServerTestData.h"
#include "models/bill/BillNumber.h"
#include "server/BankKeys.h"
#include "server/SandboxBank.h"
#include "server/TlsMaterial.h"

using namespace shebao;
using namespace shebao::test;
using namespace shebao::test::bills;

namespace {

const QByteArray Csp = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";

QByteArray form(const QString &number, const QString &account)
{
    return "bill=" + QUrl::toPercentEncoding(number) + "&account=" + QUrl::toPercentEncoding(account);
}

} // namespace

class TestServerBankSandbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pageIsMarkedAndScriptFree();
    void pagesForBillsThatCannotBePaid();
    void wrongAccountKeepsWhatWasTyped();
    void paymentNotifiesTheServer();
    void a5xxAnswerIsSentAgain();
    void undeliveredNotificationsResumeOnStart();

private:
    QPair<QString, QString> issue(int seq);   // {number, total}
    HttpResult page(const QString &number) { return m_browser->get(QStringLiteral("/bank-sandbox/pay?bill=") + number); }
    HttpResult submit(const QByteArray &body)
    {
        return m_browser->send("POST", QStringLiteral("/bank-sandbox/pay"), body,
                               {{"Content-Type", "application/x-www-form-urlencoded"}});
    }
    QString state(const QString &number)
    {
        return m_fixture->scalar(QStringLiteral("SELECT state FROM bills WHERE number = ?"), {number}).toString();
    }

    std::unique_ptr<TestBackend> m_backend;
    std::unique_ptr<ServerFixture> m_fixture;
    std::unique_ptr<HttpsClient> m_unit;
    std::unique_ptr<HttpsClient> m_browser;
};

void TestServerBankSandbox::initTestCase()
{
    m_backend = std::make_unique<TestBackend>();
    QVERIFY2(m_backend->ok(), qPrintable(m_backend->error()));
    m_fixture = std::make_unique<ServerFixture>(*m_backend);
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));   // --demo: the sandbox bank is on
    QVERIFY(m_fixture->server().sandboxBank());
    QVERIFY(QFile(server::BankKeys::sandboxFile(m_fixture->dataDir())).permissions()
            == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser));
    m_unit = m_fixture->client();
    QCOMPARE(m_unit->login(data::Authorized, data::Password).status, 200);
    m_browser = m_fixture->client();
}

void TestServerBankSandbox::cleanupTestCase()
{
    m_browser.reset();
    m_unit.reset();
    m_fixture.reset();
    m_backend.reset();
}

QPair<QString, QString> TestServerBankSandbox::issue(int seq)
{
    const QString id = addPerson(*m_fixture, QStringLiteral("沙箱缴"), QDate(1984, 2, 29), seq,
                                 {{data::Authorized, ago(*m_fixture, 30), ago(*m_fixture, 24)}, {data::Authorized, ago(*m_fixture, 12), {}}});
    const HttpResult r = m_unit->postJson(Bills, request(id), key().toLatin1());
    return {r.json().value(QLatin1String("number")).toString(), r.json().value(QLatin1String("total")).toString()};
}

void TestServerBankSandbox::pageIsMarkedAndScriptFree()
{
    const auto [number, total] = issue(501);
    QVERIFY(!number.isEmpty());
    // The bill's payment_url is this page.
    const QString url = m_unit->get(Bills + u'/' + number).json().value(QLatin1String("payment_url")).toString();
    QCOMPARE(QUrl(url).path(), QStringLiteral("/bank-sandbox/pay"));
    QCOMPARE(QUrlQuery(QUrl(url)).queryItemValue(QStringLiteral("bill")), number);

    const HttpResult r = page(number);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.contentType, QByteArray("text/html; charset=utf-8"));
    QCOMPARE(r.header("Content-Security-Policy"), Csp);
    const QString html = QString::fromUtf8(r.body);
    QVERIFY(QRegularExpression(QStringLiteral("<title>[^<]*沙箱[^<]*</title>")).match(html).hasMatch());
    QVERIFY(html.contains(QStringLiteral("沙箱环境，仅供测试，不会产生真实扣款")));
    QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    QVERIFY(html.contains(QStringLiteral("name=\"viewport\"")));
    QVERIFY(html.contains(number));
    QVERIFY(html.contains(Money::parseYuan(total)->toDisplayString()));
    QVERIFY(html.contains(QStringLiteral("沙*缴")));
    QVERIFY(html.contains(QStringLiteral("确认支付")));
    QVERIFY(html.contains(QStringLiteral("<form method=\"post\" action=\"/bank-sandbox/pay\">")));
    // Without a number: the form to type one.
    const HttpResult empty = m_browser->get(QStringLiteral("/bank-sandbox/pay"));
    QCOMPARE(empty.status, 200);
    QVERIFY(QString::fromUtf8(empty.body).contains(QStringLiteral("沙箱")));
}

void TestServerBankSandbox::pagesForBillsThatCannotBePaid()
{
    const HttpResult unknown = page(BillNumber::make(QDate(2020, 1, 1), 1));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.header("Content-Security-Policy"), Csp);
    QVERIFY(QString::fromUtf8(unknown.body).contains(QStringLiteral("沙箱环境")));
    QVERIFY(QString::fromUtf8(unknown.body).contains(QStringLiteral("没有找到该业务单据号的缴费单")));
    // A cancelled bill is shown as such and has no form.
    const auto [number, total] = issue(503);
    QCOMPARE(m_unit->post(Bills + u'/' + number + QStringLiteral("/cancel"), "{}", key().toLatin1()).status, 200);
    const HttpResult cancelled = page(number);
    QCOMPARE(cancelled.status, 409);
    QVERIFY(QString::fromUtf8(cancelled.body).contains(QStringLiteral("已作废")));
    QVERIFY(!QString::fromUtf8(cancelled.body).contains(QStringLiteral("确认支付")));
    QCOMPARE(submit(form(number, QStringLiteral("6222020200112233445"))).status, 409);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM sandbox_bank_payments WHERE bill_number = ?"), {number}).toInt(), 0);
}

void TestServerBankSandbox::wrongAccountKeepsWhatWasTyped()
{
    const auto [number, total] = issue(505);
    const HttpResult r = submit(form(number, QStringLiteral("6222 0202")));
    QCOMPARE(r.status, 422);
    const QString html = QString::fromUtf8(r.body);
    QVERIFY(html.contains(QStringLiteral("付款账号应为 16 到 19 位数字")));
    QVERIFY(html.contains(QStringLiteral("value=\"6222 0202\"")));
    QCOMPARE(state(number), QStringLiteral("unpaid"));
}

void TestServerBankSandbox::paymentNotifiesTheServer()
{
    const auto [number, total] = issue(507);
    QSignalSpy done(m_fixture->server().sandboxBank(), &server::SandboxBank::notificationDone);
    const HttpResult r = submit(form(number, QStringLiteral("6222 0202 0011 2233 445")));
    QCOMPARE(r.status, 200);
    const QString html = QString::fromUtf8(r.body);
    QVERIFY(html.contains(QStringLiteral("支付成功（沙箱）")));
    QVERIFY(html.contains(QStringLiteral("6222 **** 3445")));
    QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    const QString transaction =
        m_fixture->scalar(QStringLiteral("SELECT transaction_id FROM sandbox_bank_payments WHERE bill_number = ?"), {number}).toString();
    QVERIFY(transaction.startsWith(QStringLiteral("SBX")));
    QVERIFY(html.contains(transaction));

    // The callback arrives on its own, over HTTPS, signed by the sandbox's key.
    QVERIFY(done.wait(10000));
    QCOMPARE(done.constFirst().at(0).toString(), transaction);
    QCOMPARE(done.constFirst().at(1).toInt(), 200);
    QCOMPARE(state(number), QStringLiteral("paid"));
    const QJsonObject payment = m_unit->get(Bills + u'/' + number).json().value(QLatin1String("payment")).toObject();
    QCOMPARE(payment.value(QLatin1String("bank_id")).toString(), QStringLiteral("sandbox"));
    QCOMPARE(payment.value(QLatin1String("channel")).toString(), QStringLiteral("online"));
    QCOMPARE(payment.value(QLatin1String("transaction_id")).toString(), transaction);
    QCOMPARE(payment.value(QLatin1String("amount")).toString(), total);
    QVERIFY(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM enrolments e JOIN bills b ON b.id = e.bill_id WHERE b.number = ?"),
                              {number})
                .toInt()
            > 0);
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT attempts FROM sandbox_bank_payments WHERE transaction_id = ?"), {transaction}).toInt(), 1);

    // 确认支付 again (the back button): the same receipt, no second payment.
    const HttpResult again = submit(form(number, QStringLiteral("6222020200112233445")));
    QCOMPARE(again.status, 200);
    QVERIFY(QString::fromUtf8(again.body).contains(transaction));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT COUNT(*) FROM sandbox_bank_payments WHERE bill_number = ?"), {number}).toInt(), 1);
    QVERIFY(QString::fromUtf8(page(number).body).contains(QStringLiteral("支付成功（沙箱）")));
}

void TestServerBankSandbox::a5xxAnswerIsSentAgain()
{
    // A stand-in for the server that answers 503 once, with the server's own certificate.
    server::TlsMaterial tls(m_fixture->dataDir());
    QFile certFile(tls.certFile());
    QFile keyFile(tls.keyFile());
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    conf.setLocalCertificateChain(QSslCertificate::fromData(certFile.readAll()));
    conf.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    QSslServer fake;
    fake.setSslConfiguration(conf);
    QVERIFY(fake.listen(QHostAddress::LocalHost, 0));
    QByteArray received;
    connect(&fake, &QTcpServer::pendingConnectionAvailable, this, [&] {
        auto *socket = static_cast<QSslSocket *>(fake.nextPendingConnection());
        connect(socket, &QSslSocket::readyRead, socket, [socket, &received] {
            received += socket->readAll();
            if (received.contains("\r\n\r\n")) {
                socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            }
        });
    });

    server::SandboxBank *bank = m_fixture->server().sandboxBank();
    QVERIFY(bank->setTarget(QStringLiteral("https://localhost:%1").arg(fake.serverPort()), m_fixture->caFile()));
    const auto restore = qScopeGuard([&] { bank->setTarget(m_fixture->server().publicBase(), m_fixture->caFile()); });
    const auto [number, total] = issue(509);
    QSignalSpy done(bank, &server::SandboxBank::notificationDone);
    QCOMPARE(submit(form(number, QStringLiteral("6222020200112233445"))).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(received.contains("\r\n\r\n"), 10000);
    QVERIFY(received.startsWith("POST /api/v1/bank/payments HTTP/1.1"));
    QVERIFY(received.toLower().contains("x-bank-id: sandbox"));
    QVERIFY(received.toLower().contains("x-bank-signature: "));
    QCOMPARE(state(number), QStringLiteral("unpaid"));

    // The retry a second later goes to the real server.
    bank->setTarget(m_fixture->server().publicBase(), m_fixture->caFile());
    QVERIFY(done.wait(10000));
    QCOMPARE(done.constFirst().at(1).toInt(), 200);
    QCOMPARE(state(number), QStringLiteral("paid"));
    QCOMPARE(m_fixture->scalar(QStringLiteral("SELECT attempts FROM sandbox_bank_payments WHERE bill_number = ?"), {number}).toInt(), 2);
}

void TestServerBankSandbox::undeliveredNotificationsResumeOnStart()
{
    // What a server stopped right after 确认支付 leaves behind: the sandbox's record, no notification.
    const auto [number, total] = issue(511);
    QVERIFY(m_fixture->server()
                .database()
                .exec(QStringLiteral("INSERT INTO sandbox_bank_payments (transaction_id, bill_number, amount_fen, account_masked,"
                                     " created_at) VALUES ('SBXRESUME0001', ?, ?, '6222 **** 3445', ?)"),
                      {number, Money::parseYuan(total)->fen(), m_fixture->server().clock().now()}));
    m_unit.reset();
    m_browser.reset();
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->error()));
    QSignalSpy done(m_fixture->server().sandboxBank(), &server::SandboxBank::notificationDone);
    QVERIFY(done.wait(10000));
    QCOMPARE(done.constFirst().at(0).toString(), QStringLiteral("SBXRESUME0001"));
    QCOMPARE(state(number), QStringLiteral("paid"));
}

QTEST_GUILESS_MAIN(TestServerBankSandbox)
#include "tst_server_bank_sandbox.moc"
