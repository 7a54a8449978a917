// 系统管理 → 授权申请 driven end to end by objectName, against the real server: an ordinary unit
// sees the business entries disabled with the explanation, applies, prints the 承诺书 as PDF,
// uploads its scan, and after the counter activates it the business entries open.
#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPrinter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/ApiClient.h"
#include "app/AppContext.h"
#include "app/AuthorizationService.h"
#include "app/Session.h"
#include "app/StaffClient.h"
#include "models/files/UploadCheck.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/ModuleTreeWidget.h"
#include "ui/authorization/AuthorizationStateText.h"
#include "ui/authorization/AuthorizationWizard.h"
#include "ui/printing/FormPrinter.h"
#include "ui/widgets/FileDialog.h"

using namespace shebao;
using ui::AuthorizationWizard;

namespace {
const QString UnitNo = QStringLiteral("43010000002");
const QString ApplicantName = QStringLiteral("王晓明");
const QStringList BusinessEntries{QStringLiteral("declare.add"), QStringLiteral("declare.import"),
                                  QStringLiteral("maintain.unit"), QStringLiteral("pay.arrears"),
                                  QStringLiteral("query.certificate")};
} // namespace

class TestAuthorizationGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void businessEntriesDisabledForOrdinaryUser();
    void invalidInputStaysOnThePage();
    void saveThenResumeAtConfirm();
    void confirmAndSaveLetterAsPdf();
    void badUploadIsRefused();
    void uploadShowsWaitingForCounter();
    void activationOpensBusinessEntries();

private:
    AuthorizationWizard *openWizard();
    QAbstractButton *button(const char *name) const;
    template <typename T>
    T *child(const char *name) const
    {
        T *widget = m_wizard ? m_wizard->findChild<T *>(QString::fromLatin1(name)) : nullptr;
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }

    test::ServerProcess m_server;
    test::DeskFixture m_fixture;
    QTemporaryDir m_files;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    ModuleTreeWidget *m_tree = nullptr;
    QPointer<AuthorizationWizard> m_wizard;
};

void TestAuthorizationGui::initTestCase()
{
    test::installChinese();
    QVERIFY(m_files.isValid());
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_context = m_fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog login(*m_context);
    QVERIFY2(test::submitLogin(login, UnitNo, QStringLiteral("Demo1234")), qPrintable(login.errorText()));
    const QString syncError = test::syncNow(*m_context);
    QVERIFY2(syncError.isEmpty(), qPrintable(syncError));
    m_window = std::make_unique<MainWindow>(*m_context);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_tree = m_window->findChild<ModuleTreeWidget *>(QStringLiteral("moduleTreeWidget"));
    QVERIFY(m_tree);
}

void TestAuthorizationGui::cleanupTestCase()
{
    delete m_wizard;
    m_window.reset();
    m_context.reset();
}

AuthorizationWizard *TestAuthorizationGui::openWizard()
{
    delete m_wizard;
    if (!m_window->showEntry(QStringLiteral("system.authorization")))
        return nullptr;
    const bool opened = QTest::qWaitFor(
        [this] { return m_window->findChild<AuthorizationWizard *>(QStringLiteral("authorizationWizard")) != nullptr; },
        30000);
    if (!opened)
        return nullptr;
    m_wizard = m_window->findChild<AuthorizationWizard *>(QStringLiteral("authorizationWizard"));
    return QTest::qWaitForWindowExposed(m_wizard) ? m_wizard.data() : nullptr;
}

QAbstractButton *TestAuthorizationGui::button(const char *name) const
{
    return child<QAbstractButton>(name);
}

void TestAuthorizationGui::businessEntriesDisabledForOrdinaryUser()
{
    QVERIFY(!m_tree->isBusinessAllowed());
    for (const QString &key : BusinessEntries) {
        QTreeWidgetItem *item = m_tree->itemForKey(key);
        QVERIFY2(item, qPrintable(key));
        QVERIFY2(!(item->flags() & Qt::ItemIsEnabled), qPrintable(key));
        QCOMPARE(item->toolTip(0), ModuleTreeWidget::notAuthorizedText());
        QCOMPARE(item->data(0, Qt::AccessibleDescriptionRole).toString(), ModuleTreeWidget::notAuthorizedText());
    }
    QTreeWidgetItem *apply = m_tree->itemForKey(QStringLiteral("system.authorization"));
    QVERIFY(apply->flags() & Qt::ItemIsEnabled);
    QVERIFY(apply->toolTip(0).isEmpty());
    // No application yet: nothing to report at login.
    QTRY_VERIFY(m_window->authorization().isLoaded());
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("authorizationBannerLabel"))->isVisible());
    test::saveScreenshot(m_window.get(), QStringLiteral("authorization-main-window-ordinary"));
}

