#pragma once

#include <QWizardPage>

#include "models/core/Result.h"

class QLabel;
class QLineEdit;
class QRadioButton;

namespace shebao::ui {

struct ArrearsWizardData;

// 断档补缴, step 3 (guide: 选择不参与单位结算): 缴费工资 (the person's last wage base suggested), the
// settlement — 不参与单位结算 chosen, 参与单位结算 shown disabled with the reason — and optionally
// 补缴起止年月 to pay back only part of the gaps. 下一步 checks what needs no server and makes the
// request the estimate is computed for.
class ArrearsOptionsPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ArrearsOptionsPage(ArrearsWizardData &data, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override {}
    bool validatePage() override;
    // A refusal about this page's fields under its field; false when it is about none of them.
    bool showRefusal(const Error &error);

private:
    void clearErrors();

    ArrearsWizardData &m_data;
    QLineEdit *m_wage;
    QLabel *m_wageError;
    QRadioButton *m_separate;
    QRadioButton *m_unitSettlement;
    QLabel *m_settlementError;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QLabel *m_monthsError;
    QLabel *m_monthsHint;
    QString m_suggestedFor; // "<id number>/<unit>" whose suggested wage the field was given
};

} // namespace shebao::ui
