#pragma once

#include <QMainWindow>
#include <QPointer>

#include "models/core/Result.h"

class QAction;
class QStackedWidget;

namespace shebao {

class AppContext;
class LoginDialog;
class ModuleTreeWidget;
class PersonListPage;
class SessionStatusBar;
class UnitInfoPage;

// The unit's workspace: the portal's modules on the left, the chosen entry on the right, the
// session's state in the status bar. Shows the local cache; SyncService refreshes it.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Pulls the unit and its people from the server (online sessions only).
    void startSync();
    void reloadFromCache();
    // Shows an implemented entry ("query.unit", "query.persons"); false for the others.
    bool showEntry(const QString &key);

private:
    void createActions();
    void updateFromSession();
    void askToLogInAgain(const Error &error);

    AppContext &m_context;
    ModuleTreeWidget *m_moduleTree;
    QStackedWidget *m_pages;
    UnitInfoPage *m_unitInfoPage;
    PersonListPage *m_personListPage;
    QAction *m_syncAction = nullptr;
    QAction *m_findAction = nullptr;
    SessionStatusBar *m_statusBar = nullptr;
    QPointer<LoginDialog> m_reloginDialog;
    bool m_syncAfterRelogin = false;
};

} // namespace shebao
