// 信息维护 driven by objectName against the real server, as the authorized demo unit 43010000001:
// the 单位信息变更 form (key fields blue and described as such, not only coloured), a non-key
// change applied at once, a key change refused by 信息变更 and taken through 变更申报 (a disguised
// proof refused locally, a real one uploaded, the form saved as PDF and read back), the request
// in 变更记录 and withdrawn; a server refusal shown under its field; a draft surviving the
// wizard's closing; a failing credit code confirmed; a reviewer's rejection shown with its reason.
// The 个人信息变更 wizard is in tst_change_person_gui.
#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "DeclarationGui.h"
#include "ChangeDesk.h"
#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/ApiClient.h"
#include "app/AppContext.h"
#include "app/StaffClient.h"
#include "app/Session.h"
#include "app/SyncService.h"
#include "models/cache/LocalCache.h"
#include "models/files/UploadCheck.h"
#include "models/validation/CreditCode.h"
#include "models/validation/IdNumber.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/ModuleTreeWidget.h"
#include "ui/maintain/ChangeFormWidget.h"
#include "ui/maintain/ChangeRequestsPage.h"
#include "ui/maintain/ChangeWizard.h"
#include "ui/widgets/CodeComboBox.h"
#include "ui/widgets/FileDialog.h"
#include "ui/widgets/MessageBox.h"

using namespace shebao;
using test::child;
using ui::ChangeWizard;

namespace {
const QString UnitNo = QStringLiteral("43010000001");
const QString KeyDescription = QStringLiteral("关键信息：需上传证明材料并经社保经办机构审核");
const QString NonKeyDescription = QStringLiteral("非关键信息：直接生效");
} // namespace

class TestChangeGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString error = m_desk.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void cleanupTestCase() { m_desk.stop(); }
    void unitFormShowsKeyFieldsInWordsToo();
    void nonKeyChangeAppliesAtOnce();
    void serverRefusalShownUnderTheField();
    void keyChangeIsDeclaredWithProof();
    void pendingRequestIsListedAndWithdrawn();
    void draftSurvivesClosing();
    void failingCreditCodeMustBeConfirmed();
    void rejectionShowsTheReason();
    void refusalAfterTheProofsReturnsToTheForm();

private:
    ChangeWizard *openWizard(const char *entry, const char *name) { return m_desk.openWizard(entry, name); }
    QString writePng(const QString &name) { return m_desk.writePng(name); }
    QAbstractButton *button(QWidget *root, const char *name) { return child<QAbstractButton>(root, name); }

    test::ChangeDesk m_desk;
    QString m_pendingNo;
    qint64 m_overriddenId = 0;
};

