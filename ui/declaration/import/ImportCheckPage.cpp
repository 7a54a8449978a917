#include "ui/declaration/import/ImportCheckPage.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "models/import/ImportChecker.h"
#include "ui/declaration/import/ImportData.h"
#include "ui/declaration/import/ImportPreviewModel.h"
#include "ui/widgets/TableSetup.h"

namespace shebao::ui {

ImportCheckPage::ImportCheckPage(ImportData &data, QWidget *parent)
    : QWizardPage(parent)
    , m_data(data)
    , m_progressBar(new QProgressBar(this))
    , m_cancelButton(new QPushButton(tr("&Cancel check"), this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_problems(new QListWidget(this))
{
    setObjectName(QStringLiteral("importCheckPage"));
    setTitle(tr("Check the file"));
    setSubTitle(tr("Every row is checked. Cells with a problem are red (error) or yellow (warning); point at a cell "
                   "or choose a problem in the list to see what is wrong. Only rows without errors are added."));
    setButtonText(QWizard::NextButton, tr("&Add to pending items"));
    m_progressBar->setObjectName(QStringLiteral("checkProgressBar"));
    m_progressBar->setAccessibleName(tr("Progress of the check"));
    m_cancelButton->setObjectName(QStringLiteral("cancelCheckButton"));
    m_cancelButton->setAccessibleName(tr("Cancel check"));
    m_summary->setObjectName(QStringLiteral("checkSummaryLabel"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("previewTableView"));
    m_table->setAccessibleName(tr("Rows of the file"));
    setUpTable(m_table, true);
    // Cells, not rows: a problem is about one cell.
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_problems->setObjectName(QStringLiteral("problemsListWidget"));
    m_problems->setAccessibleName(tr("Problems found"));
    if (!m_data.preview)
        m_data.preview = new ImportPreviewModel(this);
    m_table->setModel(m_data.preview);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressBar, 1);
    progressRow->addWidget(m_cancelButton);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_problems);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(progressRow);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    m_progressTimer.setInterval(50);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        if (!m_progress)
            return;
        const qsizetype total = m_progress->total.load();
        m_progressBar->setMaximum(total > 0 ? int(qMin<qsizetype>(total, INT_MAX)) : 0);
        m_progressBar->setValue(int(qMin<qsizetype>(m_progress->done.load(), INT_MAX)));
    });
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &ImportCheckPage::finished);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportCheckPage::cancel);
    connect(m_problems, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { goToProblem(m_problems->row(item)); });
    connect(m_problems, &QListWidget::currentRowChanged, this, &ImportCheckPage::goToProblem);
    connect(m_data.preview, &QAbstractItemModel::dataChanged, this, &ImportCheckPage::showProblems);
}

ImportCheckPage::~ImportCheckPage()
{
    // The worker reads m_progress only through its own shared pointer; still, do not leave it
    // running for a page that is gone.
    cancel();
    m_watcher.waitForFinished();
}

void ImportCheckPage::initializePage()
{
    start();
}

void ImportCheckPage::cleanupPage()
{
    cancel();
    m_watcher.waitForFinished();
}

void ImportCheckPage::start()
{
    cancel();
    m_watcher.waitForFinished();
    m_data.result.reset();
    m_data.preview->clear();
    m_problems->clear();
    m_progress = std::make_shared<Progress>();
    m_progressBar->setRange(0, 0);
    m_progressBar->setVisible(true);
    m_cancelButton->setVisible(true);
    m_cancelButton->setEnabled(true);
    m_summary->setText(tr("Reading and checking %1 ...").arg(QFileInfo(m_data.file).fileName()));
    const QString file = m_data.file;
    const ImportKind kind = m_data.kind;
    std::shared_ptr<Progress> progress = m_progress;
    m_watcher.setFuture(QtConcurrent::run([file, kind, progress] {
        Outcome outcome;
        outcome.sheet = ImportChecker::readFile(file);
        if (!outcome.sheet)
            return outcome;
        ImportCheckOptions options;
        options.progress = [progress](qsizetype done, qsizetype total) {
            progress->done = done;
            progress->total = total;
            return !progress->cancel.load();
        };
        // The worker is already off the UI thread; one checker thread leaves the other core
        // to the window.
        options.threads = 1;
        outcome.result = ImportChecker(std::move(options)).check(outcome.sheet.value(), kind);
        return outcome;
    }));
    m_progressTimer.start();
    emit completeChanged();
}

void ImportCheckPage::cancel()
{
    if (m_progress)
        m_progress->cancel = true;
    m_cancelButton->setEnabled(false);
}

void ImportCheckPage::finished()
{
    m_progressTimer.stop();
    m_cancelButton->setVisible(false);
    m_progressBar->setVisible(false);
    const Outcome outcome = m_watcher.result();
    if (!outcome.sheet || !outcome.result) {
        const Error &e = !outcome.sheet ? outcome.sheet.error() : outcome.result.error();
        m_summary->setText(e.code == u"import.cancelled" ? tr("The check was cancelled.") : e.message);
        emit completeChanged();
        return;
    }
    m_data.sheet = outcome.sheet.value();
    m_data.result = outcome.result.value();
    const ImportResult &r = *m_data.result;
    m_data.preview->setSheet(m_data.sheet, r.headerRow, r.problems);
    fitColumns(m_table);
    QString summary = tr("%1 data rows: %2 without errors, %3 with errors; %4 error(s) and %5 warning(s).")
                          .arg(r.rows)
                          .arg(r.valid)
                          .arg(r.rows - r.valid)
                          .arg(r.errorCount())
                          .arg(r.warningCount());
    if (!r.skippedRules.isEmpty())
        summary += QLatin1Char(' ') + tr("Rules that need the server (such as already contributing) are checked when "
                                         "the rows are added.");
    m_summary->setText(summary);
    showProblems();
    emit completeChanged();
}

void ImportCheckPage::showProblems()
{
    const int current = m_problems->currentRow();
    m_problems->clear();
    for (const ImportProblem &p : m_data.preview->problems()) {
        auto *item = new QListWidgetItem(
            tr("Row %1, %2: %3").arg(p.row).arg(p.column.isEmpty() ? tr("(row)") : p.column, p.message), m_problems);
        item->setForeground(p.isError() ? QColor(0xc0, 0x00, 0x00) : QColor(0x8a, 0x5a, 0x00));
    }
    if (current >= 0 && current < m_problems->count())
        m_problems->setCurrentRow(current);
}

void ImportCheckPage::goToProblem(int listRow)
{
    if (listRow < 0 || listRow >= m_data.preview->problems().size())
        return;
    const QModelIndex cell = m_data.preview->indexOf(m_data.preview->problems().at(listRow));
    if (!cell.isValid())
        return;
    m_table->setCurrentIndex(cell);
    m_table->scrollTo(cell);
}

bool ImportCheckPage::isComplete() const
{
    return m_data.result && m_data.result->valid > 0 && !m_watcher.isRunning();
}

} // namespace shebao::ui
