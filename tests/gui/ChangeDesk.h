#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

#include "DeskFixture.h"
#include "ServerProcess.h"

namespace shebao {
class AppContext;
class MainWindow;
namespace ui {
class ChangeWizard;
}
} // namespace shebao

namespace shebao::test {

// What the 信息维护 GUI tests drive: a real server, the desktop of the authorized demo unit
// 43010000001 logged in and synced, its main window shown.
class ChangeDesk
{
public:
    ChangeDesk();
    ~ChangeDesk();

    // Empty when the desk is up, else why it is not.
    QString start();
    void stop();

    // The wizard an entry of the module tree opens (e.g. "maintain.unit", "unitChangeWizard").
    ui::ChangeWizard *openWizard(const char *entry, const char *name);
    // Closes it and waits until it is gone.
    bool closeWizard(ui::ChangeWizard *wizard);
    // A small white PNG under the desk's files: a proof the server accepts.
    QString writePng(const QString &name);
    QString filePath(const QString &name) const { return m_files.filePath(name); }

    ServerProcess &server() { return m_server; }
    AppContext &context() { return *m_context; }
    MainWindow &window() { return *m_window; }

private:
    ServerProcess m_server;
    DeskFixture m_fixture;
    QTemporaryDir m_files;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace shebao::test
