// 个人信息变更 driven by objectName against the real server, as the authorized demo unit
// 43010000001: 选择人员, a gender disagreeing with the ID number refused locally, a non-key change
// applied, a name change with the ID-card image pending, and the demo's 15-digit number upgraded
// to 18 (升位) applied at once.
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

class TestChangePersonGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString error = m_desk.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void cleanupTestCase() { m_desk.stop(); }
    void personGenderDisagreeingWithIdIsRefused();
    void personChanges();
    void idUpgradeAppliesAtOnce();

private:
    ChangeWizard *openWizard(const char *entry, const char *name) { return m_desk.openWizard(entry, name); }
    QString writePng(const QString &name) { return m_desk.writePng(name); }
    QAbstractButton *button(QWidget *root, const char *name) { return child<QAbstractButton>(root, name); }

    test::ChangeDesk m_desk;
};

void TestChangePersonGui::personGenderDisagreeingWithIdIsRefused()
{
    ChangeWizard *wizard = openWizard("maintain.person", "personChangeWizard");
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(ChangeWizard::SelectPageId));
    auto *list = child<QListWidget>(wizard, "staffListWidget");
    QVERIFY(list->count() > 0);
    const Person person = wizard->data().persons.first();
    child<QLineEdit>(wizard, "personSearchLineEdit")->setText(person.name);
    int visible = 0;
    for (int row = 0; row < list->count(); ++row)
        visible += list->item(row)->isHidden() ? 0 : 1;
    QVERIFY(visible >= 1 && visible < list->count());
    for (int row = 0; row < list->count(); ++row) {
        if (!list->item(row)->isHidden() && list->item(row)->text().contains(person.personNo))
            list->setCurrentRow(row);
    }
    QVERIFY(wizard->data().person && wizard->data().person->personNo == person.personNo);
    const QString unnamed = test::unnamedWidgets(wizard);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed));
    test::saveScreenshot(wizard, QStringLiteral("chg-person-1-select"));
    button(wizard, "nextPushButton")->click();
    QCOMPARE(wizard->currentId(), int(ChangeWizard::EditPageId));
    QCOMPARE(child<QLabel>(wizard, "nameCurrentLabel")->text(), person.name);
    QCOMPARE(child<QLineEdit>(wizard, "nameLineEdit")->accessibleDescription(), KeyDescription);
    QCOMPARE(child<ui::CodeComboBox>(wizard, "ethnicityComboBox")->accessibleDescription(), NonKeyDescription);

    auto *gender = child<ui::CodeComboBox>(wizard, "genderComboBox");
    gender->setCode(person.gender == u"1" ? QStringLiteral("2") : QStringLiteral("1"));
    button(wizard, "declareChangePushButton")->click();
    auto *error = child<QLabel>(wizard, "genderErrorLabel");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("性别")) && error->text().contains(QStringLiteral("身份证")),
             qPrintable(error->text()));
    QVERIFY(gender->accessibleDescription().startsWith(KeyDescription));
    QVERIFY(gender->accessibleDescription().contains(error->text()));
    QCOMPARE(wizard->currentId(), int(ChangeWizard::EditPageId));
    test::saveScreenshot(wizard, QStringLiteral("chg-person-2-gender-refused"));
    gender->setCode(person.gender);
    QVERIFY(!error->isVisible());
    QVERIFY(m_desk.closeWizard(wizard));
}

