#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include "app/ApiClient.h"
#include "app/AppContext.h"
#include "app/AuthorizationService.h"
#include "app/ChangeService.h"
#include "app/DeclarationService.h"
#include "app/EnrolmentCertificateService.h"
#include "app/OutboxService.h"
#include "app/Session.h"
#include "app/SyncService.h"
#include "app/home/PendingFigure.h"
#include "models/cache/DraftStore.h"
#include "models/cache/LocalCache.h"
#include "ui/LoginDialog.h"
#include "ui/authorization/AuthorizationStateText.h"
#include "ui/certificate/EnrolmentCertificatePage.h"
#include "ui/declaration/add/AddWizard.h"
#include "ui/declaration/import/ImportWizard.h"
#include "ui/declaration/reduce/ReduceWizard.h"
#include "ui/declaration/submit/BatchesTab.h"
#include "ui/declaration/submit/DeclarationPage.h"
#include "ui/help/GuideSections.h"
#include "ui/home/HomePage.h"
#include "ui/maintain/ChangeRequestsPage.h"
#include "ui/maintain/ChangeWizard.h"
#include "ui/printing/FormPrinter.h"
#include "ui/ModuleTreeWidget.h"
#include "ui/pages/PersonListPage.h"
#include "ui/pages/UnitInfoPage.h"
#include "ui/pay/PayModule.h"
#include "ui/system/SystemModule.h"
#include "ui/widgets/SessionStatusBar.h"

