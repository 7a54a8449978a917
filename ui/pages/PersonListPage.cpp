#include "ui/pages/PersonListPage.h"

#include <QAction>
#include <QDir>
#include <QStandardPaths>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "models/export/XlsxExport.h"
#include "models/itemmodels/PersonFilterModel.h"
#include "models/itemmodels/PersonTableModel.h"
#include "ui/widgets/FileDialog.h"

namespace shebao {

PersonListPage::PersonListPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new PersonTableModel(this))
    , m_filter(new PersonFilterModel(this))
    , m_filterLineEdit(new QLineEdit(this))
    , m_personTableView(new QTableView(this))
    , m_revealIdButton(new QPushButton(this))
    , m_exportButton(new QPushButton(tr("E&xport to Excel..."), this))
    , m_revealIdAction(new QAction(this))
    , m_countLabel(new QLabel(this))
    , m_emptyLabel(new QLabel(tr("No people in the local copy yet. Use Sync while online to fetch the staff list."), this))
    , m_exportLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("personListPage"));
    setAccessibleName(tr("Staff list"));
    m_filter->setPersonModel(m_model);

    m_filterLineEdit->setObjectName(QStringLiteral("filterLineEdit"));
    m_filterLineEdit->setPlaceholderText(tr("Filter by name or ID number"));
    m_filterLineEdit->setAccessibleName(tr("Filter by name or ID number"));
    m_filterLineEdit->setClearButtonEnabled(true);
    m_filterLineEdit->setToolTip(tr("Type a name, an ID number or a person number (Ctrl+F)"));
    m_filterLineEdit->installEventFilter(this);

    m_personTableView->setObjectName(QStringLiteral("personTableView"));
    m_personTableView->setAccessibleName(tr("People of the unit"));
    m_personTableView->setModel(m_filter);
    m_personTableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_personTableView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_personTableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_personTableView->setAlternatingRowColors(true);
    m_personTableView->setWordWrap(false);
    // Fixed row heights keep 100,000 rows cheap: no per-row measuring on every filter change.
    m_personTableView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_personTableView->verticalHeader()->setDefaultSectionSize(m_personTableView->fontMetrics().height() + 8);
    m_personTableView->horizontalHeader()->setStretchLastSection(true);
    // Column widths come from the first rows only: the values have fixed shapes (dates, codes).
    m_personTableView->horizontalHeader()->setResizeContentsPrecision(200);
    m_personTableView->setContextMenuPolicy(Qt::CustomContextMenu);

    m_revealIdAction->setObjectName(QStringLiteral("revealIdAction"));
    m_revealIdAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_revealIdAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_revealIdAction);
    m_revealIdButton->setObjectName(QStringLiteral("revealIdButton"));
    connect(m_revealIdAction, &QAction::triggered, this, &PersonListPage::toggleRevealSelected);
    connect(m_revealIdButton, &QPushButton::clicked, this, &PersonListPage::toggleRevealSelected);

    m_exportButton->setObjectName(QStringLiteral("exportExcelButton"));
    m_exportButton->setAccessibleName(tr("Export to Excel"));
    m_exportButton->setToolTip(tr("Save the whole staff list (full ID numbers) as an .xlsx workbook"));
    m_exportLabel->setObjectName(QStringLiteral("exportResultLabel"));
    m_exportLabel->setWordWrap(true);
    m_exportLabel->setVisible(false);
    connect(m_exportButton, &QPushButton::clicked, this, &PersonListPage::exportExcel);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_countLabel->setAccessibleName(tr("Number of people"));
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setWordWrap(true);

    auto *title = new QLabel(tr("Staff list"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title->setFont(titleFont);

    auto *filterLabel = new QLabel(tr("Fil&ter:"), this);
    filterLabel->setBuddy(m_filterLineEdit);
    auto *top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filterLineEdit, 1);
    top->addWidget(m_revealIdButton);
    top->addWidget(m_exportButton);
    top->addWidget(m_countLabel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(top);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(m_personTableView, 1);
    layout->addWidget(m_exportLabel);

    setTabOrder(m_filterLineEdit, m_revealIdButton);
    setTabOrder(m_revealIdButton, m_exportButton);
    setTabOrder(m_exportButton, m_personTableView);

    connect(m_filterLineEdit, &QLineEdit::textChanged, m_filter, &PersonFilterModel::setFilterText);
    connect(m_filter, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_keptSourceRow = selectedSourceRow();
        m_keptPersonId = m_keptSourceRow < 0 ? 0 : m_model->personAt(m_keptSourceRow).id;
    });
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        // Keep the clerk's selection when the person is still shown.
        if (m_keptSourceRow >= 0 && m_keptSourceRow < m_model->rowCount()
            && m_model->personAt(m_keptSourceRow).id == m_keptPersonId) {
            const QModelIndex kept = m_filter->mapFromSource(m_model->index(m_keptSourceRow, 0));
            if (kept.isValid()) {
                m_personTableView->selectRow(kept.row());
                m_personTableView->scrollTo(kept);
            }
        }
        updateCount();
        updateRevealAction();
    });
    connect(m_filter, &QAbstractItemModel::dataChanged, this, &PersonListPage::updateRevealAction);
    connect(m_personTableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PersonListPage::updateRevealAction);
    connect(m_personTableView, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_personTableView->indexAt(pos);
        if (index.isValid())
            m_personTableView->selectRow(index.row());
        QMenu menu(this);
        menu.setObjectName(QStringLiteral("personContextMenu"));
        menu.addAction(m_revealIdAction);
        menu.exec(m_personTableView->viewport()->mapToGlobal(pos));
    });
    updateCount();
    updateRevealAction();
}

