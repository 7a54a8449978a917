// 系统管理 → 数据备份 / 数据恢复 as a clerk uses them: a backup made on one computer and restored on
// another (its own settings and cache), with a wrong password, a damaged file, another unit's
// backup and another server's refused or confirmed, and nothing changed by a refusal.
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include "DeskFixture.h"
#include "ServerProcess.h"
#include "app/AppContext.h"
#include "app/ApiClient.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "app/backup/BackupService.h"
#include "models/cache/DraftStore.h"
#include "models/cache/LocalCache.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/backup/BackupDialog.h"
#include "ui/backup/RestoreDialog.h"
#include "ui/widgets/FileDialog.h"
#include "ui/widgets/MessageBox.h"

using namespace shebao;
using shebao::ui::BackupDialog;
using shebao::ui::RestoreDialog;

namespace {

const QString UnitNo = QStringLiteral("43010000001");
const QString Password = QStringLiteral("备份密码2024abc");

// One computer: its own settings, caches and main window, logged in to the demo server.
struct Desk
{
    test::DeskFixture fixture;
    std::unique_ptr<AppContext> context;
    std::unique_ptr<MainWindow> window;

    QString start(test::ServerProcess &server, const QString &unitNo)
    {
        context = fixture.makeContext(server.baseUrl(), server.caFile());
        LoginDialog login(*context);
        if (!test::submitLogin(login, unitNo, QStringLiteral("Demo1234")))
            return login.errorText();
        window = std::make_unique<MainWindow>(*context);
        window->show();
        return QTest::qWaitForWindowExposed(window.get()) ? QString() : QStringLiteral("window not exposed");
    }

    LocalCache &cache() const { return *context->session().cache(); }
};

QString text(QWidget *root, const char *name)
{
    auto *label = root->findChild<QLabel *>(QString::fromLatin1(name));
    return label && label->isVisible() ? label->text() : QString();
}

} // namespace

class TestBackupGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void backupChecksWhatWasTyped_data();
    void backupChecksWhatWasTyped();
    void backupWritesTheFile();
    void anotherUnitsBackupIsRefusedBeforeThePassword();
    void refusedRestoresChangeNothing_data();
    void refusedRestoresChangeNothing();
    void restoresOnAnotherComputer();
    void anotherServerIsAskedFirst();

private:
    template <typename Dialog>
    Dialog *open(Desk &desk, const char *entry, const char *name);
    RestoreDialog *chooseBackup(const QString &file);
    bool restore(RestoreDialog *dialog, const QString &password);

    test::ServerProcess m_server;
    QTemporaryDir m_files;
    Desk m_old;
    Desk m_new;
    QString m_backup;
    int m_draftsBefore = 0;
};

void TestBackupGui::initTestCase()
{
    test::installChinese();
    QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    QString error = m_old.start(m_server, UnitNo);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // What the clerk left on the old computer: a draft of 异动新增.
    Draft draft;
    draft.kind = QStringLiteral("declaration.add");
    draft.title = QStringLiteral("欧阳明 430102…8812");
    draft.state = QJsonObject{{QStringLiteral("name"), QStringLiteral("欧阳明")}};
    QVERIFY(DraftStore(m_old.cache()).save(draft));
    m_backup = m_files.filePath(QStringLiteral("备份.sbk"));
}

void TestBackupGui::cleanupTestCase()
{
    m_new.window.reset();
    m_new.context.reset();
    m_old.window.reset();
    m_old.context.reset();
}

template <typename Dialog>
Dialog *TestBackupGui::open(Desk &desk, const char *entry, const char *name)
{
    if (!desk.window->showEntry(QString::fromLatin1(entry)))
        return nullptr;
    auto *dialog = desk.window->findChild<Dialog *>(QString::fromLatin1(name));
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestBackupGui::backupChecksWhatWasTyped_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("repeat");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("focus");
    QTest::newRow("no file") << "" << Password << Password << "请选择备份文件的保存位置。" << "backupFileLineEdit";
    QTest::newRow("short password") << "x.sbk" << "1234567" << "1234567" << "备份密码至少需要 8 个字符。"
                                    << "backupPasswordLineEdit";
    QTest::newRow("passwords differ") << "x.sbk" << Password << Password + QStringLiteral("x")
                                      << "两次输入的备份密码不一致。" << "repeatBackupPasswordLineEdit";
}

