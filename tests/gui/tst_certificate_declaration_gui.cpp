// 申报 by a certificate unit (43010000003, logged in with the demo SM2 certificate) against the
// real server: the batch is signed and accepted at once, the page says no paper is needed and
// offers no 申报表 to print; 申报查询 shows it effective and signed.
#include <QAbstractButton>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include "DeclarationGui.h"
#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AppContext.h"
#include "app/LoginService.h"
#include "app/Session.h"
#include "app/SoftwareSigner.h"
#include "ui/MainWindow.h"
#include "ui/declaration/add/AddWizard.h"
#include "ui/declaration/submit/BatchTableModel.h"
#include "ui/declaration/submit/DeclarationPage.h"
#include "ui/widgets/CodeComboBox.h"

using namespace shebao;
using ui::AddWizard;

namespace {
const QString UnitNo = QStringLiteral("43010000003");
const QString Name = QStringLiteral("证书新员");
} // namespace

class TestCertificateDeclarationGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void signedBatchIsAcceptedAtOnce();

private:
    template <typename T>
    static T *child(QWidget *root, const char *name)
    {
        T *widget = root ? root->findChild<T *>(QString::fromLatin1(name)) : nullptr;
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }

    test::ServerProcess m_server;
    test::DeskFixture m_fixture;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
};

void TestCertificateDeclarationGui::initTestCase()
{
    test::installChinese();
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_context = m_fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    QFile pinFile(m_server.dataDir() + QStringLiteral("/demo/43010000003.pin.txt"));
    QVERIFY(pinFile.open(QIODevice::ReadOnly));
    auto signer = SoftwareSigner::fromPkcs12File(m_server.dataDir() + QStringLiteral("/demo/43010000003.p12"),
                                                 pinFile.readAll().trimmed());
    QVERIFY(signer.ok());
    QSignalSpy loggedIn(&m_context->login(), &LoginService::loggedIn);
    m_context->login().loginWithCertificate(UnitNo, signer.value());
    QVERIFY(loggedIn.wait(20000));
    QCOMPARE(m_context->session().level(), AccountLevel::Certificate);
    const QString syncError = test::syncNow(*m_context);
    QVERIFY2(syncError.isEmpty(), qPrintable(syncError));
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestCertificateDeclarationGui::cleanupTestCase()
{
    m_window.reset();
    m_context.reset();
}

void TestCertificateDeclarationGui::signedBatchIsAcceptedAtOnce()
{
    QVERIFY(m_window->showEntry(QStringLiteral("declare.add")));
    auto *wizard = test::waitForChild<AddWizard>(m_window.get(), QStringLiteral("addWizard"));
    QVERIFY(wizard);
    child<QLineEdit>(wizard, "idNumberLineEdit")->setText(test::freshIdNumber(QDate(1992, 5, 5), true));
    QTest::mouseClick(child<QPushButton>(wizard, "lookupButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(wizard, "selectButton")->isEnabled(), 30000);
    QTest::mouseClick(child<QPushButton>(wizard, "selectButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(wizard, "addButton"), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(AddWizard::PersonPageId));
    child<QLineEdit>(wizard, "nameLineEdit")->setText(Name);
    child<ui::CodeComboBox>(wizard, "ethnicityComboBox")->setCode(QStringLiteral("01"));
    child<ui::CodeComboBox>(wizard, "hukouComboBox")->setCode(QStringLiteral("1"));
    child<ui::CodeComboBox>(wizard, "employmentFormComboBox")->setCode(QStringLiteral("2"));
    child<QLineEdit>(wizard, "workStartDateLineEdit")->setText(QStringLiteral("2014-03-01"));
    child<QLineEdit>(wizard, "phoneLineEdit")->setText(QStringLiteral("13707310003"));
    wizard->button(QWizard::NextButton)->click();
    QCOMPARE(wizard->currentId(), int(AddWizard::WagePageId));
    child<QLineEdit>(wizard, "wageLineEdit")->setText(QStringLiteral("8800"));
    QTest::mouseClick(child<QPushButton>(wizard, "confirmWageButton"), Qt::LeftButton);
    wizard->button(QWizard::NextButton)->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(AddWizard::SavedPageId), 30000);
    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(!m_window->findChild<AddWizard *>());

    QVERIFY(m_window->showEntry(QStringLiteral("declare.submit")));
    ui::DeclarationPage *page = m_window->declarationPage();
    auto *pending = page->findChild<QTableView *>(QStringLiteral("pendingTableView"))->model();
    QTRY_VERIFY_WITH_TIMEOUT(pending->rowCount() == 1, 30000);
    QTest::mouseClick(child<QPushButton>(page, "selectAllButton"), Qt::LeftButton);
    child<QLineEdit>(page, "reporterLineEdit")->setText(QStringLiteral("陈证书"));
    child<QLineEdit>(page, "phoneLineEdit")->setText(QStringLiteral("0731-84445555"));
    QTest::mouseClick(child<QPushButton>(page, "declareButton"), Qt::LeftButton);
    auto *result = child<QLabel>(page, "declareResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("即时受理")), 30000);
    QVERIFY(result->text().contains(QStringLiteral("无需提交纸质资料")));
    QVERIFY(!child<QPushButton>(page, "printFormButton")->isVisible());
    test::saveScreenshot(m_window.get(), QStringLiteral("certificate-1-declared"));

    page->showTab(ui::DeclarationPage::BatchesTabIndex);
    auto *batches = page->findChild<QTableView *>(QStringLiteral("batchesTableView"))->model();
    QTRY_VERIFY_WITH_TIMEOUT(batches->rowCount() == 1, 30000);
    QCOMPARE(batches->index(0, ui::BatchTableModel::StateColumn).data().toString(), QStringLiteral("已生效（已签名）"));
    // No paper form for a signed batch; the export is still there.
    QTRY_VERIFY(child<QPushButton>(page, "exportXlsxButton")->isEnabled());
    QVERIFY(!child<QPushButton>(page, "reprintButton")->isEnabled());
    test::saveScreenshot(m_window.get(), QStringLiteral("certificate-2-batches"));
}

QTEST_MAIN(TestCertificateDeclarationGui)
#include "tst_certificate_declaration_gui.moc"
