#include "ui/pay/BillLookupPage.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/BillService.h"
#include "app/Session.h"
#include "ui/declaration/FieldCaption.h"
#include "ui/pay/BillView.h"

namespace shebao::ui {

BillLookupPage::BillLookupPage(BillService &service, Session &session, FormPrinter &printer, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_session(session)
    , m_idNumber(new QLineEdit(this))
    , m_idError(fieldErrorLabel(QStringLiteral("idNumberErrorLabel"), this))
    , m_number(new QLineEdit(this))
    , m_numberError(fieldErrorLabel(QStringLiteral("billNumberErrorLabel"), this))
    , m_lookupButton(new QPushButton(tr("&Look up the bill"), this))
    , m_status(new QLabel(this))
    , m_view(new BillView(service, session, printer, this))
{
    setObjectName(QStringLiteral("billLookupPage"));
    setAccessibleName(tr("Pay by bill"));
    auto *title = new QLabel(tr("Pay by bill"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Enter the ID number and the business document number (it can be looked up under "
                                "Bank payment slip query), then download and print the payment slip and pay at any "
                                "branch of Bank of Changsha."),
                             this);
    intro->setWordWrap(true);
    m_idNumber->setObjectName(QStringLiteral("idNumberLineEdit"));
    m_idNumber->setMaxLength(18);
    m_idNumber->setPlaceholderText(tr("18-character ID number"));
    m_number->setObjectName(QStringLiteral("billNumberLineEdit"));
    m_number->setMaxLength(40); // grouped or with dashes as copied from paper
    m_number->setPlaceholderText(tr("17 digits"));
    m_lookupButton->setObjectName(QStringLiteral("lookupBillButton"));
    m_lookupButton->setDefault(true);
    m_status->setObjectName(QStringLiteral("billLookupStatusLabel"));
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(requiredCaption(tr("&ID number"), m_idNumber, this), m_idNumber);
    form->addRow(QString(), m_idError);
    form->addRow(requiredCaption(tr("&Business document number"), m_number, this), m_number);
    form->addRow(QString(), m_numberError);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_lookupButton);
    buttonRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(buttonRow);
    layout->addWidget(m_status);
    layout->addWidget(m_view);
    layout->addStretch(1);
    setTabOrder(m_idNumber, m_number);
    setTabOrder(m_number, m_lookupButton);

    connect(m_lookupButton, &QPushButton::clicked, this, &BillLookupPage::lookup);
    connect(m_idNumber, &QLineEdit::returnPressed, this, &BillLookupPage::lookup);
    connect(m_number, &QLineEdit::returnPressed, this, &BillLookupPage::lookup);
    connect(m_idNumber, &QLineEdit::textEdited, this, [this] { showFieldError(m_idError, m_idNumber, {}); });
    connect(m_number, &QLineEdit::textEdited, this, [this] { showFieldError(m_numberError, m_number, {}); });
    connect(&m_session, &Session::changed, this, &BillLookupPage::updateState);
    m_view->setVisible(false);
    updateState();
}

void BillLookupPage::updateState()
{
    const bool online = m_session.isActive() && !m_session.isOffline();
    m_lookupButton->setEnabled(online && !m_busy);
    m_lookupButton->setToolTip(online ? QString() : tr("Bills are kept by the server: connect first."));
}

void BillLookupPage::showRefusal(const Error &error)
{
    if (error.field == u"id_number" || error.code.startsWith(u"id.")) {
        showFieldError(m_idError, m_idNumber, error.message);
        m_idNumber->setFocus();
    } else if (error.field == u"number" || error.code == u"bill.unknown" || error.code == u"bill.number") {
        showFieldError(m_numberError, m_number, error.message);
        m_number->setFocus();
    } else {
        m_status->setStyleSheet(QStringLiteral("color: #b01010;"));
        m_status->setText(error.message);
    }
}

void BillLookupPage::lookup()
{
    if (m_busy || !m_lookupButton->isEnabled())
        return;
    showFieldError(m_idError, m_idNumber, {});
    showFieldError(m_numberError, m_number, {});
    m_status->clear();
    // Both fields are named at once when both are wrong.
    Result<QString> id = BillService::checkedIdNumber(m_idNumber->text());
    Result<QString> number = BillService::checkedNumber(m_number->text());
    if (!number)
        showRefusal(number.error());
    if (!id)
        showRefusal(id.error());
    if (!id || !number)
        return;
    m_busy = true;
    updateState();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Looking up the bill %1 ...").arg(number.value()));
    const int request = ++m_request;
    m_service.bill(number.value(), id.value(), this, [this, request](Result<Bill> result) {
        if (request != m_request)
            return;
        m_busy = false;
        updateState();
        if (!result) {
            m_status->clear();
            m_view->clear();
            m_view->setVisible(false);
            showRefusal(result.error());
            return;
        }
        m_status->clear();
        m_view->setBill(result.value());
        m_view->setVisible(true);
        m_view->findChild<QWidget *>(QStringLiteral("downloadSlipButton"))->setFocus();
    });
}

} // namespace shebao::ui
