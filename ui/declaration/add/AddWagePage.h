#pragma once

#include <QWizardPage>

#include <optional>

#include "models/core/Result.h"
#include "models/policy/ClampedBase.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace shebao {
class OutboxService;
}

namespace shebao::ui {

class CodeComboBox;
class AddPersonPage;
struct AddDeclarationData;

// 异动新增, the last steps of the guide: 参保开始年月 (the current month or up to two before),
// 工资基数 → 确认工资, which shows the base that applies under the policy table of Changsha
// (430100) for that month and warns, naming the table and period, when the wage was raised to
// the lower or lowered to the upper limit; then 保存 hands the item to the OutboxService. A
// refusal keeps everything on the page with the server's message.
class AddWagePage : public QWizardPage
{
    Q_OBJECT

public:
    AddWagePage(OutboxService &outbox, AddDeclarationData &data, AddPersonPage *personPage, QWidget *parent = nullptr);

    void initializePage() override;
    // Back keeps what the clerk typed: QWizard's default resets the page's fields, and the
    // draft would then be saved empty.
    void cleanupPage() override {}
    bool isComplete() const override;
    bool validatePage() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void confirmWage();
    void invalidateConfirmation();
    void save();
    void showRefusal(const Error &error);

    OutboxService &m_outbox;
    AddDeclarationData &m_data;
    AddPersonPage *m_personPage;
    QLabel *m_who;
    CodeComboBox *m_startMonth;
    QLineEdit *m_wage;
    QPushButton *m_confirmButton;
    QLabel *m_wageError;
    QLabel *m_base;
    QLabel *m_clampWarning;
    QLabel *m_error;
    std::optional<ClampedBase> m_confirmed;
    QString m_confirmedFor; // "month|wage text" the confirmation is about
    bool m_saved = false;
    bool m_busy = false;
};

} // namespace shebao::ui
