#include "ui/pay/BillQueryPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "app/BillService.h"
#include "app/Session.h"
#include "ui/declaration/FieldCaption.h"
#include "ui/pay/BillTableModel.h"
#include "ui/pay/BillView.h"
#include "ui/widgets/MessageBox.h"

namespace shebao::ui {

namespace {

constexpr int PageSize = 50;

QDate beijingToday()
{
    return QDateTime::currentDateTimeUtc().toOffsetFromUtc(8 * 3600).date();
}

} // namespace

BillQueryPage::BillQueryPage(BillService &service, Session &session, FormPrinter &printer, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_session(session)
    , m_state(new QComboBox(this))
    , m_byDate(new QCheckBox(tr("Issued &between"), this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_idNumber(new QLineEdit(this))
    , m_idError(fieldErrorLabel(QStringLiteral("filterIdNumberErrorLabel"), this))
    , m_queryButton(new QPushButton(tr("&Query"), this))
    , m_model(new BillTableModel(this))
    , m_table(new QTableView(this))
    , m_moreButton(new QPushButton(tr("&Load more"), this))
    , m_cancelButton(new QPushButton(tr("&Cancel the bill..."), this))
    , m_message(new QLabel(this))
    , m_view(new BillView(service, session, printer, this))
{
    setObjectName(QStringLiteral("billQueryPage"));
    setAccessibleName(tr("Bank payment slip query"));
    auto *title = new QLabel(tr("Bank payment slip query"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title->setFont(titleFont);

    m_state->setObjectName(QStringLiteral("stateComboBox"));
    m_state->addItem(tr("All states"), QString());
    for (BillState s : {BillState::Unpaid, BillState::Paid, BillState::Expired, BillState::Cancelled})
        m_state->addItem(billStateName(s), billStateCode(s));
    m_byDate->setObjectName(QStringLiteral("issueDateCheckBox"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00")) + 48);
    }
    m_from->setObjectName(QStringLiteral("fromDateEdit"));
    m_to->setObjectName(QStringLiteral("toDateEdit"));
    m_from->setAccessibleName(tr("Issued from"));
    m_to->setAccessibleName(tr("Issued until"));
    m_from->setDate(beijingToday().addDays(-30));
    m_to->setDate(beijingToday());
    m_idNumber->setObjectName(QStringLiteral("filterIdNumberLineEdit"));
    m_idNumber->setMaxLength(18);
    m_idNumber->setPlaceholderText(tr("all people"));
    m_queryButton->setObjectName(QStringLiteral("queryBillsButton"));

    auto *filters = new QGroupBox(tr("Filter"), this);
    filters->setObjectName(QStringLiteral("filterGroupBox"));
    auto *row = new QHBoxLayout;
    auto *stateCaption = new QLabel(tr("&State"), filters);
    stateCaption->setBuddy(m_state);
    row->addWidget(stateCaption);
    row->addWidget(m_state);
    row->addSpacing(12);
    row->addWidget(m_byDate);
    row->addWidget(m_from);
    row->addWidget(new QLabel(tr("to"), filters));
    row->addWidget(m_to);
    row->addSpacing(12);
    row->addWidget(optionalCaption(tr("ID &number"), m_idNumber, filters));
    row->addWidget(m_idNumber, 1);
    row->addWidget(m_queryButton);
    auto *filterLayout = new QVBoxLayout(filters);
    filterLayout->addLayout(row);
    filterLayout->addWidget(m_idError);

    m_table->setObjectName(QStringLiteral("billsTableView"));
    m_table->setAccessibleName(tr("Bills"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_moreButton->setObjectName(QStringLiteral("moreBillsButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelBillButton"));
    m_message->setObjectName(QStringLiteral("billQueryMessageLabel"));
    m_message->setWordWrap(true);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_cancelButton);
    listButtons->addStretch(1);
    listButtons->addWidget(m_moreButton);

    auto *detail = new QGroupBox(tr("The chosen bill"), this);
    detail->setObjectName(QStringLiteral("billDetailGroupBox"));
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->addWidget(m_view);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(listButtons);
    layout->addWidget(m_message);
    layout->addWidget(detail);
    setTabOrder(m_state, m_byDate);
    setTabOrder(m_byDate, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_idNumber);
    setTabOrder(m_idNumber, m_queryButton);
    setTabOrder(m_queryButton, m_table);

    connect(m_byDate, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
    });
    connect(m_queryButton, &QPushButton::clicked, this, [this] { query(false); });
    connect(m_idNumber, &QLineEdit::returnPressed, this, [this] { query(false); });
    connect(m_idNumber, &QLineEdit::textEdited, this, [this] { showFieldError(m_idError, m_idNumber, {}); });
    connect(m_moreButton, &QPushButton::clicked, this, [this] { query(true); });
    connect(m_cancelButton, &QPushButton::clicked, this, &BillQueryPage::cancelSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &BillQueryPage::showSelected);
    connect(m_view, &BillView::billChanged, m_model, &BillTableModel::update);
    connect(m_view, &BillView::billChanged, this, &BillQueryPage::updateState);
    connect(&m_session, &Session::changed, this, &BillQueryPage::updateState);
    // A bill made in 断档补缴 (or cancelled elsewhere) belongs in the list.
    connect(&m_service, &BillService::changed, this, [this] {
        if (isVisible() && !m_busy)
            query(false);
    });
    m_view->setVisible(false);
    updateState();
}

void BillQueryPage::refresh()
{
    query(false);
}

void BillQueryPage::showState(const QString &code)
{
    const int index = m_state->findData(code);
    m_state->setCurrentIndex(index >= 0 ? index : 0);
    m_byDate->setChecked(false);
    m_idNumber->clear();
    refresh();
}

void BillQueryPage::updateState()
{
    const bool online = m_session.isActive() && !m_session.isOffline();
    m_queryButton->setEnabled(online && !m_busy);
    m_queryButton->setToolTip(online ? QString() : tr("Bills are kept by the server: connect first."));
    m_moreButton->setVisible(!m_nextCursor.isEmpty());
    m_moreButton->setEnabled(online && !m_busy);
    const std::optional<Bill> bill = selectedRow();
    // 作废 ends a bill that was never paid: open or past its 限缴日期.
    const bool cancellable = bill && (bill->state == BillState::Unpaid || bill->state == BillState::Expired);
    m_cancelButton->setEnabled(online && !m_busy && cancellable);
    m_cancelButton->setToolTip(bill && !cancellable ? tr("Only an unpaid bill can be cancelled.") : QString());
}

std::optional<Bill> BillQueryPage::selectedRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->at(rows.first().row());
}

void BillQueryPage::query(bool more)
{
    if (m_busy)
        return;
    if (!m_session.isActive() || m_session.isOffline()) {
        showMessage(tr("Bills need a connection to the server; they cannot be listed offline."), true);
        return;
    }
    showFieldError(m_idError, m_idNumber, {});
    BillQuery q;
    if (const QString code = m_state->currentData().toString(); !code.isEmpty()) {
        BillState state;
        if (parseBillState(code, &state))
            q.state = state;
    }
    if (m_byDate->isChecked()) {
        q.from = m_from->date();
        q.to = m_to->date();
    }
    q.idNumber = m_idNumber->text().trimmed();
    q.limit = PageSize;
    if (more)
        q.cursor = m_nextCursor;
    m_busy = true;
    updateState();
    const int request = ++m_request;
    m_service.list(q, this, [this, request, more](Result<BillPage> page) {
        if (request != m_request)
            return;
        m_busy = false;
        if (!page) {
            const Error &e = page.error();
            if (e.field == u"id_number" || e.code.startsWith(u"id.")) {
                showFieldError(m_idError, m_idNumber, e.message);
                m_idNumber->setFocus();
            } else {
                showMessage(e.message, true);
            }
            updateState();
            return;
        }
        const QString selected = selectedRow() ? selectedRow()->number : QString();
        if (more) {
            m_model->append(page.value().bills);
        } else {
            m_model->setBills(page.value().bills);
            // The bill on display stays chosen when it is still listed.
            if (const int row = m_model->rowOf(selected); row >= 0)
                m_table->selectRow(row);
        }
        m_nextCursor = page.value().nextCursor;
        m_table->resizeColumnsToContents();
        showMessage(m_model->rowCount() == 0 ? tr("No bill matches the filter.")
                                             : tr("%n bill(s) listed.", nullptr, m_model->rowCount()));
        updateState();
    });
}

void BillQueryPage::showSelected()
{
    updateState();
    const std::optional<Bill> row = selectedRow();
    if (!row) {
        m_view->clear();
        m_view->setVisible(false);
        return;
    }
    if (m_view->bill() && m_view->bill()->number == row->number)
        return;
    // List rows carry no months: the bill is fetched whole for its slip.
    const QString number = row->number;
    m_service.bill(number, QString(), this, [this, number](Result<Bill> bill) {
        const std::optional<Bill> still = selectedRow();
        if (!still || still->number != number)
            return;
        if (!bill) {
            showMessage(bill.error().message, true);
            return;
        }
        m_model->update(bill.value());
        m_view->setBill(bill.value());
        m_view->setVisible(true);
        updateState();
    });
}

void BillQueryPage::cancelSelected()
{
    const std::optional<Bill> bill = selectedRow();
    if (!bill || !m_cancelButton->isEnabled())
        return;
    const bool yes = MessageBox::confirm(
        this, tr("Cancel the bill"),
        tr("Cancel the bill %1 of %2 (%3 yuan)? A cancelled bill can no longer be paid; its months can be billed "
           "again.")
            .arg(bill->number, bill->personName, bill->total.toDisplayString()));
    if (!yes)
        return;
    m_busy = true;
    updateState();
    const QString number = bill->number;
    m_service.cancel(number, this, [this, number](Result<Bill> cancelled) {
        m_busy = false;
        if (!cancelled) {
            showMessage(cancelled.error().message, true);
            updateState();
            return;
        }
        // The answer is a bill without months: the row takes its state, the view is refetched.
        Bill row = cancelled.value();
        m_model->update(row);
        if (m_view->bill() && m_view->bill()->number == number) {
            Bill shown = *m_view->bill();
            shown.state = row.state;
            shown.cancelledAt = row.cancelledAt;
            m_view->setBill(shown);
        }
        showMessage(tr("The bill %1 was cancelled.").arg(number));
        updateState();
    });
}

void BillQueryPage::showMessage(const QString &message, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #b01010;") : QString());
    m_message->setText(message);
    emit messageShown(message);
}

} // namespace shebao::ui
