#pragma once

#include <QWidget>

class QTabWidget;

namespace shebao {
class DeclarationService;
class OutboxService;
class Session;
struct Draft;
} // namespace shebao

namespace shebao::ui {

class BatchesTab;
class DraftsTab;
class FormPrinter;
class PendingTab;

// 异动申报 → 申报及查询: 待申报 (declare), 申报查询 (past batches) and 草稿 (drafts, unsent items).
class DeclarationPage : public QWidget
{
    Q_OBJECT

public:
    enum Tab { PendingTabIndex, BatchesTabIndex, DraftsTabIndex };

    DeclarationPage(DeclarationService &declarations, OutboxService &outbox, Session &session, FormPrinter &printer,
                    QWidget *parent = nullptr);

    void refresh();
    void showTab(Tab tab);
    PendingTab *pendingTab() const { return m_pending; }
    BatchesTab *batchesTab() const { return m_batches; }
    DraftsTab *draftsTab() const { return m_drafts; }

signals:
    void resumeRequested(const shebao::Draft &draft);

private:
    QTabWidget *m_tabs;
    PendingTab *m_pending;
    BatchesTab *m_batches;
    DraftsTab *m_drafts;
};

} // namespace shebao::ui
