// 单位查询 → 参保证明 driven by objectName against the real server, as the authorized demo unit
// 43010000001: 打印用途 is required; a 单位参保证明 is issued, printed (to a PDF printer) and saved as
// PDF, and its QR code decodes to exactly the record's verification URL; a 个人参保缴费证明 for a
// person picked from the unit's staff; the history lists both, newest first, and reprints the
// older one from its signed record; the printed forms are recorded in the cache.
#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QRadioButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <QUrl>

#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/ApiClient.h"
#include "app/AppContext.h"
#include "app/Session.h"
#include "app/StaffClient.h"
#include "models/cache/LocalCache.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/certificate/EnrolmentCertificatePage.h"
#include "ui/printing/FormPrinter.h"
#include "ui/widgets/FileDialog.h"

using namespace shebao;

namespace {

const QString UnitNo = QStringLiteral("43010000001");

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return QStringLiteral("<%1 did not finish>").arg(program);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// The QR codes on every page of the PDF, as a phone at 150 dpi would read them.
QStringList qrCodesOf(const QString &pdf)
{
    QTemporaryDir dir;
    run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-png"), pdf,
                                     dir.filePath(QStringLiteral("p"))});
    QStringList codes;
    for (const QString &png : QDir(dir.path()).entryList({QStringLiteral("p-*.png")}, QDir::Files, QDir::Name)) {
        const QString out = run(QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), dir.filePath(png)});
        for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts))
            codes << line.trimmed();
    }
    return codes;
}

} // namespace

class TestEnrolmentCertificateGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void entryShowsThePage();
    void purposeIsRequired();
    void unitCertificateIssuedPrintedAndSaved();
    void personCertificateForAPickedPerson();
    void rosterOverSeveralPages();
    void historyReprintsTheOlderOne();
    void revokedOneIsNotPrintedAgain();
    void offlineSessionCannotIssue();

private:
    template <typename T>
    T *child(const char *name) const
    {
        return m_page ? m_page->findChild<T *>(QString::fromLatin1(name)) : nullptr;
    }
    // Clicks 生成参保证明 and waits for the page to show a new certificate (or a message).
    bool generate(const QString &previousNumber);

    test::ServerProcess m_server;
    test::DeskFixture m_fixture;
    QTemporaryDir m_files;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    ui::EnrolmentCertificatePage *m_page = nullptr;
    QString m_unitNumber;
    QString m_unitUrl;
};

void TestEnrolmentCertificateGui::initTestCase()
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
    m_page = m_window->enrolmentCertificatePage();
    QVERIFY(m_page);
}

void TestEnrolmentCertificateGui::cleanupTestCase()
{
    m_window.reset();
    m_context.reset();
}

bool TestEnrolmentCertificateGui::generate(const QString &previousNumber)
{
    auto *button = child<QPushButton>("generateCertificateButton");
    if (!button || !button->isEnabled())
        return false;
    button->click();
    return QTest::qWaitFor(
        [&] { return m_page->current() && m_page->current()->content.number != previousNumber && button->isEnabled(); },
        30000);
}

void TestEnrolmentCertificateGui::entryShowsThePage()
{
    QVERIFY(m_window->showEntry(QStringLiteral("query.certificate")));
    QTRY_VERIFY(m_page->isVisible());
    for (const char *name : {"unitKindRadioButton", "rosterKindRadioButton", "personKindRadioButton"})
        QVERIFY2(child<QRadioButton>(name), name);
    QVERIFY(child<QRadioButton>("unitKindRadioButton")->isChecked());
    QVERIFY(!child<QComboBox>("personComboBox")->isEnabled()); // only for the person kind
    QVERIFY(child<QPushButton>("generateCertificateButton")->isEnabled());
    QVERIFY(!child<QPushButton>("previewCertificateButton")->isEnabled()); // nothing issued yet
    auto *history = child<QTableView>("certificateHistoryTableView");
    QTRY_VERIFY(history->model());
    QCOMPARE(history->model()->rowCount(), 0);
}

