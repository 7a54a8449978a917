#include "ui/pay/BillView.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

#include "app/BillService.h"
#include "app/BillSlip.h"
#include "app/Session.h"
#include "models/export/DeclarationRows.h"
#include "models/money/ChineseCapitals.h"
#include "ui/pay/BillActions.h"
#include "ui/widgets/UrlOpener.h"

namespace shebao::ui {

namespace {

QString chineseDate(QDate d)
{
    return d.isValid() ? QStringLiteral("%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day()) : QString();
}

QLabel *valueLabel(const char *name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

BillView::BillView(BillService &service, Session &session, FormPrinter &printer, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_session(session)
    , m_printer(printer)
    , m_pollInterval(BillWatcher::DefaultIntervalMs)
    , m_number(valueLabel("billNumberLabel", this))
    , m_state(valueLabel("billStateLabel", this))
    , m_person(valueLabel("billPersonLabel", this))
    , m_months(valueLabel("billMonthsLabel", this))
    , m_total(valueLabel("billTotalLabel", this))
    , m_capitals(valueLabel("billCapitalsLabel", this))
    , m_payBy(valueLabel("billPayByLabel", this))
    , m_policy(valueLabel("billPolicyLabel", this))
    , m_payOnline(new QPushButton(tr("Pay &online"), this))
    , m_download(new QPushButton(tr("&Download and print..."), this))
    , m_print(new QPushButton(tr("&Print..."), this))
    , m_savePdf(new QPushButton(tr("&Save as PDF..."), this))
    , m_payOnlineNote(valueLabel("payOnlineNoteLabel", this))
    , m_message(valueLabel("billMessageLabel", this))
{
    setObjectName(QStringLiteral("billView"));
    setAccessibleName(tr("Arrears bill"));
    QFont big = m_number->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_number->setFont(big);
    QFont bold = m_total->font();
    bold.setBold(true);
    m_total->setFont(bold);
    m_state->setFont(bold);
    // Key information is blue, as in the portal.
    m_number->setStyleSheet(QStringLiteral("color: #0b4fa8;"));
    m_total->setStyleSheet(QStringLiteral("color: #0b4fa8;"));
    m_payOnline->setObjectName(QStringLiteral("payOnlineButton"));
    m_download->setObjectName(QStringLiteral("downloadSlipButton"));
    m_print->setObjectName(QStringLiteral("printSlipButton"));
    m_savePdf->setObjectName(QStringLiteral("saveSlipPdfButton"));
    m_payOnline->setAccessibleName(tr("Pay online"));
    m_download->setAccessibleName(tr("Download and print"));
    m_payOnlineNote->setStyleSheet(QStringLiteral("color: #666666;"));

    auto *form = new QFormLayout;
    form->addRow(tr("Business document number:"), m_number);
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Person:"), m_person);
    form->addRow(tr("Months:"), m_months);
    form->addRow(tr("Total:"), m_total);
    form->addRow(tr("In words:"), m_capitals);
    form->addRow(tr("Pay by:"), m_payBy);
    form->addRow(tr("Calculated with:"), m_policy);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_payOnline);
    buttons->addWidget(m_download);
    buttons->addWidget(m_print);
    buttons->addWidget(m_savePdf);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_payOnlineNote);
    layout->addWidget(m_message);

    connect(m_payOnline, &QPushButton::clicked, this, &BillView::payOnline);
    connect(m_download, &QPushButton::clicked, this, [this] {
        if (m_bill)
            showMessage(BillActions::preview(this, m_printer, *m_bill, m_session.cache()));
    });
    connect(m_print, &QPushButton::clicked, this, [this] {
        if (m_bill)
            showMessage(BillActions::print(this, m_printer, *m_bill, m_session.cache()));
    });
    connect(m_savePdf, &QPushButton::clicked, this, [this] {
        if (m_bill)
            showMessage(BillActions::savePdf(this, *m_bill, m_session.cache()));
    });
    clear();
}

BillView::~BillView() = default;

void BillView::setBill(const Bill &bill)
{
    m_bill = bill;
    m_message->clear();
    showBill();
    follow();
}

void BillView::clear()
{
    m_watcher.reset();
    m_bill.reset();
    for (QLabel *label : {m_number, m_state, m_person, m_months, m_total, m_capitals, m_payBy, m_policy,
                          m_payOnlineNote, m_message})
        label->clear();
    updateButtons();
}

void BillView::setPollInterval(int milliseconds)
{
    m_pollInterval = milliseconds;
    if (m_watcher)
        m_watcher->setInterval(milliseconds);
}

bool BillView::isFollowing() const
{
    return m_watcher && m_watcher->isActive();
}

void BillView::follow()
{
    m_watcher.reset();
    if (!m_bill || m_bill->state != BillState::Unpaid)
        return;
    m_watcher = std::make_unique<BillWatcher>(&m_service, *m_bill);
    m_watcher->setInterval(m_pollInterval);
    connect(m_watcher.get(), &BillWatcher::updated, this, [this](const Bill &bill) {
        m_bill = bill;
        showBill();
        emit billChanged(bill);
    });
    connect(m_watcher.get(), &BillWatcher::finished, this, [this](const Bill &bill) {
        if (bill.state == BillState::Paid)
            showMessage(tr("The bank has reported the payment: the bill is paid. The months are filled in the "
                           "enrolment record."));
        else if (bill.state == BillState::Expired)
            showMessage(tr("The bill has expired unpaid. Generate a new bill under Arrears back payment."), true);
    });
    connect(m_watcher.get(), &BillWatcher::pollFailed, this, [this](const Error &error) {
        showMessage(tr("The state could not be refreshed (%1); it is tried again.").arg(error.message), true);
    });
    if (isVisible())
        m_watcher->start();
}

void BillView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_watcher && m_bill && m_bill->state == BillState::Unpaid)
        m_watcher->start();
}

void BillView::hideEvent(QHideEvent *event)
{
    // Only a bill on screen is followed (docs/bills.md): nobody watches a hidden one.
    if (m_watcher)
        m_watcher->stop();
    QWidget::hideEvent(event);
}

void BillView::showBill()
{
    if (!m_bill) {
        clear();
        return;
    }
    const Bill &b = *m_bill;
    m_number->setText(b.number);
    QString state = billStateName(b.state);
    QString color = QStringLiteral("#b06000");
    if (b.state == BillState::Paid) {
        color = QStringLiteral("#1a7f37");
        if (b.payment)
            state += tr(" (%1, transaction %2)")
                         .arg(b.payment->paidAt.toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                              b.payment->transactionId);
    } else if (b.state != BillState::Unpaid) {
        color = QStringLiteral("#808080");
    }
    m_state->setText(state);
    m_state->setStyleSheet(QStringLiteral("color: %1;").arg(color));
    m_state->setAccessibleName(tr("State: %1").arg(billStateName(b.state)));
    m_person->setText(tr("%1, ID number %2, personal number %3").arg(b.personName, b.idNumberMasked, b.personNo));
    m_months->setText(tr("%1 to %2, %n month(s); %3; wage %4 yuan", nullptr, b.monthCount)
                          .arg(b.firstMonth.toString(), b.lastMonth.toString(),
                               DeclarationRows::insuranceNames(b.insurances), b.wage.toDisplayString()));
    m_total->setText(tr("%1 yuan (principal %2, late fee %3)")
                         .arg(b.total.toDisplayString(), b.principal.toDisplayString(), b.lateFee.toDisplayString()));
    m_capitals->setText(QStringLiteral("人民币") + chineseCapitals(b.total));
    m_payBy->setText(tr("%1 (the bill expires at the end of that day)").arg(chineseDate(b.payBy)));
    QString policy = b.hasEstimate ? b.estimate.policyName : b.policyName;
    if (b.hasEstimate)
        policy += tr("; periods %1; late fee up to and including %2")
                      .arg(b.estimate.periods.join(QStringLiteral("、")), chineseDate(b.estimate.calculationDate));
    m_policy->setText(policy);
    updateButtons();
}

void BillView::updateButtons()
{
    const bool online = m_session.isActive() && !m_session.isOffline();
    QString whyNotOnline;
    if (!m_bill)
        whyNotOnline = QString();
    else if (m_bill->state == BillState::Paid)
        whyNotOnline = tr("The bill is paid.");
    else if (m_bill->state != BillState::Unpaid)
        whyNotOnline = tr("The bill is %1 and can no longer be paid.").arg(billStateName(m_bill->state));
    else if (m_bill->paymentUrl.isEmpty())
        whyNotOnline = tr("Online payment is not available on this server: download and print the slip and pay at "
                          "any branch of Bank of Changsha.");
    else if (!online)
        whyNotOnline = tr("Paying online needs a connection to the server.");
    const bool canPayOnline = m_bill && whyNotOnline.isEmpty();
    m_payOnline->setEnabled(canPayOnline);
    m_payOnline->setToolTip(whyNotOnline);
    m_payOnline->setAccessibleDescription(whyNotOnline);
    m_payOnlineNote->setText(m_bill && m_bill->state == BillState::Unpaid ? whyNotOnline : QString());
    m_payOnlineNote->setVisible(!m_payOnlineNote->text().isEmpty());

    // The slip of a bill that can no longer be paid is not printed (BillSlip says why).
    QString whyNoSlip;
    if (m_bill) {
        if (Result<printing::FormData> data = BillSlip::data(*m_bill); !data)
            whyNoSlip = data.error().message;
    }
    for (QPushButton *button : {m_download, m_print, m_savePdf}) {
        button->setEnabled(m_bill && whyNoSlip.isEmpty());
        button->setToolTip(whyNoSlip);
    }
}

void BillView::payOnline()
{
    if (!m_bill || !m_payOnline->isEnabled())
        return;
    const QUrl url(m_bill->paymentUrl);
    if (!UrlOpener::open(url)) {
        showMessage(tr("The browser could not be opened. Open this address to pay: %1").arg(m_bill->paymentUrl), true);
        return;
    }
    showMessage(tr("The bank's payment page was opened in the browser. Once paid, this page shows \"paid\" by "
                   "itself."));
    // The clerk is paying now: look sooner than the usual interval.
    if (m_watcher && !m_watcher->isActive() && isVisible())
        m_watcher->start();
}

void BillView::showMessage(const QString &message, bool error)
{
    if (message.isEmpty())
        return;
    m_message->setStyleSheet(error ? QStringLiteral("color: #b01010;") : QString());
    m_message->setText(message);
    emit messageShown(message);
}

} // namespace shebao::ui
