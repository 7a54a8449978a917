// BillService and BillWatcher against a real shebao-server over HTTPS (docs/bills.md): local
// checks that send nothing; a person's gaps → the estimate → the bill (its number, amounts,
// 限缴日期, payment page) → the months held by it → a second bill refused → 银行缴费单查询 by state
// and person → 有单缴费 with the ID number checked → the slip of the real bill (pdftotext, zbarimg)
// → 作废 and the months free again; a 生成 whose answer was lost, pressed again, makes one bill (a
// loopback proxy loses the answer for real); an ordinary unit is refused; and a bill paid through
// the sandbox bank's page by HTTP, which BillWatcher sees become 已缴费 with nothing done in the
// client, after which its months are no longer gaps.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "BillFixtures.h"
#include "CuttingProxy.h"
#include "DeskClient.h"
#include "ServerProcess.h"
#include "app/ApiClient.h"
#include "app/BillService.h"
#include "app/BillSlip.h"
#include "models/bill/BillNumber.h"
#include "models/money/ChineseCapitals.h"

using namespace shebao;
using test::waitFor;

namespace {

const QString Password = QStringLiteral("Demo1234");
const QString Authorized = QStringLiteral("43010000001");
const QString Ordinary = QStringLiteral("43010000002");

QDate beijingToday()
{
    return QDateTime::currentDateTimeUtc().toOffsetFromUtc(8 * 3600).date();
}

} // namespace

class TestBillServiceE2e : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void localChecksSendNothing();
    void gapsEstimateBillListLookupCancel();
    void lostAnswerMakesOneBill();
    void ordinaryUnitIsRefused();
    void watcherSeesASandboxPayment();

private:
    std::unique_ptr<ApiClient> loggedIn(const QUrl &url, const QString &unitNo);
    Result<Bill> create(const BillRequest &request) { return waitFor<Bill>([&](auto done) { m_service->create(request, this, done); }); }
    QList<Bill> listed(const BillQuery &query)
    {
        auto page = waitFor<BillPage>([&](auto done) { m_service->list(query, this, done); });
        return page.ok() ? page.value().bills : QList<Bill>();
    }
    ArrearsGaps gapsOf(const QString &id)
    {
        auto gaps = waitFor<ArrearsGaps>([&](auto done) { m_service->gaps(id, std::nullopt, this, done); });
        return gaps.ok() ? gaps.value() : ArrearsGaps{};
    }

    test::ServerProcess m_server;
    test::CuttingProxy m_proxy;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<BillService> m_service;
    QStringList m_people;
};

std::unique_ptr<ApiClient> TestBillServiceE2e::loggedIn(const QUrl &url, const QString &unitNo)
{
    auto api = std::make_unique<ApiClient>();
    api->setBaseUrl(url);
    if (!api->addCaCertificatesFromFile(m_server.caFile()).ok())
        return nullptr;
    auto login = waitFor<LoginReply>([&](auto done) { api->login(unitNo, Password, this, done); });
    if (!login)
        return nullptr;
    api->setToken(login.value().token);
    return api;
}

void TestBillServiceE2e::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    QVERIFY(m_proxy.listen());
    m_proxy.setBackendPort(quint16(m_server.baseUrl().port()));
    m_api = loggedIn(m_server.baseUrl(), Authorized);
    QVERIFY(m_api);
    m_service = std::make_unique<BillService>(m_api.get(), nullptr);
    m_people = test::bills::peopleWithGaps(*m_api, *m_service, this, 3);
    QCOMPARE(m_people.size(), 3);
}

void TestBillServiceE2e::localChecksSendNothing()
{
    const int before = int(listed({}).size());
    BillRequest zero = test::bills::requestFor(m_people.first(), 0);
    auto r = create(zero);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("arrears.wage"));
    BillRequest unit = test::bills::requestFor(m_people.first());
    unit.settlement = QStringLiteral("unit");
    r = create(unit);
    QCOMPARE(r.error().code, QStringLiteral("arrears.settlement"));
    // A number as copied with its last digit wrong.
    QString typo = BillNumber::make(beijingToday(), 1);
    typo[16] = QChar(u'0' + (typo[16].digitValue() + 1) % 10);
    auto wrongNumber = waitFor<Bill>([&](auto done) { m_service->bill(typo, m_people.first(), this, done); });
    QCOMPARE(wrongNumber.error().code, QStringLiteral("bill.number"));
    QCOMPARE(wrongNumber.error().field, QStringLiteral("number"));
    QCOMPARE(int(listed({}).size()), before); // nothing reached the server
}

