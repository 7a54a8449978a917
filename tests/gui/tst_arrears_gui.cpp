// 网上缴费 → 断档补缴 driven by objectName against the real server, as the authorized demo unit
// 43010000001: the entries are open; the wizard from 输入身份证号 (Enter looks up) → 选择一个单位 →
// 缴费工资 with 不参与单位结算 (参与单位结算 disabled, the contract's sentence as tooltip) → the amounts
// with the policy table and periods → 生成断档缴费单 → the bill: 网上缴费 opens the payment page
// (through the UrlOpener seam), 下载打印 prints and 保存为PDF saves the slip (pdftotext shows the
// 业务单据号, zbarimg decodes it from the QR code), and the page turns 已缴费 by itself after a
// payment made through the sandbox bank's page by HTTP. Refusals appear under their fields (local
// ones and the server's); what was typed is kept when the wizard is closed half-way.
#include <QAbstractButton>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPrinter>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AppContext.h"
#include "app/BillService.h"
#include "app/Session.h"
#include "models/bill/BillNumber.h"
#include "models/cache/DraftStore.h"
#include "models/cache/LocalCache.h"
#include "models/money/ChineseCapitals.h"
#include "tests/e2e/BillFixtures.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/ModuleTreeWidget.h"
#include "ui/pay/ArrearsBillPage.h"
#include "ui/pay/ArrearsWizard.h"
#include "ui/pay/BillView.h"
#include "ui/pay/PayModule.h"
#include "ui/printing/FormPrinter.h"
#include "ui/widgets/FileDialog.h"
#include "ui/widgets/UrlOpener.h"

using namespace shebao;
using ui::ArrearsWizard;

class TestArrearsGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void entriesAreOpen();
    void wizardToABillAndItsSlip();
    void billPageTurnsPaidAfterASandboxPayment();
    void refusalsUnderTheirFields();
    void draftKeptWhenClosedHalfWay();

private:
    ArrearsWizard *openWizard();
    template <typename T>
    T *child(const char *name) const
    {
        ArrearsWizard *w = m_window->payModule()->arrearsWizard();
        return w ? w->findChild<T *>(QString::fromLatin1(name)) : nullptr;
    }
    // Types the ID number and presses Enter.
    bool typeAndEnter(const QString &id);
    // The same, and waits for 选择一个单位.
    bool lookUp(const QString &id);

    test::ServerProcess m_server;
    test::DeskFixture m_fixture;
    QTemporaryDir m_files;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_people;
    std::optional<Bill> m_bill;
};

void TestArrearsGui::initTestCase()
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
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestArrearsGui::cleanupTestCase()
{
    m_window.reset();
    m_context.reset();
}

void TestArrearsGui::cleanup()
{
    // Each test starts without a wizard (one that failed half-way leaves its own open).
    if (ArrearsWizard *wizard = m_window->payModule()->arrearsWizard(); wizard && QTest::currentTestFunction()
        != QByteArrayLiteral("wizardToABillAndItsSlip")) {
        wizard->reject();
        QTRY_VERIFY(!m_window->payModule()->arrearsWizard());
    }
}

ArrearsWizard *TestArrearsGui::openWizard()
{
    if (!m_window->showEntry(QStringLiteral("pay.arrears")))
        return nullptr;
    ArrearsWizard *wizard = m_window->payModule()->arrearsWizard();
    if (wizard && !QTest::qWaitForWindowExposed(wizard))
        return nullptr;
    return wizard;
}

bool TestArrearsGui::typeAndEnter(const QString &id)
{
    auto *edit = child<QLineEdit>("idNumberLineEdit");
    if (!edit)
        return false;
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, id);
    QTest::keyClick(edit, Qt::Key_Return);
    return true;
}

bool TestArrearsGui::lookUp(const QString &id)
{
    if (!typeAndEnter(id))
        return false;
    ArrearsWizard *wizard = m_window->payModule()->arrearsWizard();
    return QTest::qWaitFor([&] { return wizard->currentId() == ArrearsWizard::UnitPageId; }, 30000);
}

void TestArrearsGui::entriesAreOpen()
{
    auto *tree = m_window->findChild<ModuleTreeWidget *>(QStringLiteral("moduleTreeWidget"));
    QVERIFY(tree);
    for (const auto &[key, title] : {std::pair{"pay.arrears", "断档补缴"}, std::pair{"pay.bill", "有单缴费"},
                                     std::pair{"pay.slips", "银行缴费单查询"}}) {
        QTreeWidgetItem *item = tree->itemForKey(QString::fromLatin1(key));
        QVERIFY(item);
        QCOMPARE(item->text(0), QString::fromUtf8(title));
        QVERIFY2(item->flags() & Qt::ItemIsEnabled, key);
        QVERIFY(item->toolTip(0).isEmpty());
    }
}

