#include "ui/declaration/import/ImportSubmitPage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/ApiErrors.h"
#include "app/ImportItems.h"
#include "app/OutboxService.h"
#include "ui/declaration/import/ImportData.h"
#include "ui/declaration/import/ImportPreviewModel.h"
#include "ui/widgets/TableSetup.h"

namespace shebao::ui {

ImportSubmitPage::ImportSubmitPage(OutboxService &outbox, ImportData &data, QWidget *parent)
    : QWizardPage(parent)
    , m_outbox(outbox)
    , m_data(data)
    , m_progressBar(new QProgressBar(this))
    , m_cancelButton(new QPushButton(tr("&Cancel"), this))
    , m_summary(new QLabel(this))
    , m_refusals(new QTableWidget(this))
{
    setObjectName(QStringLiteral("importSubmitPage"));
    setTitle(tr("Add to the pending items"));
    m_progressBar->setObjectName(QStringLiteral("submitProgressBar"));
    m_progressBar->setAccessibleName(tr("Progress of adding the rows"));
    m_cancelButton->setObjectName(QStringLiteral("cancelSubmitButton"));
    m_cancelButton->setAccessibleName(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Rows not sent yet are not added; rows already added stay pending."));
    m_summary->setObjectName(QStringLiteral("submitSummaryLabel"));
    m_summary->setWordWrap(true);
    m_refusals->setObjectName(QStringLiteral("refusalsTableWidget"));
    m_refusals->setAccessibleName(tr("Rows the server refused"));
    m_refusals->setColumnCount(3);
    m_refusals->setHorizontalHeaderLabels({tr("Row"), tr("Name"), tr("Why")});
    setUpTable(m_refusals);
    m_refusals->setVisible(false);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressBar, 1);
    progressRow->addWidget(m_cancelButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(progressRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_refusals, 1);
    layout->addStretch(); // keeps the summary at the top when nothing was refused

    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        m_cancelled = true;
        m_cancelButton->setEnabled(false);
    });
}

void ImportSubmitPage::initializePage()
{
    m_items.clear();
    m_rowNumbers.clear();
    m_finished = false;
    m_cancelled = false;
    m_refusals->setRowCount(0);
    m_refusals->setVisible(false);
    m_cancelButton->setEnabled(true);
    m_cancelButton->setVisible(true);
    m_progressBar->setVisible(true);
    if (!m_data.result)
        return;
    if (m_data.result->kind == ImportKind::Add) {
        for (const AddImportItem &row : m_data.result->addItems) {
            if (row.valid) {
                m_items.append(declarationItem(row));
                m_rowNumbers.append(row.row);
            }
        }
        submit();
    } else {
        for (const ReduceImportItem &row : m_data.result->reduceItems) {
            if (row.valid) {
                m_items.append(declarationItem(row));
                m_rowNumbers.append(row.row);
            }
        }
        submit();
    }
    emit completeChanged();
}

void ImportSubmitPage::submit()
{
    m_progressBar->setRange(0, int(m_items.size()));
    m_progressBar->setValue(0);
    m_summary->setText(tr("Adding %n row(s) to the pending items ...", nullptr, int(m_items.size())));
    auto progress = [this](int done, int total) {
        m_progressBar->setRange(0, total);
        m_progressBar->setValue(done);
        return !m_cancelled;
    };
    auto done = [this](Result<QList<OutboxEntry>> result) {
            if (!result) {
                m_summary->setText(result.error().message);
                m_finished = true;
                m_cancelButton->setVisible(false);
                emit completeChanged();
                return;
            }
            showOutcome(result.value());
    };
    // A 新增/续保 sheet does not say which of the two applies: submitImport lets the server's
    // kind.mismatch decide, without a lookup per row.
    if (m_data.result && m_data.result->kind == ImportKind::Add)
        m_outbox.submitImport(m_items, progress, done);
    else
        m_outbox.submitMany(m_items, progress, done);
}

void ImportSubmitPage::showOutcome(const QList<OutboxEntry> &entries)
{
    m_finished = true;
    m_cancelButton->setVisible(false);
    m_progressBar->setVisible(false);
    int sent = 0;
    int queued = 0;
    int cancelled = 0;
    QList<ImportProblem> problems;
    for (int i = 0; i < entries.size(); ++i) {
        const OutboxEntry &entry = entries.at(i);
        if (entry.error.code == u"outbox.cancelled") {
            ++cancelled;
            continue;
        }
        if (entry.state == OutboxEntry::State::Sent) {
            ++sent;
            continue;
        }
        if (entry.state == OutboxEntry::State::Queued) {
            ++queued;
            continue;
        }
        const int rowNumber = i < m_rowNumbers.size() ? m_rowNumbers.at(i) : 0;
        QStringList messages{entry.error.message};
        QString column = importColumnOfField(entry.error.field);
        for (const QJsonValue &value : api::problemOf(entry.error).value(QLatin1String("errors")).toArray()) {
            const QJsonObject e = value.toObject();
            const QString detail = e.value(QLatin1String("detail")).toString();
            if (!detail.isEmpty() && !messages.contains(detail))
                messages.append(detail);
            if (column.isEmpty())
                column = importColumnOfField(e.value(QLatin1String("field")).toString());
        }
        const int row = m_refusals->rowCount();
        m_refusals->insertRow(row);
        m_refusals->setItem(row, 0, new QTableWidgetItem(QString::number(rowNumber)));
        m_refusals->setItem(row, 1, new QTableWidgetItem(entry.item.name));
        m_refusals->setItem(row, 2, new QTableWidgetItem(messages.join(QStringLiteral("; "))));
        problems.append({rowNumber, column, entry.error.code, ImportProblem::Severity::Error,
                         messages.join(QStringLiteral("; "))});
    }
    if (m_data.preview)
        m_data.preview->addProblems(problems);
    fitColumns(m_refusals);
    m_refusals->setVisible(!problems.isEmpty());
    const int notSent = cancelled + int(m_items.size()) - int(entries.size());
    QString summary = tr("%1 row(s) added to the pending items.").arg(sent);
    if (sent > 0)
        summary += QLatin1Char(' ') + tr("Declare them under \"Declare and query\".");
    if (queued > 0)
        summary += QLatin1Char(' ') + tr("%1 row(s) are saved on this computer and will be sent when the connection "
                                         "is back.")
                                          .arg(queued);
    if (!problems.isEmpty())
        summary += QLatin1Char(' ') + tr("%1 row(s) were refused by the server (listed below); they are kept under "
                                         "Drafts until you correct or delete them.")
                                          .arg(problems.size());
    if (notSent > 0)
        summary += QLatin1Char(' ') + tr("%1 row(s) were not sent because you cancelled.").arg(notSent);
    m_summary->setText(summary);
    emit completeChanged();
    emit submitted();
}

bool ImportSubmitPage::isComplete() const
{
    return m_finished;
}

} // namespace shebao::ui
