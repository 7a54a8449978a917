#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace shebao {
class AuthorizationService;
}

namespace shebao::ui {

// 授权申请, step 六: the scan of the stamped letter (JPEG, PNG or PDF by content, ≤ 5 MB). A
// refused file is never sent; its Chinese message stays on the page, and so does the wizard.
class UploadScanPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit UploadScanPage(AuthorizationService &service, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

private:
    void chooseAndUpload();
    void showUploaded();

    AuthorizationService &m_service;
    QPushButton *m_chooseButton;
    QLabel *m_uploadedLabel;
    QLabel *m_errorLabel;
    bool m_busy = false;
};

} // namespace shebao::ui