void TestChangePersonGui::personChanges()
{
    ChangeWizard *wizard = openWizard("maintain.person", "personChangeWizard");
    QVERIFY(wizard);
    // The draft of the last visit brings the clerk back to the person chosen.
    QCOMPARE(wizard->currentId(), int(ChangeWizard::EditPageId));
    QVERIFY(wizard->data().person);
    const Person person = *wizard->data().person;

    auto *phone = child<QLineEdit>(wizard, "phoneLineEdit");
    phone->setText(QStringLiteral("13907310099"));
    button(wizard, "applyChangePushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ChangeWizard::OutcomePageId), 30000);
    QCOMPARE(wizard->currentPage()->title(), QStringLiteral("已生效"));
    button(wizard, "finishPushButton")->click();
    QTRY_VERIFY(!m_desk.window().findChild<ChangeWizard *>(QStringLiteral("personChangeWizard")));

    wizard = openWizard("maintain.person", "personChangeWizard");
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(ChangeWizard::SelectPageId)); // nothing left over
    auto *list = child<QListWidget>(wizard, "staffListWidget");
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text().contains(person.personNo))
            list->setCurrentRow(row);
    }
    button(wizard, "nextPushButton")->click();
    QCOMPARE(wizard->currentId(), int(ChangeWizard::EditPageId));
    auto *name = child<QLineEdit>(wizard, "nameLineEdit");
    name->setText(QStringLiteral("欧阳改名"));
    button(wizard, "declareChangePushButton")->click();
    QCOMPARE(wizard->currentId(), int(ChangeWizard::ProofsPageId));
    QVERIFY(child<QLabel>(wizard, "requiredProofsLabel")->text().contains(QStringLiteral("身份证")));
    ui::FileDialog::setNextFileName(writePng(QStringLiteral("id-card.png")));
    button(wizard, "chooseProofPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(child<QListWidget>(wizard, "uploadedProofsListWidget")->count(), 1, 30000);
    QTRY_VERIFY(button(wizard, "nextPushButton")->isEnabled());
    button(wizard, "nextPushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ChangeWizard::OutcomePageId), 30000);
    QCOMPARE(wizard->data().submitted.first().state, ChangeState::Pending);
    QCOMPARE(wizard->data().submitted.first().personNo, person.personNo);
    QVERIFY(child<QLabel>(wizard, "paperNoteLabel")->text().contains(QStringLiteral("个人信息修改表")));
    test::saveScreenshot(wizard, QStringLiteral("chg-person-3-pending"));
    const QString number = wizard->data().submitted.first().requestNo;
    button(wizard, "finishPushButton")->click();
    QTRY_VERIFY(!m_desk.window().findChild<ChangeWizard *>(QStringLiteral("personChangeWizard")));

    auto *table = child<QTableWidget>(m_desk.window().changeRequestsPage(), "changeRequestsTableWidget");
    QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() >= 2 && table->item(0, 0)->text() == number, 30000);
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("待审核"));
    QVERIFY(table->item(0, 1)->text().startsWith(person.name));
    test::saveScreenshot(&m_desk.window(), QStringLiteral("chg-requests-3-person"));
}

void TestChangePersonGui::idUpgradeAppliesAtOnce()
{
    // The demo's person the agency still holds under an old 15-digit number.
    ChangeWizard *wizard = openWizard("maintain.person", "personChangeWizard");
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(ChangeWizard::SelectPageId));
    child<QLineEdit>(wizard, "personSearchLineEdit")->setText(QStringLiteral("汤志远"));
    auto *list = child<QListWidget>(wizard, "staffListWidget");
    for (int row = 0; row < list->count(); ++row) {
        if (!list->item(row)->isHidden())
            list->setCurrentRow(row);
    }
    QVERIFY(wizard->data().person);
    const QString old = wizard->data().person->idNumber;
    QCOMPARE(old.size(), 15);
    button(wizard, "nextPushButton")->click();
    QCOMPARE(wizard->currentId(), int(ChangeWizard::EditPageId));
    const QString upgraded = IdNumber::parse(old).value().number();
    child<QLineEdit>(wizard, "idNumberLineEdit")->setText(upgraded);
    auto *note = child<QLabel>(wizard, "changeNoteLabel");
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("升位")));
    test::saveScreenshot(wizard, QStringLiteral("chg-person-4-upgrade"));

    // Key, but proven by the old number: 变更申报 applies it at once, without the proofs page.
    button(wizard, "declareChangePushButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ChangeWizard::OutcomePageId), 30000);
    const ChangeRequest request = wizard->data().submitted.first();
    QVERIFY(request.idUpgrade);
    QVERIFY(isEffective(request.state));
    QCOMPARE(wizard->currentPage()->title(), QStringLiteral("已生效"));
    QVERIFY(child<QLabel>(wizard, "changeSummaryLabel")->text().contains(QStringLiteral("升位")));
    test::saveScreenshot(wizard, QStringLiteral("chg-person-5-upgrade-applied"));
    button(wizard, "finishPushButton")->click();
    QTRY_VERIFY(!m_desk.window().findChild<ChangeWizard *>(QStringLiteral("personChangeWizard")));
}

QTEST_MAIN(TestChangePersonGui)
#include "tst_change_person_gui.moc"