void TestAuthorizationGui::invalidInputStaysOnThePage()
{
    QVERIFY(openWizard());
    QCOMPARE(m_wizard->currentId(), int(AuthorizationWizard::ApplicantPageId));
    QCOMPARE(child<QLineEdit>("unitNoLineEdit")->text(), UnitNo);
    QVERIFY(child<QLineEdit>("unitNameLineEdit")->isReadOnly());
    QVERIFY(!child<QLineEdit>("unitNameLineEdit")->text().isEmpty());
    QVERIFY(!button("nextPushButton")->isEnabled()); // required fields empty

    child<QLineEdit>("applicantNameLineEdit")->setText(ApplicantName);
    child<QLineEdit>("applicantIdNumberLineEdit")->setText(QStringLiteral("430102199001011234")); // bad checksum
    child<QLineEdit>("applicantMobileLineEdit")->setText(QStringLiteral("0731-88886666"));      // not a mobile
    child<QLineEdit>("applicantEmailLineEdit")->setText(QStringLiteral("wang.example.com"));
    QVERIFY(button("nextPushButton")->isEnabled());
    button("nextPushButton")->click();
    QCOMPARE(m_wizard->currentId(), int(AuthorizationWizard::ApplicantPageId));
    for (const char *name : {"applicantIdNumberErrorLabel", "applicantMobileErrorLabel", "applicantEmailErrorLabel"}) {
        QVERIFY2(child<QLabel>(name)->isVisible(), name);
        QVERIFY2(!child<QLabel>(name)->text().isEmpty(), name);
    }
    QVERIFY(!child<QLabel>("applicantNameErrorLabel")->isVisible());
    // Marked for screen readers too.
    QVERIFY(child<QLineEdit>("applicantMobileLineEdit")->accessibleDescription().contains(
        child<QLabel>("applicantMobileErrorLabel")->text()));
    // Nothing typed is lost.
    QCOMPARE(child<QLineEdit>("applicantMobileLineEdit")->text(), QStringLiteral("0731-88886666"));
    test::saveScreenshot(m_wizard, QStringLiteral("authorization-1-applicant-errors"));
}

void TestAuthorizationGui::saveThenResumeAtConfirm()
{
    QVERIFY(m_wizard);
    child<QLineEdit>("applicantIdNumberLineEdit")->setText(QStringLiteral("11010519491231002X"));
    child<QLineEdit>("applicantMobileLineEdit")->setText(QStringLiteral("13812345678"));
    child<QLineEdit>("applicantEmailLineEdit")->setText(QStringLiteral("wang@example.com"));
    test::saveScreenshot(m_wizard, QStringLiteral("authorization-1-applicant"));
    button("nextPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(AuthorizationWizard::ConfirmPageId), 30000);
    QCOMPARE(m_context->session().level(), AccountLevel::Ordinary);

    // Closed after 保存 and opened again: it continues at 确认信息 with what was saved.
    m_wizard->reject();
    QTRY_VERIFY(!m_wizard);
    QVERIFY(openWizard());
    QCOMPARE(m_wizard->currentId(), int(AuthorizationWizard::ConfirmPageId));
    const QString review = child<QLabel>("reviewLabel")->text();
    QVERIFY2(review.contains(ApplicantName), qPrintable(review));
    QVERIFY(review.contains(QStringLiteral("13812345678")));
    test::saveScreenshot(m_wizard, QStringLiteral("authorization-2-confirm"));
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("authorizationBannerLabel"))->isVisibleTo(m_window.get()));
}

