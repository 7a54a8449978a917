#include "ui/maintain/ChangeRequestsPage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/ChangeService.h"
#include "app/Session.h"
#include "models/cache/LocalCache.h"
#include "models/validation/IdNumber.h"
#include "ui/maintain/ChangeFormActions.h"
#include "ui/widgets/CodeComboBox.h"
#include "ui/widgets/MessageBox.h"
#include "ui/widgets/TableSetup.h"

namespace shebao::ui {

namespace {
enum Column { NumberColumn, WhoColumn, FieldsColumn, StateColumn, CreatedColumn, ReasonColumn, ColumnCount };
enum PrintAction { PreviewAction, PrintAction_, PdfAction };
} // namespace

ChangeRequestsPage::ChangeRequestsPage(ChangeService &service, Session &session, FormPrinter &printer, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_session(session)
    , m_printer(printer)
    , m_target(new CodeComboBox(this))
    , m_state(new CodeComboBox(this))
    , m_refreshButton(new QPushButton(tr("&Refresh"), this))
    , m_newButton(new QPushButton(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_details(new QLabel(this))
    , m_withdrawButton(new QPushButton(tr("&Withdraw"), this))
    , m_previewButton(new QPushButton(tr("Print pre&view..."), this))
    , m_printButton(new QPushButton(tr("&Print the form..."), this))
    , m_pdfButton(new QPushButton(tr("&Save as PDF..."), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("changeRequestsPage"));
    m_target->setObjectName(QStringLiteral("changeTargetComboBox"));
    m_target->setAccessibleName(tr("Requests about"));
    m_target->setEntries({{tr("The unit's information"), changeTargetCode(ChangeTarget::Unit)},
                          {tr("Staff information"), changeTargetCode(ChangeTarget::Person)}});
    m_state->setObjectName(QStringLiteral("changeStateComboBox"));
    m_state->setAccessibleName(tr("State"));
    QList<QPair<QString, QString>> states{{tr("All states"), QString()}};
    for (ChangeState state : {ChangeState::Pending, ChangeState::Applied, ChangeState::Approved, ChangeState::Rejected,
                              ChangeState::Withdrawn})
        states.append({changeStateName(state) + (state == ChangeState::Approved ? tr(" (approved)") : QString()),
                       changeStateCode(state)});
    m_state->setEntries(states);
    const struct
    {
        QPushButton *button;
        const char *name;
        QString accessible;
    } buttons[] = {{m_refreshButton, "refreshChangesPushButton", tr("Refresh")},
                   {m_newButton, "newChangePushButton", tr("New change")},
                   {m_withdrawButton, "withdrawChangePushButton", tr("Withdraw")},
                   {m_previewButton, "previewChangeFormPushButton", tr("Print preview")},
                   {m_printButton, "printChangeFormPushButton", tr("Print the form")},
                   {m_pdfButton, "saveChangeFormPdfPushButton", tr("Save as PDF")}};
    for (const auto &b : buttons) {
        b.button->setObjectName(QString::fromLatin1(b.name));
        b.button->setAccessibleName(b.accessible);
    }
    m_table->setObjectName(QStringLiteral("changeRequestsTableWidget"));
    m_table->setAccessibleName(tr("Change records"));
    m_table->setHorizontalHeaderLabels(
        {tr("Request number"), tr("Whose information"), tr("Changed"), tr("State"), tr("Submitted"), tr("Reason")});
    setUpTable(m_table);
    m_details->setObjectName(QStringLiteral("changeDetailsLabel"));
    m_details->setAccessibleName(tr("What the request changes"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("changeStatusLabel"));
    m_status->setWordWrap(true);

    auto *title = new QLabel(tr("Change records"), this);
    title->setStyleSheet(QStringLiteral("font-size: 15px; font-weight: bold"));
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    top->addWidget(m_target);
    top->addWidget(m_state);
    top->addWidget(m_refreshButton);
    top->addWidget(m_newButton);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_withdrawButton);
    actions->addWidget(m_previewButton);
    actions->addWidget(m_printButton);
    actions->addWidget(m_pdfButton);
    actions->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 3);
    layout->addLayout(actions);
    layout->addWidget(m_status);
    layout->addWidget(m_details, 2);

    connect(m_target, &CodeComboBox::codeChanged, this, [this] {
        ChangeTarget target = ChangeTarget::Unit;
        parseChangeTarget(m_target->code(), &target);
        m_newButton->setText(target == ChangeTarget::Unit ? tr("&Unit information change...")
                                                          : tr("&Personal information change..."));
        emit targetShown(target);
        refresh();
    });
    connect(m_state, &CodeComboBox::codeChanged, this, &ChangeRequestsPage::refresh);
    connect(m_refreshButton, &QPushButton::clicked, this, &ChangeRequestsPage::refresh);
    connect(m_newButton, &QPushButton::clicked, this, [this] {
        ChangeTarget target = ChangeTarget::Unit;
        parseChangeTarget(m_target->code(), &target);
        emit newChangeRequested(target);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ChangeRequestsPage::showSelected);
    connect(m_withdrawButton, &QPushButton::clicked, this, &ChangeRequestsPage::withdrawSelected);
    connect(m_previewButton, &QPushButton::clicked, this, [this] { printSelected(PreviewAction); });
    connect(m_printButton, &QPushButton::clicked, this, [this] { printSelected(PrintAction_); });
    connect(m_pdfButton, &QPushButton::clicked, this, [this] { printSelected(PdfAction); });
    connect(&m_service, &ChangeService::changed, this, [this] {
        if (isVisible())
            refresh();
    });
    m_newButton->setText(tr("&Unit information change..."));
    showSelected();
}

void ChangeRequestsPage::showTarget(ChangeTarget target)
{
    const QString code = changeTargetCode(target);
    if (m_target->code() != code)
        m_target->setCode(code); // refreshes
    else
        refresh();
}

void ChangeRequestsPage::showState(const QString &stateCode)
{
    if (m_state->code() != stateCode)
        m_state->setCode(stateCode); // refreshes
    else
        refresh();
}

void ChangeRequestsPage::refresh()
{
    if (!m_session.isActive() || m_session.isOffline()) {
        m_status->setText(tr("The change records need a connection to the server."));
        return;
    }
    ChangeTarget target = ChangeTarget::Unit;
    parseChangeTarget(m_target->code(), &target);
    std::optional<ChangeState> state;
    if (ChangeState s; parseChangeState(m_state->code(), &s))
        state = s;
    m_status->setText(tr("Loading ..."));
    m_refreshButton->setEnabled(false);
    const int generation = ++m_generation;
    m_service.requests(target, state, this, [this, generation](Result<QList<ChangeRequest>> result) {
        if (generation != m_generation)
            return;
        m_refreshButton->setEnabled(true);
        if (!result) {
            m_status->setText(result.error().message);
            return;
        }
        m_requests = result.value();
        m_status->setText(tr("%n request(s).", nullptr, int(m_requests.size())));
        showRequests();
    });
}

void ChangeRequestsPage::showRequests()
{
    const qint64 keep = selected() ? selected()->id : 0;
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(int(m_requests.size()));
    int keepRow = -1;
    for (int row = 0; row < m_requests.size(); ++row) {
        const ChangeRequest &request = m_requests.at(row);
        QStringList labels;
        for (const FieldChange &change : request.fields)
            labels.append(change.label);
        const QString who = request.target == ChangeTarget::Unit
                                ? request.unitName
                                : QStringLiteral("%1 %2").arg(request.personName, IdNumber::mask(request.personIdNumber));
        const QString cells[ColumnCount] = {request.requestNo,
                                            who,
                                            labels.join(QStringLiteral("、")),
                                            changeStateName(request.state),
                                            request.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                            request.rejectReason};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column == StateColumn && request.state == ChangeState::Rejected)
                item->setForeground(QColor(0xc0, 0, 0));
            m_table->setItem(row, column, item);
        }
        if (request.id == keep)
            keepRow = row;
    }
    fitColumns(m_table);
    if (keepRow >= 0)
        m_table->selectRow(keepRow);
    else
        m_table->clearSelection();
    showSelected();
}

const ChangeRequest *ChangeRequestsPage::selected() const
{
    const QModelIndexList rows = m_table->selectionModel() ? m_table->selectionModel()->selectedRows()
                                                           : QModelIndexList{};
    if (rows.isEmpty() || rows.first().row() >= m_requests.size())
        return nullptr;
    return &m_requests.at(rows.first().row());
}

void ChangeRequestsPage::showSelected()
{
    const ChangeRequest *request = selected();
    const bool pending = request && request->state == ChangeState::Pending;
    m_withdrawButton->setEnabled(pending);
    // Only a request that goes to the counter has a form to print.
    const bool paper = request && request->key && !request->signed_;
    for (QPushButton *button : {m_previewButton, m_printButton, m_pdfButton})
        button->setEnabled(paper);
    if (!request) {
        m_details->setText(tr("Choose a request to see what it changes."));
        return;
    }
    QString html = QStringLiteral("<p><b>%1</b> — %2").arg(request->requestNo.toHtmlEscaped(),
                                                            changeStateName(request->state));
    if (request->state == ChangeState::Rejected)
        html += QStringLiteral("<br><span style=\"color:#c00000\">%1</span>")
                    .arg(tr("Returned by the agency: %1").arg(request->rejectReason.toHtmlEscaped()));
    if (request->decidedAt.isValid())
        html += QStringLiteral("<br>") + tr("Decided %1 by %2")
                                             .arg(request->decidedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                                  request->decidedBy.toHtmlEscaped());
    if (request->signed_)
        html += QStringLiteral("<br>") + tr("Signed with the unit's certificate: no printed form is needed.");
    html += QStringLiteral("</p><table cellspacing=\"0\" cellpadding=\"3\" border=\"1\"><tr><th>%1</th><th>%2</th>"
                           "<th>%3</th></tr>")
                .arg(tr("Field"), tr("Before"), tr("After"));
    for (const FieldChange &change : request->fields) {
        const ChangeField *field = ChangeFields::find(request->target, change.member);
        auto shown = [field](const QString &value) {
            return value.isEmpty() ? tr("(none)")
                                   : (field ? ChangeFields::displayValue(*field, value) : value).toHtmlEscaped();
        };
        html += QStringLiteral("<tr><td%1>%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(change.key ? QStringLiteral(" style=\"color:#0050b3\"") : QString(),
                         change.label.toHtmlEscaped(), shown(change.before), shown(change.after));
    }
    m_details->setText(html + QStringLiteral("</table>"));
}

void ChangeRequestsPage::withdrawSelected()
{
    const ChangeRequest *request = selected();
    if (!request || request->state != ChangeState::Pending)
        return;
    if (!MessageBox::confirm(this, tr("Withdraw the request"),
                             tr("Withdraw request %1? The agency will not review it, and nothing changes.")
                                 .arg(request->requestNo)))
        return;
    m_withdrawButton->setEnabled(false);
    const QString number = request->requestNo;
    m_service.withdraw(request->id, this, [this, number](Result<ChangeRequest> result) {
        if (!result) {
            m_status->setText(result.error().message);
            showSelected();
            return;
        }
        m_status->setText(tr("Request %1 was withdrawn.").arg(number));
        refresh();
    });
}

void ChangeRequestsPage::printSelected(int action)
{
    const ChangeRequest *request = selected();
    if (!request)
        return;
    LocalCache *cache = m_session.cache();
    const Unit unit = cache && cache->unit() ? *cache->unit() : Unit{};
    const ChangeRequest copy = *request; // the list may be refreshed meanwhile
    QString line;
    if (action == PdfAction)
        line = ChangeFormActions::savePdf(this, copy, unit, cache);
    else if (action == PreviewAction)
        line = ChangeFormActions::preview(this, m_printer, copy, unit, cache);
    else
        line = ChangeFormActions::print(this, m_printer, copy, unit, cache);
    if (!line.isEmpty())
        m_status->setText(line);
}

} // namespace shebao::ui
