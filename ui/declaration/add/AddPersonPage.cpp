#include "ui/declaration/add/AddPersonPage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include "models/dictionaries/Dictionaries.h"
#include "models/import/ImportValues.h"
#include "models/validation/IdNumber.h"
#include "models/validation/PersonName.h"
#include "models/validation/Phone.h"
#include "ui/declaration/DeclarationText.h"
#include "ui/declaration/FieldCaption.h"
#include "ui/declaration/add/AddDeclarationData.h"
#include "ui/widgets/CodeComboBox.h"

namespace shebao::ui {

namespace {
const QStringList RequiredFields{QStringLiteral("name"), QStringLiteral("ethnicity"), QStringLiteral("hukou"),
                                 QStringLiteral("employmentForm"), QStringLiteral("workStartDate"),
                                 QStringLiteral("phone")};
const QStringList DefaultInsurances{QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")};
} // namespace

QStringList AddPersonPage::insuranceCodes()
{
    return {QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("310"), QStringLiteral("410"),
            QStringLiteral("510")};
}

AddPersonPage::AddPersonPage(AddDeclarationData &data, QWidget *parent)
    : QWizardPage(parent)
    , m_data(data)
    , m_form(new QFormLayout)
    , m_gender(new QLineEdit(this))
    , m_birthDate(new QLineEdit(this))
{
    setObjectName(QStringLiteral("addPersonPage"));
    setTitle(tr("Personal information"));
    setSubTitle(tr("Fill in the form. Items in red are required. Gender and date of birth follow from the ID "
                   "number."));
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    addLine(QStringLiteral("name"), tr("N&ame"), QStringLiteral("nameLineEdit"), true);
    for (auto [edit, caption, name] : {std::tuple{m_gender, tr("Gender"), "genderLineEdit"},
                                       std::tuple{m_birthDate, tr("Date of birth"), "birthDateLineEdit"}}) {
        edit->setObjectName(QString::fromLatin1(name));
        edit->setReadOnly(true);
        edit->setFocusPolicy(Qt::ClickFocus);
        edit->setToolTip(tr("Follows from the ID number"));
        m_form->addRow(optionalCaption(caption, edit, this), edit);
    }
    addCombo(QStringLiteral("ethnicity"), tr("&Ethnicity"), QStringLiteral("ethnicityComboBox"), true)
        ->setDictionary(Dictionaries::ethnicity(), tr("(choose)"));
    addCombo(QStringLiteral("hukou"), tr("Household re&gistration"), QStringLiteral("hukouComboBox"), true)
        ->setDictionary(Dictionaries::hukou(), tr("(choose)"));
    addCombo(QStringLiteral("employmentForm"), tr("E&mployment form"), QStringLiteral("employmentFormComboBox"), true)
        ->setDictionary(Dictionaries::employmentForm(), tr("(choose)"));
    addCombo(QStringLiteral("identity"), tr("Personal &status"), QStringLiteral("identityComboBox"), false)
        ->setDictionary(Dictionaries::identity(), tr("(not given)"));
    addLine(QStringLiteral("workStartDate"), tr("Date of first emp&loyment"), QStringLiteral("workStartDateLineEdit"),
            true)
        ->setPlaceholderText(tr("YYYY-MM-DD"));
    addLine(QStringLiteral("phone"), tr("&Phone"), QStringLiteral("phoneLineEdit"), true)
        ->setPlaceholderText(tr("Mobile or 0731-xxxxxxxx"));

    auto *insuranceBox = new QWidget(this);
    insuranceBox->setObjectName(QStringLiteral("insurancesWidget"));
    auto *insuranceRow = new QHBoxLayout(insuranceBox);
    insuranceRow->setContentsMargins(0, 0, 0, 0);
    for (const QString &code : insuranceCodes()) {
        auto *box = new QCheckBox(DeclarationText::insuranceName(code), insuranceBox);
        box->setObjectName(QStringLiteral("insurance%1CheckBox").arg(code));
        box->setAccessibleName(box->text());
        box->setChecked(DefaultInsurances.contains(code));
        registerField(QStringLiteral("insurance%1").arg(code), box);
        insuranceRow->addWidget(box);
        m_insurances.insert(code, box);
        connect(box, &QCheckBox::toggled, this, [this] { setError(QStringLiteral("insurances"), QString()); });
    }
    insuranceRow->addStretch();
    auto *insuranceCaption = requiredCaption(tr("Insurances"), insuranceBox, this);
    addRow(QStringLiteral("insurances"), insuranceCaption, insuranceBox);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addStretch();
}

QLineEdit *AddPersonPage::addLine(const QString &field, const QString &caption, const QString &objectName,
                                  bool required)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    registerField(field, edit);
    addRow(field, required ? requiredCaption(caption, edit, this) : optionalCaption(caption, edit, this), edit);
    connect(edit, &QLineEdit::textChanged, this, [this, field] {
        setError(field, QString());
        emit completeChanged();
    });
    return edit;
}

CodeComboBox *AddPersonPage::addCombo(const QString &field, const QString &caption, const QString &objectName,
                                      bool required)
{
    auto *combo = new CodeComboBox(this);
    combo->setObjectName(objectName);
    registerField(field, combo, "code");
    addRow(field, required ? requiredCaption(caption, combo, this) : optionalCaption(caption, combo, this), combo);
    connect(combo, &CodeComboBox::codeChanged, this, [this, field] {
        setError(field, QString());
        emit completeChanged();
    });
    return combo;
}

void AddPersonPage::addRow(const QString &field, QLabel *caption, QWidget *widget)
{
    auto *column = new QVBoxLayout;
    column->setSpacing(2);
    column->addWidget(widget);
    QString base = widget->objectName();
    for (const char *suffix : {"LineEdit", "ComboBox", "Widget"}) {
        if (base.endsWith(QLatin1String(suffix)))
            base.chop(int(qstrlen(suffix)));
    }
    QLabel *error = fieldErrorLabel(base + QStringLiteral("ErrorLabel"), this);
    column->addWidget(error);
    m_form->addRow(caption, column);
    m_fields.insert(field, widget);
    m_errors.insert(field, error);
}

void AddPersonPage::setError(const QString &field, const QString &message)
{
    showFieldError(m_errors.value(field), m_fields.value(field), message);
}

bool AddPersonPage::showServerFieldError(const QString &field, const QString &message)
{
    // The API's members (snake_case, maybe under "person.") to this page's fields.
    static const QHash<QString, QString> fromApi{
        {QStringLiteral("name"), QStringLiteral("name")},
        {QStringLiteral("ethnicity"), QStringLiteral("ethnicity")},
        {QStringLiteral("hukou"), QStringLiteral("hukou")},
        {QStringLiteral("employment_form"), QStringLiteral("employmentForm")},
        {QStringLiteral("identity"), QStringLiteral("identity")},
        {QStringLiteral("work_start_date"), QStringLiteral("workStartDate")},
        {QStringLiteral("phone"), QStringLiteral("phone")},
        {QStringLiteral("insurances"), QStringLiteral("insurances")}};
    const QString key = fromApi.value(field.section(u'.', -1));
    if (key.isEmpty())
        return false;
    setError(key, message);
    return true;
}

void AddPersonPage::initializePage()
{
    const QString idNumber = field(QStringLiteral("idNumber")).toString();
    // Back no longer resets the fields (cleanupPage): when the clerk went back and chose another
    // person, what was typed for the first one must not stay. A resumed draft keeps its fields.
    if (!m_filledFor.isEmpty() && m_filledFor != idNumber) {
        for (const char *name : {"name", "ethnicity", "hukou", "employmentForm", "identity", "workStartDate", "phone"})
            setField(QLatin1String(name), QString());
        m_prefilledFor.clear();
    }
    m_filledFor = idNumber;
    const Result<IdNumber> id = IdNumber::parse(idNumber);
    m_gender->setText(id ? id.value().genderName() : QString());
    m_birthDate->setText(id ? id.value().birthDate().toString(Qt::ISODate) : QString());
    // 续保: the agency's data, once per person, without overwriting what the clerk typed.
    if (m_data.lookup && m_data.lookup->known && m_prefilledFor != m_data.lookup->idNumber) {
        m_prefilledFor = m_data.lookup->idNumber;
        const PersonLookup &l = *m_data.lookup;
        // The agency's records may hold a dictionary value by name (城镇) rather than by code;
        // a value no dictionary knows is left for the clerk to choose.
        auto coded = [](const Dictionary &dictionary, const QString &value) {
            const std::optional<DictionaryEntry> entry = dictionary.find(value);
            return entry ? entry->code : QString();
        };
        const std::pair<QString, QString> values[] = {
            {QStringLiteral("name"), l.name},
            {QStringLiteral("ethnicity"), coded(Dictionaries::ethnicity(), l.person.ethnicity)},
            {QStringLiteral("hukou"), coded(Dictionaries::hukou(), l.person.hukou)},
            {QStringLiteral("employmentForm"), coded(Dictionaries::employmentForm(), l.person.employmentForm)},
            {QStringLiteral("identity"), coded(Dictionaries::identity(), l.person.identity)},
            {QStringLiteral("workStartDate"), l.person.workStartDate},
            {QStringLiteral("phone"), l.person.phone}};
        for (const auto &[name, value] : values) {
            if (field(name).toString().isEmpty() && !value.isEmpty())
                setField(name, value);
        }
    }
    m_fields.value(QStringLiteral("name"))->setFocus();
}

bool AddPersonPage::isComplete() const
{
    for (const QString &name : RequiredFields) {
        if (field(name).toString().trimmed().isEmpty())
            return false;
    }
    return true;
}

bool AddPersonPage::validatePage()
{
    bool ok = true;
    auto fail = [&](const QString &name, const QString &message) {
        setError(name, message);
        if (ok)
            m_fields.value(name)->setFocus();
        ok = false;
    };
    if (Result<QString> name = PersonName::normalize(field(QStringLiteral("name")).toString()); !name)
        fail(QStringLiteral("name"), name.error().message);
    const QDate birth = QDate::fromString(m_birthDate->text(), Qt::ISODate);
    const std::optional<QDate> work = ImportValues::parseDate(field(QStringLiteral("workStartDate")).toString());
    if (!work)
        fail(QStringLiteral("workStartDate"), tr("Enter the date of first employment as YYYY-MM-DD."));
    else if (birth.isValid() && *work < birth)
        fail(QStringLiteral("workStartDate"), tr("The date of first employment is before the date of birth."));
    else if (*work > QDate::currentDate())
        fail(QStringLiteral("workStartDate"), tr("The date of first employment is in the future."));
    else
        setField(QStringLiteral("workStartDate"), work->toString(Qt::ISODate));
    if (Result<Phone> phone = Phone::parse(field(QStringLiteral("phone")).toString()); !phone)
        fail(QStringLiteral("phone"), phone.error().message);
    bool anyInsurance = false;
    for (const QCheckBox *box : std::as_const(m_insurances))
        anyInsurance = anyInsurance || box->isChecked();
    if (!anyInsurance)
        fail(QStringLiteral("insurances"), tr("Choose at least one insurance."));
    return ok;
}

} // namespace shebao::ui
