#include "ui/pay/ArrearsEstimatePage.h"

#include <QAbstractButton>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QWizard>

#include "app/ApiErrors.h"
#include "app/BillService.h"
#include "models/money/ChineseCapitals.h"
#include "ui/pay/ArrearsMonthModel.h"
#include "ui/pay/ArrearsWizardData.h"

namespace shebao::ui {

ArrearsEstimatePage::ArrearsEstimatePage(BillService &service, ArrearsWizardData &data, QWidget *parent)
    : QWizardPage(parent)
    , m_service(service)
    , m_data(data)
    , m_policy(new QLabel(this))
    , m_model(new ArrearsMonthModel(this))
    , m_table(new QTableView(this))
    , m_totals(new QLabel(this))
    , m_generate(new QPushButton(tr("&Generate arrears bill"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("arrearsEstimatePage"));
    setTitle(tr("Amounts"));
    setSubTitle(tr("The amounts as of today, computed by the agency's server. Check them and press Generate arrears "
                   "bill."));
    m_policy->setObjectName(QStringLiteral("policyLabel"));
    m_policy->setWordWrap(true);
    m_policy->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(QStringLiteral("estimateTableView"));
    m_table->setAccessibleName(tr("Amounts per month"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_totals->setObjectName(QStringLiteral("estimateTotalsLabel"));
    m_totals->setWordWrap(true);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_totals->font();
    bold.setBold(true);
    m_totals->setFont(bold);
    m_generate->setObjectName(QStringLiteral("generateBillButton"));
    m_generate->setAccessibleName(tr("Generate arrears bill"));
    m_message->setObjectName(QStringLiteral("estimateMessageLabel"));
    m_message->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_generate);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_policy);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_totals);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    connect(m_generate, &QPushButton::clicked, this, &ArrearsEstimatePage::generate);
}

bool ArrearsEstimatePage::isComplete() const
{
    return m_data.bill.has_value();
}

void ArrearsEstimatePage::initializePage()
{
    m_message->clear();
    if (m_data.estimate)
        showEstimate();
    else
        estimate();
}

void ArrearsEstimatePage::cleanupPage()
{
    ++m_request; // an estimate still on its way is for what the clerk is about to change
    m_busy = false;
}

void ArrearsEstimatePage::estimate()
{
    m_model->clear();
    m_policy->clear();
    m_totals->clear();
    m_busy = true;
    m_generate->setEnabled(false);
    showMessage(tr("Computing the amounts ..."), false);
    const int request = ++m_request;
    m_service.estimate(m_data.request, this, [this, request](Result<ArrearsEstimate> result) {
        if (request != m_request)
            return;
        m_busy = false;
        if (!result) {
            if (!answerIsAboutEarlierPage(result.error()))
                showMessage(result.error().message, true);
            return;
        }
        m_data.estimate = result.value();
        m_message->clear();
        showEstimate();
    });
}

void ArrearsEstimatePage::showEstimate()
{
    const ArrearsEstimate &e = *m_data.estimate;
    m_model->setEstimate(e);
    m_table->resizeColumnsToContents();
    QString policy = tr("Policy table: %1").arg(e.policyName);
    if (!e.policyRegion.isEmpty())
        policy += tr(" (region %1)").arg(e.policyRegion);
    policy += u'\n' + tr("Policy periods used: %1").arg(e.periods.join(QStringLiteral("、")));
    policy += u'\n' + tr("Late fee up to and including %1.").arg(e.calculationDate.toString(Qt::ISODate));
    m_policy->setText(policy);
    m_totals->setText(tr("%n month(s): principal %1 yuan, late fee %2 yuan, total %3 yuan (%4).", nullptr,
                         int(e.months.size()))
                          .arg(e.principal.toDisplayString(), e.lateFee.toDisplayString(), e.total.toDisplayString(),
                               QStringLiteral("人民币") + chineseCapitals(e.total)));
    m_generate->setEnabled(!m_busy && !m_data.bill);
    m_generate->setFocus();
}

void ArrearsEstimatePage::generate()
{
    if (m_busy || !m_data.estimate || m_data.bill)
        return;
    m_busy = true;
    m_generate->setEnabled(false);
    // The answer is awaited here: going back now would leave a bill made for a request the clerk
    // is changing (QWizard re-enables the button on its next update, after the answer).
    if (wizard())
        wizard()->button(QWizard::BackButton)->setEnabled(false);
    showMessage(tr("Generating the arrears bill ..."), false);
    m_service.create(m_data.request, this, [this](Result<Bill> result) {
        m_busy = false;
        if (wizard())
            wizard()->button(QWizard::BackButton)->setEnabled(true);
        if (!result) {
            const Error &e = result.error();
            m_generate->setEnabled(true);
            if (answerIsAboutEarlierPage(e))
                return;
            if (api::isConnectivityError(e))
                showMessage(tr("%1 Press Generate arrears bill again: it does not make a second bill.").arg(e.message),
                            true);
            else
                showMessage(e.message, true);
            return;
        }
        m_data.bill = result.value();
        emit completeChanged();
        if (wizard())
            wizard()->next();
    });
}

bool ArrearsEstimatePage::answerIsAboutEarlierPage(const Error &error)
{
    static const QStringList fields{QStringLiteral("id_number"), QStringLiteral("employed_from"), QStringLiteral("wage"),
                                    QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("settlement")};
    if (!fields.contains(error.field))
        return false;
    m_message->clear();
    emit refused(error);
    return true;
}

void ArrearsEstimatePage::showMessage(const QString &message, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #b01010;") : QString());
    m_message->setText(message);
}

} // namespace shebao::ui
