#include "ui/pages/UnitInfoPage.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QVBoxLayout>

#include "ui/widgets/SessionStatusBar.h"

namespace shebao {

namespace {

const char *const kKeyColor = "color: #1f4e9c;";

} // namespace

UnitInfoPage::UnitInfoPage(QWidget *parent)
    : QWidget(parent)
    , m_emptyLabel(new QLabel(tr("The unit's information has not been synced yet. Use Sync when online."), this))
    , m_form(new QWidget(this))
{
    setObjectName(QStringLiteral("unitInfoPage"));
    setAccessibleName(tr("Unit information"));

    auto *title = new QLabel(tr("Unit information"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title->setFont(titleFont);

    auto *legend = new QLabel(tr("Fields in blue are key information: changing them needs supporting "
                                 "documents and the agency's review."), this);
    legend->setWordWrap(true);
    legend->setStyleSheet(QString::fromLatin1(kKeyColor));

    m_emptyLabel->setObjectName(QStringLiteral("unitEmptyLabel"));
    m_emptyLabel->setWordWrap(true);

    // Long fields on a wide screen are hard to read: keep the form to a comfortable width.
    m_form->setMaximumWidth(760);
    auto *form = new QFormLayout(m_form);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addField("unitNoLineEdit", tr("Unit number"), false);
    addField("unitNameLineEdit", tr("Unit name"), true);
    addField("creditCodeLineEdit", tr("Unified social credit code"), true);
    addField("legalRepresentativeLineEdit", tr("Legal representative"), true);
    addField("unitTypeLineEdit", tr("Unit type"), true);
    addField("economicTypeLineEdit", tr("Economic type"), false);
    addField("industryLineEdit", tr("Industry"), false);
    addField("riskClassLineEdit", tr("Work injury risk class"), true);
    addField("addressLineEdit", tr("Registered address"), true);
    addField("districtLineEdit", tr("District"), false);
    addField("agencyLineEdit", tr("Handling agency"), false);
    addField("contactNameLineEdit", tr("Contact person"), false);
    addField("contactPhoneLineEdit", tr("Contact phone"), false);
    addField("postalAddressLineEdit", tr("Postal address"), false);
    addField("emailLineEdit", tr("E-mail"), false);
    addField("levelLineEdit", tr("Account level"), false);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("unitInfoScrollArea"));
    scroll->setAccessibleName(tr("Unit information"));
    auto *formHolder = new QWidget(scroll);
    auto *holderLayout = new QHBoxLayout(formHolder);
    holderLayout->setContentsMargins(0, 0, 0, 0);
    holderLayout->addWidget(m_form, 1);
    holderLayout->addStretch(0); // takes the rest once the form is at its maximum width
    scroll->setWidget(formHolder);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(legend);
    layout->addWidget(m_emptyLabel);
    layout->addWidget(scroll, 1);
    setUnit(std::nullopt);
}

QLineEdit *UnitInfoPage::addField(const char *objectName, const QString &label, bool key)
{
    auto *edit = new QLineEdit(m_form);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setReadOnly(true);
    edit->setAccessibleName(label);
    auto *labelWidget = new QLabel(label + QLatin1Char(':'), m_form);
    labelWidget->setBuddy(edit);
    if (key)
        labelWidget->setStyleSheet(QString::fromLatin1(kKeyColor));
    static_cast<QFormLayout *>(m_form->layout())->addRow(labelWidget, edit);
    m_fields.insert(edit->objectName(), edit);
    return edit;
}

QString UnitInfoPage::fieldText(const QString &objectName) const
{
    const QLineEdit *edit = m_fields.value(objectName);
    return edit ? edit->text() : QString();
}

void UnitInfoPage::setUnit(const std::optional<Unit> &unit)
{
    m_emptyLabel->setVisible(!unit);
    m_form->setEnabled(unit.has_value());
    const Unit u = unit.value_or(Unit{});
    const auto set = [this](const char *name, const QString &text) {
        m_fields.value(QString::fromLatin1(name))->setText(text);
        m_fields.value(QString::fromLatin1(name))->setCursorPosition(0);
    };
    set("unitNoLineEdit", u.unitNo);
    set("unitNameLineEdit", u.name);
    set("creditCodeLineEdit", u.creditCode);
    set("legalRepresentativeLineEdit", u.legalRepresentative);
    set("unitTypeLineEdit", u.unitType);
    set("economicTypeLineEdit", u.economicType);
    set("industryLineEdit", u.industry);
    set("riskClassLineEdit", unit ? tr("Class %1").arg(u.riskClass) : QString());
    set("addressLineEdit", u.address);
    set("districtLineEdit", u.district);
    set("agencyLineEdit", u.agency);
    set("contactNameLineEdit", u.contactName);
    set("contactPhoneLineEdit", u.contactPhone);
    set("postalAddressLineEdit", u.postalAddress);
    set("emailLineEdit", u.email);
    set("levelLineEdit", unit ? SessionStatusBar::levelText(u.level) : QString());
}

} // namespace shebao