void TestBillServiceE2e::gapsEstimateBillListLookupCancel()
{
    const QString id = m_people.at(0);
    const ArrearsGaps gaps = gapsOf(id);
    QCOMPARE(gaps.units.size(), 1);
    const UnitGaps unit = gaps.units.first();
    QCOMPARE(unit.unitNo, Authorized);
    QVERIFY(unit.eligibleMonths() > 0);
    QVERIFY(gaps.latestEligible == gaps.currentMonth.addMonths(-3));
    for (const GapRange &range : unit.eligible)
        QVERIFY(range.to <= gaps.latestEligible && range.from >= *YearMonth::of(1995, 1));

    const BillRequest request = test::bills::requestFor(id);
    auto estimate = waitFor<ArrearsEstimate>([&](auto done) { m_service->estimate(request, this, done); });
    QVERIFY2(estimate.ok(), qPrintable(estimate.ok() ? QString() : estimate.error().message));
    QCOMPARE(estimate.value().months.size(), unit.eligibleMonths());
    QCOMPARE(estimate.value().total, estimate.value().principal + estimate.value().lateFee);
    QCOMPARE(estimate.value().calculationDate, beijingToday());
    QVERIFY(!estimate.value().policyName.isEmpty());
    QVERIFY(!estimate.value().periods.isEmpty());
    const int before = int(listed({}).size());

    auto bill = create(request);
    QVERIFY2(bill.ok(), qPrintable(bill.ok() ? QString() : bill.error().message));
    const Bill &b = bill.value();
    QVERIFY(BillNumber::isValid(b.number));
    QVERIFY(b.number.startsWith(beijingToday().toString(QStringLiteral("yyyyMMdd"))));
    QCOMPARE(b.state, BillState::Unpaid);
    QVERIFY(b.hasEstimate);
    QCOMPARE(b.total, estimate.value().total); // the same day: the same late fee
    QCOMPARE(b.monthCount, unit.eligibleMonths());
    QCOMPARE(b.payBy, beijingToday().addDays(6));
    QCOMPARE(int(listed({}).size()), before + 1); // the estimate stored nothing, the bill is one
    QVERIFY2(b.paymentUrl.startsWith(u"https://") && b.paymentUrl.endsWith(QStringLiteral("/bank-sandbox/pay?bill=") + b.number),
             qPrintable(b.paymentUrl));

    // The months are held by the bill now: shown as billed, and a second bill is refused.
    const ArrearsGaps after = gapsOf(id);
    QCOMPARE(after.units.first().eligibleMonths(), 0);
    QVERIFY(!after.units.first().billed.isEmpty());
    QCOMPARE(after.units.first().billed.first().billNumber, b.number);
    auto twice = create(request);
    QVERIFY(!twice.ok());
    QCOMPARE(twice.error().code, QStringLiteral("bill.open"));
    QVERIFY2(twice.error().message.contains(b.number), qPrintable(twice.error().message));

    // 银行缴费单查询: by state and by person; rows come without months.
    BillQuery unpaid;
    unpaid.state = BillState::Unpaid;
    const auto holds = [&b](const QList<Bill> &rows) {
        return std::any_of(rows.begin(), rows.end(), [&](const Bill &row) { return row.number == b.number && !row.hasEstimate; });
    };
    QVERIFY(holds(listed(unpaid)));
    BillQuery paid;
    paid.state = BillState::Paid;
    QVERIFY(!holds(listed(paid)));
    BillQuery theirs;
    theirs.idNumber = id;
    QVERIFY(holds(listed(theirs)));
    BillQuery other;
    other.idNumber = m_people.at(1);
    QVERIFY(!holds(listed(other)));
    BillQuery today;
    today.from = beijingToday();
    today.to = beijingToday();
    QVERIFY(holds(listed(today)));
    BillQuery yesterday;
    yesterday.to = beijingToday().addDays(-1);
    QVERIFY(!holds(listed(yesterday)));

    // 有单缴费: the number with its person, and not with another.
    auto found = waitFor<Bill>([&](auto done) { m_service->bill(b.number, id, this, done); });
    QVERIFY(found.ok());
    QCOMPARE(found.value(), b);
    auto notTheirs = waitFor<Bill>([&](auto done) { m_service->bill(b.number, m_people.at(1), this, done); });
    QVERIFY(!notTheirs.ok());
    QCOMPARE(notTheirs.error().code, QStringLiteral("bill.unknown"));
    QCOMPARE(notTheirs.error().field, QStringLiteral("number"));

    // The slip of the real bill: the number in text and as the QR code, the total in words.
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("slip.pdf"));
    const auto written = BillSlip::writePdf(found.value(), pdf);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    const QString text = test::bills::pdfText(pdf);
    QVERIFY(text.contains(QStringLiteral("业务单据号：%1").arg(b.number)));
    QVERIFY(text.contains(QStringLiteral("人民币") + chineseCapitals(b.total)));
    QCOMPARE(test::bills::qrCodes(pdf), QStringList{b.number});

    // 作废: the bill ends, its months can be billed again.
    auto cancelled = waitFor<Bill>([&](auto done) { m_service->cancel(b.number, this, done); });
    QVERIFY2(cancelled.ok(), qPrintable(cancelled.ok() ? QString() : cancelled.error().message));
    QCOMPARE(cancelled.value().state, BillState::Cancelled);
    BillQuery cancelledOnes;
    cancelledOnes.state = BillState::Cancelled;
    QVERIFY(holds(listed(cancelledOnes)));
    QVERIFY(!holds(listed(unpaid)));
    QCOMPARE(gapsOf(id).units.first().eligibleMonths(), unit.eligibleMonths());
    // A cancelled bill has no slip.
    auto again = waitFor<Bill>([&](auto done) { m_service->bill(b.number, id, this, done); });
    QCOMPARE(again.value().state, BillState::Cancelled);
    QCOMPARE(BillSlip::data(again.value()).error().code, QStringLiteral("bill.cancelled"));
}

