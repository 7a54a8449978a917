#pragma once

#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class QWidget;

namespace shebao {
class AppContext;
class LoginDialog;
} // namespace shebao

namespace shebao::test {

// A client as a clerk's machine would have it, but private to the test: settings in a file of
// its own and the local caches under a temporary folder (kept across "restarts" of the client).
class DeskFixture
{
public:
    DeskFixture();

    std::unique_ptr<AppContext> makeContext(const QUrl &serverUrl, const QString &caFile) const;
    QString settingsFile() const;
    QString cacheRoot() const;

private:
    QTemporaryDir m_dir;
};

// The shipped UI is Chinese: tests see what the clerk sees.
void installChinese();

// Types into the dialog by objectName, clicks 登录 and waits until the dialog is no longer
// busy. True when the dialog was accepted.
bool submitLogin(LoginDialog &dialog, const QString &unitNo, const QString &password, int timeoutMs = 30000);

// Starts SyncService on the session's cache and waits for it; empty on success, else the error.
QString syncNow(AppContext &context, int timeoutMs = 60000);

// With SHEBAO_SCREENSHOT_DIR set, writes DIR/<name>.png of the widget (grab()).
void saveScreenshot(QWidget *widget, const QString &name);

} // namespace shebao::test
