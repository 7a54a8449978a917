#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace shebao {
class AuthorizationService;
}

namespace shebao::ui {

// 授权申请, step 七: where the application stands — 待柜台开通 with the counter's address and
// what to bring, 已开通, or 已退回 with the reason and 重新申请.
class StatusPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit StatusPage(AuthorizationService &service, QWidget *parent = nullptr);

    void initializePage() override;

signals:
    void reapplyRequested();

private:
    void showState();

    AuthorizationService &m_service;
    QLabel *m_stateLabel;
    QLabel *m_detailLabel;
    QPushButton *m_reapplyButton;
};

} // namespace shebao::ui
