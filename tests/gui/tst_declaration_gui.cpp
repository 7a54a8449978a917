// 异动申报 driven end to end by objectName against the real server, as the authorized demo unit
// 43010000001: 异动新增 of a person the agency does not know (新增) and of a known, no longer
// contributing one (续保), 异动减少 of a contributing one, then 申报 of the pending items with
// 报送人 / 联系电话 and the 申报表 written as PDF (pdftotext shows every name), 申报查询 and the
// .xlsx export; and a draft that survives closing the wizard mid-way.
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QRegularExpression>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "DeclarationGui.h"
#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AppContext.h"
#include "app/OutboxService.h"
#include "app/Settings.h"
#include "app/Session.h"
#include "models/cache/DraftStore.h"
#include "models/cache/LocalCache.h"
#include "models/policy/YearMonth.h"
#include "models/validation/IdNumber.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/ModuleTreeWidget.h"
#include "ui/declaration/DraftKeeper.h"
#include "ui/declaration/add/AddWizard.h"
#include "ui/declaration/reduce/ReduceWizard.h"
#include "ui/declaration/submit/BatchTableModel.h"
#include "ui/declaration/submit/DeclarationPage.h"
#include "ui/declaration/submit/PendingItemModel.h"
#include "ui/printing/FormPrinter.h"
#include "ui/widgets/CodeComboBox.h"
#include "ui/widgets/FileDialog.h"
#include "ui/widgets/MessageBox.h"

using namespace shebao;
using ui::AddWizard;
using ui::ReduceWizard;
using test::child;
using test::confirmAndSave;
using test::fillPersonForm;
using test::lookUp;

namespace {
const QString UnitNo = QStringLiteral("43010000001");
const QString NewName = QStringLiteral("欧阳新员");
const QString DraftName = QStringLiteral("草稿留存");
} // namespace

class TestDeclarationGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void entriesOpenForAuthorizedUnit();
    void addUnknownPerson();
    void renewKnownInactivePerson();
    void reduceActivePerson();
    void declarePendingItemsAndWriteTheForm();
    void pastBatchesAndExcelExport();
    void draftSurvivesClosingMidway();
    void offlineItemIsQueuedAndSentLater();

private:
    AddWizard *openAddWizard();

    test::ServerProcess m_server;
    test::DeskFixture m_fixture;
    QTemporaryDir m_files;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_declaredNames;
    QStringList m_usedIds;
    QString m_batchNo;
};

void TestDeclarationGui::initTestCase()
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
}

void TestDeclarationGui::cleanupTestCase()
{
    m_window.reset();
    m_context.reset();
}

void TestDeclarationGui::entriesOpenForAuthorizedUnit()
{
    auto *tree = m_window->findChild<ModuleTreeWidget *>(QStringLiteral("moduleTreeWidget"));
    QVERIFY(tree && tree->isBusinessAllowed());
    for (const char *key : {"declare.add", "declare.reduce", "declare.submit", "declare.import"}) {
        QTreeWidgetItem *item = tree->itemForKey(QString::fromLatin1(key));
        QVERIFY2(item && (item->flags() & Qt::ItemIsEnabled), key);
        QVERIFY2(item->toolTip(0).isEmpty(), key);
    }
    QCOMPARE(tree->itemForKey(QStringLiteral("declare.add"))->text(0), QStringLiteral("异动新增"));
    QCOMPARE(tree->itemForKey(QStringLiteral("declare.submit"))->text(0), QStringLiteral("申报及查询"));
    // The keyboard reaches them from anywhere too.
    auto *action = m_window->findChild<QAction *>(QStringLiteral("declareAndQueryAction"));
    QVERIFY(action && action->isEnabled());
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
}

AddWizard *TestDeclarationGui::openAddWizard()
{
    if (!m_window->showEntry(QStringLiteral("declare.add")))
        return nullptr;
    return test::waitForChild<AddWizard>(m_window.get(), QStringLiteral("addWizard"));
}

