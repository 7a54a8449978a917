// docs/user-guide.zh.md against the real program: every screenshot the guide shows is made here,
// by driving shebao-desk offscreen against a real shebao-server --demo, so the pictures never
// go stale; every wizard's help button opens a section that exists; the guide embedded in the
// program shows every image.
//
// By default the screenshots go to the build directory (user-guide/ beside the test). With
// SHEBAO_UPDATE_USER_GUIDE=1 they are written into docs/user-guide/ of the source tree (commit
// them), and PNGs there that the guide no longer uses are removed.
#include <QAbstractButton>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QImageReader>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QStackedWidget>
#include <QTest>
#include <QWizard>

#include "DeclarationGui.h"
#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AppContext.h"
#include "app/ApiClient.h"
#include "app/Settings.h"
#include "app/Session.h"
#include "app/backup/BackupFile.h"
#include "app/backup/BackupService.h"
#include "models/cache/LocalCache.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/help/GuideSections.h"
#include "ui/help/UserGuideWindow.h"
#include "ui/home/HomePage.h"
#include "ui/widgets/FileDialog.h"

using namespace shebao;
using shebao::test::child;

namespace {

// One computer logged in to one unit.
struct Desk
{
    test::DeskFixture fixture;
    std::unique_ptr<AppContext> context;
    std::unique_ptr<MainWindow> window;
};

} // namespace

class TestUserGuideGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void theGuideNamesEverySectionTheProgramOpens();
    void login();
    void home();
    void systemManagement();
    void authorization();
    void declarations();
    void maintenance();
    void unitQuery();
    void theEmbeddedGuideShowsEveryImage();

private:
    QString startDesk(Desk &desk, const QString &unitNo);
    void shoot(QWidget *widget, const QString &name);
    // Opens an entry's wizard, shoots it (after `prepare`), checks its help button's section.
    void wizard(Desk &desk, const char *entry, const char *objectName, const QString &anchor, const QString &shot,
                const std::function<void(QWizard *)> &prepare = {});

    test::ServerProcess m_server;
    Desk m_authorized;
    Desk m_ordinary;
    QTemporaryDir m_files;
    QString m_source;
    QString m_outDir;
    bool m_update = false;
    QStringList m_referenced;  // images the guide shows, "home.png"
    QStringList m_headings;    // the guide's anchors (GitHub slugs of ## and ### headings)
    QSet<QString> m_produced;
};

