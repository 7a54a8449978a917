#include "ui/authorization/ConfirmPage.h"

#include <QLabel>
#include <QVBoxLayout>

#include "app/AuthorizationService.h"

namespace shebao::ui {

ConfirmPage::ConfirmPage(AuthorizationService &service, QWidget *parent)
    : QWizardPage(parent)
    , m_service(service)
    , m_reviewLabel(new QLabel(this))
    , m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("confirmPage"));
    setTitle(tr("Confirm the application"));
    setSubTitle(tr("Check the details. After confirming, the system produces the user commitment letter to print."));
    setButtonText(QWizard::NextButton, tr("&Confirm"));
    m_reviewLabel->setObjectName(QStringLiteral("reviewLabel"));
    m_reviewLabel->setTextFormat(Qt::RichText);
    m_reviewLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setObjectName(QStringLiteral("confirmErrorLabel"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c00000"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_reviewLabel);
    layout->addWidget(m_errorLabel);
    layout->addStretch();
}

void ConfirmPage::initializePage()
{
    m_errorLabel->setVisible(false);
    const auto &application = m_service.application();
    if (!application) {
        m_reviewLabel->clear();
        return;
    }
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style=\"padding-right:16px\">%1</td><td><b>%2</b></td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const AuthorizationApplication &a = *application;
    m_reviewLabel->setText(QStringLiteral("<table>") + row(tr("Application number"), a.applicationNo)
                           + row(tr("Unit name"), a.unit.name) + row(tr("Unit number"), a.unit.unitNo)
                           + row(tr("Unified social credit code"), a.unit.creditCode)
                           + row(tr("Legal representative"), a.unit.legalRepresentative)
                           + row(tr("Applicant's name"), a.applicant.name)
                           + row(tr("Applicant's ID number"), a.applicant.idNumber)
                           + row(tr("Applicant's mobile"), a.applicant.mobile) + row(tr("E-mail"), a.applicant.email)
                           + QStringLiteral("</table>"));
    m_reviewLabel->setAccessibleName(tr("Application to confirm"));
}

bool ConfirmPage::validatePage()
{
    if (std::exchange(m_confirmed, false))
        return true;
    if (m_busy)
        return false;
    // Coming back to a confirmed application (resumed wizard): nothing to send again.
    if (m_service.state() != AuthorizationState::Saved)
        return m_service.state() == AuthorizationState::Confirmed || m_service.state() == AuthorizationState::Uploaded;
    m_busy = true;
    setEnabled(false);
    m_service.confirm([this](const Result<AuthorizationApplication> &result) {
        m_busy = false;
        setEnabled(true);
        if (!result) {
            m_errorLabel->setText(result.error().message);
            m_errorLabel->setVisible(true);
            return;
        }
        m_confirmed = true;
        if (wizard())
            wizard()->next();
    });
    return false;
}

} // namespace shebao::ui
