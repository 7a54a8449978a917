#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

#include "app/ApiClient.h"
#include "app/AppContext.h"
#include "app/Session.h"
#include "app/SyncService.h"
#include "models/cache/LocalCache.h"
#include "ui/LoginDialog.h"
#include "ui/ModuleTreeWidget.h"
#include "ui/pages/PersonListPage.h"
#include "ui/pages/UnitInfoPage.h"
#include "ui/widgets/SessionStatusBar.h"

namespace shebao {

MainWindow::MainWindow(AppContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_moduleTree(new ModuleTreeWidget({QStringLiteral("query.unit"), QStringLiteral("query.persons")}, this))
    , m_pages(new QStackedWidget(this))
    , m_unitInfoPage(new UnitInfoPage(m_pages))
    , m_personListPage(new PersonListPage(m_pages))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_pages->setObjectName(QStringLiteral("pagesStackedWidget"));
    m_pages->addWidget(m_unitInfoPage);
    m_pages->addWidget(m_personListPage);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_moduleTree);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 900});
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);
    resize(1180, 720);

    createActions();
    m_statusBar = new SessionStatusBar(statusBar(), m_context.session(), m_context.sync(), m_context.api(),
                                       m_syncAction);
    setTabOrder(m_moduleTree, m_pages);

    connect(m_moduleTree, &ModuleTreeWidget::entryChosen, this, &MainWindow::showEntry);
    connect(&m_context.session(), &Session::changed, this, &MainWindow::updateFromSession);
    connect(&m_context.sync(), &SyncService::started, this, &MainWindow::updateFromSession);
    connect(&m_context.sync(), &SyncService::finished, this, [this](const Result<void> &result) {
        updateFromSession();
        if (result.ok())
            reloadFromCache();
    });
    connect(&m_context.api(), &ApiClient::authenticationLost, this, &MainWindow::askToLogInAgain);

    reloadFromCache();
    updateFromSession();
    m_moduleTree->selectEntry(QStringLiteral("query.persons"));
    m_moduleTree->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_syncAction = new QAction(tr("&Sync"), this);
    m_syncAction->setObjectName(QStringLiteral("syncAction"));
    m_syncAction->setShortcut(QKeySequence::Refresh);
    m_syncAction->setToolTip(tr("Fetch the unit's current data from the server (F5)"));
    connect(m_syncAction, &QAction::triggered, this, &MainWindow::startSync);

    m_findAction = new QAction(tr("&Find person"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_moduleTree->selectEntry(QStringLiteral("query.persons"));
        m_personListPage->focusFilter();
    });

    auto *quitAction = new QAction(tr("&Quit"), this);
    quitAction->setObjectName(QStringLiteral("quitAction"));
    quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    auto *aboutAction = new QAction(tr("&About"), this);
    aboutAction->setObjectName(QStringLiteral("aboutAction"));
    connect(aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About shebao-desk"),
                           tr("shebao-desk %1\nSocial insurance business of employer units in Changsha.")
                               .arg(QApplication::applicationVersion()));
    });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_syncAction);
    file->addSeparator();
    file->addAction(quitAction);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_findAction);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(aboutAction);
}

bool MainWindow::showEntry(const QString &key)
{
    if (key == u"query.unit")
        m_pages->setCurrentWidget(m_unitInfoPage);
    else if (key == u"query.persons")
        m_pages->setCurrentWidget(m_personListPage);
    else
        return false;
    m_moduleTree->selectEntry(key);
    return true;
}

void MainWindow::startSync()
{
    Session &session = m_context.session();
    SyncService &sync = m_context.sync();
    if (!session.isActive() || session.isOffline() || !session.cache() || sync.isRunning())
        return;
    sync.start(session.cache());
}

void MainWindow::reloadFromCache()
{
    LocalCache *cache = m_context.session().cache();
    if (!cache) {
        m_unitInfoPage->setUnit(std::nullopt);
        m_personListPage->setPersons({});
        return;
    }
    m_unitInfoPage->setUnit(cache->unit());
    Result<QList<Person>> persons = cache->persons();
    if (!persons) {
        statusBar()->showMessage(tr("Cannot read the local cache: %1").arg(persons.error().message));
        return;
    }
    m_personListPage->setPersons(std::move(persons).value());
}

void MainWindow::updateFromSession()
{
    const Session &session = m_context.session();
    const QString unitName = session.unitName().isEmpty() ? session.unitNo() : session.unitName();
    setWindowTitle(tr("%1 - Changsha social insurance online service").arg(unitName));
    const bool canSync = session.isActive() && !session.isOffline() && !m_context.sync().isRunning();
    m_syncAction->setEnabled(canSync);
    m_syncAction->setToolTip(session.isOffline()
                                 ? tr("Offline: log in again while the server is reachable to sync")
                                 : tr("Fetch the unit's current data from the server (F5)"));
}

void MainWindow::askToLogInAgain(const Error &error)
{
    if (m_reloginDialog)
        return;
    m_syncAfterRelogin = true;
    statusBar()->showMessage(error.message);
    // Window-modal and non-blocking: everything on screen stays as it is behind the dialog.
    m_reloginDialog = new LoginDialog(m_context, LoginDialog::Mode::Relogin, this);
    m_reloginDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_reloginDialog->setWindowModality(Qt::WindowModal);
    connect(m_reloginDialog, &QDialog::accepted, this, [this] {
        statusBar()->showMessage(tr("Logged in again."), 10000);
        updateFromSession();
        if (std::exchange(m_syncAfterRelogin, false))
            startSync();
    });
    connect(m_reloginDialog, &QDialog::rejected, this, [this] {
        m_syncAfterRelogin = false;
        statusBar()->showMessage(tr("Not logged in again: the data shown may be out of date until you sync."));
    });
    m_reloginDialog->open();
}

} // namespace shebao