void TestUserGuideGui::initTestCase()
{
    test::installChinese();
    m_source = qEnvironmentVariable("SHEBAO_SOURCE_DIR");
    QFile guide(QDir(m_source).filePath(QStringLiteral("docs/user-guide.zh.md")));
    QVERIFY2(guide.open(QIODevice::ReadOnly), "SHEBAO_SOURCE_DIR must name the source tree");
    const QString text = QString::fromUtf8(guide.readAll());
    static const QRegularExpression image(QStringLiteral(R"(!\[[^\]]*\]\(user-guide/([^)\s]+\.png)\))"));
    for (auto it = image.globalMatch(text); it.hasNext();)
        m_referenced << it.next().captured(1);
    static const QRegularExpression heading(QStringLiteral(R"(^#{2,3}[ \t]+(.+?)[ \t]*$)"),
                                            QRegularExpression::MultilineOption);
    for (auto it = heading.globalMatch(text); it.hasNext();)
        m_headings << ui::guide::slugOf(it.next().captured(1));
    QVERIFY(!m_referenced.isEmpty());

    m_update = qEnvironmentVariableIntValue("SHEBAO_UPDATE_USER_GUIDE") == 1;
    m_outDir = m_update ? QDir(m_source).filePath(QStringLiteral("docs/user-guide"))
                        : QDir::current().filePath(QStringLiteral("user-guide"));
    QVERIFY(QDir().mkpath(m_outDir));
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    QString error = startDesk(m_authorized, QStringLiteral("43010000001"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestUserGuideGui::cleanupTestCase()
{
    delete ui::UserGuideWindow::instance();
    for (Desk *desk : {&m_authorized, &m_ordinary}) {
        desk->window.reset();
        desk->context.reset();
    }
    // Both ways: nothing the guide shows is missing, nothing made is unused. (A run of single
    // test functions stops here, before it could remove pictures it did not make.)
    QStringList missing;
    for (const QString &name : std::as_const(m_referenced)) {
        if (!m_produced.contains(name))
            missing << name;
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("the guide shows images no test step makes: ") + missing.join(u' ')));
    QStringList unused;
    for (const QString &name : std::as_const(m_produced)) {
        if (!m_referenced.contains(name))
            unused << name;
    }
    QVERIFY2(unused.isEmpty(), qPrintable(QStringLiteral("screenshots the guide does not show: ") + unused.join(u' ')));
    const QDir docs(QDir(m_source).filePath(QStringLiteral("docs/user-guide")));
    for (const QString &name : docs.entryList({QStringLiteral("*.png")}, QDir::Files)) {
        if (m_update && !m_produced.contains(name))
            QVERIFY(QFile::remove(docs.filePath(name)));
    }
    for (const QString &name : std::as_const(m_referenced))
        QVERIFY2(QFile::exists(docs.filePath(name)), qPrintable(QStringLiteral("not committed: docs/user-guide/") + name));
}

QString TestUserGuideGui::startDesk(Desk &desk, const QString &unitNo)
{
    desk.context = desk.fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog login(*desk.context);
    if (!test::submitLogin(login, unitNo, QStringLiteral("Demo1234")))
        return login.errorText();
    if (const QString error = test::syncNow(*desk.context); !error.isEmpty())
        return error;
    desk.window = std::make_unique<MainWindow>(*desk.context);
    desk.window->resize(1120, 700);
    desk.window->show();
    return QTest::qWaitForWindowExposed(desk.window.get()) ? QString() : QStringLiteral("not exposed");
}

void TestUserGuideGui::shoot(QWidget *widget, const QString &name)
{
    QVERIFY(widget);
    // Layouts and async answers settle as they would before the clerk looks.
    QTest::qWait(150);
    QImage image = widget->window()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QString file = QDir(m_outDir).filePath(name + QStringLiteral(".png"));
    // PNG at its strongest compression: the pictures are committed and embedded.
    QVERIFY2(image.save(file, "PNG", 0), qPrintable(file));
    m_produced.insert(name + QStringLiteral(".png"));
}

void TestUserGuideGui::wizard(Desk &desk, const char *entry, const char *objectName, const QString &anchor,
                              const QString &shot, const std::function<void(QWizard *)> &prepare)
{
    QVERIFY2(desk.window->showEntry(QString::fromLatin1(entry)), entry);
    QWizard *w = test::waitForChild<QWizard>(desk.window.get(), QString::fromLatin1(objectName));
    QVERIFY2(w, objectName);
    if (prepare)
        prepare(w);
    if (QTest::currentTestFailed())
        return;
    shoot(w, shot);
    // 帮助 opens the guide at the wizard's own section.
    QAbstractButton *help = w->button(QWizard::HelpButton);
    QVERIFY(help && help->isVisible());
    QCOMPARE(help->objectName(), QStringLiteral("helpPushButton"));
    QTest::mouseClick(help, Qt::LeftButton);
    ui::UserGuideWindow *guide = ui::UserGuideWindow::instance();
    QVERIFY(guide);
    QVERIFY2(guide->hasAnchor(anchor), qPrintable(anchor));
    QCOMPARE(guide->currentAnchor(), anchor);
    guide->close();
    QTRY_VERIFY(!ui::UserGuideWindow::instance());
    const QPointer<QWizard> guard(w);
    w->close();
    QTRY_VERIFY(guard.isNull() || !guard->isVisible());
}

void TestUserGuideGui::theGuideNamesEverySectionTheProgramOpens()
{
    for (const QString &anchor : ui::guide::anchors())
        QVERIFY2(m_headings.contains(anchor), qPrintable(QStringLiteral("no section #") + anchor));
    // The embedded guide gives the same anchors as the file (it is the file).
    ui::UserGuideWindow *guide = ui::UserGuideWindow::showSection(QString());
    QCOMPARE(guide->anchors(), m_headings);
    guide->close();
    QTRY_VERIFY(!ui::UserGuideWindow::instance());
}

void TestUserGuideGui::login()
{
    auto context = m_ordinary.fixture.makeContext(m_server.baseUrl(), m_server.caFile());
    LoginDialog dialog(*context);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QLineEdit>(&dialog, "unitNoLineEdit")->setText(QStringLiteral("43010000001"));
    shoot(&dialog, QStringLiteral("login"));
}

void TestUserGuideGui::home()
{
    MainWindow &window = *m_authorized.window;
    // The deadline in two days: the picture shows the reminder.
    m_authorized.context->settings().setDeadlineDay(QDate::currentDate().addDays(2).day());
    QVERIFY(window.showEntry(QStringLiteral("home")));
    window.homePage()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(window.homePage()->isLoaded(), 30000);
    shoot(&window, QStringLiteral("home"));
    QTest::mouseClick(child<QPushButton>(window.homePage(), "insurance110FigureButton"), Qt::LeftButton);
    QWidget *people = test::waitForChild<QWidget>(window.homePage(), QStringLiteral("peopleListDialog"));
    shoot(people, QStringLiteral("home-people"));
    people->close();
    QTest::mouseClick(child<QPushButton>(window.homePage(), "deadlineSettingsButton"), Qt::LeftButton);
    QWidget *deadline = test::waitForChild<QWidget>(window.homePage(), QStringLiteral("deadlineDialog"));
    shoot(deadline, QStringLiteral("home-deadline"));
    deadline->close();
}

void TestUserGuideGui::systemManagement()
{
    MainWindow &window = *m_authorized.window;
    for (const auto &[entry, name, shot] : {std::tuple{"system.password", "changePasswordDialog", "password"},
                                            std::tuple{"system.certificate", "certificateDialog", "certificate"}}) {
        QVERIFY(window.showEntry(QString::fromLatin1(entry)));
        QDialog *dialog = test::waitForChild<QDialog>(&window, QString::fromLatin1(name));
        shoot(dialog, QString::fromLatin1(shot));
        dialog->close();
        QTRY_VERIFY(!window.findChild<QDialog *>(QString::fromLatin1(name)));
    }

    QVERIFY(window.showEntry(QStringLiteral("system.backup")));
    QDialog *backup = test::waitForChild<QDialog>(&window, QStringLiteral("backupDialog"));
    QVERIFY(backup);
    // Where a clerk keeps it, rather than the test machine's home folder.
    child<QLineEdit>(backup, "backupFileLineEdit")
        ->setText(QStringLiteral("D:\\社保备份\\社保数据备份-43010000001-%1.sbk")
                      .arg(QDate::currentDate().toString(QStringLiteral("yyyyMMdd"))));
    child<QLineEdit>(backup, "backupPasswordLineEdit")->setText(QStringLiteral("backup-password"));
    child<QLineEdit>(backup, "repeatBackupPasswordLineEdit")->setText(QStringLiteral("backup-password"));
    shoot(backup, QStringLiteral("backup"));
    // Its help button opens the section too.
    QTest::mouseClick(child<QPushButton>(backup, "helpPushButton"), Qt::LeftButton);
    QVERIFY(ui::UserGuideWindow::instance());
    QCOMPARE(ui::UserGuideWindow::instance()->currentAnchor(), ui::guide::backup());
    ui::UserGuideWindow::instance()->close();
    backup->close();
    QTRY_VERIFY(!window.findChild<QDialog *>(QStringLiteral("backupDialog")));

    // A backup of this unit, chosen in 数据恢复.
    BackupHeader header;
    header.server = BackupService::serverId(m_server.baseUrl());
    header.unitNo = QStringLiteral("43010000001");
    header.createdAt = QDateTime::currentDateTimeUtc().addDays(-1);
    header.program = QStringLiteral("shebao-desk 0.1.0");
    BackupContents contents;
    contents.cache = takeSnapshot(*m_authorized.context->session().cache()).value();
    const QString file = m_files.filePath(QStringLiteral("社保数据备份-43010000001.sbk"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(BackupFile::write(header, contents, QStringLiteral("backup-password"), BackupFile::MinIterations).value());
    out.close();
    QVERIFY(window.showEntry(QStringLiteral("system.restore")));
    QDialog *restore = test::waitForChild<QDialog>(&window, QStringLiteral("restoreDialog"));
    QVERIFY(restore);
    ui::FileDialog::setNextFileName(file);
    QTest::mouseClick(child<QPushButton>(restore, "browseRestoreFileButton"), Qt::LeftButton);
    child<QLineEdit>(restore, "restorePasswordLineEdit")->setText(QStringLiteral("backup-password"));
    shoot(restore, QStringLiteral("restore"));
    restore->close();
    QTRY_VERIFY(!window.findChild<QDialog *>(QStringLiteral("restoreDialog")));
}

void TestUserGuideGui::authorization()
{
    // An ordinary unit applies for the authorization.
    const QString error = startDesk(m_ordinary, QStringLiteral("43010000002"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    wizard(m_ordinary, "system.authorization", "authorizationWizard", ui::guide::authorization(),
           QStringLiteral("authorization"));
    m_ordinary.window->showEntry(QStringLiteral("home"));
    shoot(m_ordinary.window.get(), QStringLiteral("home-ordinary"));
}

void TestUserGuideGui::declarations()
{
    wizard(m_authorized, "declare.add", "addWizard", ui::guide::declareAdd(), QStringLiteral("declare-add"),
           [](QWizard *w) {
               // A person who left another unit (README's demo): the lookup shows them, 续保 follows.
               test::lookUp(w, QStringLiteral("430181198707068624"));
               QTest::mouseClick(child<QPushButton>(w, "selectButton"), Qt::LeftButton);
           });
    wizard(m_authorized, "declare.reduce", "reduceWizard", ui::guide::declareReduce(), QStringLiteral("declare-reduce"));
    wizard(m_authorized, "declare.import", "importWizard", ui::guide::declareImport(), QStringLiteral("declare-import"));
    QVERIFY(m_authorized.window->showEntry(QStringLiteral("declare.submit")));
    shoot(m_authorized.window.get(), QStringLiteral("declare-submit"));
}

void TestUserGuideGui::maintenance()
{
    wizard(m_authorized, "maintain.unit", "unitChangeWizard", ui::guide::maintainUnit(), QStringLiteral("maintain-unit"));
    wizard(m_authorized, "maintain.person", "personChangeWizard", ui::guide::maintainPerson(),
           QStringLiteral("maintain-person"));
    // The change records the wizards lead to.
    shoot(m_authorized.window.get(), QStringLiteral("maintain-records"));
}

void TestUserGuideGui::unitQuery()
{
    MainWindow &window = *m_authorized.window;
    for (const auto &[entry, shot] : {std::pair{"query.unit", "query-unit"}, std::pair{"query.persons", "query-persons"},
                                      std::pair{"query.certificate", "query-certificate"}}) {
        QVERIFY(window.showEntry(QString::fromLatin1(entry)));
        shoot(&window, QString::fromLatin1(shot));
    }
}

void TestUserGuideGui::theEmbeddedGuideShowsEveryImage()
{
    // The program's copy (qrc) is the committed one: every image it shows can be read.
    ui::UserGuideWindow *guide = ui::UserGuideWindow::showSection(ui::guide::home());
    shoot(guide, QStringLiteral("guide"));
    QStringList shown;
    QStringList unreadable;
    for (const QString &path : guide->imageSources()) {
        shown << QFileInfo(path).fileName();
        if (!QImageReader(path).canRead())
            unreadable << path;
    }
    guide->close();
    QCOMPARE(shown, m_referenced);
    // Pictures written by an update run join the program at its next build (CMake reads the
    // resource list when it configures): that run only writes them; the next plain run checks.
    if (m_update)
        return;
    QVERIFY2(unreadable.isEmpty(), qPrintable(QStringLiteral("not in the program's copy of the guide: ") + unreadable.join(u' ')));
}

QTEST_MAIN(TestUserGuideGui)
#include "tst_userguide_gui.moc"
