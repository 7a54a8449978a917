#include "ui/maintain/ChangeSelectPersonPage.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include "models/validation/IdNumber.h"
#include "ui/maintain/ChangeWizardData.h"

namespace shebao::ui {

namespace {
constexpr int IndexRole = Qt::UserRole + 1;
}

ChangeSelectPersonPage::ChangeSelectPersonPage(ChangeWizardData &data, QWidget *parent)
    : QWizardPage(parent)
    , m_data(data)
    , m_filter(new QLineEdit(this))
    , m_persons(new QListWidget(this))
    , m_selected(new QLabel(this))
{
    setObjectName(QStringLiteral("changeSelectPersonPage"));
    setTitle(tr("Choose the person"));
    setSubTitle(tr("Search the unit's staff by name, ID number or person number and choose the person whose "
                   "information changes."));
    m_filter->setObjectName(QStringLiteral("personSearchLineEdit"));
    m_filter->setPlaceholderText(tr("Name, ID number or person number"));
    m_filter->setAccessibleName(tr("Search the staff"));
    m_filter->setClearButtonEnabled(true);
    m_persons->setObjectName(QStringLiteral("staffListWidget"));
    m_persons->setAccessibleName(tr("Staff of the unit"));
    m_selected->setObjectName(QStringLiteral("chosenPersonLabel"));
    m_selected->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_persons, 1);
    layout->addWidget(m_selected);
    connect(m_filter, &QLineEdit::textChanged, this, &ChangeSelectPersonPage::filter);
    connect(m_persons, &QListWidget::currentRowChanged, this, &ChangeSelectPersonPage::choose);
    connect(m_persons, &QListWidget::itemActivated, this, [this] {
        if (isComplete() && wizard())
            wizard()->next();
    });
}

void ChangeSelectPersonPage::initializePage()
{
    const QSignalBlocker blocker(m_persons);
    m_persons->clear();
    for (int i = 0; i < m_data.persons.size(); ++i) {
        const Person &person = m_data.persons.at(i);
        auto *item = new QListWidgetItem(
            QStringLiteral("%1  %2  %3").arg(person.name, IdNumber::mask(person.idNumber), person.personNo), m_persons);
        item->setData(IndexRole, i);
        if (m_data.person && m_data.person->personNo == person.personNo)
            m_persons->setCurrentItem(item);
    }
    if (m_data.persons.isEmpty())
        m_selected->setText(tr("The local copy holds no staff of the unit: sync first (F5)."));
    filter(m_filter->text());
    choose();
    m_filter->setFocus();
}

void ChangeSelectPersonPage::filter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int row = 0; row < m_persons->count(); ++row) {
        QListWidgetItem *item = m_persons->item(row);
        const Person &person = m_data.persons.at(item->data(IndexRole).toInt());
        const bool match = needle.isEmpty() || person.name.contains(needle)
                           || person.idNumber.contains(needle, Qt::CaseInsensitive) || person.personNo.contains(needle);
        item->setHidden(!match);
    }
}

void ChangeSelectPersonPage::choose()
{
    QListWidgetItem *item = m_persons->currentItem();
    if (item && !item->isHidden()) {
        const Person &person = m_data.persons.at(item->data(IndexRole).toInt());
        m_data.person = person;
        m_selected->setText(tr("Chosen: %1, %2").arg(person.name, IdNumber::mask(person.idNumber)));
    } else if (!m_data.persons.isEmpty()) {
        m_selected->setText(m_data.person ? tr("Chosen: %1, %2").arg(m_data.person->name,
                                                                      IdNumber::mask(m_data.person->idNumber))
                                          : tr("Choose a person in the list."));
    }
    emit completeChanged();
}

bool ChangeSelectPersonPage::isComplete() const
{
    return m_data.person.has_value();
}

} // namespace shebao::ui