void TestDeclarationGui::addUnknownPerson()
{
    AddWizard *wizard = openAddWizard();
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(AddWizard::LookupPageId));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    const QString id = test::freshIdNumber(QDate(1996, 6, 12), false);
    m_usedIds.append(id);
    lookUp(wizard, id);
    QVERIFY2(child<QLabel>(wizard, "lookupSummaryLabel")->text().contains(QStringLiteral("首次参保")),
             qPrintable(child<QLabel>(wizard, "lookupSummaryLabel")->text()));
    QVERIFY(!child<QPushButton>(wizard, "addButton")->isEnabled()); // 选中 first
    QVERIFY2(test::unnamedWidgets(wizard).isEmpty(), qPrintable(test::unnamedWidgets(wizard)));
    test::saveScreenshot(wizard, QStringLiteral("add-1-lookup-unknown"));
    QTest::mouseClick(child<QPushButton>(wizard, "selectButton"), Qt::LeftButton);
    QVERIFY(child<QPushButton>(wizard, "addButton")->isEnabled());
    QVERIFY(!child<QPushButton>(wizard, "renewButton")->isEnabled());
    QVERIFY(child<QPushButton>(wizard, "renewButton")->toolTip().contains(QStringLiteral("续保")));
    // The suggested kind has the focus: Space takes it.
    QCOMPARE(QApplication::focusWidget(), child<QPushButton>(wizard, "addButton"));
    QTest::keyClick(child<QPushButton>(wizard, "addButton"), Qt::Key_Space);
    QCOMPARE(wizard->currentId(), int(AddWizard::PersonPageId));

    // 性别 / 出生日期 from the ID number, read-only; required captions red and 必填 for readers.
    QCOMPARE(child<QLineEdit>(wizard, "genderLineEdit")->text(), QStringLiteral("女"));
    QCOMPARE(child<QLineEdit>(wizard, "birthDateLineEdit")->text(), QStringLiteral("1996-06-12"));
    QVERIFY(child<QLineEdit>(wizard, "genderLineEdit")->isReadOnly());
    QCOMPARE(child<QLineEdit>(wizard, "nameLineEdit")->accessibleDescription(), QStringLiteral("必填"));
    QCOMPARE(child<QWidget>(wizard, "hukouComboBox")->accessibleDescription(), QStringLiteral("必填"));
    QVERIFY(child<QWidget>(wizard, "identityComboBox")->accessibleDescription().isEmpty());
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    fillPersonForm(wizard, NewName);
    // A bad phone is named under its field and nothing typed is lost.
    child<QLineEdit>(wizard, "phoneLineEdit")->setText(QStringLiteral("12345"));
    wizard->button(QWizard::NextButton)->click();
    QCOMPARE(wizard->currentId(), int(AddWizard::PersonPageId));
    QVERIFY(child<QLabel>(wizard, "phoneErrorLabel")->isVisible());
    QVERIFY(child<QLineEdit>(wizard, "phoneLineEdit")->accessibleDescription().contains(
        child<QLabel>(wizard, "phoneErrorLabel")->text()));
    test::saveScreenshot(wizard, QStringLiteral("add-2-person-error"));
    child<QLineEdit>(wizard, "phoneLineEdit")->setText(QStringLiteral("13907310001"));
    test::saveScreenshot(wizard, QStringLiteral("add-2-person"));
    QVERIFY2(test::unnamedWidgets(wizard).isEmpty(), qPrintable(test::unnamedWidgets(wizard)));
    wizard->button(QWizard::NextButton)->click();
    QCOMPARE(wizard->currentId(), int(AddWizard::WagePageId));
    QVERIFY2(test::unnamedWidgets(wizard).isEmpty(), qPrintable(test::unnamedWidgets(wizard)));

    // At most two months back, not in the future.
    auto *month = child<ui::CodeComboBox>(wizard, "startMonthComboBox");
    QCOMPARE(month->count(), 3);
    const YearMonth current = YearMonth::ofDate(QDate::currentDate());
    QCOMPARE(month->code(), current.toString());
    QCOMPARE(month->itemData(2).toString(), current.addMonths(-2).toString());
    // 确认工资 of a wage below the lower limit: the lower limit applies, said with the table.
    auto *wageEdit = child<QLineEdit>(wizard, "wageLineEdit");
    QTest::keyClicks(wageEdit, QStringLiteral("1000"));
    QTest::mouseClick(child<QPushButton>(wizard, "confirmWageButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>(wizard, "clampWarningLabel")->isVisible());
    const QString warning = child<QLabel>(wizard, "clampWarningLabel")->text();
    QVERIFY2(warning.contains(QStringLiteral("长沙市社会保险缴费参数")) && warning.contains(QStringLiteral("下限")),
             qPrintable(warning));
    QVERIFY(child<QLabel>(wizard, "confirmedBaseLabel")->text().contains(QStringLiteral("缴费基数")));
    QCOMPARE(wageEdit->text(), QStringLiteral("1000.00"));
    test::saveScreenshot(wizard, QStringLiteral("add-3-wage-clamped"));
    // 上一步 and back again keeps everything typed (QWizard would reset the fields, and the draft
    // would be saved empty).
    wizard->button(QWizard::BackButton)->click();
    QCOMPARE(wizard->currentId(), int(AddWizard::PersonPageId));
    QCOMPARE(child<QLineEdit>(wizard, "nameLineEdit")->text(), NewName);
    QCOMPARE(child<QLineEdit>(wizard, "phoneLineEdit")->text(), QStringLiteral("13907310001"));
    QCOMPARE(child<ui::CodeComboBox>(wizard, "hukouComboBox")->code(), QStringLiteral("1"));
    wizard->button(QWizard::NextButton)->click();
    QCOMPARE(wizard->currentId(), int(AddWizard::WagePageId));
    QCOMPARE(wageEdit->text(), QStringLiteral("1000.00"));
    QVERIFY(child<QLabel>(wizard, "clampWarningLabel")->isVisible());
    wizard->button(QWizard::NextButton)->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(AddWizard::SavedPageId), 30000);
    const QString outcome = child<QLabel>(wizard, "outcomeLabel")->text();
    QVERIFY2(outcome.contains(NewName) && outcome.contains(QStringLiteral("待申报")), qPrintable(outcome));
    test::saveScreenshot(wizard, QStringLiteral("add-4-saved"));
    m_declaredNames.append(NewName);
    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(!m_window->findChild<AddWizard *>());
}

