#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class QDialog;
class QWidget;

namespace shebao {
class AccountService;
class AppContext;
class AuthorizationService;
class BackupService;
class CertificateDialog;
class CertificateStore;
class ChangePasswordDialog;
} // namespace shebao

namespace shebao::ui {

class AuthorizationWizard;
class BackupDialog;
class FormPrinter;
class RestoreDialog;

// 系统管理: the module's dialogs (授权申请, 修改密码, 证书管理, 数据备份, 数据恢复), each opened once
// and window-modal over the main window, which only routes the module's entries here.
class SystemModule : public QObject
{
    Q_OBJECT

public:
    SystemModule(AppContext &context, FormPrinter &printer, QWidget *window);
    ~SystemModule() override;

    static bool handles(const QString &key) { return key.startsWith(u"system."); }
    // Opens the dialog of an entry ("system.authorization", "system.password",
    // "system.certificate", "system.backup", "system.restore"); false for a key it does not know.
    bool open(const QString &key);

    AuthorizationService &authorization() const { return *m_authorization; }
    CertificateStore &certificates() const { return *m_certificates; }
    BackupService &backups() const { return *m_backups; }

signals:
    // A dialog closed: the module tree marks the page that is still shown.
    void dialogClosed();
    // A line for the status bar.
    void message(const QString &text, int timeoutMs);
    // A backup was restored into the session's cache: drafts and the outbox have new rows.
    void restored();

private:
    void openAuthorizationWizard();
    void openChangePassword();
    void openCertificates();
    void openBackup(bool restore);
    // Shows a dialog of the module window-modal, once.
    void present(QDialog *dialog);

    AppContext &m_context;
    FormPrinter &m_printer;
    QWidget *m_window;
    AuthorizationService *m_authorization;
    AccountService *m_accounts;
    std::unique_ptr<CertificateStore> m_certificates;
    BackupService *m_backups;
    QPointer<AuthorizationWizard> m_authorizationWizard;
    QPointer<ChangePasswordDialog> m_passwordDialog;
    QPointer<CertificateDialog> m_certificateDialog;
    QPointer<BackupDialog> m_backupDialog;
    QPointer<RestoreDialog> m_restoreDialog;
    bool m_openingWizard = false;
};

} // namespace shebao::ui
