// 网上缴费 → 有单缴费 and 银行缴费单查询 driven by objectName against the real server, as the
// authorized demo unit 43010000001, with bills made through BillService: 有单缴费 names a wrong
// ID number or a 业务单据号 with a wrong check digit under its field without asking the server,
// shows the server's 身份证号与业务单据号不匹配 under the number, and prints the slip of the right
// pair; 银行缴费单查询 lists the bills by state and person, shows the chosen one whole, reprints its
// slip, 作废 an unpaid one after the clerk confirms (not when they decline), and follows a bill
// paid through the sandbox bank's page to 已缴费 in the view and in the list.
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AppContext.h"
#include "app/BillService.h"
#include "app/Session.h"
#include "models/bill/BillNumber.h"
#include "tests/e2e/BillFixtures.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/pay/BillLookupPage.h"
#include "ui/pay/BillQueryPage.h"
#include "ui/pay/BillTableModel.h"
#include "ui/pay/BillView.h"
#include "ui/pay/PayModule.h"
#include "ui/widgets/FileDialog.h"
#include "ui/widgets/MessageBox.h"

using namespace shebao;
using test::waitFor;

class TestBillPagesGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void payByBillChecksBothFields();
    void payByBillPrintsTheSlip();
    void queryByStateAndPerson();
    void reprintAndCancel();
    void listFollowsASandboxPayment();

private:
    template <typename T>
    T *child(QWidget *page, const char *name) const
    {
        return page->findChild<T *>(QString::fromLatin1(name));
    }
    // Sets the filter and presses 查询; waits for the answer.
    bool query(const QString &stateCode, const QString &id);
    int rowOf(const QString &number) const { return m_window->payModule()->queryPage()->model()->rowOf(number); }

    test::ServerProcess m_server;
    test::DeskFixture m_fixture;
    QTemporaryDir m_files;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_people;
    QList<Bill> m_bills;
};