void TestAuthorizationGui::confirmAndSaveLetterAsPdf()
{
    QVERIFY(m_wizard);
    button("nextPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(AuthorizationWizard::PrintLetterPageId), 30000);
    QVERIFY(!button("nextPushButton")->isEnabled()); // not printed yet

    // A cancelled preview prints nothing and records nothing.
    ui::FormPrinter::setNextDialogAnswer(false);
    button("previewPushButton")->click();
    QVERIFY(!button("nextPushButton")->isEnabled());

    const QString pdf = m_files.filePath(QStringLiteral("letter.pdf"));
    ui::FileDialog::setNextFileName(pdf);
    button("savePdfPushButton")->click();
    QVERIFY(QFile::exists(pdf));
    QVERIFY(button("nextPushButton")->isEnabled());
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY2(pdftotext.waitForFinished(30000), "pdftotext");
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY2(text.contains(m_context->session().unitName()), qPrintable(text));
    QVERIFY2(text.contains(ApplicantName), qPrintable(text));

    // Printing through the session's printer (here into a file) is recorded as well.
    const QString printed = m_files.filePath(QStringLiteral("printed.pdf"));
    m_window->formPrinter().printer().setOutputFormat(QPrinter::PdfFormat);
    m_window->formPrinter().printer().setOutputFileName(printed);
    ui::FormPrinter::setNextDialogAnswer(true);
    button("printPushButton")->click();
    QVERIFY(QFile::exists(printed));
    QVERIFY(QFileInfo(printed).size() > 0);
    test::saveScreenshot(m_wizard, QStringLiteral("authorization-3-print"));

    button("nextPushButton")->click();
    QCOMPARE(m_wizard->currentId(), int(AuthorizationWizard::UploadScanPageId));
}

void TestAuthorizationGui::badUploadIsRefused()
{
    QVERIFY(m_wizard);
    QVERIFY(!button("nextPushButton")->isEnabled());
    const QString fake = m_files.filePath(QStringLiteral("scan.png"));
    QFile file(fake);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray bytes("This is only a text file, renamed to look like a picture.\n");
    file.write(bytes);
    file.close();
    const Result<FileKind> expected = checkUpload(QStringLiteral("scan.png"), bytes);
    QVERIFY(!expected);

    ui::FileDialog::setNextFileName(fake);
    button("chooseScanPushButton")->click();
    QTRY_VERIFY(child<QLabel>("uploadErrorLabel")->isVisible());
    QCOMPARE(child<QLabel>("uploadErrorLabel")->text(), expected.error().message);
    QCOMPARE(m_wizard->currentId(), int(AuthorizationWizard::UploadScanPageId));
    QVERIFY(!button("nextPushButton")->isEnabled());
    test::saveScreenshot(m_wizard, QStringLiteral("authorization-4-upload-refused"));
}

void TestAuthorizationGui::uploadShowsWaitingForCounter()
{
    QVERIFY(m_wizard);
    QImage image(400, 560, QImage::Format_RGB32);
    image.fill(Qt::white);
    const QString scan = m_files.filePath(QStringLiteral("stamped-letter.png"));
    QVERIFY(image.save(scan, "PNG"));
    ui::FileDialog::setNextFileName(scan);
    button("chooseScanPushButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(button("nextPushButton")->isEnabled(), 30000);
    QVERIFY(!child<QLabel>("uploadErrorLabel")->isVisible());
    QVERIFY(child<QLabel>("uploadedScanLabel")->text().contains(QStringLiteral("stamped-letter.png")));
    QVERIFY(child<QLabel>("uploadedScanLabel")->text().contains(QStringLiteral("PNG")));
    test::saveScreenshot(m_wizard, QStringLiteral("authorization-4-upload"));

    button("nextPushButton")->click();
    QCOMPARE(m_wizard->currentId(), int(AuthorizationWizard::StatusPageId));
    QCOMPARE(child<QLabel>("applicationStateLabel")->text(),
             ui::AuthorizationStateText::title(AuthorizationState::Uploaded));
    QVERIFY(child<QLabel>("applicationDetailLabel")->text().contains(QStringLiteral("天心区人社局二楼社保征缴中心单位业务窗口")));
    QVERIFY(!child<QAbstractButton>("reapplyPushButton")->isVisible());
    test::saveScreenshot(m_wizard, QStringLiteral("authorization-5-status"));
    button("finishPushButton")->click();
    QTRY_VERIFY(!m_wizard);

    auto *banner = m_window->findChild<QLabel *>(QStringLiteral("authorizationBannerLabel"));
    QVERIFY(banner->isVisibleTo(m_window.get()));
    QVERIFY(banner->text().contains(ui::AuthorizationStateText::title(AuthorizationState::Uploaded)));
    test::saveScreenshot(m_window.get(), QStringLiteral("authorization-main-window-waiting"));
}

void TestAuthorizationGui::activationOpensBusinessEntries()
{
    const auto &application = m_window->authorization().application();
    QVERIFY(application);
    const qint64 id = application->id;

    // The counter clerk activates it through the staff API.
    ApiClient staffApi;
    staffApi.setBaseUrl(m_server.baseUrl());
    QVERIFY(staffApi.addCaCertificatesFromFile(m_server.caFile()).ok());
    StaffClient staff(&staffApi);
    std::optional<bool> loggedIn;
    staff.login(QStringLiteral("clerk"), QStringLiteral("Demo1234"), this,
                [&](Result<StaffLoginReply> reply) { loggedIn = reply.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(loggedIn.has_value(), 30000);
    QVERIFY(*loggedIn);
    std::optional<Result<AuthorizationApplication>> activated;
    staff.activate(id, this, [&](Result<AuthorizationApplication> reply) { activated = std::move(reply); });
    QTRY_VERIFY_WITH_TIMEOUT(activated.has_value(), 30000);
    QVERIFY2(activated->ok(), activated->ok() ? "" : qPrintable(activated->error().message));

    // Still ordinary until the client hears from the server again; any request tells.
    QCOMPARE(m_context->session().level(), AccountLevel::Ordinary);
    const QString syncError = test::syncNow(*m_context);
    QVERIFY2(syncError.isEmpty(), qPrintable(syncError));
    QTRY_COMPARE(m_context->session().level(), AccountLevel::Authorized);
    QVERIFY(m_tree->isBusinessAllowed());
    for (const QString &key : BusinessEntries) {
        QTreeWidgetItem *item = m_tree->itemForKey(key);
        // The level no longer stands in the way: 异动申报, 信息维护, 网上缴费 and 参保证明 open.
        QVERIFY2(item->flags() & Qt::ItemIsEnabled, qPrintable(key));
        QVERIFY2(item->toolTip(0).isEmpty(), qPrintable(key));
    }
    QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("authorizationBannerLabel"))->isVisibleTo(m_window.get()));
    test::saveScreenshot(m_window.get(), QStringLiteral("authorization-main-window-authorized"));
}

QTEST_MAIN(TestAuthorizationGui)
#include "tst_authorization_gui.moc"
