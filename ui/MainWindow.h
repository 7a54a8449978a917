#pragma once

#include <QMainWindow>
#include <QPointer>

#include "models/core/Result.h"

class QAction;
class QLabel;
class QStackedWidget;

namespace shebao {

namespace ui {
class AddWizard;
class ChangeRequestsPage;
class ChangeWizard;
class DeclarationPage;
class EnrolmentCertificatePage;
class FormPrinter;
class HomePage;
class ImportWizard;
class PayModule;
class ReduceWizard;
class SystemModule;
} // namespace ui

class AppContext;
class AuthorizationService;
class CertificateStore;
class EnrolmentCertificateService;
class LoginDialog;
class ModuleTreeWidget;
class PersonListPage;
class SessionStatusBar;
class UnitInfoPage;
struct Draft;

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
    // Shows an implemented entry ("query.unit", "query.persons", "query.certificate",
    // "declare.submit") or opens its
    // dialog ("system.authorization", "system.password", "declare.add", "declare.reduce",
    // "declare.import", "maintain.unit", "maintain.person": the change records and the wizard); false for
    // the others.
    bool showEntry(const QString &key);
    // Opens the wizard a draft belongs to, at the page it was on.
    bool resumeDraft(const Draft &draft);
    // Opens the list behind a figure of 首页 (PendingFigure::link).
    void openLink(const QString &link);

    AuthorizationService &authorization() const;
    ui::FormPrinter &formPrinter() const { return *m_formPrinter; }
    CertificateStore &certificates() const;
    ui::DeclarationPage *declarationPage() const { return m_declarationPage; }
    ui::ChangeRequestsPage *changeRequestsPage() const { return m_changeRequestsPage; }
    ui::EnrolmentCertificatePage *enrolmentCertificatePage() const { return m_enrolmentCertificatePage; }
    // 网上缴费: 断档补缴, 有单缴费, 银行缴费单查询.
    ui::PayModule *payModule() const { return m_pay; }
    ui::HomePage *homePage() const { return m_homePage; }

private:
    void createActions();
    void updateFromSession();
    void askToLogInAgain(const Error &error);
    void updateAuthorizationBanner();
    void reselectPage();
    template <typename Wizard>
    Wizard *openDeclarationWizard(QPointer<Wizard> &slot, const Draft *draft);
    void openImportWizard();
    void declarationWizardClosed();
    // 信息维护: the change records of `target` and its wizard (resuming `draft`, else the newest
    // draft of that kind, so nothing typed is lost).
    ui::ChangeWizard *openChangeWizard(bool unit, const Draft *draft);

    AppContext &m_context;
    ModuleTreeWidget *m_moduleTree;
    QStackedWidget *m_pages;
    ui::HomePage *m_homePage = nullptr;
    UnitInfoPage *m_unitInfoPage;
    PersonListPage *m_personListPage;
    QAction *m_syncAction = nullptr;
    QAction *m_findAction = nullptr;
    SessionStatusBar *m_statusBar = nullptr;
    QPointer<LoginDialog> m_reloginDialog;
    bool m_syncAfterRelogin = false;
    ui::FormPrinter *m_formPrinter;
    ui::SystemModule *m_system;
    QLabel *m_authorizationBanner;
    ui::DeclarationPage *m_declarationPage = nullptr;
    EnrolmentCertificateService *m_enrolmentCertificates;
    ui::EnrolmentCertificatePage *m_enrolmentCertificatePage = nullptr;
    QPointer<ui::AddWizard> m_addWizard;
    QPointer<ui::ReduceWizard> m_reduceWizard;
    QPointer<ui::ImportWizard> m_importWizard;
    QList<std::pair<QString, QAction *>> m_declareActions;
    ui::ChangeRequestsPage *m_changeRequestsPage = nullptr;
    QPointer<ui::ChangeWizard> m_unitChangeWizard;
    QPointer<ui::ChangeWizard> m_personChangeWizard;
    bool m_changeRequestsOfUnit = true;
    ui::PayModule *m_pay = nullptr;
};

} // namespace shebao
