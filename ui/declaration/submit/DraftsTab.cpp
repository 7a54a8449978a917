#include "ui/declaration/submit/DraftsTab.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/OutboxService.h"
#include "app/Session.h"
#include "models/cache/DraftStore.h"
#include "models/cache/LocalCache.h"
#include "ui/declaration/DeclarationText.h"
#include "ui/declaration/add/AddWizard.h"
#include "ui/declaration/reduce/ReduceWizard.h"
#include "ui/widgets/MessageBox.h"
#include "ui/widgets/TableSetup.h"

namespace shebao::ui {

namespace {
constexpr int SourceRole = Qt::UserRole + 1; // "draft" | "outbox"
constexpr int IdRole = Qt::UserRole + 2;
constexpr int StateRole = Qt::UserRole + 3;
const QString DraftSource = QStringLiteral("draft");
const QString OutboxSource = QStringLiteral("outbox");
} // namespace

DraftsTab::DraftsTab(OutboxService &outbox, Session &session, QWidget *parent)
    : QWidget(parent)
    , m_outbox(outbox)
    , m_session(session)
    , m_table(new QTableWidget(this))
    , m_resume(new QPushButton(tr("&Continue"), this))
    , m_send(new QPushButton(tr("Send &now"), this))
    , m_correct(new QPushButton(tr("Co&rrect"), this))
    , m_discard(new QPushButton(tr("De&lete"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("draftsTab"));
    m_table->setObjectName(QStringLiteral("draftsTableWidget"));
    m_table->setAccessibleName(tr("Drafts and unsent items"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("What"), tr("Content"), tr("Last change"), tr("Note")});
    setUpTable(m_table);
    m_resume->setObjectName(QStringLiteral("resumeDraftButton"));
    m_send->setObjectName(QStringLiteral("sendNowButton"));
    m_correct->setObjectName(QStringLiteral("correctButton"));
    m_correct->setToolTip(tr("Open the refused item in its wizard to correct it; the refused entry goes once the "
                             "correction is saved"));
    m_discard->setObjectName(QStringLiteral("discardButton"));
    for (QPushButton *b : {m_resume, m_send, m_correct, m_discard})
        b->setAccessibleName(b->text().remove(u'&'));
    m_status->setObjectName(QStringLiteral("draftsStatusLabel"));
    m_status->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_resume);
    buttons->addWidget(m_send);
    buttons->addWidget(m_correct);
    buttons->addWidget(m_discard);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(m_resume, &QPushButton::clicked, this, &DraftsTab::resumeCurrent);
    connect(m_table, &QTableWidget::cellActivated, this, &DraftsTab::resumeCurrent);
    connect(m_send, &QPushButton::clicked, this, &DraftsTab::sendNow);
    connect(m_correct, &QPushButton::clicked, this, &DraftsTab::correctCurrent);
    connect(m_discard, &QPushButton::clicked, this, &DraftsTab::discardCurrent);
    connect(m_table, &QTableWidget::currentCellChanged, this, &DraftsTab::updateButtons);
    connect(&m_outbox, &OutboxService::changed, this, &DraftsTab::refresh);
    updateButtons();
}

void DraftsTab::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}

int DraftsTab::rowCount() const
{
    return m_table->rowCount();
}

void DraftsTab::refresh()
{
    m_table->setRowCount(0);
    LocalCache *cache = m_session.cache();
    if (!cache) {
        updateButtons();
        return;
    }
    auto addRow = [this](const QString &source, qint64 id, const QString &what, const QString &content,
                         const QDateTime &at, const QString &note, int state) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList cells{what, content, at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), note};
        for (int column = 0; column < cells.size(); ++column) {
            auto *cell = new QTableWidgetItem(cells.at(column));
            cell->setData(SourceRole, source);
            cell->setData(IdRole, id);
            cell->setData(StateRole, state);
            if (column == 3)
                cell->setToolTip(note);
            m_table->setItem(row, column, cell);
        }
    };
    QStringList errors;
    if (Result<QList<Draft>> drafts = DraftStore(*cache).list(); drafts) {
        for (const Draft &draft : drafts.value()) {
            if (!draft.kind.startsWith(QLatin1String("declaration.")))
                continue;
            addRow(DraftSource, draft.id, tr("Draft"), draft.title, draft.updatedAt, tr("Not saved yet: continue it"),
                   -1);
        }
    } else {
        errors.append(drafts.error().message);
    }
    if (Result<QList<OutboxEntry>> entries = m_outbox.unsettled(); entries) {
        for (const OutboxEntry &entry : entries.value()) {
            addRow(OutboxSource, entry.id, DeclarationText::outboxStateName(entry.state),
                   DeclarationText::itemSummary(entry.item), entry.updatedAt, entry.error.message, int(entry.state));
        }
    } else {
        errors.append(entries.error().message);
    }
    fitColumns(m_table);
    // The keyboard can act at once: the newest entry is current.
    if (m_table->rowCount() > 0)
        m_table->setCurrentCell(0, 0);
    m_status->setText(errors.isEmpty() ? (m_table->rowCount() == 0 ? tr("No drafts and nothing waiting to be sent.")
                                                                   : QString())
                                       : errors.join(QLatin1Char('\n')));
    updateButtons();
    emit countChanged(m_table->rowCount());
}

