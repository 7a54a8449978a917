#include "ui/declaration/submit/BatchesTab.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/DeclarationService.h"
#include "app/Session.h"
#include "models/cache/LocalCache.h"
#include "models/validation/IdNumber.h"
#include "ui/declaration/DeclarationText.h"
#include "ui/declaration/submit/BatchFormActions.h"
#include "ui/declaration/submit/BatchTableModel.h"
#include "ui/widgets/CodeComboBox.h"
#include "ui/widgets/TableSetup.h"

namespace shebao::ui {

namespace {
enum Action { Reprint, SavePdf, ExportXlsx };
}

BatchesTab::BatchesTab(DeclarationService &service, Session &session, FormPrinter &printer, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_session(session)
    , m_printer(printer)
    , m_model(new BatchTableModel(this))
    , m_stateFilter(new CodeComboBox(this))
    , m_table(new QTableView(this))
    , m_history(new QLabel(this))
    , m_items(new QTableWidget(this))
    , m_status(new QLabel(this))
    , m_refresh(new QPushButton(tr("Re&load"), this))
    , m_reprint(new QPushButton(tr("Print the staff change declaration form (authorized units only)"), this))
    , m_savePdf(new QPushButton(tr("&Save as PDF..."), this))
    , m_exportXlsx(new QPushButton(tr("E&xport to Excel..."), this))
{
    setObjectName(QStringLiteral("batchesTab"));
    m_stateFilter->setObjectName(QStringLiteral("batchStateComboBox"));
    m_stateFilter->setAccessibleName(tr("Batch state"));
    QList<QPair<QString, QString>> states;
    for (BatchState s : {BatchState::Declared, BatchState::AwaitingPaper, BatchState::Accepted, BatchState::Effective,
                         BatchState::Returned})
        states.append({DeclarationText::batchStateName(s), batchStateCode(s)});
    m_stateFilter->setEntries(states, tr("All states"));
    const std::pair<QPushButton *, const char *> buttons[] = {{m_refresh, "refreshBatchesButton"},
                                                              {m_reprint, "reprintButton"},
                                                              {m_savePdf, "batchSavePdfButton"},
                                                              {m_exportXlsx, "exportXlsxButton"}};
    for (const auto &[button, name] : buttons) {
        button->setObjectName(QString::fromLatin1(name));
        button->setAccessibleName(button->text().remove(u'&').remove(QStringLiteral("...")));
    }

    m_table->setObjectName(QStringLiteral("batchesTableView"));
    m_table->setAccessibleName(tr("Declared batches"));
    m_table->setModel(m_model);
    setUpTable(m_table);
    fitColumns(m_table);
    m_history->setObjectName(QStringLiteral("batchHistoryLabel"));
    m_history->setWordWrap(true);
    m_items->setObjectName(QStringLiteral("batchItemsTableWidget"));
    m_items->setAccessibleName(tr("Items of the batch"));
    m_items->setColumnCount(5);
    m_items->setHorizontalHeaderLabels({tr("Kind"), tr("Name"), tr("ID number"), tr("Month"), tr("State")});
    setUpTable(m_items);
    m_status->setObjectName(QStringLiteral("batchStatusLabel"));
    m_status->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_stateFilter);
    top->addWidget(m_refresh);
    top->addStretch();
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_reprint);
    actions->addWidget(m_savePdf);
    actions->addWidget(m_exportXlsx);
    actions->addStretch();
    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_history);
    detailLayout->addWidget(m_items, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(detail);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);
    layout->addWidget(m_status);

    connect(m_refresh, &QPushButton::clicked, this, [this] { refresh(); });
    connect(m_stateFilter, &CodeComboBox::codeChanged, this, [this] { refresh(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &BatchesTab::loadDetail);
    connect(m_reprint, &QPushButton::clicked, this, [this] { run(Reprint); });
    connect(m_savePdf, &QPushButton::clicked, this, [this] { run(SavePdf); });
    connect(m_exportXlsx, &QPushButton::clicked, this, [this] { run(ExportXlsx); });
    showDetail({});
    m_detail.reset();
    for (QPushButton *b : {m_reprint, m_savePdf, m_exportXlsx})
        b->setEnabled(false);
}

void BatchesTab::showState(const QString &stateCode)
{
    if (m_stateFilter->code() != stateCode)
        m_stateFilter->setCode(stateCode); // refreshes
    else
        refresh();
}

void BatchesTab::refresh(const QString &selectBatchNo)
{
    if (!selectBatchNo.isEmpty())
        m_selectAfterRefresh = selectBatchNo;
    else if (m_detail)
        m_selectAfterRefresh = m_detail->batchNo;
    std::optional<BatchState> state;
    BatchState parsed;
    if (parseBatchState(m_stateFilter->code(), &parsed))
        state = parsed;
    m_refresh->setEnabled(false);
    m_service.batches(state, this, [this](Result<QList<DeclarationBatch>> result) {
        m_refresh->setEnabled(true);
        if (!result) {
            m_status->setText(result.error().message);
            return;
        }
        m_model->setBatches(std::move(result).value());
        fitColumns(m_table);
        const int row = m_model->rowOf(std::exchange(m_selectAfterRefresh, QString()));
        if (m_model->rowCount() > 0)
            m_table->selectRow(row >= 0 ? row : 0);
        m_status->setText(m_model->rowCount() == 0 ? tr("No batches declared yet.") : QString());
    });
}

void BatchesTab::loadDetail()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return;
    const QString batchNo = m_model->batchAt(current.row()).batchNo;
    const int request = ++m_request;
    m_service.batch(batchNo, this, [this, request](Result<DeclarationBatch> result) {
        if (request != m_request)
            return;
        if (!result) {
            m_status->setText(result.error().message);
            return;
        }
        showDetail(result.value());
    });
}

