#pragma once

#include <QWizardPage>

#include "models/core/Result.h"

class QLabel;
class QPushButton;
class QTableView;

namespace shebao {
class BillService;
}

namespace shebao::ui {

class ArrearsMonthModel;
struct ArrearsWizardData;

// 断档补缴, step 4: what the server computes for the request today — every month with its policy
// period, base, 单位 / 个人 per 险种, 本金, 滞纳天数 and 滞纳金, the totals (also in capitals), which
// policy table and periods were used — and 生成断档缴费单. Pressing it again after a lost answer
// never makes two bills (BillService keeps the idempotency key).
class ArrearsEstimatePage : public QWizardPage
{
    Q_OBJECT

public:
    ArrearsEstimatePage(BillService &service, ArrearsWizardData &data, QWidget *parent = nullptr);

    bool isComplete() const override;
    void initializePage() override;
    void cleanupPage() override;
    void generate();

signals:
    // A refusal about a field of an earlier page: the wizard goes back to it.
    void refused(const shebao::Error &error);

private:
    void estimate();
    void showEstimate();
    void showMessage(const QString &message, bool error);
    bool answerIsAboutEarlierPage(const Error &error);

    BillService &m_service;
    ArrearsWizardData &m_data;
    QLabel *m_policy;
    ArrearsMonthModel *m_model;
    QTableView *m_table;
    QLabel *m_totals;
    QPushButton *m_generate;
    QLabel *m_message;
    bool m_busy = false;
    int m_request = 0;
};

} // namespace shebao::ui
