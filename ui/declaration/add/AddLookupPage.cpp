#include "ui/declaration/add/AddLookupPage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/ApiErrors.h"
#include "app/DeclarationService.h"
#include "models/validation/IdNumber.h"
#include "ui/declaration/DeclarationText.h"
#include "ui/declaration/FieldCaption.h"
#include "ui/declaration/LookupView.h"
#include "ui/declaration/add/AddDeclarationData.h"

namespace shebao::ui {

AddLookupPage::AddLookupPage(DeclarationService &service, AddDeclarationData &data, QWidget *parent)
    : QWizardPage(parent)
    , m_service(service)
    , m_data(data)
    , m_idNumber(new QLineEdit(this))
    , m_lookupButton(new QPushButton(tr("&Look up"), this))
    , m_idError(fieldErrorLabel(QStringLiteral("idNumberErrorLabel"), this))
    , m_status(new QLabel(this))
    , m_view(new LookupView(this))
    , m_selectButton(new QPushButton(tr("&Select"), this))
    , m_renewButton(new QPushButton(tr("&Renewal"), this))
    , m_addButton(new QPushButton(tr("Ne&w enrolment"), this))
    , m_kindHint(new QLabel(this))
{
    setObjectName(QStringLiteral("addLookupPage"));
    setTitle(tr("Look up the person"));
    setSubTitle(tr("Enter the ID number of the person to enrol and press Look up. Check what the agency knows "
                   "about them, press Select, then Renewal or New enrolment."));

    m_idNumber->setObjectName(QStringLiteral("idNumberLineEdit"));
    m_idNumber->setMaxLength(18);
    m_idNumber->setPlaceholderText(tr("18-character ID number"));
    m_lookupButton->setObjectName(QStringLiteral("lookupButton"));
    m_lookupButton->setAccessibleName(tr("Look up"));
    m_status->setObjectName(QStringLiteral("lookupStatusLabel"));
    m_status->setWordWrap(true);
    m_selectButton->setObjectName(QStringLiteral("selectButton"));
    m_selectButton->setAccessibleName(tr("Select"));
    m_renewButton->setObjectName(QStringLiteral("renewButton"));
    m_renewButton->setAccessibleName(tr("Renewal"));
    m_addButton->setObjectName(QStringLiteral("addButton"));
    m_addButton->setAccessibleName(tr("New enrolment"));
    m_kindHint->setObjectName(QStringLiteral("kindHintLabel"));
    m_kindHint->setWordWrap(true);
    registerField(QStringLiteral("idNumber"), m_idNumber);

    auto *idRow = new QHBoxLayout;
    idRow->addWidget(requiredCaption(tr("&ID number"), m_idNumber, this));
    idRow->addWidget(m_idNumber, 1);
    idRow->addWidget(m_lookupButton);
    auto *kindRow = new QHBoxLayout;
    kindRow->addWidget(m_selectButton);
    kindRow->addSpacing(24);
    kindRow->addWidget(m_renewButton);
    kindRow->addWidget(m_addButton);
    kindRow->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(idRow);
    layout->addWidget(m_idError);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    layout->addLayout(kindRow);
    layout->addWidget(m_kindHint);

    setTabOrder(m_idNumber, m_lookupButton);
    setTabOrder(m_lookupButton, m_selectButton);
    setTabOrder(m_selectButton, m_renewButton);
    setTabOrder(m_renewButton, m_addButton);

    connect(m_lookupButton, &QPushButton::clicked, this, &AddLookupPage::lookup);
    connect(m_idNumber, &QLineEdit::returnPressed, this, &AddLookupPage::lookup);
    connect(m_idNumber, &QLineEdit::textChanged, this, [this] {
        // Another number: the answer shown is no longer about it.
        if (m_data.lookup && m_data.lookup->idNumber != m_idNumber->text().trimmed().toUpper())
            invalidate();
        showFieldError(m_idError, m_idNumber, QString());
    });
    connect(m_selectButton, &QPushButton::clicked, this, &AddLookupPage::select);
    connect(m_renewButton, &QPushButton::clicked, this, [this] { choose(DeclarationKind::Renew); });
    connect(m_addButton, &QPushButton::clicked, this, [this] { choose(DeclarationKind::Add); });
    updateKindButtons();
}

void AddLookupPage::initializePage()
{
    m_idNumber->setFocus();
}

bool AddLookupPage::isComplete() const
{
    return m_data.lookup && m_data.kindChosen && !m_busy;
}

void AddLookupPage::invalidate()
{
    m_offline = false;
    m_data.lookup.reset();
    m_data.kindChosen = false;
    m_selected = false;
    m_view->clear();
    m_status->clear();
    updateKindButtons();
    emit completeChanged();
}

void AddLookupPage::lookup()
{
    if (m_busy)
        return;
    invalidate();
    Result<IdNumber> id = IdNumber::parse(m_idNumber->text());
    if (!id) {
        showFieldError(m_idError, m_idNumber, id.error().message);
        m_idNumber->setFocus();
        return;
    }
    m_busy = true;
    m_lookupButton->setEnabled(false);
    m_status->setText(tr("Looking up %1 ...").arg(id.value().masked()));
    const int request = ++m_request;
    // The field stays editable while the answer is on its way: the callback works with the
    // number that was looked up, never with whatever the field holds by then.
    const QString number = id.value().number();
    m_service.lookup(number, this, [this, request, number](Result<PersonLookup> result) {
        if (request != m_request)
            return;
        m_busy = false;
        m_lookupButton->setEnabled(true);
        if (!result) {
            if (api::isConnectivityError(result.error())) {
                // Without the server the clerk still gets the item saved: the kind is their call
                // and the server checks it when the item is sent (a wrong one is refused and kept).
                PersonLookup offline;
                offline.idNumber = number;
                m_offline = true;
                showLookup(offline, false);
                m_status->setText(tr("The server cannot be reached, so what the agency knows about the person cannot be "
                                     "shown. Select, then choose New enrolment or Renewal yourself; the server checks "
                                     "it when the item is sent."));
                m_view->clear();
                m_selectButton->setFocus();
                return;
            }
            m_status->setText(result.error().message);
            emit completeChanged();
            return;
        }
        showLookup(result.value(), false);
        m_selectButton->setFocus();
    });
}

void AddLookupPage::showLookup(const PersonLookup &lookup, bool selected)
{
    m_data.lookup = lookup;
    m_selected = selected && lookup.canDeclare();
    if (m_idNumber->text().trimmed().toUpper() != lookup.idNumber) {
        const QSignalBlocker blocker(m_idNumber);
        m_idNumber->setText(lookup.idNumber);
    }
    m_status->setText(lookup.canDeclare() ? tr("Check the person below and press Select.")
                                          : tr("Nothing can be declared for this person now:"));
    m_view->setLookup(lookup);
    updateKindButtons();
    emit completeChanged();
}

void AddLookupPage::select()
{
    if (!m_data.lookup || !m_data.lookup->canDeclare())
        return;
    m_selected = true;
    updateKindButtons();
    (m_data.lookup->suggestedKind == DeclarationKind::Renew ? m_renewButton : m_addButton)->setFocus();
}

void AddLookupPage::choose(DeclarationKind kind)
{
    if (!m_selected || !m_data.lookup || (kind != m_data.lookup->suggestedKind && !m_offline))
        return;
    m_data.kind = kind;
    m_data.kindChosen = true;
    emit completeChanged();
    if (wizard())
        wizard()->next();
}

void AddLookupPage::updateKindButtons()
{
    const bool canSelect = m_data.lookup && m_data.lookup->canDeclare() && !m_busy;
    m_selectButton->setEnabled(canSelect && !m_selected);
    const bool renew = m_data.lookup && m_data.lookup->suggestedKind == DeclarationKind::Renew;
    m_renewButton->setEnabled(m_selected && (renew || m_offline));
    m_addButton->setEnabled(m_selected && (!renew || m_offline));
    QString why;
    if (m_offline) {
        for (QPushButton *b : {m_renewButton, m_addButton}) {
            b->setToolTip(QString());
            b->setAccessibleDescription(QString());
        }
    } else if (m_selected && renew) {
        why = tr("New enrolment is not possible: the person was enrolled before, so the enrolment continues as a "
                 "renewal.");
        m_addButton->setToolTip(why);
        m_addButton->setAccessibleDescription(why);
        m_renewButton->setToolTip(QString());
        m_renewButton->setAccessibleDescription(QString());
    } else if (m_selected) {
        why = tr("Renewal is not possible: the person has never been enrolled, so this is a new enrolment.");
        m_renewButton->setToolTip(why);
        m_renewButton->setAccessibleDescription(why);
        m_addButton->setToolTip(QString());
        m_addButton->setAccessibleDescription(QString());
    }
    m_kindHint->setText(why);
    m_kindHint->setVisible(!why.isEmpty());
}

} // namespace shebao::ui