void TestArrearsGui::wizardToABillAndItsSlip()
{
    ArrearsWizard *wizard = openWizard();
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(ArrearsWizard::PersonPageId));
    test::saveScreenshot(wizard, QStringLiteral("arrears-1-person"));
    const QString id = m_people.at(0);
    QVERIFY(lookUp(id));

    // 选择一个单位: the unit with months to pay back is chosen already.
    const UnitGaps unit = wizard->data().gaps->units.first();
    QVERIFY(unit.eligibleMonths() > 0);
    auto *units = child<QTreeWidget>("unitsTreeWidget");
    QVERIFY(units->currentItem());
    QVERIFY(units->currentItem()->text(0).startsWith(QStringLiteral("43010000001")));
    QCOMPARE(units->currentItem()->text(1), QStringLiteral("可补缴 %1 个月").arg(unit.eligibleMonths()));
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    test::saveScreenshot(wizard, QStringLiteral("arrears-2-unit"));
    wizard->next();

    // 缴费工资 and the settlement.
    QCOMPARE(wizard->currentId(), int(ArrearsWizard::OptionsPageId));
    auto *wage = child<QLineEdit>("wageLineEdit");
    QCOMPARE(wage->text(), unit.suggestedWage.toYuanString());
    QVERIFY(child<QRadioButton>("separateSettlementRadioButton")->isChecked());
    auto *unitSettlement = child<QRadioButton>("unitSettlementRadioButton");
    QVERIFY(!unitSettlement->isEnabled());
    QCOMPARE(unitSettlement->toolTip(),
             QStringLiteral("参与单位结算的补缴随单位月度缴费征收，本系统只能生成不参与单位结算的断档缴费单"));
    wage->setText(QStringLiteral("6500.00"));
    test::saveScreenshot(wizard, QStringLiteral("arrears-3-options"));
    wizard->next();

    // The amounts, with the table and periods used.
    QCOMPARE(wizard->currentId(), int(ArrearsWizard::EstimatePageId));
    auto *table = child<QTableView>("estimateTableView");
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), unit.eligibleMonths(), 30000);
    const ArrearsEstimate estimate = *wizard->data().estimate;
    const QString policy = child<QLabel>("policyLabel")->text();
    QVERIFY2(policy.contains(QStringLiteral("政策参数表：") + estimate.policyName), qPrintable(policy));
    QVERIFY(policy.contains(QStringLiteral("使用的政策期间：") + estimate.periods.join(QStringLiteral("、"))));
    QVERIFY(child<QLabel>("estimateTotalsLabel")->text().contains(estimate.total.toDisplayString()));
    QVERIFY(child<QLabel>("estimateTotalsLabel")->text().contains(chineseCapitals(estimate.total)));
    QVERIFY(table->model()->index(0, 2).data().toString().startsWith(estimate.months.first().base.base.toDisplayString()));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled()); // only 生成断档缴费单 goes on
    test::saveScreenshot(wizard, QStringLiteral("arrears-4-estimate"));
    auto *generate = child<QPushButton>("generateBillButton");
    QVERIFY(generate->isEnabled());
    QCOMPARE(generate->text(), QStringLiteral("生成断档缴费单(&G)"));
    generate->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ArrearsWizard::BillPageId), 30000);

    // The bill.
    const Bill bill = *wizard->data().bill;
    m_bill = bill;
    QVERIFY(BillNumber::isValid(bill.number));
    QCOMPARE(bill.wage, Money::fromFen(650000));
    QCOMPARE(bill.total, estimate.total);
    QCOMPARE(child<QLabel>("billNumberLabel")->text(), bill.number);
    QCOMPARE(child<QLabel>("billStateLabel")->text(), QStringLiteral("未缴费"));
    QVERIFY(child<QLabel>("billTotalLabel")->text().contains(bill.total.toDisplayString()));
    QCOMPARE(child<QLabel>("billCapitalsLabel")->text(), QStringLiteral("人民币") + chineseCapitals(bill.total));
    QVERIFY(child<QLabel>("billPayByLabel")->text().contains(
        QStringLiteral("%1年%2月%3日").arg(bill.payBy.year()).arg(bill.payBy.month()).arg(bill.payBy.day())));
    QVERIFY(wizard->billPage()->view()->isFollowing());
    test::saveScreenshot(wizard, QStringLiteral("arrears-5-bill"));
    // The draft is gone: the bill exists.
    QVERIFY(DraftStore(*m_context->session().cache()).list(ArrearsWizard::draftKind()).value().isEmpty());

    // 网上缴费 opens the bank's page for this bill.
    auto *payOnline = child<QPushButton>("payOnlineButton");
    QVERIFY(payOnline->isEnabled());
    ui::UrlOpener::setNextAnswer(true);
    payOnline->click();
    QCOMPARE(ui::UrlOpener::lastUrl(), QUrl(bill.paymentUrl));
    QVERIFY(bill.paymentUrl.endsWith(QStringLiteral("/bank-sandbox/pay?bill=") + bill.number));

    // 下载打印: preview, printed to a PDF printer.
    const QString printed = m_files.filePath(QStringLiteral("printed.pdf"));
    m_window->formPrinter().printer().setOutputFormat(QPrinter::PdfFormat);
    m_window->formPrinter().printer().setOutputFileName(printed);
    ui::FormPrinter::setNextDialogAnswer(true);
    child<QPushButton>("downloadSlipButton")->click();
    QTRY_VERIFY(QFile::exists(printed));
    QCOMPARE(test::bills::qrCodes(printed), QStringList{bill.number});

    // 保存为PDF: the 业务单据号 in text and (exactly) as the QR code.
    const QString saved = m_files.filePath(QStringLiteral("slip.pdf"));
    ui::FileDialog::setNextFileName(saved);
    child<QPushButton>("saveSlipPdfButton")->click();
    QTRY_VERIFY(QFile::exists(saved));
    const QString text = test::bills::pdfText(saved);
    QVERIFY2(text.contains(QStringLiteral("业务单据号：") + bill.number), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("人民币") + chineseCapitals(bill.total)));
    QVERIFY(text.contains(estimate.periods.first()));
    QCOMPARE(test::bills::qrCodes(saved), QStringList{bill.number});
    const auto records = m_context->session().cache()->printedForms(QStringLiteral("bill-slip"));
    QVERIFY(records.ok());
    QCOMPARE(records.value().size(), 2);
}