void TestBillServiceE2e::lostAnswerMakesOneBill()
{
    auto viaProxy = loggedIn(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_proxy.port())), Authorized);
    QVERIFY(viaProxy);
    viaProxy->setTimeout(5000);
    BillService service(viaProxy.get(), nullptr);
    const QString id = m_people.at(1);
    const BillRequest request = test::bills::requestFor(id, 480000);

    m_proxy.setCutAnswers(true);
    auto lost = waitFor<Bill>([&](auto done) { service.create(request, this, done); });
    m_proxy.setCutAnswers(false);
    QVERIFY(!lost.ok());
    QVERIFY2(lost.error().code == u"net.unreachable" || lost.error().code == u"net.timeout", qPrintable(lost.error().code));
    QVERIFY(m_proxy.cuts() > 0);
    // The server made the bill; pressing 生成断档缴费单 again answers that one (not bill.open).
    auto again = waitFor<Bill>([&](auto done) { service.create(request, this, done); });
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
    BillQuery theirs;
    theirs.idNumber = id;
    const QList<Bill> rows = listed(theirs);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().number, again.value().number);
    // Answered: the next press is a new request, refused because the months are billed.
    auto third = waitFor<Bill>([&](auto done) { service.create(request, this, done); });
    QCOMPARE(third.error().code, QStringLiteral("bill.open"));
}

void TestBillServiceE2e::ordinaryUnitIsRefused()
{
    auto ordinary = loggedIn(m_server.baseUrl(), Ordinary);
    QVERIFY(ordinary);
    BillService service(ordinary.get(), nullptr);
    auto gaps = waitFor<ArrearsGaps>([&](auto done) { service.gaps(m_people.first(), std::nullopt, this, done); });
    QVERIFY(!gaps.ok());
    QCOMPARE(gaps.error().code, QStringLiteral("auth.not_authorized"));
    auto bill = waitFor<Bill>([&](auto done) { service.create(test::bills::requestFor(m_people.first()), this, done); });
    QCOMPARE(bill.error().code, QStringLiteral("auth.not_authorized"));
}

void TestBillServiceE2e::watcherSeesASandboxPayment()
{
    const QString id = m_people.at(2);
    auto bill = create(test::bills::requestFor(id, 520000));
    QVERIFY2(bill.ok(), qPrintable(bill.ok() ? QString() : bill.error().message));
    const QList<GapRange> months = gapsOf(id).units.first().billed;
    QVERIFY(!months.isEmpty());

    BillWatcher watcher(m_service.get(), bill.value());
    watcher.setInterval(250);
    QSignalSpy updated(&watcher, &BillWatcher::updated);
    QSignalSpy finished(&watcher, &BillWatcher::finished);
    watcher.start();
    QTest::qWait(800);
    QCOMPARE(updated.count(), 0); // polled, nothing changed
    QVERIFY(watcher.isActive());

    // The clerk's browser: the sandbox page shows the bill, 确认支付 posts the account.
    const auto [status, page] = test::bills::sandboxPage(QUrl(bill.value().paymentUrl), m_server.caFile());
    QCOMPARE(status, 200);
    QVERIFY2(page.contains(bill.value().number) && page.contains(QStringLiteral("沙箱")), qPrintable(page));
    const auto [paidStatus, paidPage] = test::bills::payInSandbox(bill.value(), m_server.caFile());
    QCOMPARE(paidStatus, 200);
    QVERIFY2(paidPage.contains(QStringLiteral("支付成功")), qPrintable(paidPage));

    // Nothing is done in the client: the watcher sees the bank's callback land.
    QVERIFY(finished.count() == 1 || finished.wait(30000));
    QCOMPARE(watcher.bill().state, BillState::Paid);
    QVERIFY(watcher.bill().payment.has_value());
    QCOMPARE(watcher.bill().payment->channel, QStringLiteral("online"));
    QCOMPARE(watcher.bill().payment->amount, bill.value().total);
    QVERIFY(watcher.bill().hasEstimate); // the estimate shown stays with the bill
    QVERIFY(!watcher.isActive());
    QVERIFY(updated.count() >= 1);
    // The enrolment is filled: those months are no longer gaps, nor billed.
    const ArrearsGaps after = gapsOf(id);
    QCOMPARE(after.units.first().eligibleMonths(), 0);
    QVERIFY(after.units.first().billed.isEmpty());
    BillQuery paid;
    paid.state = BillState::Paid;
    const QList<Bill> rows = listed(paid);
    QVERIFY(std::any_of(rows.begin(), rows.end(), [&](const Bill &row) { return row.number == bill.value().number; }));
}

QTEST_MAIN(TestBillServiceE2e)
#include "tst_billservice_e2e.moc"