void TestDeclarationGui::renewKnownInactivePerson()
{
    const std::optional<Person> person = test::pickPerson(*m_context, test::Wanted::InactiveKnown);
    QVERIFY2(person, "the demo unit has no known, no longer contributing person to renew");
    m_usedIds.append(person->idNumber);
    AddWizard *wizard = openAddWizard();
    QVERIFY(wizard);
    lookUp(wizard, person->idNumber);
    QVERIFY(child<QTableWidget>(wizard, "historyTableWidget")->rowCount() > 0);
    QVERIFY(child<QTableWidget>(wizard, "historyTableWidget")->item(0, 4)->text() == QStringLiteral("本单位"));
    test::saveScreenshot(wizard, QStringLiteral("renew-1-lookup-known"));
    QTest::mouseClick(child<QPushButton>(wizard, "selectButton"), Qt::LeftButton);
    QVERIFY(child<QPushButton>(wizard, "renewButton")->isEnabled());
    QVERIFY(!child<QPushButton>(wizard, "addButton")->isEnabled());
    QVERIFY(child<QPushButton>(wizard, "addButton")->accessibleDescription().contains(QStringLiteral("续保")));
    test::saveScreenshot(wizard, QStringLiteral("renew-1-lookup-selected"));
    QTest::mouseClick(child<QPushButton>(wizard, "renewButton"), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(AddWizard::PersonPageId));
    // The agency's data is filled in.
    QCOMPARE(child<QLineEdit>(wizard, "nameLineEdit")->text(), person->name);
    QCOMPARE(child<ui::CodeComboBox>(wizard, "ethnicityComboBox")->code(), person->ethnicity);
    QVERIFY(!child<QLineEdit>(wizard, "phoneLineEdit")->text().isEmpty());
    // The agency may know a value by a name no dictionary has (劳务合同): the clerk chooses.
    for (const char *name : {"hukouComboBox", "employmentFormComboBox"}) {
        if (child<ui::CodeComboBox>(wizard, name)->code().isEmpty())
            child<ui::CodeComboBox>(wizard, name)->setCode(QStringLiteral("1"));
    }
    test::saveScreenshot(wizard, QStringLiteral("renew-2-person"));
    wizard->button(QWizard::NextButton)->click();
    QCOMPARE(wizard->currentId(), int(AddWizard::WagePageId));
    QVERIFY(child<QLabel>(wizard, "whoLabel")->text().contains(QStringLiteral("续保")));
    confirmAndSave(wizard, QStringLiteral("6,500"));
    QVERIFY(!child<QLabel>(wizard, "clampWarningLabel")->isVisible());
    QVERIFY(child<QLabel>(wizard, "outcomeLabel")->text().contains(person->name));
    m_declaredNames.append(person->name);
    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(!m_window->findChild<AddWizard *>());
}

