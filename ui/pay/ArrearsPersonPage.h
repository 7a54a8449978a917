#pragma once

#include <QWizardPage>

#include "models/core/Result.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace shebao {
class BillService;
}

namespace shebao::ui {

struct ArrearsWizardData;

// 断档补缴, step 1 (guide: 输入身份证号): the person's 公民身份号码 and, optionally, 用工起始年月 (the
// month the unit really hired them, when it enrolled them late) → 查询断档 → the units where the
// person has gaps. Enter in either field looks up.
class ArrearsPersonPage : public QWizardPage
{
    Q_OBJECT

public:
    ArrearsPersonPage(BillService &service, ArrearsWizardData &data, QWidget *parent = nullptr);

    bool isComplete() const override;
    void initializePage() override;
    void cleanupPage() override {}
    // A refusal about this page's fields (from here or from a later step) under its field.
    bool showRefusal(const Error &error);
    void lookup();

signals:
    // The gaps arrived: the wizard moves on.
    void found();

private:
    void invalidate();

    BillService &m_service;
    ArrearsWizardData &m_data;
    QLineEdit *m_idNumber;
    QLabel *m_idError;
    QLineEdit *m_employedFrom;
    QLabel *m_employedError;
    QPushButton *m_lookupButton;
    QLabel *m_status;
    bool m_busy = false;
    int m_request = 0;
};

} // namespace shebao::ui