namespace shebao {

MainWindow::MainWindow(AppContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_moduleTree(new ModuleTreeWidget({QStringLiteral("home"), QStringLiteral("system.authorization"),
                                         QStringLiteral("system.password"),
                                         QStringLiteral("system.certificate"), QStringLiteral("system.backup"),
                                         QStringLiteral("system.restore"), QStringLiteral("query.unit"),
                                         QStringLiteral("query.persons"), QStringLiteral("query.certificate"),
                                         QStringLiteral("declare.add"),
                                         QStringLiteral("declare.reduce"), QStringLiteral("declare.submit"),
                                         QStringLiteral("declare.import"), QStringLiteral("maintain.unit"),
                                         QStringLiteral("maintain.person"), QStringLiteral("pay.arrears"),
                                         QStringLiteral("pay.bill"), QStringLiteral("pay.slips")},
                                        this))
    , m_pages(new QStackedWidget(this))
    , m_unitInfoPage(new UnitInfoPage(m_pages))
    , m_personListPage(new PersonListPage(m_pages))
    , m_formPrinter(new ui::FormPrinter(this))
    , m_system(new ui::SystemModule(context, *m_formPrinter, this))
    , m_authorizationBanner(new QLabel(this))
    , m_enrolmentCertificates(new EnrolmentCertificateService(&context.api(), &context.session(), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_pages->setObjectName(QStringLiteral("pagesStackedWidget"));
    m_homePage = new ui::HomePage(context, standardPendingFigures(context), m_pages);
    m_pages->addWidget(m_homePage);
    connect(m_homePage, &ui::HomePage::linkActivated, this, &MainWindow::openLink);
    m_pages->addWidget(m_unitInfoPage);
    m_pages->addWidget(m_personListPage);
    m_declarationPage = new ui::DeclarationPage(context.declarations(), context.outbox(), context.session(),
                                                *m_formPrinter, m_pages);
    m_pages->addWidget(m_declarationPage);
    connect(m_declarationPage, &ui::DeclarationPage::resumeRequested, this, &MainWindow::resumeDraft);
    m_changeRequestsPage = new ui::ChangeRequestsPage(context.changes(), context.session(), *m_formPrinter, m_pages);
    m_pages->addWidget(m_changeRequestsPage);
    connect(m_changeRequestsPage, &ui::ChangeRequestsPage::newChangeRequested, this,
            [this](ChangeTarget target) { openChangeWizard(target == ChangeTarget::Unit, nullptr); });
    connect(m_changeRequestsPage, &ui::ChangeRequestsPage::targetShown, this, [this](ChangeTarget target) {
        m_changeRequestsOfUnit = target == ChangeTarget::Unit;
        if (m_pages->currentWidget() == m_changeRequestsPage)
            reselectPage();
    });
    // An applied change altered the agency's record: the cached unit and people follow.
    connect(&context.changes(), &ChangeService::changed, this, &MainWindow::startSync);
    m_enrolmentCertificatePage =
        new ui::EnrolmentCertificatePage(*m_enrolmentCertificates, context.session(), *m_formPrinter, m_pages);
    m_pages->addWidget(m_enrolmentCertificatePage);
    m_pay = new ui::PayModule(context, *m_formPrinter, m_pages, this);
    connect(m_pay, &ui::PayModule::dialogClosed, this, &MainWindow::reselectPage);
    connect(m_pay, &ui::PayModule::message, this, [this](const QString &text) { statusBar()->showMessage(text, 10000); });

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    // The application's state where an ordinary user sees it at every login (guide step 七).
    m_authorizationBanner->setObjectName(QStringLiteral("authorizationBannerLabel"));
    m_authorizationBanner->setWordWrap(true);
    m_authorizationBanner->setMargin(8);
    m_authorizationBanner->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4d6; border: 1px solid #e0c36a; color: #5a4500; }"));
    m_authorizationBanner->setVisible(false);
    auto *right = new QWidget(this);
    right->setObjectName(QStringLiteral("workspaceWidget"));
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_authorizationBanner);
    rightLayout->addWidget(m_pages, 1);
    splitter->addWidget(m_moduleTree);
    splitter->addWidget(right);
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
    connect(&m_system->authorization(), &AuthorizationService::changed, this, &MainWindow::updateAuthorizationBanner);
    connect(m_system, &ui::SystemModule::dialogClosed, this, &MainWindow::reselectPage);
    connect(m_system, &ui::SystemModule::message, statusBar(), &QStatusBar::showMessage);
    connect(m_system, &ui::SystemModule::restored, m_homePage, &ui::HomePage::refresh);

    reloadFromCache();
    updateFromSession();
    const Session &session = m_context.session();
    if (session.isActive() && !session.isOffline() && session.level() == AccountLevel::Ordinary)
        m_system->authorization().refresh();
    m_moduleTree->selectEntry(QStringLiteral("home"));
    m_moduleTree->setFocus();
}

MainWindow::~MainWindow() = default;

AuthorizationService &MainWindow::authorization() const
{
    return m_system->authorization();
}

CertificateStore &MainWindow::certificates() const
{
    return m_system->certificates();
}

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
    // 异动申报 from the keyboard, wherever the focus is; enabled with the entries.
    QMenu *declare = menuBar()->addMenu(tr("&Declarations"));
    const struct
    {
        const char *key;
        const char *name;
        QString text;
        QKeySequence shortcut;
    } declareActions[] = {
        {"declare.add", "addStaffAction", tr("&Add staff..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)},
        {"declare.reduce", "removeStaffAction", tr("&Remove staff..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
        {"declare.submit", "declareAndQueryAction", tr("&Declare and query"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)},
        {"declare.import", "batchImportAction", tr("Batch &import..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)}};
    for (const auto &a : declareActions) {
        auto *action = declare->addAction(a.text);
        action->setObjectName(QString::fromLatin1(a.name));
        action->setShortcut(a.shortcut);
        const QString key = QString::fromLatin1(a.key);
        connect(action, &QAction::triggered, this, [this, key] { showEntry(key); });
        m_declareActions.append({key, action});
    }
    // 信息维护 likewise; enabled and disabled with the business entries.
    QMenu *maintain = menuBar()->addMenu(tr("&Maintenance"));
    const struct
    {
        const char *key;
        const char *name;
        QString text;
    } maintainActions[] = {{"maintain.unit", "unitChangeAction", tr("&Unit information change...")},
                           {"maintain.person", "personChangeAction", tr("&Personal information change...")}};
    for (const auto &a : maintainActions) {
        auto *action = maintain->addAction(a.text);
        action->setObjectName(QString::fromLatin1(a.name));
        const QString key = QString::fromLatin1(a.key);
        connect(action, &QAction::triggered, this, [this, key] { showEntry(key); });
        m_declareActions.append({key, action});
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    // F1: the guide's section of what is shown.
    help->addAction(ui::guide::createGuideAction(this, [this] {
        const QTreeWidgetItem *item = m_moduleTree->currentItem();
        return ui::guide::anchorOfEntry(item ? item->data(0, ModuleTreeWidget::EntryKeyRole).toString() : QString());
    }));
    help->addSeparator();
    help->addAction(aboutAction);
}

bool MainWindow::showEntry(const QString &key)
{
    // An ordinary account's business entries stay closed, whichever way they are asked for.
    if (ModuleTreeWidget::isBusinessEntry(key) && !m_moduleTree->isEnabledEntry(key))
        return false;
    if (key == u"home")
        m_pages->setCurrentWidget(m_homePage);
    else if (key == u"query.unit")
        m_pages->setCurrentWidget(m_unitInfoPage);
    else if (key == u"query.persons")
        m_pages->setCurrentWidget(m_personListPage);
    else if (ui::SystemModule::handles(key)) {
        if (!m_system->open(key))
            return false;
    } else if (key == u"query.certificate") {
        m_pages->setCurrentWidget(m_enrolmentCertificatePage);
        m_enrolmentCertificatePage->refresh();
    } else if (key == u"declare.submit") {
        m_pages->setCurrentWidget(m_declarationPage);
        m_declarationPage->refresh();
    } else if (key == u"declare.add")
        openDeclarationWizard(m_addWizard, nullptr);
    else if (key == u"declare.reduce")
        openDeclarationWizard(m_reduceWizard, nullptr);
    else if (key == u"declare.import")
        openImportWizard();
    else if (key == u"maintain.unit" || key == u"maintain.person") {
        if (!openChangeWizard(key == u"maintain.unit", nullptr))
            return false;
    } else if (ui::PayModule::isEntry(key)) {
        if (!m_pay->show(key))
            return false;
    } else
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
        m_personListPage->setUnit(std::nullopt);
        m_personListPage->setPersons({});
        m_enrolmentCertificatePage->setPersons({});
        m_homePage->setPersons({});
        return;
    }
    m_unitInfoPage->setUnit(cache->unit());
    m_personListPage->setUnit(cache->unit());
    Result<QList<Person>> persons = cache->persons();
    if (!persons) {
        statusBar()->showMessage(tr("Cannot read the local cache: %1").arg(persons.error().message));
        return;
    }
    m_enrolmentCertificatePage->setPersons(persons.value());
    m_homePage->setPersons(persons.value());
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
    m_moduleTree->setBusinessAllowed(session.isActive() && session.level() != AccountLevel::Ordinary);
    for (const auto &[key, action] : std::as_const(m_declareActions)) {
        action->setEnabled(m_moduleTree->isEnabledEntry(key));
        action->setToolTip(m_moduleTree->isEnabledEntry(key) ? QString() : ModuleTreeWidget::notAuthorizedText());
    }
    updateAuthorizationBanner();
}

void MainWindow::updateAuthorizationBanner()
{
    const Session &session = m_context.session();
    const auto &application = m_system->authorization().application();
    const bool show = session.isActive() && session.level() == AccountLevel::Ordinary && application
                      && application->state != AuthorizationState::None;
    m_authorizationBanner->setVisible(show);
    if (!show)
        return;
    const AuthorizationState state = application->state;
    QString text = tr("Authorization application %1: %2.").arg(application->applicationNo,
                                                                ui::AuthorizationStateText::title(state));
    if (state == AuthorizationState::Rejected)
        text += QLatin1Char(' ') + tr("Reason: %1").arg(application->rejectReason);
    text += QLatin1Char(' ') + ui::AuthorizationStateText::description(state, application->counterAddress);
    m_authorizationBanner->setText(text);
    m_authorizationBanner->setAccessibleName(text);
}

void MainWindow::reselectPage()
{
    // A dialog entry leaves the tree on the page that is still shown.
    QString key = QStringLiteral("query.persons");
    if (m_pages->currentWidget() == m_homePage)
        key = QStringLiteral("home");
    else if (m_pages->currentWidget() == m_unitInfoPage)
        key = QStringLiteral("query.unit");
    else if (m_pages->currentWidget() == m_declarationPage)
        key = QStringLiteral("declare.submit");
    else if (m_pages->currentWidget() == m_changeRequestsPage)
        key = m_changeRequestsOfUnit ? QStringLiteral("maintain.unit") : QStringLiteral("maintain.person");
    else if (m_pages->currentWidget() == m_enrolmentCertificatePage)
        key = QStringLiteral("query.certificate");
    else if (const QString pay = m_pay->keyOf(m_pages->currentWidget()); !pay.isEmpty())
        key = pay;
    // Marking the entry of the page shown must not open its wizard again.
    const QSignalBlocker blocker(m_moduleTree);
    m_moduleTree->selectEntry(key);
}

template <typename Wizard>
Wizard *MainWindow::openDeclarationWizard(QPointer<Wizard> &slot, const Draft *draft)
{
    if (slot) {
        if (!draft) {
            slot->raise();
            slot->activateWindow();
            return slot;
        }
        slot->close(); // its own draft is kept; the chosen one opens instead
    }
    // Works offline too: 保存 keeps the item in the outbox until the server is back.
    slot = new Wizard(m_context.declarations(), m_context.outbox(), m_context.session().cache(), this);
    if (draft)
        slot->resume(*draft);
    slot->setAttribute(Qt::WA_DeleteOnClose);
    slot->setWindowModality(Qt::WindowModal);
    connect(slot, &QDialog::finished, this, &MainWindow::declarationWizardClosed);
    slot->open();
    return slot;
}

void MainWindow::openImportWizard()
{
    if (m_importWizard) {
        m_importWizard->raise();
        m_importWizard->activateWindow();
        return;
    }
    m_importWizard = new ui::ImportWizard(m_context.outbox(), m_context.session().cache(), this);
    m_importWizard->setAttribute(Qt::WA_DeleteOnClose);
    m_importWizard->setWindowModality(Qt::WindowModal);
    connect(m_importWizard, &QDialog::finished, this, &MainWindow::declarationWizardClosed);
    m_importWizard->open();
}

void MainWindow::declarationWizardClosed()
{
    reselectPage();
    if (m_pages->currentWidget() == m_declarationPage)
        m_declarationPage->refresh();
}

bool MainWindow::resumeDraft(const Draft &draft)
{
    if (!m_moduleTree->isEnabledEntry(QStringLiteral("declare.add")))
        return false;
    if (draft.kind == ui::AddWizard::draftKind())
        return openDeclarationWizard(m_addWizard, &draft) != nullptr;
    if (draft.kind == ui::ReduceWizard::draftKind())
        return openDeclarationWizard(m_reduceWizard, &draft) != nullptr;
    if (draft.kind == ui::ChangeWizard::draftKind(ChangeTarget::Unit)
        || draft.kind == ui::ChangeWizard::draftKind(ChangeTarget::Person))
        return openChangeWizard(draft.kind == ui::ChangeWizard::draftKind(ChangeTarget::Unit), &draft) != nullptr;
    if (draft.kind == ui::ImportWizard::draftKind()) {
        delete m_importWizard;
        openImportWizard();
        m_importWizard->resume(draft);
        m_importWizard->restart();
        return true;
    }
    return false;
}

void MainWindow::openLink(const QString &link)
{
    if (link.startsWith(u"draft:")) { // the newest draft of that kind, in its wizard
        LocalCache *cache = m_context.session().cache();
        const Result<QList<Draft>> drafts = cache ? DraftStore(*cache).list() : Result<QList<Draft>>(QList<Draft>());
        for (const Draft &draft : drafts ? drafts.value() : QList<Draft>()) {
            if (draft.kind.startsWith(link.mid(6)))
                return void(resumeDraft(draft));
        }
        return;
    }
    const QString entry = link.section(u'#', 0, 0);
    const QString part = link.section(u'#', 1);
    if (entry == u"declare.submit" && showEntry(entry)) {
        if (part.startsWith(u"batches")) {
            m_declarationPage->showTab(ui::DeclarationPage::BatchesTabIndex);
            m_declarationPage->batchesTab()->showState(part.section(u':', 1));
        } else {
            m_declarationPage->showTab(part == u"drafts" ? ui::DeclarationPage::DraftsTabIndex
                                                         : ui::DeclarationPage::PendingTabIndex);
        }
    } else if ((entry == u"maintain.unit" || entry == u"maintain.person") && m_moduleTree->isEnabledEntry(entry)) {
        // The change records in that state, without opening the wizard.
        m_changeRequestsOfUnit = entry == u"maintain.unit";
        m_pages->setCurrentWidget(m_changeRequestsPage);
        m_changeRequestsPage->showTarget(m_changeRequestsOfUnit ? ChangeTarget::Unit : ChangeTarget::Person);
        m_changeRequestsPage->showState(part.section(u':', 1));
        reselectPage();
    } else if (entry == u"pay.slips" && m_moduleTree->isEnabledEntry(entry)) {
        m_pay->showSlips(part); // 银行缴费单查询 in that state, asked once
        reselectPage();
    } else if (entry != u"declare.submit") {
        showEntry(entry);
    }
}

ui::ChangeWizard *MainWindow::openChangeWizard(bool unit, const Draft *draft)
{
    const ChangeTarget target = unit ? ChangeTarget::Unit : ChangeTarget::Person;
    const Session &session = m_context.session();
    if (!session.isActive() || session.isOffline()) {
        statusBar()->showMessage(tr("Information changes need a connection to the server."), 10000);
        return nullptr;
    }
    m_changeRequestsOfUnit = unit;
    m_pages->setCurrentWidget(m_changeRequestsPage);
    m_changeRequestsPage->showTarget(target);
    QPointer<ui::ChangeWizard> &slot = unit ? m_unitChangeWizard : m_personChangeWizard;
    if (slot) {
        if (!draft) {
            slot->raise();
            slot->activateWindow();
            return slot;
        }
        slot->close(); // its own draft is kept; the chosen one opens instead
    }
    slot = new ui::ChangeWizard(target, m_context.changes(), m_context.session(), *m_formPrinter, this);
    std::optional<Draft> resumed;
    if (draft) {
        resumed = *draft;
    } else if (LocalCache *cache = m_context.session().cache()) {
        // The clerk comes back to what they typed last time.
        if (Result<QList<Draft>> drafts = DraftStore(*cache).list(ui::ChangeWizard::draftKind(target));
            drafts && !drafts.value().isEmpty())
            resumed = drafts.value().constFirst();
    }
    if (resumed) {
        slot->resume(*resumed);
        slot->restart();
    }
    slot->setAttribute(Qt::WA_DeleteOnClose);
    slot->setWindowModality(Qt::WindowModal);
    connect(slot, &QDialog::finished, this, [this] {
        reselectPage();
        if (m_pages->currentWidget() == m_changeRequestsPage)
            m_changeRequestsPage->refresh();
    });
    connect(slot, &ui::ChangeWizard::showRequestsRequested, this, [this, unit] {
        m_changeRequestsOfUnit = unit;
        m_pages->setCurrentWidget(m_changeRequestsPage);
    });
    slot->open();
    return slot;
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
