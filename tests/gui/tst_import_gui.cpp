// 异动申报 → 批量导入 driven by objectName against the real server (authorized unit
// 43010000001): 下载模板, a generated .xlsx with two good rows and a bad one, the check with its
// progress, the bad row's problem on its cell, and the valid rows added to 待申报 in one step.
#include <QAbstractButton>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <xlsxwriter.h>

#include "DeclarationGui.h"
#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AppContext.h"
#include "app/DeclarationService.h"
#include "models/import/ImportColumns.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/declaration/import/ImportPreviewModel.h"
#include "ui/declaration/import/ImportWizard.h"
#include "ui/widgets/FileDialog.h"

using namespace shebao;
using ui::ImportWizard;

namespace {
const QString UnitNo = QStringLiteral("43010000001");

// A 新增/续保 sheet as a clerk fills it in Excel: a title row above the header, text cells.
bool writeWorkbook(const QString &path, const QList<QStringList> &rows)
{
    lxw_workbook *workbook = workbook_new(path.toLocal8Bit().constData());
    if (!workbook)
        return false;
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, nullptr);
    worksheet_write_string(sheet, 0, 0, "新增人员名单", nullptr);
    const QStringList header{ImportColumns::name(),          ImportColumns::idNumber(),  ImportColumns::ethnicity(),
                             ImportColumns::hukou(),         ImportColumns::employmentForm(),
                             ImportColumns::workStartDate(), ImportColumns::startMonth(), ImportColumns::wage(),
                             ImportColumns::phone()};
    for (int c = 0; c < header.size(); ++c)
        worksheet_write_string(sheet, 1, lxw_col_t(c), header.at(c).toUtf8().constData(), nullptr);
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows.at(r).size(); ++c)
            worksheet_write_string(sheet, lxw_row_t(r + 2), lxw_col_t(c), rows.at(r).at(c).toUtf8().constData(), nullptr);
    }
    return workbook_close(workbook) == LXW_NO_ERROR;
}
} // namespace

class TestImportGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void downloadTemplate();
    void checkShowsProblemsOnTheirCells();
    void validRowsJoinThePendingItems();

private:
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
    QPointer<ImportWizard> m_wizard;
    QStringList m_goodNames;
    int m_pendingBefore = -1;
};

void TestImportGui::initTestCase()
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

    std::optional<Result<QList<DeclarationItem>>> pending;
    m_context->declarations().items(ItemState::Pending, this, [&](Result<QList<DeclarationItem>> r) { pending = r; });
    QTRY_VERIFY_WITH_TIMEOUT(pending.has_value(), 30000);
    QVERIFY(pending->ok());
    m_pendingBefore = int(pending->value().size());
}

void TestImportGui::cleanupTestCase()
{
    delete m_wizard;
    m_window.reset();
    m_context.reset();
}

void TestImportGui::downloadTemplate()
{
    QVERIFY(m_window->showEntry(QStringLiteral("declare.import")));
    m_wizard = test::waitForChild<ImportWizard>(m_window.get(), QStringLiteral("importWizard"));
    QVERIFY(m_wizard);
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled()); // no file yet
    const QString path = m_files.filePath(QStringLiteral("template.xlsx"));
    ui::FileDialog::setNextFileName(path);
    QTest::mouseClick(child<QPushButton>("downloadTemplateButton"), Qt::LeftButton);
    QVERIFY2(QFile::exists(path), qPrintable(child<QLabel>("importFileStatusLabel")->text()));
    QVERIFY(child<QLabel>("importFileStatusLabel")->text().contains(QStringLiteral("模板已保存")));
    QVERIFY2(test::unnamedWidgets(m_wizard).isEmpty(), qPrintable(test::unnamedWidgets(m_wizard)));
    test::saveScreenshot(m_wizard, QStringLiteral("import-1-file"));
}

