#pragma once

#include <QHash>
#include <QWizardPage>

#include "models/domain/Unit.h"

class QFormLayout;
class QLabel;
class QLineEdit;

namespace shebao {
class AuthorizationService;
struct Error;
} // namespace shebao

namespace shebao::ui {

// 授权申请, step 四: the 经办人 (name, ID number, mobile, e-mail) and the unit's details shown
// read-only; 保存 asks the domain validators first, then the server, whose per-field errors
// appear under the fields. What was typed stays when saving fails.
class ApplicantPage : public QWizardPage
{
    Q_OBJECT

public:
    ApplicantPage(AuthorizationService &service, const Unit &unit, QWidget *parent = nullptr);

    void initializePage() override;
    bool validatePage() override;

private:
    QLineEdit *addRequired(const QString &key, const QString &label, const QString &objectName);
    QLineEdit *addReadOnly(const QString &label, const QString &objectName, const QString &value);
    void showFieldError(const QString &key, const QString &message);
    void clearErrors();
    bool checkLocally();
    void showServerError(const Error &error);

    AuthorizationService &m_service;
    QFormLayout *m_form;
    QHash<QString, QLineEdit *> m_edits;
    QHash<QString, QLabel *> m_errorLabels;
    QHash<QString, QString> m_descriptions;
    QLabel *m_rejectedLabel;
    QLabel *m_errorLabel;
    bool m_saved = false;
    bool m_busy = false;
};

} // namespace shebao::ui