void TestBackupGui::backupChecksWhatWasTyped()
{
    QFETCH(QString, file);
    QFETCH(QString, password);
    QFETCH(QString, repeat);
    QFETCH(QString, error);
    QFETCH(QString, focus);
    QPointer<BackupDialog> dialog = open<BackupDialog>(m_old, "system.backup", "backupDialog");
    QVERIFY(dialog);
    auto *fileEdit = dialog->findChild<QLineEdit *>(QStringLiteral("backupFileLineEdit"));
    fileEdit->setText(file.isEmpty() ? QString() : m_files.filePath(file));
    dialog->findChild<QLineEdit *>(QStringLiteral("backupPasswordLineEdit"))->setText(password);
    dialog->findChild<QLineEdit *>(QStringLiteral("repeatBackupPasswordLineEdit"))->setText(repeat);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("backupPushButton")), Qt::LeftButton);
    QCOMPARE(dialog->errorText(), error);
    QCOMPARE(QApplication::focusWidget()->objectName(), focus);
    // Nothing typed was cleared, and nothing was written.
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("repeatBackupPasswordLineEdit"))->text(), repeat);
    QVERIFY(!QFile::exists(m_files.filePath(QStringLiteral("x.sbk"))));
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void TestBackupGui::backupWritesTheFile()
{
    QPointer<BackupDialog> dialog = open<BackupDialog>(m_old, "system.backup", "backupDialog");
    QVERIFY(dialog);
    // 浏览… picks the file; the suffix is added when the clerk leaves it out.
    ui::FileDialog::setNextFileName(m_files.filePath(QStringLiteral("备份")));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("browseBackupFileButton")), Qt::LeftButton);
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("backupFileLineEdit"))->text(), m_backup);
    dialog->findChild<QLineEdit *>(QStringLiteral("backupPasswordLineEdit"))->setText(Password);
    dialog->findChild<QLineEdit *>(QStringLiteral("repeatBackupPasswordLineEdit"))->setText(Password);
    QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("repeatBackupPasswordLineEdit")), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && !text(dialog, "backupResultLabel").isEmpty(), 30000);
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QVERIFY(text(dialog, "backupResultLabel").contains(QStringLiteral("已备份到")));
    QVERIFY(QFile::exists(m_backup));
    Result<BackupHeader> header = BackupService::readHeader(m_backup);
    QVERIFY(header);
    QCOMPARE(header.value().unitNo, UnitNo);
    QCOMPARE(header.value().server, BackupService::serverId(m_server.baseUrl()));
    dialog->reject();
    QTRY_VERIFY(!dialog);

    // The "other computer" logs in to the same unit with nothing of the old one.
    const QString error = m_new.start(m_server, UnitNo);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_draftsBefore = int(DraftStore(m_new.cache()).list().value().size());
    QCOMPARE(m_draftsBefore, 0);
}

RestoreDialog *TestBackupGui::chooseBackup(const QString &file)
{
    RestoreDialog *dialog = open<RestoreDialog>(m_new, "system.restore", "restoreDialog");
    if (!dialog)
        return nullptr;
    ui::FileDialog::setNextFileName(file);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("browseRestoreFileButton")), Qt::LeftButton);
    return dialog;
}

bool TestBackupGui::restore(RestoreDialog *dialog, const QString &password)
{
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("restorePasswordLineEdit"));
    edit->setText(password);
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("restorePushButton"));
    if (!button->isEnabled())
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    return QTest::qWaitFor([dialog] { return !dialog->isBusy(); }, 30000);
}

void TestBackupGui::anotherUnitsBackupIsRefusedBeforeThePassword()
{
    // A backup of unit 43010000002, made with the format itself.
    BackupHeader header;
    header.server = BackupService::serverId(m_server.baseUrl());
    header.unitNo = QStringLiteral("43010000002");
    header.createdAt = QDateTime::currentDateTimeUtc();
    header.program = QStringLiteral("shebao-desk");
    BackupContents contents;
    contents.cache.schemaVersion = LocalCache::CurrentVersion;
    contents.cache.unitNo = header.unitNo;
    const QString other = m_files.filePath(QStringLiteral("other-unit.sbk"));
    QFile file(other);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(BackupFile::write(header, contents, Password, BackupFile::MinIterations).value());
    file.close();

    QPointer<RestoreDialog> dialog = chooseBackup(other);
    QVERIFY(dialog);
    QVERIFY(dialog->errorText().contains(QStringLiteral("该备份属于单位 43010000002，当前登录的是单位 43010000001")));
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("restorePushButton"))->isEnabled());
    QVERIFY(!restore(dialog, Password));
    QCOMPARE(DraftStore(m_new.cache()).list().value().size(), 0);
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void TestBackupGui::refusedRestoresChangeNothing_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("focus");
    QTest::newRow("wrong password") << "" << "wrong-password" << "备份密码不正确。本机数据未作任何改动。"
                                    << "restorePasswordLineEdit";
    QTest::newRow("flipped byte") << "flip" << Password << "备份文件已损坏（不完整或被修改），无法恢复。本机数据未作任何改动。"
                                  << "restoreFileLineEdit";
    QTest::newRow("truncated") << "cut" << Password << "备份文件已损坏（不完整或被修改），无法恢复。本机数据未作任何改动。"
                               << "restoreFileLineEdit";
}