void DraftsTab::updateButtons()
{
    const QTableWidgetItem *cell = m_table->item(m_table->currentRow(), 0);
    const bool draft = cell && cell->data(SourceRole).toString() == DraftSource;
    const bool outbox = cell && cell->data(SourceRole).toString() == OutboxSource;
    m_resume->setEnabled(draft);
    m_send->setEnabled(outbox);
    m_correct->setEnabled(outbox && cell->data(StateRole).toInt() == int(OutboxEntry::State::Refused));
    m_discard->setEnabled(draft || outbox);
}

void DraftsTab::resumeCurrent()
{
    const QTableWidgetItem *cell = m_table->item(m_table->currentRow(), 0);
    LocalCache *cache = m_session.cache();
    if (!cell || !cache || cell->data(SourceRole).toString() != DraftSource)
        return;
    Result<std::optional<Draft>> draft = DraftStore(*cache).load(cell->data(IdRole).toLongLong());
    if (!draft || !draft.value()) {
        m_status->setText(draft ? tr("The draft no longer exists.") : draft.error().message);
        refresh();
        return;
    }
    emit resumeRequested(*draft.value());
}

void DraftsTab::sendNow()
{
    const QTableWidgetItem *cell = m_table->item(m_table->currentRow(), 0);
    LocalCache *cache = m_session.cache();
    if (!cell || !cache || cell->data(SourceRole).toString() != OutboxSource)
        return;
    const qint64 id = cell->data(IdRole).toLongLong();
    if (cell->data(StateRole).toInt() == int(OutboxEntry::State::Refused)) {
        // Sent again as it was: for a conflict that went away (the other unit ended the enrolment).
        Result<std::optional<OutboxEntry>> entry = OutboxStore(*cache).entry(id);
        if (entry && entry.value()) {
            m_outbox.retry(id, entry.value()->item, [this](Result<OutboxEntry> result) {
                m_status->setText(result ? DeclarationText::outboxStateName(result.value().state) + QStringLiteral(": ")
                                               + DeclarationText::itemSummary(result.value().item)
                                         : result.error().message);
                refresh();
            });
        }
        return;
    }
    m_outbox.flush();
    m_status->setText(tr("Sending what is waiting ..."));
}

void DraftsTab::correctCurrent()
{
    const QTableWidgetItem *cell = m_table->item(m_table->currentRow(), 0);
    LocalCache *cache = m_session.cache();
    if (!cell || !cache || cell->data(SourceRole).toString() != OutboxSource)
        return;
    Result<std::optional<OutboxEntry>> entry = OutboxStore(*cache).entry(cell->data(IdRole).toLongLong());
    if (!entry || !entry.value()) {
        m_status->setText(entry ? tr("The draft no longer exists.") : entry.error().message);
        refresh();
        return;
    }
    const OutboxEntry &refused = *entry.value();
    emit resumeRequested(refused.item.isReduce() ? ReduceWizard::draftFor(refused) : AddWizard::draftFor(refused));
}

void DraftsTab::discardCurrent()
{
    const QTableWidgetItem *cell = m_table->item(m_table->currentRow(), 0);
    LocalCache *cache = m_session.cache();
    if (!cell || !cache)
        return;
    const QString content = m_table->item(m_table->currentRow(), 1)->text();
    if (!MessageBox::confirm(this, tr("Delete"), tr("Delete \"%1\"? What was typed is lost.").arg(content)))
        return;
    const qint64 id = cell->data(IdRole).toLongLong();
    Result<void> removed = cell->data(SourceRole).toString() == DraftSource ? DraftStore(*cache).remove(id)
                                                                            : m_outbox.discard(id);
    m_status->setText(removed ? tr("Deleted: %1").arg(content) : removed.error().message);
    refresh();
}

} // namespace shebao::ui