void BatchesTab::showDetail(const DeclarationBatch &batch)
{
    m_detail = batch;
    QStringList history;
    for (const BatchEvent &event : batch.history) {
        QString line = QStringLiteral("%1  %2").arg(event.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                    DeclarationText::batchStateName(event.state));
        if (!event.note.isEmpty())
            line += QStringLiteral(" — ") + event.note;
        history.append(line);
    }
    if (batch.state == BatchState::Returned && !batch.returnReason.isEmpty())
        history.append(tr("Returned: %1").arg(batch.returnReason));
    m_history->setText(batch.batchNo.isEmpty() ? tr("Select a batch to see its items and history.")
                                               : tr("Batch %1, reporter %2, phone %3\n%4")
                                                     .arg(batch.batchNo, batch.reporter, batch.phone,
                                                          history.join(QLatin1Char('\n'))));
    m_items->setRowCount(int(batch.items.size()));
    for (int row = 0; row < batch.items.size(); ++row) {
        const DeclarationItem &item = batch.items.at(row);
        const QStringList cells{DeclarationText::kindName(item.kind), item.name, IdNumber::mask(item.idNumber),
                                DeclarationText::month(item.isReduce() ? item.stopMonth : item.startMonth),
                                DeclarationText::itemStateName(item.state)};
        for (int column = 0; column < cells.size(); ++column)
            m_items->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    fitColumns(m_items);
    const bool any = !batch.batchNo.isEmpty();
    // Only a batch on paper has a form to hand in; any batch can be exported.
    const bool paper = any && !batch.isSigned;
    m_reprint->setEnabled(paper);
    m_savePdf->setEnabled(paper);
    m_exportXlsx->setEnabled(any);
}

void BatchesTab::run(int action)
{
    if (!m_detail || m_detail->batchNo.isEmpty())
        return;
    LocalCache *cache = m_session.cache();
    const Unit unit = cache && cache->unit() ? *cache->unit() : Unit{};
    QString text;
    if (action == Reprint)
        text = BatchFormActions::preview(this, m_printer, *m_detail, unit, cache);
    else if (action == SavePdf)
        text = BatchFormActions::savePdf(this, *m_detail, unit, cache);
    else
        text = BatchFormActions::exportXlsx(this, *m_detail, unit);
    if (!text.isEmpty())
        m_status->setText(text);
}

} // namespace shebao::ui