void TestEnrolmentCertificateGui::purposeIsRequired()
{
    child<QLineEdit>("purposeLineEdit")->clear();
    child<QPushButton>("generateCertificateButton")->click();
    auto *error = child<QLabel>("purposeErrorLabel");
    QTRY_VERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(QStringLiteral("打印用途")) || error->text().contains(QStringLiteral("用途")),
             qPrintable(error->text()));
    QVERIFY(!m_page->current());
    // Nothing went to the server: the history is still empty after a refresh.
    child<QPushButton>("refreshHistoryButton")->click();
    QTest::qWait(300);
    QCOMPARE(child<QTableView>("certificateHistoryTableView")->model()->rowCount(), 0);
}

void TestEnrolmentCertificateGui::unitCertificateIssuedPrintedAndSaved()
{
    child<QRadioButton>("unitKindRadioButton")->setChecked(true);
    child<QLineEdit>("purposeLineEdit")->setText(QStringLiteral("投标（政府采购项目）"));
    QVERIFY2(generate({}), qPrintable(child<QLabel>("certificateMessageLabel")->text()));
    const IssuedCertificate issued = *m_page->current();
    m_unitNumber = issued.content.number;
    m_unitUrl = issued.url;
    QCOMPARE(issued.content.kind, CertificateKind::Unit);
    QCOMPARE(issued.content.unitNo, UnitNo);
    QCOMPARE(issued.content.purpose, QStringLiteral("投标（政府采购项目）"));
    // The public page of the server that issued it, with the code: what the QR code must carry.
    QVERIFY2(issued.url.startsWith(QStringLiteral("https://")), qPrintable(issued.url));
    QCOMPARE(QUrl(issued.url).port(), m_server.baseUrl().port());
    QVERIFY2(issued.url.endsWith(QStringLiteral("/verify?code=") + issued.content.code), qPrintable(issued.url));
    QVERIFY(child<QLabel>("issuedCertificateLabel")->text().contains(issued.content.number));
    QVERIFY(child<QLabel>("issuedCertificateLabel")->text().contains(CertificateCode::grouped(issued.content.code)));
    test::saveScreenshot(m_window.get(), QStringLiteral("cert-page-issued"));

    // 打印: to a PDF printer, the dialog pre-answered.
    const QString printed = m_files.filePath(QStringLiteral("printed.pdf"));
    m_window->formPrinter().printer().setOutputFormat(QPrinter::PdfFormat);
    m_window->formPrinter().printer().setOutputFileName(printed);
    ui::FormPrinter::setNextDialogAnswer(true);
    child<QPushButton>("printCertificateButton")->click();
    QTRY_VERIFY(QFile::exists(printed));
    QCOMPARE(qrCodesOf(printed), QStringList{issued.url});

    // 保存 PDF
    const QString saved = m_files.filePath(QStringLiteral("unit.pdf"));
    ui::FileDialog::setNextFileName(saved);
    child<QPushButton>("saveCertificatePdfButton")->click();
    QTRY_VERIFY(QFile::exists(saved));
    QCOMPARE(qrCodesOf(saved), QStringList{issued.url});
    const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), saved, QStringLiteral("-")});
    QVERIFY2(text.contains(QStringLiteral("验证码：") + CertificateCode::grouped(issued.content.code)), qPrintable(text));
    QVERIFY(text.contains(issued.content.unitName));
    QVERIFY(text.contains(QStringLiteral("参保总人数 %1 缴费总人数 %2").arg(issued.content.insuredTotal).arg(issued.content.payingTotal)));

    // Both prints are in the cache's record.
    const auto records = m_context->session().cache()->printedForms(QStringLiteral("unit-certificate"));
    QVERIFY(records.ok());
    QCOMPARE(records.value().size(), 2);
    QCOMPARE(records.value().first().title, QStringLiteral("单位参保证明 ") + issued.content.number);
}

