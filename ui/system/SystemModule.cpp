#include "ui/system/SystemModule.h"

#include <QWidget>

#include "app/AccountService.h"
#include "app/AppContext.h"
#include "app/AuthorizationService.h"
#include "app/CertificateStore.h"
#include "app/Session.h"
#include "models/cache/LocalCache.h"
#include "ui/CertificateDialog.h"
#include "ui/ChangePasswordDialog.h"
#include "ui/authorization/AuthorizationWizard.h"

namespace shebao::ui {

SystemModule::SystemModule(AppContext &context, FormPrinter &printer, QWidget *window)
    : QObject(window)
    , m_context(context)
    , m_printer(printer)
    , m_window(window)
    , m_authorization(new AuthorizationService(&context.api(), &context.session(), this))
    , m_accounts(new AccountService(&context.api(), this))
    , m_certificates(std::make_unique<CertificateStore>())
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
        m_authorizationWizard->setAttribute(Qt::WA_DeleteOnClose);
        m_authorizationWizard->setWindowModality(Qt::WindowModal);
        connect(m_authorizationWizard, &QDialog::finished, this, &SystemModule::dialogClosed);
        m_authorizationWizard->open();
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
    m_certificateDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_certificateDialog->setWindowModality(Qt::WindowModal);
    connect(m_certificateDialog, &QDialog::finished, this, &SystemModule::dialogClosed);
    m_certificateDialog->open();
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
    m_passwordDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_passwordDialog->setWindowModality(Qt::WindowModal);
    connect(m_passwordDialog, &QDialog::finished, this, &SystemModule::dialogClosed);
    connect(m_passwordDialog, &QDialog::accepted, this, [this] {
        emit message(tr("The password was changed. Use the new password at the next login."), 15000);
    });
    m_passwordDialog->open();
}

} // namespace shebao::ui