void TestChangeGui::unitFormShowsKeyFieldsInWordsToo()
{
    ChangeWizard *wizard = openWizard("maintain.unit", "unitChangeWizard");
    QVERIFY(wizard);
    QCOMPARE(wizard->windowTitle(), QStringLiteral("单位信息变更"));
    QCOMPARE(wizard->currentId(), int(ChangeWizard::EditPageId));
    // The guide's two buttons, in its words.
    QCOMPARE(button(wizard, "applyChangePushButton")->text().remove(u'&'), QStringLiteral("信息变更(C)"));
    QVERIFY(button(wizard, "declareChangePushButton")->text().startsWith(QStringLiteral("变更申报")));
    QVERIFY(button(wizard, "applyChangePushButton")->isVisible());
    QVERIFY(!button(wizard, "nextPushButton")->isVisible());

    // Every field of the catalogue, key or not in words, not only in colour.
    for (const ChangeField &field : ChangeFields::of(ChangeTarget::Unit)) {
        const QString stem = ui::memberObjectStem(field.member);
        QWidget *editor = wizard->findChild<QWidget *>(stem + QStringLiteral("LineEdit"));
        if (!editor)
            editor = wizard->findChild<ui::CodeComboBox *>(stem + QStringLiteral("ComboBox"));
        QVERIFY2(editor, qPrintable(field.member));
        QCOMPARE(editor->accessibleDescription(), field.key ? KeyDescription : NonKeyDescription);
        QCOMPARE(editor->accessibleName(), field.label);
        auto *caption = wizard->findChild<QLabel *>(stem + QStringLiteral("CaptionLabel"));
        QVERIFY(caption);
        QCOMPARE(caption->styleSheet().contains(ui::ChangeFormWidget::keyColor()), field.key);
    }
    QVERIFY(child<QLabel>(wizard, "keyLegendLabel")->text().contains(QStringLiteral("蓝色")));
    // Dictionaries and the risk class are choices, not typing.
    auto *risk = child<ui::CodeComboBox>(wizard, "riskClassComboBox");
    QCOMPARE(risk->count(), 9); // (请选择) and 1–8
    QCOMPARE(risk->code(), QStringLiteral("1"));
    auto *district = child<ui::CodeComboBox>(wizard, "districtComboBox");
    QCOMPARE(district->code(), QStringLiteral("430102"));
    QCOMPARE(child<QLabel>(wizard, "districtCurrentLabel")->text(), QStringLiteral("芙蓉区"));
    QCOMPARE(child<QLabel>(wizard, "nameCurrentLabel")->text(), QStringLiteral("长沙湘江示范科技有限公司"));
    const QString unnamed = test::unnamedWidgets(wizard);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed));
    test::saveScreenshot(wizard, QStringLiteral("chg-unit-1-form"));
    QVERIFY(m_desk.closeWizard(wizard));
    // The menu reaches both wizards too.
    for (const char *name : {"unitChangeAction", "personChangeAction"}) {
        auto *action = m_desk.window().findChild<QAction *>(QString::fromLatin1(name));
        QVERIFY2(action && action->isEnabled(), name);
    }
    m_desk.window().findChild<QAction *>(QStringLiteral("personChangeAction"))->trigger();
    ChangeWizard *person = test::waitForChild<ChangeWizard>(&m_desk.window(), QStringLiteral("personChangeWizard"));
    QVERIFY(person);
    QCOMPARE(person->windowTitle(), QStringLiteral("个人信息变更"));
    QVERIFY(m_desk.closeWizard(person));
}