void TestEnrolmentCertificateGui::personCertificateForAPickedPerson()
{
    child<QRadioButton>("personKindRadioButton")->setChecked(true);
    auto *combo = child<QComboBox>("personComboBox");
    QVERIFY(combo->isEnabled());
    QVERIFY2(combo->count() > 100, qPrintable(QString::number(combo->count()))); // the demo unit's staff
    // A name that is nobody of the unit is named, nothing is issued.
    combo->setEditText(QStringLiteral("查无此人"));
    child<QLineEdit>("purposeLineEdit")->setText(QStringLiteral("办理居住证"));
    child<QPushButton>("generateCertificateButton")->click();
    QTRY_VERIFY(!child<QLabel>("personErrorLabel")->isHidden());
    QCOMPARE(m_page->current()->content.number, m_unitNumber);

    combo->setEditText(combo->itemText(3));
    const QString personNo = combo->itemData(3).toString();
    QVERIFY(child<QLabel>("personErrorLabel")->isHidden());
    QVERIFY2(generate(m_unitNumber), qPrintable(child<QLabel>("certificateMessageLabel")->text()));
    const IssuedCertificate issued = *m_page->current();
    QCOMPARE(issued.content.kind, CertificateKind::Person);
    QCOMPARE(issued.content.personNo, personNo);
    QVERIFY(combo->itemText(3).startsWith(issued.content.personName));
    QVERIFY(!issued.content.periods.isEmpty());

    const QString saved = m_files.filePath(QStringLiteral("person.pdf"));
    ui::FileDialog::setNextFileName(saved);
    child<QPushButton>("saveCertificatePdfButton")->click();
    QTRY_VERIFY(QFile::exists(saved));
    QCOMPARE(qrCodesOf(saved), QStringList{issued.url});
    const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), saved, QStringLiteral("-")});
    QVERIFY(text.contains(issued.content.personName));
    QVERIFY(text.contains(issued.content.personIdNumberMasked));
}

void TestEnrolmentCertificateGui::rosterOverSeveralPages()
{
    const QString previous = m_page->current()->content.number;
    child<QRadioButton>("rosterKindRadioButton")->setChecked(true);
    QVERIFY(!child<QComboBox>("personComboBox")->isEnabled());
    child<QLineEdit>("purposeLineEdit")->setText(QStringLiteral("银行贷款"));
    QVERIFY2(generate(previous), qPrintable(child<QLabel>("certificateMessageLabel")->text()));
    const IssuedCertificate issued = *m_page->current();
    QCOMPARE(issued.content.kind, CertificateKind::Roster);
    QVERIFY2(issued.content.roster.size() > 100, qPrintable(QString::number(issued.content.roster.size())));
    QCOMPARE(issued.content.payingTotal, int(issued.content.roster.size()));

    const QString saved = m_files.filePath(QStringLiteral("roster.pdf"));
    ui::FileDialog::setNextFileName(saved);
    child<QPushButton>("saveCertificatePdfButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(saved), 30000);
    // Several pages, the code once (on the last page), every person's line in the text.
    const QString info = run(QStringLiteral("pdfinfo"), {saved});
    const int pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info).captured(1).toInt();
    QVERIFY2(pages > 2, qPrintable(info));
    QCOMPARE(qrCodesOf(saved), QStringList{issued.url});
    const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), saved, QStringLiteral("-")});
    QCOMPARE(text.count(QStringLiteral("公民身份号码")), pages + 1); // the header row of each page, the closing sentence
    for (const RosterRow &row : issued.content.roster)
        QVERIFY2(text.contains(row.personNo) && text.contains(row.idNumberMasked), qPrintable(row.personNo));
}

void TestEnrolmentCertificateGui::historyReprintsTheOlderOne()
{
    child<QPushButton>("refreshHistoryButton")->click();
    auto *history = child<QTableView>("certificateHistoryTableView");
    QTRY_COMPARE(history->model()->rowCount(), 3);
    // Newest first: the roster, the person certificate, then the unit one.
    QCOMPARE(history->model()->index(0, 1).data().toString(), QStringLiteral("参保人员名单"));
    QCOMPARE(history->model()->index(1, 1).data().toString(), QStringLiteral("个人参保缴费证明"));
    QCOMPARE(history->model()->index(2, 0).data().toString(), m_unitNumber);
    test::saveScreenshot(m_window.get(), QStringLiteral("cert-page-history"));

    history->selectRow(2);
    auto *reprint = child<QPushButton>("reprintCertificatePdfButton");
    QTRY_VERIFY(reprint->isEnabled());
    const QString again = m_files.filePath(QStringLiteral("again.pdf"));
    ui::FileDialog::setNextFileName(again);
    reprint->click();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(again), 30000);
    // The reprint is the original: the same QR code and the same facts as the first PDF.
    QCOMPARE(qrCodesOf(again), QStringList{m_unitUrl});
    const QString first = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), m_files.filePath(QStringLiteral("unit.pdf")), QStringLiteral("-")});
    const QString second = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), again, QStringLiteral("-")});
    QCOMPARE(second, first);
}

