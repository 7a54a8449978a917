#include "ui/declaration/submit/DeclarationPage.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

#include "app/DeclarationService.h"
#include "app/OutboxService.h"
#include "ui/declaration/submit/BatchesTab.h"
#include "ui/declaration/submit/DraftsTab.h"
#include "ui/declaration/submit/PendingTab.h"

namespace shebao::ui {

DeclarationPage::DeclarationPage(DeclarationService &declarations, OutboxService &outbox, Session &session,
                                 FormPrinter &printer, QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_pending(new PendingTab(declarations, session, printer, this))
    , m_batches(new BatchesTab(declarations, session, printer, this))
    , m_drafts(new DraftsTab(outbox, session, this))
{
    setObjectName(QStringLiteral("declarationPage"));
    setAccessibleName(tr("Declare and query"));
    auto *title = new QLabel(tr("Declare and query"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title->setFont(titleFont);

    m_tabs->setObjectName(QStringLiteral("declarationTabWidget"));
    m_tabs->setAccessibleName(tr("Declare and query"));
    m_tabs->addTab(m_pending, tr("Pendin&g items"));
    m_tabs->addTab(m_batches, tr("Declared &batches"));
    m_tabs->addTab(m_drafts, tr("Draf&ts"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_tabs, 1);

    connect(m_pending, &PendingTab::declared, this,
            [this](const DeclarationBatch &batch) { m_batches->refresh(batch.batchNo); });
    connect(m_drafts, &DraftsTab::resumeRequested, this, &DeclarationPage::resumeRequested);
    connect(m_drafts, &DraftsTab::countChanged, this, [this](int count) {
        m_tabs->setTabText(DraftsTabIndex, count > 0 ? tr("Draf&ts (%1)").arg(count) : tr("Draf&ts"));
    });
    // Items sent from the outbox join the pending list.
    connect(&outbox, &OutboxService::changed, this, [this] {
        if (isVisible())
            m_pending->refresh();
    });
    connect(&declarations, &DeclarationService::changed, this, [this] {
        if (isVisible())
            m_batches->refresh();
    });
}

void DeclarationPage::refresh()
{
    m_pending->refresh();
    m_batches->refresh();
    m_drafts->refresh();
}

void DeclarationPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

} // namespace shebao::ui
