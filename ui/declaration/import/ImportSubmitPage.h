#pragma once

#include <QList>
#include <QWizardPage>

#include "models/cache/OutboxStore.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace shebao {
class OutboxService;
}

namespace shebao::ui {

struct ImportData;

// 批量导入, step 3: the valid rows are added to 待申报 in one step (OutboxService::submitMany,
// with progress and 取消 for what is not sent yet). A 新增/续保 sheet does not say which of the
// two applies: OutboxService::submitImport lets the server's kind.mismatch settle it. The
// server's refusals are listed per row and shown on their cells in the preview.
class ImportSubmitPage : public QWizardPage
{
    Q_OBJECT

public:
    ImportSubmitPage(OutboxService &outbox, ImportData &data, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool isFinishedSubmitting() const { return m_finished; }

signals:
    void submitted();

private:
    void submit();
    void showOutcome(const QList<OutboxEntry> &entries);

    OutboxService &m_outbox;
    ImportData &m_data;
    QProgressBar *m_progressBar;
    QPushButton *m_cancelButton;
    QLabel *m_summary;
    QTableWidget *m_refusals;
    QList<DeclarationItem> m_items;
    QList<int> m_rowNumbers; // the sheet row of each item
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace shebao::ui