void TestBillPagesGui::initTestCase()
{
    test::installChinese();
    QVERIFY(m_files.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_context = m_fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog login(*m_context);
    QVERIFY2(test::submitLogin(login, QStringLiteral("43010000001"), QStringLiteral("Demo1234")), qPrintable(login.errorText()));
    const QString syncError = test::syncNow(*m_context);
    QVERIFY2(syncError.isEmpty(), qPrintable(syncError));
    m_people = test::bills::peopleWithGaps(m_context->api(), m_context->bills(), this, 3);
    QCOMPARE(m_people.size(), 3);
    for (const QString &id : std::as_const(m_people)) {
        auto bill = waitFor<Bill>([&](auto done) { m_context->bills().create(test::bills::requestFor(id), this, done); });
        QVERIFY2(bill.ok(), qPrintable(bill.ok() ? QString() : bill.error().message));
        m_bills.append(bill.value());
    }
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestBillPagesGui::cleanupTestCase()
{
    m_window.reset();
    m_context.reset();
}

void TestBillPagesGui::payByBillChecksBothFields()
{
    QVERIFY(m_window->showEntry(QStringLiteral("pay.bill")));
    ui::BillLookupPage *page = m_window->payModule()->lookupPage();
    QVERIFY(page->isVisible());
    auto *id = child<QLineEdit>(page, "idNumberLineEdit");
    auto *number = child<QLineEdit>(page, "billNumberLineEdit");
    auto *idError = child<QLabel>(page, "idNumberErrorLabel");
    auto *numberError = child<QLabel>(page, "billNumberErrorLabel");
    const Bill &bill = m_bills.at(0);

    // Both wrong: both named at once, nothing asked of the server.
    QString typo = bill.number;
    typo[5] = QChar(u'0' + (typo[5].digitValue() + 1) % 10);
    QVERIFY(!BillNumber::isValid(typo));
    id->setText(QStringLiteral("43010219900512881"));
    number->setText(typo);
    QTest::mouseClick(child<QPushButton>(page, "lookupBillButton"), Qt::LeftButton);
    QVERIFY(idError->isVisibleTo(page));
    QVERIFY(numberError->isVisibleTo(page));
    QCOMPARE(numberError->text(), QStringLiteral("业务单据号应为17位数字且校验位正确"));
    QVERIFY(!page->view()->isVisibleTo(page));
    test::saveScreenshot(m_window.get(), QStringLiteral("paybill-refused-locally"));

    // The number right, the person another: the server's refusal, under the number.
    id->setText(m_people.at(1));
    number->setText(bill.number);
    QTest::keyClick(number, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(numberError->isVisibleTo(page), 30000);
    QCOMPARE(numberError->text(), QStringLiteral("身份证号与业务单据号不匹配"));
    QVERIFY(!idError->isVisibleTo(page));
    QVERIFY(!page->view()->isVisibleTo(page));
}

void TestBillPagesGui::payByBillPrintsTheSlip()
{
    ui::BillLookupPage *page = m_window->payModule()->lookupPage();
    const Bill &bill = m_bills.at(0);
    child<QLineEdit>(page, "idNumberLineEdit")->setText(m_people.at(0));
    // As copied from paper: grouped with a space.
    child<QLineEdit>(page, "billNumberLineEdit")->setText(bill.number.left(8) + u' ' + bill.number.mid(8));
    page->lookup();
    QTRY_VERIFY_WITH_TIMEOUT(page->view()->isVisibleTo(page), 30000);
    QVERIFY(!child<QLabel>(page, "billNumberErrorLabel")->isVisibleTo(page));
    QCOMPARE(child<QLabel>(page, "billNumberLabel")->text(), bill.number);
    QCOMPARE(child<QLabel>(page, "billStateLabel")->text(), QStringLiteral("未缴费"));
    QVERIFY(page->view()->bill()->hasEstimate);
    test::saveScreenshot(m_window.get(), QStringLiteral("paybill-found"));
    const QString saved = m_files.filePath(QStringLiteral("paybill.pdf"));
    ui::FileDialog::setNextFileName(saved);
    child<QPushButton>(page, "saveSlipPdfButton")->click();
    QTRY_VERIFY(QFile::exists(saved));
    QVERIFY(test::bills::pdfText(saved).contains(QStringLiteral("业务单据号：") + bill.number));
    QCOMPARE(test::bills::qrCodes(saved), QStringList{bill.number});
}

bool TestBillPagesGui::query(const QString &stateCode, const QString &id)
{
    ui::BillQueryPage *page = m_window->payModule()->queryPage();
    auto *state = child<QComboBox>(page, "stateComboBox");
    state->setCurrentIndex(state->findData(stateCode));
    child<QLineEdit>(page, "filterIdNumberLineEdit")->setText(id);
    auto *message = child<QLabel>(page, "billQueryMessageLabel");
    message->clear();
    QTest::mouseClick(child<QPushButton>(page, "queryBillsButton"), Qt::LeftButton);
    return QTest::qWaitFor([&] { return !message->text().isEmpty(); }, 30000);
}

void TestBillPagesGui::queryByStateAndPerson()
{
    QVERIFY(m_window->showEntry(QStringLiteral("pay.slips")));
    ui::BillQueryPage *page = m_window->payModule()->queryPage();
    QVERIFY(page->isVisible());
    // Shown at once: every bill of the unit, newest first.
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 3, 30000);
    QCOMPARE(page->model()->at(0).number, m_bills.at(2).number);
    test::saveScreenshot(m_window.get(), QStringLiteral("bills-query"));

    QVERIFY(query(QStringLiteral("unpaid"), QString()));
    QCOMPARE(page->model()->rowCount(), 3);
    QVERIFY(query(QStringLiteral("paid"), QString()));
    QCOMPARE(page->model()->rowCount(), 0);
    QCOMPARE(child<QLabel>(page, "billQueryMessageLabel")->text(), QStringLiteral("没有符合条件的缴费单。"));
    QVERIFY(query(QString(), m_people.at(1)));
    QCOMPARE(page->model()->rowCount(), 1);
    QCOMPARE(page->model()->at(0).number, m_bills.at(1).number);
    // By issue date: today has them, a range ending yesterday none.
    child<QCheckBox>(page, "issueDateCheckBox")->setChecked(true);
    child<QDateEdit>(page, "fromDateEdit")->setDate(QDate(2020, 1, 1));
    child<QDateEdit>(page, "toDateEdit")->setDate(QDateTime::currentDateTimeUtc().toOffsetFromUtc(8 * 3600).date().addDays(-1));
    QVERIFY(query(QString(), QString()));
    QCOMPARE(page->model()->rowCount(), 0);
    child<QCheckBox>(page, "issueDateCheckBox")->setChecked(false);
    // A malformed ID number under the filter field, nothing asked.
    auto *idError = child<QLabel>(page, "filterIdNumberErrorLabel");
    child<QLineEdit>(page, "filterIdNumberLineEdit")->setText(QStringLiteral("4301"));
    QTest::mouseClick(child<QPushButton>(page, "queryBillsButton"), Qt::LeftButton);
    QTRY_VERIFY(idError->isVisibleTo(page));
    QVERIFY(query(QString(), QString()));
    QCOMPARE(page->model()->rowCount(), 3);
    QVERIFY(!idError->isVisibleTo(page));
}

void TestBillPagesGui::reprintAndCancel()
{
    ui::BillQueryPage *page = m_window->payModule()->queryPage();
    auto *table = child<QTableView>(page, "billsTableView");
    const Bill &bill = m_bills.at(1);
    table->selectRow(rowOf(bill.number));
    QTRY_VERIFY_WITH_TIMEOUT(page->view()->bill() && page->view()->bill()->number == bill.number, 30000);
    QVERIFY(page->view()->bill()->hasEstimate); // fetched whole for its slip
    QVERIFY(page->view()->isFollowing());
    test::saveScreenshot(m_window.get(), QStringLiteral("bills-query-chosen"));

    // Reprint: the same slip as the first print.
    const QString again = m_files.filePath(QStringLiteral("again.pdf"));
    ui::FileDialog::setNextFileName(again);
    child<QPushButton>(page, "saveSlipPdfButton")->click();
    QTRY_VERIFY(QFile::exists(again));
    QCOMPARE(test::bills::qrCodes(again), QStringList{bill.number});

    // 作废: declined first, then confirmed.
    auto *cancel = child<QPushButton>(page, "cancelBillButton");
    QVERIFY(cancel->isEnabled());
    ui::MessageBox::setNextAnswer(false);
    cancel->click();
    QTest::qWait(300);
    QCOMPARE(page->model()->at(rowOf(bill.number)).state, BillState::Unpaid);
    ui::MessageBox::setNextAnswer(true);
    cancel->click();
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->at(rowOf(bill.number)).state, BillState::Cancelled, 30000);
    QCOMPARE(page->model()->index(rowOf(bill.number), ui::BillTableModel::State).data().toString(), QStringLiteral("已作废"));
    QVERIFY(!cancel->isEnabled());
    QCOMPARE(child<QLabel>(page, "billStateLabel")->text(), QStringLiteral("已作废"));
    QVERIFY(!child<QPushButton>(page, "payOnlineButton")->isEnabled());
    QVERIFY(!child<QPushButton>(page, "downloadSlipButton")->isEnabled());
    QVERIFY(!page->view()->isFollowing());
    QVERIFY(child<QLabel>(page, "billQueryMessageLabel")->text().contains(bill.number));
    test::saveScreenshot(m_window.get(), QStringLiteral("bills-query-cancelled"));
    // The server agrees.
    auto fetched = waitFor<Bill>([&](auto done) { m_context->bills().bill(bill.number, QString(), this, done); });
    QCOMPARE(fetched.value().state, BillState::Cancelled);
    QVERIFY(query(QStringLiteral("cancelled"), QString()));
    QCOMPARE(page->model()->rowCount(), 1);
}

void TestBillPagesGui::listFollowsASandboxPayment()
{
    ui::BillQueryPage *page = m_window->payModule()->queryPage();
    QVERIFY(query(QStringLiteral("unpaid"), QString()));
    const Bill &bill = m_bills.at(2);
    QVERIFY(rowOf(bill.number) >= 0);
    page->view()->setPollInterval(300);
    child<QTableView>(page, "billsTableView")->selectRow(rowOf(bill.number));
    QTRY_VERIFY_WITH_TIMEOUT(page->view()->bill() && page->view()->bill()->number == bill.number, 30000);
    QVERIFY(page->view()->isFollowing());

    const auto [status, body] = test::bills::payInSandbox(bill, m_server.caFile());
    QCOMPARE(status, 200);
    QVERIFY2(body.contains(QStringLiteral("支付成功")), qPrintable(body));
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(page, "billStateLabel")->text().startsWith(QStringLiteral("已缴费")), 30000);
    QCOMPARE(page->model()->at(rowOf(bill.number)).state, BillState::Paid);
    QVERIFY(!child<QPushButton>(page, "cancelBillButton")->isEnabled());
    // A paid bill's slip is still printed, marked as paid, for the unit's records.
    QVERIFY(child<QPushButton>(page, "saveSlipPdfButton")->isEnabled());
    const QString copy = m_files.filePath(QStringLiteral("paid.pdf"));
    ui::FileDialog::setNextFileName(copy);
    child<QPushButton>(page, "saveSlipPdfButton")->click();
    QTRY_VERIFY(QFile::exists(copy));
    QVERIFY(test::bills::pdfText(copy).contains(QStringLiteral("仅供留存，请勿重复缴费")));
    test::saveScreenshot(m_window.get(), QStringLiteral("bills-query-paid"));
}

QTEST_MAIN(TestBillPagesGui)
#include "tst_billpages_gui.moc"