void TestImportGui::checkShowsProblemsOnTheirCells()
{
    const QString first = test::freshIdNumber(QDate(1993, 4, 2), true);
    const QString second = test::freshIdNumber(QDate(1998, 11, 23), false);
    QString bad = test::freshIdNumber(QDate(1991, 1, 15), true);
    bad[17] = bad.at(17) == u'1' ? u'2' : u'1'; // a wrong check character
    const QString month = YearMonth::ofDate(QDate::currentDate()).toString();
    m_goodNames = {QStringLiteral("司马导入"), QStringLiteral("诸葛导入")};
    const QString file = m_files.filePath(QStringLiteral("staff.xlsx"));
    QVERIFY(writeWorkbook(file, {{m_goodNames.at(0), first, QStringLiteral("汉族"), QStringLiteral("城镇"),
                                  QStringLiteral("合同制"), QStringLiteral("2016-07-01"), month, QStringLiteral("6000"),
                                  QStringLiteral("13907310011")},
                                 {QStringLiteral("错误行"), bad, QStringLiteral("01"), QStringLiteral("农村"),
                                  QStringLiteral("劳务派遣"), QStringLiteral("2015/3/1"), month, QStringLiteral("5200"),
                                  QStringLiteral("13907310012")},
                                 {m_goodNames.at(1), second, QStringLiteral("汉族"), QStringLiteral("农业"),
                                  QStringLiteral("临时工"), QStringLiteral("2020年9月1日"), month, QStringLiteral("3000"),
                                  QStringLiteral("0731-88880001")}}));
    ui::FileDialog::setNextFileName(file);
    QTest::mouseClick(child<QPushButton>("chooseFileButton"), Qt::LeftButton);
    QCOMPARE(QDir::fromNativeSeparators(child<QLineEdit>("importFileLineEdit")->text()), file);
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    m_wizard->button(QWizard::NextButton)->click();
    QCOMPARE(m_wizard->currentId(), int(ImportWizard::CheckPageId));
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::NextButton)->isEnabled(), 30000);
    QCOMPARE(m_wizard->button(QWizard::NextButton)->text(), QStringLiteral("加入待申报(&A)"));

    auto *table = child<QTableView>("previewTableView");
    QAbstractItemModel *model = table->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->headerData(1, Qt::Vertical).toInt(), 4); // Excel's row number: title, header, row 3, row 4
    int idColumn = -1;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->headerData(c, Qt::Horizontal).toString() == ImportColumns::idNumber())
            idColumn = c;
    }
    QVERIFY(idColumn >= 0);
    const QModelIndex badCell = model->index(1, idColumn);
    QCOMPARE(badCell.data(ui::ImportPreviewModel::SeverityRole).toString(), QStringLiteral("error"));
    QVERIFY2(badCell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("校验")),
             qPrintable(badCell.data(Qt::ToolTipRole).toString()));
    QVERIFY(badCell.data(Qt::BackgroundRole).isValid());
    QVERIFY(!model->index(0, idColumn).data(ui::ImportPreviewModel::SeverityRole).isValid());
    // 3000 is below the lower limit: a warning on the wage, the row stays valid.
    int wageColumn = -1;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->headerData(c, Qt::Horizontal).toString() == ImportColumns::wage())
            wageColumn = c;
    }
    QCOMPARE(model->index(2, wageColumn).data(ui::ImportPreviewModel::SeverityRole).toString(),
             QStringLiteral("warning"));
    auto *problems = child<QListWidget>("problemsListWidget");
    QCOMPARE(problems->count(), 2);
    QVERIFY(problems->item(0)->text().contains(QStringLiteral("第 4 行")));
    // Choosing the problem goes to its cell.
    problems->setCurrentRow(0);
    QCOMPARE(table->currentIndex(), badCell);
    QVERIFY(child<QLabel>("checkSummaryLabel")->text().contains(QStringLiteral("2 行无错误")));
    test::saveScreenshot(m_wizard, QStringLiteral("import-2-check"));
}

void TestImportGui::validRowsJoinThePendingItems()
{
    m_wizard->button(QWizard::NextButton)->click();
    QCOMPARE(m_wizard->currentId(), int(ImportWizard::SubmitPageId));
    QTRY_VERIFY_WITH_TIMEOUT(m_wizard->button(QWizard::FinishButton)->isEnabled(), 60000);
    const QString summary = child<QLabel>("submitSummaryLabel")->text();
    QVERIFY2(summary.contains(QStringLiteral("已有 2 行加入待申报")), qPrintable(summary));
    test::saveScreenshot(m_wizard, QStringLiteral("import-3-submitted"));

    std::optional<Result<QList<DeclarationItem>>> pending;
    m_context->declarations().items(ItemState::Pending, this, [&](Result<QList<DeclarationItem>> r) { pending = r; });
    QTRY_VERIFY_WITH_TIMEOUT(pending.has_value(), 30000);
    QVERIFY(pending->ok());
    QCOMPARE(int(pending->value().size()), m_pendingBefore + 2);
    QStringList names;
    for (const DeclarationItem &item : pending->value())
        names.append(item.name);
    for (const QString &name : std::as_const(m_goodNames))
        QVERIFY2(names.contains(name), qPrintable(names.join(u',')));
    QVERIFY(!names.contains(QStringLiteral("错误行")));
    m_wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY(!m_wizard);
}

QTEST_MAIN(TestImportGui)
#include "tst_import_gui.moc"