void TestDeclarationGui::reduceActivePerson()
{
    const std::optional<Person> person = test::pickPerson(*m_context, test::Wanted::ActiveHere, m_usedIds);
    QVERIFY2(person, "the demo unit has no contributing person to remove");
    m_usedIds.append(person->idNumber);
    QVERIFY(m_window->showEntry(QStringLiteral("declare.reduce")));
    auto *wizard = test::waitForChild<ReduceWizard>(m_window.get(), QStringLiteral("reduceWizard"));
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(ReduceWizard::TypePageId));
    QVERIFY(child<QLabel>(wizard, "counterNoteLabel")->text().contains(QStringLiteral("退保")));
    QVERIFY(!child<QComboBox>(wizard, "changeReasonComboBox")->isEnabled());
    child<ui::CodeComboBox>(wizard, "changeTypeComboBox")->setCode(QStringLiteral("2")); // 停保
    auto *reason = child<ui::CodeComboBox>(wizard, "changeReasonComboBox");
    QVERIFY(reason->isEnabled());
    QCOMPARE(reason->count(), 8); // placeholder + the seven reasons of 停保
    QVERIFY(reason->findText(QStringLiteral("退休")) < 0);  // a reason of 终止
    reason->setCode(QStringLiteral("22"));                  // 辞职
    test::saveScreenshot(wizard, QStringLiteral("reduce-1-type"));
    wizard->button(QWizard::NextButton)->click();
    QCOMPARE(wizard->currentId(), int(ReduceWizard::PersonPageId));
    // The unit's contributing people from the local copy, filterable.
    auto *list = child<QListWidget>(wizard, "activePersonsListWidget");
    QVERIFY(list->count() > 0);
    lookUp(wizard, person->idNumber);
    QVERIFY(child<QPushButton>(wizard, "selectButton")->isEnabled());
    test::saveScreenshot(wizard, QStringLiteral("reduce-2-person"));
    QVERIFY2(test::unnamedWidgets(wizard).isEmpty(), qPrintable(test::unnamedWidgets(wizard)));
    QTest::mouseClick(child<QPushButton>(wizard, "selectButton"), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(ReduceWizard::MonthPageId));
    QVERIFY(child<QLabel>(wizard, "reduceSummaryLabel")->text().contains(QStringLiteral("辞职")));
    QCOMPARE(child<QComboBox>(wizard, "stopMonthComboBox")->count(), 3);
    QCOMPARE(wizard->button(QWizard::NextButton)->text(), QStringLiteral("减少(&R)"));
    test::saveScreenshot(wizard, QStringLiteral("reduce-3-month"));
    wizard->button(QWizard::NextButton)->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ReduceWizard::SavedPageId), 30000);
    QVERIFY(child<QLabel>(wizard, "outcomeLabel")->text().contains(person->name));
    test::saveScreenshot(wizard, QStringLiteral("reduce-4-saved"));
    m_declaredNames.append(person->name);
    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(!m_window->findChild<ReduceWizard *>());
}