void TestBackupGui::refusedRestoresChangeNothing()
{
    QFETCH(QString, damage);
    QFETCH(QString, password);
    QFETCH(QString, error);
    QFETCH(QString, focus);
    QFile original(m_backup);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray bytes = original.readAll();
    if (damage == u"flip")
        bytes[bytes.size() - 20] = char(bytes.at(bytes.size() - 20) ^ 0x10);
    else if (damage == u"cut")
        bytes.chop(50);
    const QString path = m_files.filePath(QStringLiteral("damaged-%1.sbk").arg(damage));
    QFile copy(path);
    QVERIFY(copy.open(QIODevice::WriteOnly));
    copy.write(bytes);
    copy.close();

    const QJsonObject before = takeSnapshot(m_new.cache()).value().toJson();
    QPointer<RestoreDialog> dialog = chooseBackup(path);
    QVERIFY(dialog);
    QVERIFY(dialog->headerText().contains(QStringLiteral("单位 43010000001 的备份")));
    QVERIFY(restore(dialog, password));
    QCOMPARE(dialog->errorText(), error);
    QCOMPARE(QApplication::focusWidget()->objectName(), focus);
    QCOMPARE(takeSnapshot(m_new.cache()).value().toJson(), before);
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void TestBackupGui::restoresOnAnotherComputer()
{
    QPointer<RestoreDialog> dialog = chooseBackup(m_backup);
    QVERIFY(dialog);
    QVERIFY(dialog->errorText().isEmpty());
    QVERIFY(restore(dialog, Password));
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QVERIFY2(text(dialog, "restoreResultLabel").startsWith(QStringLiteral("已恢复：草稿 1 份")),
             qPrintable(text(dialog, "restoreResultLabel")));
    const QList<Draft> drafts = DraftStore(m_new.cache()).list().value();
    QCOMPARE(drafts.size(), 1);
    QCOMPARE(drafts.first().title, QStringLiteral("欧阳明 430102…8812"));
    // Again: nothing is added twice.
    QVERIFY(restore(dialog, Password));
    QVERIFY(text(dialog, "restoreResultLabel").contains(QStringLiteral("已在本机")));
    QCOMPARE(DraftStore(m_new.cache()).list().value().size(), 1);
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void TestBackupGui::anotherServerIsAskedFirst()
{
    // The same unit's backup taken from another server address.
    BackupHeader header;
    header.server = QStringLiteral("old-server.example:8443");
    header.unitNo = UnitNo;
    header.createdAt = QDateTime::currentDateTimeUtc();
    header.program = QStringLiteral("shebao-desk");
    BackupContents contents;
    contents.cache.schemaVersion = LocalCache::CurrentVersion;
    contents.cache.unitNo = UnitNo;
    contents.cache.drafts.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("declaration.reduce")},
                                             {QStringLiteral("title"), QStringLiteral("张三 旧服务器")},
                                             {QStringLiteral("state"), QStringLiteral("{}")},
                                             {QStringLiteral("updated_at"), QStringLiteral("2026-01-01T00:00:00.000Z")}});
    const QString path = m_files.filePath(QStringLiteral("other-server.sbk"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(BackupFile::write(header, contents, Password, BackupFile::MinIterations).value());
    file.close();

    QPointer<RestoreDialog> dialog = chooseBackup(path);
    QVERIFY(dialog);
    QVERIFY(dialog->headerText().contains(QStringLiteral("该备份来自服务器 old-server.example:8443")));
    ui::MessageBox::setNextAnswer(false);
    QVERIFY(restore(dialog, Password));
    QVERIFY(text(dialog, "restoreResultLabel").isEmpty());
    QCOMPARE(DraftStore(m_new.cache()).list(QStringLiteral("declaration.reduce")).value().size(), 0);
    ui::MessageBox::setNextAnswer(true);
    QVERIFY(restore(dialog, Password));
    QCOMPARE(DraftStore(m_new.cache()).list(QStringLiteral("declaration.reduce")).value().size(), 1);
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

QTEST_MAIN(TestBackupGui)
#include "tst_backup_gui.moc"
