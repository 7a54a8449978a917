#include "ui/authorization/StatusPage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/AuthorizationService.h"
#include "ui/authorization/AuthorizationStateText.h"

namespace shebao::ui {

StatusPage::StatusPage(AuthorizationService &service, QWidget *parent)
    : QWizardPage(parent)
    , m_service(service)
    , m_stateLabel(new QLabel(this))
    , m_detailLabel(new QLabel(this))
    , m_reapplyButton(new QPushButton(tr("&Apply again"), this))
{
    setObjectName(QStringLiteral("statusPage"));
    setTitle(tr("Application status"));
    setFinalPage(true);
    m_stateLabel->setObjectName(QStringLiteral("applicationStateLabel"));
    QFont font = m_stateLabel->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_stateLabel->setFont(font);
    m_detailLabel->setObjectName(QStringLiteral("applicationDetailLabel"));
    m_detailLabel->setWordWrap(true);
    m_detailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reapplyButton->setObjectName(QStringLiteral("reapplyPushButton"));
    m_reapplyButton->setAccessibleName(tr("Apply again"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stateLabel);
    layout->addWidget(m_detailLabel);
    layout->addWidget(m_reapplyButton, 0, Qt::AlignLeft);
    layout->addStretch();
    connect(m_reapplyButton, &QPushButton::clicked, this, &StatusPage::reapplyRequested);
    // The counter may decide while the page is open: a refresh shows it.
    connect(&m_service, &AuthorizationService::changed, this, &StatusPage::showState);
}

void StatusPage::initializePage()
{
    showState();
}

void StatusPage::showState()
{
    const AuthorizationState state = m_service.state();
    m_stateLabel->setText(AuthorizationStateText::title(state));
    m_reapplyButton->setVisible(state == AuthorizationState::Rejected);
    const auto &application = m_service.application();
    const QString address = application && !application->counterAddress.isEmpty()
                                ? application->counterAddress
                                : QStringLiteral("天心区人社局二楼社保征缴中心单位业务窗口");
    switch (state) {
    case AuthorizationState::Uploaded:
        m_detailLabel->setText(
            tr("Bring the user commitment letter stamped with the unit's official seal to the counter to have "
               "the authorization opened:\n%1\n\nApplication number: %2")
                .arg(address, application ? application->applicationNo : QString()));
        break;
    case AuthorizationState::Activated:
        m_detailLabel->setText(tr("The unit is an authorized user: the business modules are open."));
        break;
    case AuthorizationState::Rejected:
        m_detailLabel->setText(tr("Reason: %1").arg(application ? application->rejectReason : QString()));
        break;
    default:
        m_detailLabel->setText(AuthorizationStateText::description(state));
        break;
    }
}

} // namespace shebao::ui