void TestDeclarationGui::declarePendingItemsAndWriteTheForm()
{
    QVERIFY(m_window->showEntry(QStringLiteral("declare.submit")));
    ui::DeclarationPage *page = m_window->declarationPage();
    auto *model = page->findChild<QTableView *>(QStringLiteral("pendingTableView"))->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 30000);
    auto *declare = child<QPushButton>(page, "declareButton");
    QVERIFY(!declare->isEnabled()); // nothing checked
    QTest::mouseClick(child<QPushButton>(page, "selectAllButton"), Qt::LeftButton);
    QVERIFY(declare->isEnabled());
    child<QLineEdit>(page, "reporterLineEdit")->setText(QStringLiteral("王小明"));
    auto *phone = child<QLineEdit>(page, "phoneLineEdit");
    phone->clear();
    QTest::keyClicks(phone, QStringLiteral("12345"));
    QTest::mouseClick(declare, Qt::LeftButton);
    QVERIFY(child<QLabel>(page, "phoneErrorLabel")->isVisible());
    phone->clear();
    QTest::keyClicks(phone, QStringLiteral("0731-88886666"));
    QTest::mouseClick(page->findChild<QTableView *>(QStringLiteral("pendingTableView"))->viewport(), Qt::LeftButton,
                      {}, QPoint(60, 10));
    test::saveScreenshot(m_window.get(), QStringLiteral("submit-1-pending"));
    QVERIFY2(test::unnamedWidgets(page).isEmpty(), qPrintable(test::unnamedWidgets(page)));
    QTest::mouseClick(declare, Qt::LeftButton);
    auto *result = child<QLabel>(page, "declareResultLabel");
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("SB")), 30000);
    QVERIFY2(result->text().contains(QStringLiteral("加盖单位公章")), qPrintable(result->text()));
    auto *printForm = child<QPushButton>(page, "printFormButton");
    QVERIFY(printForm->isVisible());
    QCOMPARE(printForm->text(), QStringLiteral("人员异动申报表（仅供授权单位使用）打印"));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 30000);
    // 报送人 and 联系电话 are remembered for the unit.
    QCOMPARE(m_context->session().cache()->meta(QStringLiteral("declaration.reporter")), QStringLiteral("王小明"));
    test::saveScreenshot(m_window.get(), QStringLiteral("submit-2-declared"));

    // Print (the dialog pre-answered) to a PDF printer, and 保存 PDF through the file seam.
    const QString printed = m_files.filePath(QStringLiteral("printed.pdf"));
    m_window->formPrinter().printer().setOutputFormat(QPrinter::PdfFormat);
    m_window->formPrinter().printer().setOutputFileName(printed);
    ui::FormPrinter::setNextDialogAnswer(true);
    QTest::mouseClick(printForm, Qt::LeftButton);
    QTRY_VERIFY(result->text().contains(QStringLiteral("页")));
    QVERIFY(QFile::exists(printed));
    const QString pdf = m_files.filePath(QStringLiteral("declaration-form.pdf"));
    ui::FileDialog::setNextFileName(pdf);
    QTest::mouseClick(child<QPushButton>(page, "savePdfButton"), Qt::LeftButton);
    QVERIFY2(QFile::exists(pdf), qPrintable(result->text()));
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(30000));
    const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    for (const QString &name : std::as_const(m_declaredNames))
        QVERIFY2(text.contains(name), qPrintable(name + QStringLiteral(" missing in:\n") + text));
    QVERIFY(text.contains(QStringLiteral("王小明")));
    QVERIFY(text.contains(QStringLiteral("0731-88886666")));
    for (const QString &w : result->text().split(QRegularExpression(QStringLiteral("[^A-Z0-9]+")))) {
        if (w.startsWith(QLatin1String("SB")))
            m_batchNo = w;
    }
    QVERIFY(!m_batchNo.isEmpty());
    QVERIFY2(text.contains(m_batchNo), qPrintable(text));
}