void TestChangeGui::nonKeyChangeAppliesAtOnce()
{
    ChangeWizard *wizard = openWizard("maintain.unit", "unitChangeWizard");
    QVERIFY(wizard);
    // Nothing changed: said so, nothing sent.
    button(wizard, "applyChangePushButton")->click();
    QVERIFY(child<QLabel>(wizard, "changeMessageLabel")->isVisible());
    QCOMPARE(wizard->currentId(), int(ChangeWizard::EditPageId));

    auto *contact = child<QLineEdit>(wizard, "contactNameLineEdit");
    contact->setText(QStringLiteral("王新联"));
    auto *email = child<QLineEdit>(wizard, "emailLineEdit");
    email->setText(QStringLiteral("renshi@example.cn"));
    button(wizard, "applyChangePushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ChangeWizard::OutcomePageId), 30000);
    QCOMPARE(wizard->currentPage()->title(), QStringLiteral("已生效"));
    const QString summary = child<QLabel>(wizard, "changeSummaryLabel")->text();
    QVERIFY2(summary.contains(QStringLiteral("王新联")) && summary.contains(QStringLiteral("刘芳")), qPrintable(summary));
    QVERIFY(!child<QWidget>(wizard, "printButtonsWidget")->isVisible());
    test::saveScreenshot(wizard, QStringLiteral("chg-unit-2-applied"));
    button(wizard, "finishPushButton")->click();
    QTRY_VERIFY(!m_desk.window().findChild<ChangeWizard *>(QStringLiteral("unitChangeWizard")));

    // The agency's record changed: the next sync brings it to the cache.
    QTRY_VERIFY_WITH_TIMEOUT(!m_desk.context().sync().isRunning(), 30000);
    const QString syncError = test::syncNow(m_desk.context());
    QVERIFY2(syncError.isEmpty(), qPrintable(syncError));
    QCOMPARE(m_desk.context().session().cache()->unit()->contactName, QStringLiteral("王新联"));
    QCOMPARE(m_desk.context().session().cache()->unit()->email, QStringLiteral("renshi@example.cn"));
}

void TestChangeGui::serverRefusalShownUnderTheField()
{
    ChangeWizard *wizard = openWizard("maintain.unit", "unitChangeWizard");
    QVERIFY(wizard);
    QCOMPARE(child<QLabel>(wizard, "contactNameCurrentLabel")->text(), QStringLiteral("王新联"));
    auto *phone = child<QLineEdit>(wizard, "contactPhoneLineEdit");
    phone->setText(QStringLiteral("12"));
    button(wizard, "applyChangePushButton")->click();
    auto *error = child<QLabel>(wizard, "contactPhoneErrorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 30000);
    QVERIFY2(error->text().contains(QStringLiteral("联系电话")), qPrintable(error->text()));
    QVERIFY(phone->accessibleDescription().contains(error->text()));
    QCOMPARE(wizard->currentId(), int(ChangeWizard::EditPageId));
    QCOMPARE(phone->text(), QStringLiteral("12")); // the form stays as typed
    test::saveScreenshot(wizard, QStringLiteral("chg-unit-3-server-refusal"));
    phone->setText(m_desk.context().session().cache()->unit()->contactPhone);
    QVERIFY(m_desk.closeWizard(wizard));
}

void TestChangeGui::keyChangeIsDeclaredWithProof()
{
    ChangeWizard *wizard = openWizard("maintain.unit", "unitChangeWizard");
    QVERIFY(wizard);
    auto *name = child<QLineEdit>(wizard, "nameLineEdit");
    name->setText(QStringLiteral("长沙湘江新区示范科技有限公司"));
    // A key field does not take effect with 信息变更.
    button(wizard, "applyChangePushButton")->click();
    QVERIFY(child<QLabel>(wizard, "changeMessageLabel")->text().contains(QStringLiteral("变更申报")));
    QCOMPARE(wizard->currentId(), int(ChangeWizard::EditPageId));

    button(wizard, "declareChangePushButton")->click();
    QCOMPARE(wizard->currentId(), int(ChangeWizard::ProofsPageId));
    QCOMPARE(child<QLabel>(wizard, "requiredProofsLabel")->text(),
             ChangeFields::describeProofs(ChangeTarget::Unit, {AttachmentKind::BusinessLicence}, {QStringLiteral("name")}));
    // Without the proof 变更申报 says what is missing.
    button(wizard, "nextPushButton")->click();
    QVERIFY(child<QLabel>(wizard, "proofErrorLabel")->text().contains(QStringLiteral("营业执照")));
    QCOMPARE(wizard->currentId(), int(ChangeWizard::ProofsPageId));

    // A program renamed .jpg is refused here, with the reason, and nothing is uploaded.
    const QString fake = m_desk.filePath(QStringLiteral("营业执照.jpg"));
    QFile file(fake);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray bytes = QByteArray("MZ\x90\x00\x03", 5) + QByteArray(400, '\x01');
    file.write(bytes);
    file.close();
    const Result<FileKind> expected = checkUpload(QStringLiteral("营业执照.jpg"), bytes);
    QVERIFY(!expected);
    ui::FileDialog::setNextFileName(fake);
    button(wizard, "chooseProofPushButton")->click();
    QCOMPARE(child<QLabel>(wizard, "proofErrorLabel")->text(), expected.error().message);
    QCOMPARE(child<QListWidget>(wizard, "uploadedProofsListWidget")->count(), 0);
    test::saveScreenshot(wizard, QStringLiteral("chg-unit-4-proof-refused"));

    const QString licence = writePng(QStringLiteral("licence.png"));
    QVERIFY(!licence.isEmpty());
    ui::FileDialog::setNextFileName(licence);
    button(wizard, "chooseProofPushButton")->click();
    auto *uploaded = child<QListWidget>(wizard, "uploadedProofsListWidget");
    QTRY_COMPARE_WITH_TIMEOUT(uploaded->count(), 1, 30000);
    QVERIFY(uploaded->item(0)->text().contains(QStringLiteral("licence.png")));
    QVERIFY(!child<QLabel>(wizard, "proofErrorLabel")->isVisible());
    const QString unnamedOnProofs = test::unnamedWidgets(wizard);
    QVERIFY2(unnamedOnProofs.isEmpty(), qPrintable(unnamedOnProofs));
    test::saveScreenshot(wizard, QStringLiteral("chg-unit-5-proof-uploaded"));

    QTRY_VERIFY(button(wizard, "nextPushButton")->isEnabled());
    button(wizard, "nextPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ChangeWizard::OutcomePageId), 30000);
    QCOMPARE(wizard->currentPage()->title(), QStringLiteral("已申报，待审核"));
    QVERIFY(wizard->data().submitted.size() == 1);
    const ChangeRequest request = wizard->data().submitted.first();
    QCOMPARE(request.state, ChangeState::Pending);
    QVERIFY(request.requestNo.startsWith(QStringLiteral("BG")));
    m_pendingNo = request.requestNo;
    QVERIFY(child<QWidget>(wizard, "printButtonsWidget")->isVisible());
    QVERIFY(child<QLabel>(wizard, "paperNoteLabel")->text().contains(QStringLiteral("长沙市社会保险单位信息变更登记表")));

    // 打印《长沙市社会保险单位信息变更登记表》, here as PDF, read back.
    const QString pdf = m_desk.filePath(QStringLiteral("unit-change.pdf"));
    ui::FileDialog::setNextFileName(pdf);
    button(wizard, "saveFormPdfPushButton")->click();
    QVERIFY(child<QLabel>(wizard, "printResultLabel")->text().contains(QStringLiteral("unit-change.pdf")));
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(30000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    QVERIFY2(text.contains(m_pendingNo), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("长沙湘江新区示范科技有限公司")), qPrintable(text));
    const QString unnamed = test::unnamedWidgets(wizard);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed));
    test::saveScreenshot(wizard, QStringLiteral("chg-unit-6-pending"));

    button(wizard, "showRequestsPushButton")->click();
    QTRY_VERIFY(!m_desk.window().findChild<ChangeWizard *>(QStringLiteral("unitChangeWizard")));
    // Until approval the agency's name stays.
    QCOMPARE(m_desk.context().session().cache()->unit()->name, QStringLiteral("长沙湘江示范科技有限公司"));
}

void TestChangeGui::pendingRequestIsListedAndWithdrawn()
{
    QVERIFY(!m_pendingNo.isEmpty());
    ui::ChangeRequestsPage *page = m_desk.window().changeRequestsPage();
    QVERIFY(page->isVisible());
    auto *table = child<QTableWidget>(page, "changeRequestsTableWidget");
    auto rowOf = [&](const QString &number) {
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == number)
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(m_pendingNo) >= 0, 30000);
    const int row = rowOf(m_pendingNo);
    QCOMPARE(table->item(row, 3)->text(), QStringLiteral("待审核"));
    QVERIFY(table->rowCount() >= 2); // and the applied 联系人 change
    bool applied = false;
    for (int r = 0; r < table->rowCount(); ++r)
        applied = applied || (table->item(r, 3)->text() == QStringLiteral("已生效") && table->item(r, 2)->text().contains(QStringLiteral("联系人")));
    QVERIFY(applied);
    table->selectRow(row);
    QVERIFY(button(page, "withdrawChangePushButton")->isEnabled());
    QVERIFY(button(page, "printChangeFormPushButton")->isEnabled());
    QVERIFY(child<QLabel>(page, "changeDetailsLabel")->text().contains(QStringLiteral("长沙湘江新区示范科技有限公司")));
    const QString unnamed = test::unnamedWidgets(page);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed));
    test::saveScreenshot(&m_desk.window(), QStringLiteral("chg-requests-1-pending"));

    ui::MessageBox::setNextAnswer(true);
    button(page, "withdrawChangePushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(table->item(rowOf(m_pendingNo), 3)->text(), QStringLiteral("已撤回"), 30000);
    table->selectRow(rowOf(m_pendingNo));
    QVERIFY(!button(page, "withdrawChangePushButton")->isEnabled());
    test::saveScreenshot(&m_desk.window(), QStringLiteral("chg-requests-2-withdrawn"));
}