void PersonListPage::setPersons(QList<Person> persons)
{
    m_model->setPersons(std::move(persons));
    if (!m_columnsSized && m_model->rowCount() > 0) {
        // Once, on the first non-empty snapshot.
        m_personTableView->resizeColumnsToContents();
        // Sized on masked numbers; a revealed one must fit too.
        const int idWidth = m_personTableView->fontMetrics().horizontalAdvance(QStringLiteral("000000000000000000")) + 16;
        QHeaderView *header = m_personTableView->horizontalHeader();
        header->resizeSection(PersonTableModel::IdNumberColumn,
                              qMax(header->sectionSize(PersonTableModel::IdNumberColumn), idWidth));
        m_columnsSized = true;
    }
}

bool PersonListPage::eventFilter(QObject *watched, QEvent *event)
{
    // Down or Enter in the filter moves on to the table, so the keyboard never has to Tab around.
    if (watched == m_filterLineEdit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Down || key == Qt::Key_Return || key == Qt::Key_Enter) && m_filter->rowCount() > 0) {
            m_personTableView->setFocus(Qt::TabFocusReason);
            if (!m_personTableView->selectionModel()->hasSelection())
                m_personTableView->selectRow(0);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PersonListPage::focusFilter()
{
    m_filterLineEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterLineEdit->selectAll();
}

int PersonListPage::selectedSourceRow() const
{
    const QModelIndexList rows = m_personTableView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    return m_filter->sourceRowOf(rows.first().row());
}

void PersonListPage::toggleRevealSelected()
{
    const int row = selectedSourceRow();
    if (row < 0)
        return;
    m_model->setRevealed(row, !m_model->isRevealed(row));
    updateRevealAction();
}

void PersonListPage::updateRevealAction()
{
    const int row = selectedSourceRow();
    const bool revealed = row >= 0 && m_model->isRevealed(row);
    const QString text = revealed ? tr("Hide &ID number") : tr("Show &ID number");
    m_revealIdAction->setText(text);
    m_revealIdAction->setEnabled(row >= 0);
    m_revealIdButton->setText(text);
    m_revealIdButton->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    m_revealIdButton->setEnabled(row >= 0);
    m_revealIdButton->setToolTip(tr("Show or hide the full ID number of the selected person (Ctrl+I)"));
}

void PersonListPage::setUnit(const std::optional<Unit> &unit)
{
    m_unit = unit;
    updateCount();
}

void PersonListPage::exportExcel()
{
    if (!m_unit || m_model->rowCount() == 0)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = ui::FileDialog::getSaveFileName(
        this, tr("Export the staff list to Excel"),
        QDir(dir).filePath(tr("Staff list") + QLatin1Char(' ') + m_unit->unitNo + QStringLiteral(".xlsx")),
        tr("Excel workbooks (*.xlsx)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive))
        path += QStringLiteral(".xlsx");
    QList<Person> persons;
    persons.reserve(m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row)
        persons.append(m_model->personAt(row));
    Result<void> written = XlsxExport::persons(*m_unit, persons, path);
    m_exportLabel->setText(written ? tr("Exported %n people to %1.", nullptr, int(persons.size()))
                                         .arg(QDir::toNativeSeparators(path))
                                   : written.error().message);
    m_exportLabel->setVisible(true);
}

void PersonListPage::updateCount()
{
    m_exportButton->setEnabled(m_unit.has_value() && m_model->rowCount() > 0);
    m_countLabel->setText(tr("%1 people / %2 shown").arg(m_filter->totalCount()).arg(m_filter->rowCount()));
    m_emptyLabel->setVisible(m_filter->totalCount() == 0);
}

} // namespace shebao
