// 单位信息变更 by a certificate unit (43010000003, logged in with the demo SM2 certificate)
// against the real server: the key change is signed, still waits for the agency's review, and
// the wizard says no paper is needed instead of offering the form to print.
#include <QAbstractButton>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "DeclarationGui.h"
#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AppContext.h"
#include "app/LoginService.h"
#include "app/Session.h"
#include "app/SoftwareSigner.h"
#include "ui/MainWindow.h"
#include "ui/maintain/ChangeRequestsPage.h"
#include "ui/maintain/ChangeWizard.h"
#include "ui/widgets/FileDialog.h"

using namespace shebao;
using test::child;
using ui::ChangeWizard;

namespace {
const QString UnitNo = QStringLiteral("43010000003");
}

class TestChangeCertificateGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void signedKeyChangeNeedsNoPaper();

private:
    test::ServerProcess m_server;
    test::DeskFixture m_fixture;
    QTemporaryDir m_files;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
};

void TestChangeCertificateGui::initTestCase()
{
    test::installChinese();
    QVERIFY(m_files.isValid());
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

void TestChangeCertificateGui::cleanupTestCase()
{
    m_window.reset();
    m_context.reset();
}

void TestChangeCertificateGui::signedKeyChangeNeedsNoPaper()
{
    QVERIFY(m_window->showEntry(QStringLiteral("maintain.unit")));
    auto *wizard = test::waitForChild<ChangeWizard>(m_window.get(), QStringLiteral("unitChangeWizard"));
    QVERIFY(wizard);
    child<QLineEdit>(wizard, "bankNameLineEdit")->setText(QStringLiteral("中国建设银行长沙开福支行"));
    child<QLineEdit>(wizard, "bankAccountLineEdit")->setText(QStringLiteral("43050186360000000123"));
    child<QAbstractButton>(wizard, "declareChangePushButton")->click();
    QCOMPARE(wizard->currentId(), int(ChangeWizard::ProofsPageId));
    QVERIFY(child<QLabel>(wizard, "requiredProofsLabel")->text().contains(QStringLiteral("开户许可证")));
    QImage image(300, 200, QImage::Format_RGB32);
    image.fill(Qt::white);
    const QString permit = m_files.filePath(QStringLiteral("permit.png"));
    QVERIFY(image.save(permit, "PNG"));
    ui::FileDialog::setNextFileName(permit);
    child<QAbstractButton>(wizard, "chooseProofPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(child<QListWidget>(wizard, "uploadedProofsListWidget")->count(), 1, 30000);
    QTRY_VERIFY(child<QAbstractButton>(wizard, "nextPushButton")->isEnabled());
    child<QAbstractButton>(wizard, "nextPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ChangeWizard::OutcomePageId), 30000);

    const ChangeRequest request = wizard->data().submitted.first();
    QCOMPARE(request.state, ChangeState::Pending); // signed, but key changes are still reviewed
    QVERIFY(request.signed_);
    QCOMPARE(request.fields.size(), 2);
    QVERIFY(!child<QWidget>(wizard, "printButtonsWidget")->isVisible());
    QVERIFY(child<QLabel>(wizard, "paperNoteLabel")->text().contains(QStringLiteral("无需打印")));
    test::saveScreenshot(wizard, QStringLiteral("chg-certificate-1-signed"));
    child<QAbstractButton>(wizard, "finishPushButton")->click();
    QTRY_VERIFY(!m_window->findChild<ChangeWizard *>(QStringLiteral("unitChangeWizard")));

    // In 变更记录 it is pending, signed, and has no form to print.
    auto *page = m_window->changeRequestsPage();
    auto *table = child<QTableWidget>(page, "changeRequestsTableWidget");
    QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() == 1 && table->item(0, 0)->text() == request.requestNo, 30000);
    table->selectRow(0);
    QVERIFY(child<QLabel>(page, "changeDetailsLabel")->text().contains(QStringLiteral("数字证书")));
    QVERIFY(!child<QAbstractButton>(page, "printChangeFormPushButton")->isEnabled());
    QVERIFY(child<QAbstractButton>(page, "withdrawChangePushButton")->isEnabled());
}

QTEST_MAIN(TestChangeCertificateGui)
#include "tst_change_certificate_gui.moc"