void TestArrearsGui::billPageTurnsPaidAfterASandboxPayment()
{
    QVERIFY(m_bill);
    ArrearsWizard *wizard = m_window->payModule()->arrearsWizard();
    QVERIFY(wizard);
    wizard->billPage()->view()->setPollInterval(300);
    // Paid in the browser, as the clerk would: nothing is done in the client.
    const auto [status, page] = test::bills::payInSandbox(*m_bill, m_server.caFile());
    QCOMPARE(status, 200);
    QVERIFY2(page.contains(QStringLiteral("支付成功")), qPrintable(page));
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("billStateLabel")->text().startsWith(QStringLiteral("已缴费")), 30000);
    QVERIFY(!wizard->billPage()->view()->isFollowing());
    QVERIFY(!child<QPushButton>("payOnlineButton")->isEnabled());
    QCOMPARE(child<QPushButton>("payOnlineButton")->toolTip(), QStringLiteral("缴费单已缴费。"));
    QVERIFY(child<QLabel>("billMessageLabel")->text().contains(QStringLiteral("已缴费")));
    test::saveScreenshot(wizard, QStringLiteral("arrears-6-paid"));
    wizard->accept();
    QTRY_VERIFY(!m_window->payModule()->arrearsWizard());
}

void TestArrearsGui::refusalsUnderTheirFields()
{
    ArrearsWizard *wizard = openWizard();
    QVERIFY(wizard);
    // Local: an ID number with a wrong check character.
    QVERIFY(typeAndEnter(QStringLiteral("430102199005128813")));
    auto *idError = child<QLabel>("idNumberErrorLabel");
    QVERIFY(idError->isVisibleTo(wizard)); // at once: nothing was asked
    QCOMPARE(wizard->currentId(), int(ArrearsWizard::PersonPageId));
    QVERIFY2(idError->text().contains(QStringLiteral("校验")), qPrintable(idError->text()));
    // The server's: 用工起始年月 after the person's first enrolment (arrears.employed_from).
    const QString id = m_people.at(1);
    child<QLineEdit>("employedFromLineEdit")->setText(QStringLiteral("2026-12"));
    QVERIFY(typeAndEnter(id));
    auto *employedError = child<QLabel>("employedFromErrorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(employedError->isVisibleTo(wizard), 30000);
    QCOMPARE(wizard->currentId(), int(ArrearsWizard::PersonPageId));
    QCOMPARE(employedError->text(),
             QStringLiteral("用工起始年月须在1995年1月之后、首次参保之前，且不早于年满16周岁当月"));
    QVERIFY(!idError->isVisibleTo(wizard));
    test::saveScreenshot(wizard, QStringLiteral("arrears-refusal-employed-from"));
    child<QLineEdit>("employedFromLineEdit")->clear();
    QVERIFY(!employedError->isVisibleTo(wizard));
    QVERIFY(lookUp(id));
    wizard->next();
    // Local: a wage of 0 and a reversed window, each under its field; 下一步 stays.
    auto *wage = child<QLineEdit>("wageLineEdit");
    wage->setText(QStringLiteral("0"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ArrearsWizard::OptionsPageId));
    QCOMPARE(child<QLabel>("wageErrorLabel")->text(), QStringLiteral("缴费工资须为大于0的金额，最多两位小数"));
    wage->setText(QStringLiteral("5000"));
    child<QLineEdit>("fromMonthLineEdit")->setText(QStringLiteral("2020-05"));
    child<QLineEdit>("toMonthLineEdit")->setText(QStringLiteral("2020-01"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ArrearsWizard::OptionsPageId));
    QCOMPARE(child<QLabel>("monthsErrorLabel")->text(), QStringLiteral("补缴起止年月格式应为YYYY-MM，且起始不晚于终止"));
    QVERIFY(child<QLabel>("wageErrorLabel")->text().isEmpty() || !child<QLabel>("wageErrorLabel")->isVisibleTo(wizard));
    // The server's: a window that holds none of the gaps (arrears.no_gaps) on the amounts page.
    child<QLineEdit>("fromMonthLineEdit")->setText(QStringLiteral("1995-01"));
    child<QLineEdit>("toMonthLineEdit")->setText(QStringLiteral("1995-02"));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ArrearsWizard::EstimatePageId));
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>("estimateMessageLabel")->text().contains(QStringLiteral("没有可补缴的断档月份")), 30000);
    QVERIFY(!child<QPushButton>("generateBillButton")->isEnabled());
    wizard->reject();
    QTRY_VERIFY(!m_window->payModule()->arrearsWizard());
}

