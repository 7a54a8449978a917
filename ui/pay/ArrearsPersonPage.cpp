#include "ui/pay/ArrearsPersonPage.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/BillService.h"
#include "models/validation/IdNumber.h"
#include "ui/declaration/FieldCaption.h"
#include "ui/pay/ArrearsWizardData.h"

namespace shebao::ui {

ArrearsPersonPage::ArrearsPersonPage(BillService &service, ArrearsWizardData &data, QWidget *parent)
    : QWizardPage(parent)
    , m_service(service)
    , m_data(data)
    , m_idNumber(new QLineEdit(this))
    , m_idError(fieldErrorLabel(QStringLiteral("idNumberErrorLabel"), this))
    , m_employedFrom(new QLineEdit(this))
    , m_employedError(fieldErrorLabel(QStringLiteral("employedFromErrorLabel"), this))
    , m_lookupButton(new QPushButton(tr("&Find gaps"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("arrearsPersonPage"));
    setTitle(tr("Enter the ID number"));
    setSubTitle(tr("Enter the ID number of the person whose contributions are to be paid back, and press Find gaps. "
                   "Gaps older than three months can be paid back; newer ones are declared as staff changes."));
    m_idNumber->setObjectName(QStringLiteral("idNumberLineEdit"));
    m_idNumber->setMaxLength(18);
    m_idNumber->setPlaceholderText(tr("18-character ID number"));
    m_employedFrom->setObjectName(QStringLiteral("employedFromLineEdit"));
    m_employedFrom->setMaxLength(7);
    m_employedFrom->setMaximumWidth(m_employedFrom->fontMetrics().horizontalAdvance(QStringLiteral("YYYY-MM，可不填")) + 48);
    m_employedFrom->setPlaceholderText(tr("YYYY-MM, optional"));
    m_employedFrom->setToolTip(tr("When the unit employed the person before enrolling them: the month the "
                                  "employment began. The months from then on count as gaps too."));
    m_lookupButton->setObjectName(QStringLiteral("findGapsButton"));
    m_lookupButton->setAccessibleName(tr("Find gaps"));
    m_status->setObjectName(QStringLiteral("gapsStatusLabel"));
    m_status->setWordWrap(true);
    registerField(QStringLiteral("idNumber"), m_idNumber);
    registerField(QStringLiteral("employedFrom"), m_employedFrom);

    auto *form = new QFormLayout;
    form->addRow(requiredCaption(tr("&ID number"), m_idNumber, this), m_idNumber);
    form->addRow(QString(), m_idError);
    form->addRow(optionalCaption(tr("&Employment start month"), m_employedFrom, this), m_employedFrom);
    form->addRow(QString(), m_employedError);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_lookupButton);
    buttonRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttonRow);
    layout->addWidget(m_status);
    layout->addStretch(1);
    setTabOrder(m_idNumber, m_employedFrom);
    setTabOrder(m_employedFrom, m_lookupButton);

    connect(m_lookupButton, &QPushButton::clicked, this, &ArrearsPersonPage::lookup);
    connect(m_idNumber, &QLineEdit::returnPressed, this, &ArrearsPersonPage::lookup);
    connect(m_employedFrom, &QLineEdit::returnPressed, this, &ArrearsPersonPage::lookup);
    for (QLineEdit *edit : {m_idNumber, m_employedFrom}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            // Another person or start month: the gaps shown are no longer theirs.
            invalidate();
            showFieldError(m_idError, m_idNumber, {});
            showFieldError(m_employedError, m_employedFrom, {});
        });
    }
}

void ArrearsPersonPage::initializePage()
{
    m_idNumber->setFocus();
}

bool ArrearsPersonPage::isComplete() const
{
    return m_data.gaps.has_value() && !m_busy;
}

void ArrearsPersonPage::invalidate()
{
    if (!m_data.gaps && m_status->text().isEmpty())
        return;
    m_data.gaps.reset();
    m_data.unitIndex = -1;
    m_data.estimate.reset();
    m_status->clear();
    ++m_request; // an answer still on its way is about the old input
    m_busy = false;
    m_lookupButton->setEnabled(true);
    emit completeChanged();
}

bool ArrearsPersonPage::showRefusal(const Error &error)
{
    if (error.field == u"id_number" || error.code.startsWith(u"id.")) {
        showFieldError(m_idError, m_idNumber, error.message);
        m_idNumber->setFocus();
        return true;
    }
    if (error.field == u"employed_from") {
        showFieldError(m_employedError, m_employedFrom, error.message);
        m_employedFrom->setFocus();
        return true;
    }
    return false;
}

void ArrearsPersonPage::lookup()
{
    if (m_busy)
        return;
    invalidate();
    Result<QString> id = BillService::checkedIdNumber(m_idNumber->text());
    if (!id) {
        showRefusal(id.error());
        return;
    }
    std::optional<YearMonth> employedFrom;
    if (const QString typed = m_employedFrom->text().trimmed(); !typed.isEmpty()) {
        employedFrom = YearMonth::parse(typed);
        if (!employedFrom) {
            showFieldError(m_employedError, m_employedFrom,
                           tr("Write the employment start month as YYYY-MM, e.g. 2018-03."));
            m_employedFrom->setFocus();
            return;
        }
    }
    m_busy = true;
    m_lookupButton->setEnabled(false);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Looking for the gaps of %1 ...").arg(IdNumber::mask(id.value())));
    const int request = ++m_request;
    m_service.gaps(id.value(), employedFrom, this,
                   [this, request, id = id.value(), employedFrom](Result<ArrearsGaps> result) {
                       if (request != m_request)
                           return;
                       m_busy = false;
                       m_lookupButton->setEnabled(true);
                       if (!result) {
                           if (!showRefusal(result.error())) {
                               m_status->setStyleSheet(QStringLiteral("color: #b01010;"));
                               m_status->setText(result.error().message);
                           } else {
                               m_status->clear();
                           }
                           emit completeChanged();
                           return;
                       }
                       m_data.gaps = result.value();
                       m_data.idNumber = id;
                       m_data.employedFrom = employedFrom;
                       int eligible = 0;
                       for (const UnitGaps &u : result.value().units)
                           eligible += u.eligibleMonths();
                       m_status->setText(tr("%1: %n month(s) can be paid back.", nullptr, eligible)
                                             .arg(result.value().personName));
                       emit completeChanged();
                       emit found();
                   });
}

} // namespace shebao::ui
