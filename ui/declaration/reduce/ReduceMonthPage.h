#pragma once

#include <QWizardPage>

#include "models/core/Result.h"

class QLabel;

namespace shebao {
class OutboxService;
}

namespace shebao::ui {

class CodeComboBox;
struct ReduceDeclarationData;

// 异动减少, the last step: 停保年月 (the current month or up to two before) and 减少, which hands
// the item to the OutboxService. A refusal stays on the page with the server's message.
class ReduceMonthPage : public QWizardPage
{
    Q_OBJECT

public:
    ReduceMonthPage(OutboxService &outbox, ReduceDeclarationData &data, QWidget *parent = nullptr);

    void initializePage() override;
    // Back keeps what the clerk typed: QWizard's default resets the page's fields, and the
    // draft would then be saved empty.
    void cleanupPage() override {}
    bool isComplete() const override;
    bool validatePage() override;

private:
    void save();
    void showRefusal(const Error &error);

    OutboxService &m_outbox;
    ReduceDeclarationData &m_data;
    QLabel *m_summary;
    CodeComboBox *m_stopMonth;
    QLabel *m_error;
    bool m_saved = false;
    bool m_busy = false;
};

} // namespace shebao::ui