void TestChangeGui::draftSurvivesClosing()
{
    ChangeWizard *wizard = openWizard("maintain.unit", "unitChangeWizard");
    QVERIFY(wizard);
    auto *address = child<QLineEdit>(wizard, "postalAddressLineEdit");
    address->setText(QStringLiteral("长沙市芙蓉区草稿路 1 号"));
    QVERIFY(m_desk.closeWizard(wizard));
    wizard = openWizard("maintain.unit", "unitChangeWizard");
    QVERIFY(wizard);
    QCOMPARE(child<QLineEdit>(wizard, "postalAddressLineEdit")->text(), QStringLiteral("长沙市芙蓉区草稿路 1 号"));
    // Back to the agency's value: nothing is left to keep.
    child<QLineEdit>(wizard, "postalAddressLineEdit")->setText(m_desk.context().session().cache()->unit()->postalAddress);
    QVERIFY(m_desk.closeWizard(wizard));
}

void TestChangeGui::failingCreditCodeMustBeConfirmed()
{
    ChangeWizard *wizard = openWizard("maintain.unit", "unitChangeWizard");
    QVERIFY(wizard);
    // The agency's code with a wrong check character: well-formed, failing GB 32100.
    const QString current = m_desk.context().session().cache()->unit()->creditCode;
    const QChar right = CreditCode::checkCharacter(current.left(17));
    const QString wrong = current.left(17) + (right == u'1' ? u'2' : u'1');
    QVERIFY(!CreditCode::check(wrong).isEmpty());
    child<QLineEdit>(wizard, "creditCodeLineEdit")->setText(wrong);

    ui::MessageBox::setNextAnswer(false);
    button(wizard, "declareChangePushButton")->click();
    auto *error = child<QLabel>(wizard, "creditCodeErrorLabel");
    QVERIFY(error->isVisible());
    QCOMPARE(wizard->currentId(), int(ChangeWizard::EditPageId));
    QCOMPARE(child<QLineEdit>(wizard, "creditCodeLineEdit")->text(), wrong);

    ui::MessageBox::setNextAnswer(true);
    button(wizard, "declareChangePushButton")->click();
    QCOMPARE(wizard->currentId(), int(ChangeWizard::ProofsPageId));
    QVERIFY(wizard->data().creditCodeOverride);
    QVERIFY(child<QLabel>(wizard, "requiredProofsLabel")->text().contains(QStringLiteral("营业执照或组织机构代码证")));
    // Either proof will do: the organisation code certificate here.
    child<ui::CodeComboBox>(wizard, "proofKindComboBox")->setCode(QStringLiteral("org_code_certificate"));
    ui::FileDialog::setNextFileName(writePng(QStringLiteral("org-code.png")));
    button(wizard, "chooseProofPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(child<QListWidget>(wizard, "uploadedProofsListWidget")->count(), 1, 30000);
    QVERIFY(child<QListWidget>(wizard, "uploadedProofsListWidget")->item(0)->text().startsWith(QStringLiteral("组织机构代码证")));
    QTRY_VERIFY(button(wizard, "nextPushButton")->isEnabled());
    button(wizard, "nextPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ChangeWizard::OutcomePageId), 30000);
    const ChangeRequest request = wizard->data().submitted.first();
    QCOMPARE(request.state, ChangeState::Pending);
    QVERIFY(request.creditCodeOverridden); // recorded by the server
    QVERIFY(child<QLabel>(wizard, "changeSummaryLabel")->text().contains(QStringLiteral("未通过国家标准校验")));
    m_overriddenId = request.id;
    test::saveScreenshot(wizard, QStringLiteral("chg-unit-7-credit-code-confirmed"));
    button(wizard, "finishPushButton")->click();
    QTRY_VERIFY(!m_desk.window().findChild<ChangeWizard *>(QStringLiteral("unitChangeWizard")));
}

void TestChangeGui::rejectionShowsTheReason()
{
    QVERIFY(m_overriddenId != 0);
    // The agency's reviewer returns the credit-code change.
    ApiClient staffApi;
    staffApi.setBaseUrl(m_desk.server().baseUrl());
    QVERIFY(staffApi.addCaCertificatesFromFile(m_desk.server().caFile()).ok());
    StaffClient staff(&staffApi);
    std::optional<bool> loggedIn;
    staff.login(QStringLiteral("reviewer"), QStringLiteral("Demo1234"), this,
                [&](Result<StaffLoginReply> reply) { loggedIn = reply.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(loggedIn.has_value(), 30000);
    QVERIFY(*loggedIn);
    const QString reason = QStringLiteral("营业执照与统一社会信用代码不一致");
    std::optional<Result<QJsonDocument>> rejected;
    staffApi.postJson(QStringLiteral("/staff/changes/%1/reject").arg(m_overriddenId),
                      QJsonObject{{QStringLiteral("reason"), reason}}, QStringLiteral("reject-%1").arg(m_overriddenId),
                      this, [&](Result<QJsonDocument> reply) { rejected = std::move(reply); });
    QTRY_VERIFY_WITH_TIMEOUT(rejected.has_value(), 30000);
    QVERIFY2(rejected->ok(), rejected->ok() ? "" : qPrintable(rejected->error().message));

    ui::ChangeRequestsPage *page = m_desk.window().changeRequestsPage();
    page->showTarget(ChangeTarget::Unit);
    auto *table = child<QTableWidget>(page, "changeRequestsTableWidget");
    QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() >= 1 && table->item(0, 3)->text() == QStringLiteral("已退回"), 30000);
    QCOMPARE(table->item(0, 5)->text(), reason);
    table->selectRow(0);
    QVERIFY(child<QLabel>(page, "changeDetailsLabel")->text().contains(reason));
    QVERIFY(!button(page, "withdrawChangePushButton")->isEnabled());
    // The tree follows the page, without opening the wizard again.
    auto *tree = m_desk.window().findChild<ModuleTreeWidget *>(QStringLiteral("moduleTreeWidget"));
    QCOMPARE(tree->currentItem(), tree->itemForKey(QStringLiteral("maintain.unit")));
    QVERIFY(!m_desk.window().findChild<ChangeWizard *>(QStringLiteral("unitChangeWizard")));
    test::saveScreenshot(&m_desk.window(), QStringLiteral("chg-requests-4-rejected"));
}

void TestChangeGui::refusalAfterTheProofsReturnsToTheForm()
{
    ChangeWizard *wizard = openWizard("maintain.unit", "unitChangeWizard");
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(ChangeWizard::EditPageId));
    // The credit code of another demo unit (43010000002): valid, but taken.
    const QString org = QStringLiteral("MA4L1002");
    const QString first17 = QStringLiteral("91430104") + org + CreditCode::organizationCheckCharacter(org);
    const QString taken = first17 + CreditCode::checkCharacter(first17);
    QVERIFY(CreditCode::check(taken).isEmpty());
    auto *code = child<QLineEdit>(wizard, "creditCodeLineEdit");
    code->setText(taken);
    button(wizard, "declareChangePushButton")->click();
    QCOMPARE(wizard->currentId(), int(ChangeWizard::ProofsPageId));
    ui::FileDialog::setNextFileName(writePng(QStringLiteral("licence-2.png")));
    button(wizard, "chooseProofPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(child<QListWidget>(wizard, "uploadedProofsListWidget")->count(), 1, 30000);
    QTRY_VERIFY(button(wizard, "nextPushButton")->isEnabled());
    button(wizard, "nextPushButton")->click();

    // Back on the form, as typed, with the server's message under the field; the proof is kept.
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ChangeWizard::EditPageId), 30000);
    auto *error = child<QLabel>(wizard, "creditCodeErrorLabel");
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("统一社会信用代码")), qPrintable(error->text()));
    QCOMPARE(code->text(), taken);
    QCOMPARE(wizard->data().attachments.size(), 1);
    QVERIFY(wizard->data().submitted.isEmpty());
    test::saveScreenshot(wizard, QStringLiteral("chg-unit-8-taken-refused"));
    QVERIFY(m_desk.closeWizard(wizard));
}

QTEST_MAIN(TestChangeGui)
#include "tst_change_gui.moc"