void TestArrearsGui::draftKeptWhenClosedHalfWay()
{
    LocalCache *cache = m_context->session().cache();
    for (const Draft &d : DraftStore(*cache).list(ArrearsWizard::draftKind()).value())
        DraftStore(*cache).remove(d.id);
    ArrearsWizard *wizard = openWizard();
    QVERIFY(wizard);
    const QString id = m_people.at(2);
    QVERIFY(lookUp(id));
    wizard->next();
    child<QLineEdit>("wageLineEdit")->setText(QStringLiteral("7123.45"));
    child<QLineEdit>("fromMonthLineEdit")->setText(QStringLiteral("2001-01"));
    wizard->close(); // closed half-way: at once, no pause for the debounce
    QTRY_VERIFY(!m_window->payModule()->arrearsWizard());
    const QList<Draft> drafts = DraftStore(*cache).list(ArrearsWizard::draftKind()).value();
    QCOMPARE(drafts.size(), 1);
    QVERIFY2(drafts.first().title.contains(QStringLiteral("断档补缴")), qPrintable(drafts.first().title));

    // Opened again: what was typed is there; after 查询断档 the same unit, wage and months.
    wizard = openWizard();
    QVERIFY(wizard);
    QCOMPARE(child<QLineEdit>("idNumberLineEdit")->text(), id);
    QCOMPARE(child<QLineEdit>("wageLineEdit")->text(), QStringLiteral("7123.45"));
    child<QPushButton>("findGapsButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ArrearsWizard::UnitPageId), 30000);
    wizard->next();
    QCOMPARE(child<QLineEdit>("wageLineEdit")->text(), QStringLiteral("7123.45"));
    QCOMPARE(child<QLineEdit>("fromMonthLineEdit")->text(), QStringLiteral("2001-01"));
    wizard->reject();
    QTRY_VERIFY(!m_window->payModule()->arrearsWizard());
}

QTEST_MAIN(TestArrearsGui)
#include "tst_arrears_gui.moc"