void TestEnrolmentCertificateGui::revokedOneIsNotPrintedAgain()
{
    // The counter revokes the unit certificate (staff API, as shebao-admin does).
    ApiClient staffApi;
    staffApi.setBaseUrl(m_server.baseUrl());
    QVERIFY(staffApi.addCaCertificatesFromFile(m_server.caFile()).ok());
    StaffClient staff(&staffApi);
    std::optional<bool> loggedIn;
    staff.login(QStringLiteral("clerk"), QStringLiteral("Demo1234"), this,
                [&](Result<StaffLoginReply> reply) { loggedIn = reply.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(loggedIn.has_value(), 30000);
    QVERIFY(*loggedIn);
    std::optional<bool> revoked;
    staffApi.postJson(QStringLiteral("/staff/enrolment-certificates/%1/revoke").arg(m_unitNumber),
                      QJsonObject{{QStringLiteral("reason"), QStringLiteral("单位申请作废")}},
                      QUuid::createUuid().toString(QUuid::WithoutBraces), this,
                      [&](Result<QJsonDocument> reply) { revoked = reply.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(revoked.has_value(), 30000);
    QVERIFY(*revoked);

    // The clerk's history still lists it; a reprint fetches the record, which says 已撤销.
    auto *history = child<QTableView>("certificateHistoryTableView");
    history->selectRow(2);
    QCOMPARE(history->model()->index(2, 0).data().toString(), m_unitNumber);
    const QString notPrinted = m_files.filePath(QStringLiteral("revoked.pdf"));
    ui::FileDialog::setNextFileName(notPrinted);
    QSignalSpy shown(m_page, &ui::EnrolmentCertificatePage::messageShown);
    child<QPushButton>("reprintCertificatePdfButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 30000);
    QVERIFY2(shown.last().first().toString().contains(QStringLiteral("已撤销")), qPrintable(shown.last().first().toString()));
    QVERIFY(!QFile::exists(notPrinted));
    QCOMPARE(history->model()->index(2, 6).data().toString(), QStringLiteral("已撤销"));
    test::saveScreenshot(m_window.get(), QStringLiteral("cert-page-revoked"));
}

void TestEnrolmentCertificateGui::offlineSessionCannotIssue()
{
    // The server is gone: the client opens from the cache, and 参保证明 says that it needs the server.
    m_window.reset();
    m_context.reset();
    m_server.stop();
    auto context = m_fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog login(*context);
    QVERIFY2(test::submitLogin(login, UnitNo, QStringLiteral("Demo1234")), qPrintable(login.errorText()));
    QVERIFY(context->session().isOffline());
    MainWindow window(*context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ui::EnrolmentCertificatePage *page = window.enrolmentCertificatePage();
    // An authorized unit keeps the entry offline (the cache knows the level); the page says why it cannot issue.
    QVERIFY(window.showEntry(QStringLiteral("query.certificate")));
    auto *generate = page->findChild<QPushButton *>(QStringLiteral("generateCertificateButton"));
    QVERIFY(!generate->isEnabled());
    QVERIFY(!generate->toolTip().isEmpty());
    QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("reprintCertificateButton"))->isEnabled());
    QVERIFY(!page->findChild<QLabel *>(QStringLiteral("certificateMessageLabel"))->text().isEmpty());
}

QTEST_MAIN(TestEnrolmentCertificateGui)
#include "tst_enrolmentcertificate_gui.moc"
