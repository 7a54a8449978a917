#include "ui/declaration/reduce/ReducePersonPage.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/ApiErrors.h"
#include "app/DeclarationService.h"
#include "models/validation/IdNumber.h"
#include "ui/declaration/FieldCaption.h"
#include "ui/declaration/LookupView.h"
#include "ui/declaration/reduce/ReduceDeclarationData.h"

namespace shebao::ui {

namespace {
constexpr int IdNumberRole = Qt::UserRole + 1;
constexpr int NameRole = Qt::UserRole + 2;
} // namespace

ReducePersonPage::ReducePersonPage(DeclarationService &service, ReduceDeclarationData &data, QWidget *parent)
    : QWizardPage(parent)
    , m_service(service)
    , m_data(data)
    , m_idNumber(new QLineEdit(this))
    , m_lookupButton(new QPushButton(tr("&Look up"), this))
    , m_idError(fieldErrorLabel(QStringLiteral("idNumberErrorLabel"), this))
    , m_status(new QLabel(this))
    , m_view(new LookupView(this))
    , m_selectButton(new QPushButton(tr("&Select"), this))
    , m_selected(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_persons(new QListWidget(this))
{
    setObjectName(QStringLiteral("reducePersonPage"));
    setTitle(tr("The person to remove"));
    setSubTitle(tr("Enter the ID number and press Look up, or pick the person from the unit's contributing staff; "
                   "then press Select."));

    m_idNumber->setObjectName(QStringLiteral("idNumberLineEdit"));
    m_idNumber->setMaxLength(18);
    registerField(QStringLiteral("idNumber"), m_idNumber);
    m_lookupButton->setObjectName(QStringLiteral("lookupButton"));
    m_lookupButton->setAccessibleName(tr("Look up"));
    m_status->setObjectName(QStringLiteral("lookupStatusLabel"));
    m_status->setWordWrap(true);
    m_selectButton->setObjectName(QStringLiteral("selectButton"));
    m_selectButton->setAccessibleName(tr("Select"));
    m_selected->setObjectName(QStringLiteral("selectedPersonLabel"));
    m_selected->setWordWrap(true);
    m_filter->setObjectName(QStringLiteral("personFilterLineEdit"));
    m_filter->setPlaceholderText(tr("Filter by name or ID number"));
    m_filter->setAccessibleName(tr("Filter the contributing staff"));
    m_filter->setClearButtonEnabled(true);
    m_persons->setObjectName(QStringLiteral("activePersonsListWidget"));
    m_persons->setAccessibleName(tr("Contributing staff of the unit"));

    auto *idRow = new QHBoxLayout;
    idRow->addWidget(requiredCaption(tr("&ID number"), m_idNumber, this));
    idRow->addWidget(m_idNumber, 1);
    idRow->addWidget(m_lookupButton);
    auto *left = new QVBoxLayout;
    left->addLayout(idRow);
    left->addWidget(m_idError);
    left->addWidget(m_status);
    left->addWidget(m_view, 1);
    auto *selectRow = new QHBoxLayout;
    selectRow->addWidget(m_selectButton);
    selectRow->addWidget(m_selected, 1);
    left->addLayout(selectRow);

    auto *box = new QGroupBox(tr("Contributing staff (local copy)"), this);
    auto *right = new QVBoxLayout(box);
    right->addWidget(m_filter);
    right->addWidget(m_persons, 1);

    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addWidget(box, 2);

    setTabOrder(m_idNumber, m_lookupButton);
    setTabOrder(m_lookupButton, m_selectButton);
    setTabOrder(m_selectButton, m_filter);
    setTabOrder(m_filter, m_persons);

    connect(m_lookupButton, &QPushButton::clicked, this, &ReducePersonPage::lookup);
    connect(m_idNumber, &QLineEdit::returnPressed, this, &ReducePersonPage::lookup);
    connect(m_idNumber, &QLineEdit::textChanged, this, [this] {
        showFieldError(m_idError, m_idNumber, QString());
        if (m_selectableId != m_idNumber->text().trimmed().toUpper())
            setSelectable(QString(), QString(), QString());
    });
    connect(m_selectButton, &QPushButton::clicked, this, &ReducePersonPage::select);
    connect(m_filter, &QLineEdit::textChanged, this, &ReducePersonPage::filterPersons);
    // Picking a person from the list looks them up like typing their number would.
    connect(m_persons, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        m_idNumber->setText(item->data(IdNumberRole).toString());
        lookup();
    });
}

void ReducePersonPage::initializePage()
{
    m_persons->clear();
    for (const Person &person : std::as_const(m_data.activePersons)) {
        auto *item = new QListWidgetItem(QStringLiteral("%1  %2").arg(person.name, IdNumber::mask(person.idNumber)),
                                         m_persons);
        item->setData(IdNumberRole, person.idNumber);
        item->setData(NameRole, person.name);
    }
    filterPersons(m_filter->text());
    restoreSelection();
    m_idNumber->setFocus();
}

void ReducePersonPage::restoreSelection()
{
    if (!m_data.selectedIdNumber.isEmpty()) {
        m_selectableId = m_data.selectedIdNumber;
        m_selectableName = m_data.selectedName;
        m_selected->setText(tr("Selected: %1, %2").arg(m_data.selectedName, IdNumber::mask(m_data.selectedIdNumber)));
    }
    m_selectButton->setEnabled(!m_selectableId.isEmpty() && m_data.selectedIdNumber.isEmpty());
    emit completeChanged();
}

int ReducePersonPage::localIndexOf(const QString &idNumber) const
{
    for (int i = 0; i < m_data.activePersons.size(); ++i) {
        if (m_data.activePersons.at(i).idNumber == idNumber)
            return i;
    }
    return -1;
}

void ReducePersonPage::filterPersons(const QString &text)
{
    const QString needle = text.trimmed();
    for (int row = 0; row < m_persons->count(); ++row) {
        QListWidgetItem *item = m_persons->item(row);
        const bool match = needle.isEmpty() || item->data(NameRole).toString().contains(needle)
                           || item->data(IdNumberRole).toString().contains(needle, Qt::CaseInsensitive);
        item->setHidden(!match);
    }
}

void ReducePersonPage::lookup()
{
    if (m_busy)
        return;
    Result<IdNumber> id = IdNumber::parse(m_idNumber->text());
    if (!id) {
        showFieldError(m_idError, m_idNumber, id.error().message);
        m_idNumber->setFocus();
        return;
    }
    setSelectable(QString(), QString(), QString());
    m_view->clear();
    m_busy = true;
    m_lookupButton->setEnabled(false);
    m_status->setText(tr("Looking up %1 ...").arg(id.value().masked()));
    const QString number = id.value().number();
    const int request = ++m_request;
    m_service.lookup(number, this, [this, request, number](Result<PersonLookup> result) {
        if (request != m_request)
            return;
        m_busy = false;
        m_lookupButton->setEnabled(true);
        const int local = localIndexOf(number);
        if (!result) {
            // Offline the local copy still knows who contributes here; the server checks again
            // when the item is sent.
            if (api::isConnectivityError(result.error()) && local >= 0) {
                setSelectable(number, m_data.activePersons.at(local).name,
                              tr("The server cannot be reached; the person is taken from the local copy."));
                return;
            }
            m_status->setText(result.error().message);
            return;
        }
        PersonLookup lookup = result.value();
        // The blockers of a lookup are about enrolling; a reduction asks other questions.
        lookup.blockers.clear();
        if (!lookup.activeHere) {
            lookup.blockers.append({QStringLiteral("person.not_enrolled"),
                                    tr("The person is not contributing in this unit and cannot be removed."),
                                    QStringLiteral("id_number")});
        } else if (lookup.pendingItem) {
            lookup.blockers.append({QStringLiteral("item.duplicate"),
                                    tr("This unit already has an item for the person that is not yet effective."),
                                    QStringLiteral("id_number")});
        }
        m_view->setLookup(lookup);
        if (lookup.blockers.isEmpty())
            setSelectable(number, lookup.name, tr("Check the person and press Select."));
        else
            m_status->setText(tr("The person cannot be removed:"));
    });
}

void ReducePersonPage::setSelectable(const QString &idNumber, const QString &name, const QString &why)
{
    m_selectableId = idNumber;
    m_selectableName = name;
    m_data.selectedIdNumber.clear();
    m_data.selectedName.clear();
    m_selected->clear();
    m_status->setText(why);
    m_selectButton->setEnabled(!idNumber.isEmpty());
    if (!idNumber.isEmpty())
        m_selectButton->setFocus();
    emit completeChanged();
}

void ReducePersonPage::select()
{
    if (m_selectableId.isEmpty())
        return;
    m_data.selectedIdNumber = m_selectableId;
    m_data.selectedName = m_selectableName;
    m_selected->setText(tr("Selected: %1, %2").arg(m_selectableName, IdNumber::mask(m_selectableId)));
    m_selectButton->setEnabled(false);
    emit completeChanged();
    if (wizard())
        wizard()->next();
}

bool ReducePersonPage::isComplete() const
{
    return !m_data.selectedIdNumber.isEmpty() && !m_busy;
}

} // namespace shebao::ui
