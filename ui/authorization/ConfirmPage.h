#pragma once

#include <QWizardPage>

class QLabel;

namespace shebao {
class AuthorizationService;
}

namespace shebao::ui {

// 授权申请, step 五 (first half): the saved application to check; 确认 fixes it and the server
// produces the data of the 《用户承诺书》.
class ConfirmPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ConfirmPage(AuthorizationService &service, QWidget *parent = nullptr);

    void initializePage() override;
    bool validatePage() override;

private:
    AuthorizationService &m_service;
    QLabel *m_reviewLabel;
    QLabel *m_errorLabel;
    bool m_confirmed = false;
    bool m_busy = false;
};

} // namespace shebao::ui
