#pragma once

#include <QWizardPage>

#include "models/core/Result.h"

class QLabel;

namespace shebao::ui {

class ChangeFormWidget;
class ChangeWizard;
struct ChangeWizardData;

// 修改信息: the 当前 / 变更后 form and the guide's two buttons (the wizard's custom buttons):
// 信息变更 sends non-key changes, which take effect at once; 变更申报 takes key changes on to the
// proofs (or, for a 15 → 18 升位 alone, straight to the server). Local checks run first and put
// their message under the field; so do the server's refusals, and the form stays as typed.
class ChangeEditPage : public QWizardPage
{
    Q_OBJECT

public:
    ChangeEditPage(ChangeWizard &wizard, ChangeWizardData &data, QWidget *parent = nullptr);

    ChangeFormWidget &form() const { return *m_form; }
    void initializePage() override;
    void cleanupPage() override {}
    bool validatePage() override;
    int nextId() const override;
    bool isComplete() const override { return !m_busy; }

    // The two buttons.
    void applyNow();
    void declare();
    // The server refused a submission: each error under its field, the rest above the form.
    void showRefusal(const Error &error);

private:
    bool prepare(bool key);
    void showMessage(const QString &message);
    void leave();
    void updateNote();

    ChangeWizard &m_wizard;
    ChangeWizardData &m_data;
    ChangeFormWidget *m_form;
    QLabel *m_heading;
    QLabel *m_message;
    QLabel *m_note;
    bool m_busy = false;
    bool m_leaving = false;
    QString m_initializedFor; // whose values the form shows ("unit" or a person number)
};

} // namespace shebao::ui
