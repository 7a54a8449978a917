#include "DeskFixture.h"

#include <QDir>
#include <QLineEdit>
#include <QPixmap>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTest>

#include <optional>

#include "app/AppContext.h"
#include "app/LoginService.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "app/SyncService.h"
#include "ui/LoginDialog.h"
#include "ui/Translations.h"

namespace shebao::test {

DeskFixture::DeskFixture() = default;

QString DeskFixture::settingsFile() const
{
    return m_dir.filePath(QStringLiteral("settings.ini"));
}

QString DeskFixture::cacheRoot() const
{
    return m_dir.filePath(QStringLiteral("cache"));
}

std::unique_ptr<AppContext> DeskFixture::makeContext(const QUrl &serverUrl, const QString &caFile) const
{
    auto settings = std::make_unique<Settings>(std::make_unique<QSettings>(settingsFile(), QSettings::IniFormat));
    settings->setServerUrl(serverUrl);
    settings->setCaFile(caFile);
    settings->sync();
    auto context = std::make_unique<AppContext>(std::move(settings));
    context->login().setCacheRoot(cacheRoot());
    return context;
}

void installChinese()
{
    QVERIFY2(ui::installTranslations(QStringLiteral("zh_CN")), "the embedded zh_CN translation is missing");
}

bool submitLogin(LoginDialog &dialog, const QString &unitNo, const QString &password, int timeoutMs)
{
    auto *unit = dialog.findChild<QLineEdit *>(QStringLiteral("unitNoLineEdit"));
    auto *pass = dialog.findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"));
    auto *button = dialog.findChild<QPushButton *>(QStringLiteral("loginButton"));
    if (!unit || !pass || !button)
        return false;
    if (!unit->isReadOnly())
        unit->setText(unitNo);
    pass->setText(password);
    // A re-login dialog deletes itself once accepted: follow it by signal and guard.
    const QPointer<LoginDialog> guard(&dialog);
    bool accepted = false;
    QObject context;
    QObject::connect(&dialog, &QDialog::accepted, &context, [&accepted] { accepted = true; });
    QTest::mouseClick(button, Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return accepted || !guard || !guard->isBusy(); }, timeoutMs))
        qWarning("the login did not finish in time");
    return accepted;
}

QString syncNow(AppContext &context, int timeoutMs)
{
    std::optional<Result<void>> outcome;
    QObject guard;
    QObject::connect(&context.sync(), &SyncService::finished, &guard,
                     [&outcome](const Result<void> &result) { outcome = result; });
    context.sync().start(context.session().cache());
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, timeoutMs))
        return QStringLiteral("sync did not finish in time");
    return outcome->ok() ? QString() : outcome->error().code + QStringLiteral(": ") + outcome->error().message;
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("SHEBAO_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    // Let pending layouts settle, as the event loop would before the clerk sees the window.
    QTest::qWait(50);
    const QString file = QDir(dir).filePath(name + QStringLiteral(".png"));
    QVERIFY2(widget->grab().save(file), qPrintable(file));
    qInfo("screenshot: %s", qPrintable(file));
}

} // namespace shebao::test
