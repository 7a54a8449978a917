#pragma once

#include <QWizardPage>

#include "models/core/Result.h"

class QLabel;
class QListWidget;
class QPushButton;

namespace shebao::ui {

class ChangeWizard;
class CodeComboBox;
struct ChangeWizardData;

// 上传证明材料 (guide: 需上传工商营业执照、组织机构代码证照或法人身份证原件图片; for people 身份证原件
// 图片): lists the proofs the touched key fields still need (ChangeFields::missingProofs), takes
// each file through FileDialog, checks it here by content (checkUpload; a disguised or oversized
// file is refused with its Chinese reason and never sent), uploads it, and 变更申报 submits.
class ChangeProofsPage : public QWizardPage
{
    Q_OBJECT

public:
    ChangeProofsPage(ChangeWizard &wizard, ChangeWizardData &data, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override {}
    bool validatePage() override;
    bool isComplete() const override;
    void showRefusal(const Error &error);

private:
    void chooseAndUpload();
    void removeSelected();
    void showState();
    void showError(const QString &message);

    ChangeWizard &m_wizard;
    ChangeWizardData &m_data;
    QLabel *m_required;
    CodeComboBox *m_kind;
    QPushButton *m_chooseButton;
    QListWidget *m_uploaded;
    QPushButton *m_removeButton;
    QLabel *m_error;
    bool m_busy = false;
    bool m_submitted = false;
};

} // namespace shebao::ui