void TestDeclarationGui::pastBatchesAndExcelExport()
{
    ui::DeclarationPage *page = m_window->declarationPage();
    page->showTab(ui::DeclarationPage::BatchesTabIndex);
    auto *batches = page->findChild<QTableView *>(QStringLiteral("batchesTableView"));
    QTRY_VERIFY_WITH_TIMEOUT(batches->model()->rowCount() >= 1, 30000);
    const QModelIndex state = batches->model()->index(0, ui::BatchTableModel::StateColumn);
    QCOMPARE(batches->model()->index(0, ui::BatchTableModel::BatchNoColumn).data().toString(), m_batchNo);
    QCOMPARE(state.data().toString(), QStringLiteral("待交纸质表"));
    auto *items = child<QTableWidget>(page, "batchItemsTableWidget");
    QTRY_COMPARE_WITH_TIMEOUT(items->rowCount(), 3, 30000);
    QVERIFY(child<QLabel>(page, "batchHistoryLabel")->text().contains(QStringLiteral("王小明")));
    test::saveScreenshot(m_window.get(), QStringLiteral("submit-3-batches"));
    const QString xlsx = m_files.filePath(QStringLiteral("batch.xlsx"));
    ui::FileDialog::setNextFileName(xlsx);
    QTest::mouseClick(child<QPushButton>(page, "exportXlsxButton"), Qt::LeftButton);
    QVERIFY2(QFile::exists(xlsx), qPrintable(child<QLabel>(page, "batchStatusLabel")->text()));
    QFile file(xlsx);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(2), QByteArray("PK")); // a zip archive, as .xlsx is

    // 人员名单 → 导出 Excel.
    QVERIFY(m_window->showEntry(QStringLiteral("query.persons")));
    const QString persons = m_files.filePath(QStringLiteral("persons.xlsx"));
    ui::FileDialog::setNextFileName(persons);
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("exportExcelButton")), Qt::LeftButton);
    QVERIFY(QFile::exists(persons));
}

void TestDeclarationGui::draftSurvivesClosingMidway()
{
    AddWizard *wizard = openAddWizard();
    QVERIFY(wizard);
    const QString id = test::freshIdNumber(QDate(1990, 3, 8), true);
    lookUp(wizard, id);
    QTest::mouseClick(child<QPushButton>(wizard, "selectButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(wizard, "addButton"), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(AddWizard::PersonPageId));
    child<QLineEdit>(wizard, "nameLineEdit")->setText(DraftName);
    child<ui::CodeComboBox>(wizard, "hukouComboBox")->setCode(QStringLiteral("2"));
    QTest::keyClicks(child<QLineEdit>(wizard, "phoneLineEdit"), QStringLiteral("13800001111"));

    // Within the debounce the draft is on disk without closing anything (a crash loses at most
    // the last DebounceMs of typing).
    LocalCache *cache = m_context->session().cache();
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->draftKeeper().isPending() && wizard->draftKeeper().draftId() != 0,
                             ui::DraftKeeper::DebounceMs * 3);
    Result<std::optional<Draft>> onDisk = DraftStore(*cache).load(wizard->draftKeeper().draftId());
    QVERIFY(onDisk && onDisk.value());
    QCOMPARE(onDisk.value()->state.value(QLatin1String("fields")).toObject().value(QLatin1String("phone")).toString(),
             QStringLiteral("13800001111"));

    // Writing the draft is one small transaction: it never holds up typing.
    QTest::keyClicks(child<QLineEdit>(wizard, "phoneLineEdit"), QStringLiteral("2"));
    QElapsedTimer timer;
    timer.start();
    wizard->draftKeeper().flush();
    const qint64 flushMs = timer.elapsed();
    qInfo("draft write: %lld ms", flushMs);
    QVERIFY2(flushMs < 50, qPrintable(QString::number(flushMs)));
    child<QLineEdit>(wizard, "phoneLineEdit")->setText(QStringLiteral("13800001111"));

    // The last keystrokes, then the window is closed at once.
    QTest::keyClicks(child<QLineEdit>(wizard, "workStartDateLineEdit"), QStringLiteral("2015-09-01"));
    wizard->close();
    QTRY_VERIFY(!m_window->findChild<AddWizard *>());

    QVERIFY(m_window->showEntry(QStringLiteral("declare.submit")));
    ui::DeclarationPage *page = m_window->declarationPage();
    page->showTab(ui::DeclarationPage::DraftsTabIndex);
    auto *drafts = child<QTableWidget>(page, "draftsTableWidget");
    int row = -1;
    const bool listed = QTest::qWaitFor([&] {
        for (int r = 0; r < drafts->rowCount(); ++r) {
            if (drafts->item(r, 1)->text().contains(DraftName))
                row = r;
        }
        return row >= 0;
    });
    if (!listed) {
        QStringList rows{child<QLabel>(page, "draftsStatusLabel")->text()};
        for (int r = 0; r < drafts->rowCount(); ++r)
            rows.append(drafts->item(r, 0)->text() + u' ' + drafts->item(r, 1)->text());
        QFAIL(qPrintable(rows.join(u'\n')));
    }
    test::saveScreenshot(m_window.get(), QStringLiteral("submit-4-drafts"));
    drafts->setCurrentCell(row, 0);
    QTest::mouseClick(child<QPushButton>(page, "resumeDraftButton"), Qt::LeftButton);
    wizard = test::waitForChild<AddWizard>(m_window.get(), QStringLiteral("addWizard"));
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(AddWizard::PersonPageId));
    QCOMPARE(child<QLineEdit>(wizard, "nameLineEdit")->text(), DraftName);
    QCOMPARE(child<ui::CodeComboBox>(wizard, "hukouComboBox")->code(), QStringLiteral("2"));
    QCOMPARE(child<QLineEdit>(wizard, "phoneLineEdit")->text(), QStringLiteral("13800001111"));
    QCOMPARE(child<QLineEdit>(wizard, "workStartDateLineEdit")->text(), QStringLiteral("2015-09-01"));
    QCOMPARE(child<QLineEdit>(wizard, "genderLineEdit")->text(), QStringLiteral("男"));
    QCOMPARE(wizard->field(QStringLiteral("idNumber")).toString(), id);
    test::saveScreenshot(wizard, QStringLiteral("add-5-resumed-draft"));
    wizard->close();
}

