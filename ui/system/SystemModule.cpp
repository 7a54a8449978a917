#include "ui/system/SystemModule.h"

#include <QWidget>

#include "app/AccountService.h"
#include "app/AppContext.h"
#include "app/AuthorizationService.h"
#include "app/CertificateStore.h"
#include "app/OutboxService.h"
#include "app/ApiClient.h"
#include "app/Settings.h"
#include "app/backup/BackupService.h"
#include "app/Session.h"
#include "models/cache/LocalCache.h"
#include "ui/CertificateDialog.h"
#include "ui/ChangePasswordDialog.h"
#include "ui/authorization/AuthorizationWizard.h"
#include "ui/backup/BackupDialog.h"
#include "ui/backup/RestoreDialog.h"

namespace shebao::ui {

SystemModule::SystemModule(AppContext &context, FormPrinter &printer, QWidget *window)
    : QObject(window)
    , m_context(context)
    , m_printer(printer)
    , m_window(window)
    , m_authorization(new AuthorizationService(&context.api(), &context.session(), this))
    , m_accounts(new AccountService(&context.api(), this))
    , m_certificates(std::make_unique<CertificateStore>())
    , m_backups(new BackupService(this))
{
}

SystemModule::~SystemModule() = default;

bool SystemModule::open(const QString &key)
{
    if (key == u"system.authorization")
        openAuthorizationWizard();
    else if (key == u"system.password")
        openChangePassword();
    else if (key == u"system.certificate")
        openCertificates();
    else if (key == u"system.backup" || key == u"system.restore")
        openBackup(key == u"system.restore");
    else
        return false;
    return true;
}

void SystemModule::openAuthorizationWizard()
{
    if (m_authorizationWizard) {
        m_authorizationWizard->raise();
        m_authorizationWizard->activateWindow();
        return;
    }
    const Session &session = m_context.session();
    if (!session.isActive() || session.isOffline()) {
        emit message(tr("The authorization application needs a connection to the server."), 10000);
        return;
    }
    if (std::exchange(m_openingWizard, true))
        return;
    // The wizard resumes at the application's state as the server has it now.
    m_authorization->refresh([this](const Result<AuthorizationApplication> &result) {
        m_openingWizard = false;
        if (!result && result.error().code != u"authorization.none") {
            emit message(result.error().message, 10000);
            return;
        }
        Unit unit;
        if (LocalCache *cache = m_context.session().cache(); cache && cache->unit())
            unit = *cache->unit();
        else if (m_authorization->application())
            unit = m_authorization->application()->unit;
        m_authorizationWizard = new AuthorizationWizard(*m_authorization, m_printer, unit, m_window);
        present(m_authorizationWizard);
    });
}

void SystemModule::openCertificates()
{
    if (m_certificateDialog) {
        m_certificateDialog->raise();
        return;
    }
    // Works offline too: importing and listing are local.
    m_certificateDialog = new CertificateDialog(*m_certificates, m_context.session().unitNo(), m_window);
    present(m_certificateDialog);
}

void SystemModule::openChangePassword()
{
    if (m_passwordDialog) {
        m_passwordDialog->raise();
        return;
    }
    const Session &session = m_context.session();
    if (!session.isActive() || session.isOffline()) {
        emit message(tr("Changing the password needs a connection to the server."), 10000);
        return;
    }
    m_passwordDialog = new ChangePasswordDialog(*m_accounts, session.unitNo(), m_window);
    connect(m_passwordDialog, &QDialog::accepted, this, [this] {
        emit message(tr("The password was changed. Use the new password at the next login."), 15000);
    });
    present(m_passwordDialog);
}

void SystemModule::openBackup(bool restore)
{
    if (restore ? bool(m_restoreDialog) : bool(m_backupDialog)) {
        QDialog *open = restore ? static_cast<QDialog *>(m_restoreDialog) : static_cast<QDialog *>(m_backupDialog);
        open->raise();
        open->activateWindow();
        return;
    }
    // Both work offline: the cache is on this computer.
    const Session &session = m_context.session();
    LocalCache *cache = session.cache();
    if (!session.isActive() || !cache) {
        emit message(tr("Log in first: a backup is made of and restored into the logged-in unit's data."), 10000);
        return;
    }
    const QUrl server = m_context.api().baseUrl();
    if (!restore) {
        m_backupDialog = new BackupDialog(*m_backups, *cache, m_context.settings(), server, session.unitNo(), m_window);
        present(m_backupDialog);
        return;
    }
    m_restoreDialog = new RestoreDialog(*m_backups, *cache, m_context.settings(), server, session.unitNo(), m_window);
    connect(m_restoreDialog, &RestoreDialog::restored, this, [this] {
        // Restored items that wait for the server go as soon as it answers.
        if (m_context.session().isActive() && !m_context.session().isOffline())
            m_context.outbox().flush();
        emit restored();
    });
    present(m_restoreDialog);
}

void SystemModule::present(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::finished, this, &SystemModule::dialogClosed);
    dialog->open();
}

} // namespace shebao::ui