void TestDeclarationGui::offlineItemIsQueuedAndSentLater()
{
    m_server.stop();
    AddWizard *wizard = openAddWizard();
    QVERIFY(wizard);
    const QString id = test::freshIdNumber(QDate(1994, 10, 20), true);
    lookUp(wizard, id);
    QVERIFY2(child<QLabel>(wizard, "lookupStatusLabel")->text().contains(QStringLiteral("无法连接")),
             qPrintable(child<QLabel>(wizard, "lookupStatusLabel")->text()));
    QTest::mouseClick(child<QPushButton>(wizard, "selectButton"), Qt::LeftButton);
    // Without the server both kinds are open; the server checks the choice when it is sent.
    QVERIFY(child<QPushButton>(wizard, "renewButton")->isEnabled());
    test::saveScreenshot(wizard, QStringLiteral("offline-1-lookup"));
    QTest::mouseClick(child<QPushButton>(wizard, "addButton"), Qt::LeftButton);
    QCOMPARE(wizard->currentId(), int(AddWizard::PersonPageId));
    fillPersonForm(wizard, QStringLiteral("离线新员"));
    wizard->button(QWizard::NextButton)->click();
    QCOMPARE(wizard->currentId(), int(AddWizard::WagePageId));
    confirmAndSave(wizard, QStringLiteral("7000"));
    QCOMPARE(wizard->page(AddWizard::SavedPageId)->title(), QStringLiteral("已保存在本机"));
    QVERIFY2(child<QLabel>(wizard, "outcomeLabel")->text().contains(QStringLiteral("自动发送")),
             qPrintable(child<QLabel>(wizard, "outcomeLabel")->text()));
    test::saveScreenshot(wizard, QStringLiteral("offline-2-saved-locally"));
    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(!m_window->findChild<AddWizard *>());

    // A second one, for the person declared above: the server will refuse it (one open item
    // per person), and the refusal must stay visible and correctable.
    wizard = openAddWizard();
    QVERIFY(wizard);
    lookUp(wizard, m_usedIds.at(0));
    QTest::mouseClick(child<QPushButton>(wizard, "selectButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(wizard, "addButton"), Qt::LeftButton);
    fillPersonForm(wizard, NewName);
    wizard->button(QWizard::NextButton)->click();
    confirmAndSave(wizard, QStringLiteral("7100"));
    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(!m_window->findChild<AddWizard *>());

    // Listed as waiting under 草稿.
    QVERIFY(m_window->showEntry(QStringLiteral("declare.submit")));
    ui::DeclarationPage *page = m_window->declarationPage();
    page->showTab(ui::DeclarationPage::DraftsTabIndex);
    auto *drafts = child<QTableWidget>(page, "draftsTableWidget");
    auto listed = [&] {
        for (int r = 0; r < drafts->rowCount(); ++r) {
            if (drafts->item(r, 1)->text().contains(QStringLiteral("离线新员")))
                return drafts->item(r, 0)->text();
        }
        return QString();
    };
    QTRY_COMPARE(listed(), QStringLiteral("待发送"));
    test::saveScreenshot(m_window.get(), QStringLiteral("offline-3-waiting"));

    // The server is back (on another port): the item is sent and joins 待申报.
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    m_context->settings().setServerUrl(m_server.baseUrl());
    QVERIFY(m_context->applyServerSettings());
    m_context->outbox().flush();
    QTRY_VERIFY_WITH_TIMEOUT(listed().isEmpty(), 30000);

    // The refused one stays, with the server's reason, and opens in its wizard to be corrected.
    int refusedRow = -1;
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        for (int r = 0; r < drafts->rowCount(); ++r) {
            if (drafts->item(r, 1)->text().contains(NewName) && drafts->item(r, 0)->text() == QStringLiteral("被拒绝"))
                refusedRow = r;
        }
        return refusedRow >= 0;
    }(), 30000);
    QVERIFY2(!drafts->item(refusedRow, 3)->text().isEmpty(), "the refusal has no reason");
    test::saveScreenshot(m_window.get(), QStringLiteral("offline-4-refused"));
    drafts->setCurrentCell(refusedRow, 0);
    QVERIFY(child<QPushButton>(page, "correctButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(page, "correctButton"), Qt::LeftButton);
    wizard = test::waitForChild<AddWizard>(m_window.get(), QStringLiteral("addWizard"));
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(AddWizard::LookupPageId));
    QCOMPARE(wizard->field(QStringLiteral("idNumber")).toString(), m_usedIds.at(0));
    QCOMPARE(wizard->field(QStringLiteral("name")).toString(), NewName);
    QCOMPARE(wizard->field(QStringLiteral("wage")).toString(), QStringLiteral("7100.00"));
    wizard->reject();
    QTRY_VERIFY(!m_window->findChild<AddWizard *>());
    // Deleting it on purpose (the question pre-answered).
    page->showTab(ui::DeclarationPage::DraftsTabIndex);
    for (int r = 0; r < drafts->rowCount(); ++r) {
        if (drafts->item(r, 0)->text() == QStringLiteral("被拒绝"))
            drafts->setCurrentCell(r, 0);
    }
    ui::MessageBox::setNextAnswer(true);
    QTest::mouseClick(child<QPushButton>(page, "discardButton"), Qt::LeftButton);
    for (int r = 0; r < drafts->rowCount(); ++r)
        QVERIFY(drafts->item(r, 0)->text() != QStringLiteral("被拒绝"));
    page->showTab(ui::DeclarationPage::PendingTabIndex);
    auto *pending = page->findChild<QTableView *>(QStringLiteral("pendingTableView"))->model();
    QTRY_VERIFY_WITH_TIMEOUT(pending->rowCount() >= 1
                                 && pending->index(0, ui::PendingItemModel::NameColumn).data().toString()
                                        == QStringLiteral("离线新员"),
                             30000);
}

QTEST_MAIN(TestDeclarationGui)
#include "tst_declaration_gui.moc"
