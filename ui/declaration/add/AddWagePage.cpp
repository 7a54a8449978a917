#include "ui/declaration/add/AddWagePage.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/ApiErrors.h"
#include "app/OutboxService.h"
#include "models/policy/ArrearsCalculator.h"
#include "models/policy/PolicyTable.h"
#include "models/validation/IdNumber.h"
#include "models/validation/Phone.h"
#include "ui/declaration/DeclarationText.h"
#include "ui/declaration/FieldCaption.h"
#include "ui/declaration/add/AddDeclarationData.h"
#include "ui/declaration/add/AddPersonPage.h"
#include "ui/widgets/CodeComboBox.h"

namespace shebao::ui {

namespace {
// The policy table of the city (市本级 and its districts share it).
const QString PolicyRegion = QStringLiteral("430100");
} // namespace

AddWagePage::AddWagePage(OutboxService &outbox, AddDeclarationData &data, AddPersonPage *personPage, QWidget *parent)
    : QWizardPage(parent)
    , m_outbox(outbox)
    , m_data(data)
    , m_personPage(personPage)
    , m_who(new QLabel(this))
    , m_startMonth(new CodeComboBox(this))
    , m_wage(new QLineEdit(this))
    , m_confirmButton(new QPushButton(tr("&Confirm wage"), this))
    , m_wageError(fieldErrorLabel(QStringLiteral("wageErrorLabel"), this))
    , m_base(new QLabel(this))
    , m_clampWarning(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("addWagePage"));
    setTitle(tr("Enrolment month and wage"));
    setSubTitle(tr("Choose the first month of contributions, enter the wage and press Confirm wage, then Save."));
    setButtonText(QWizard::NextButton, tr("&Save"));

    m_who->setObjectName(QStringLiteral("whoLabel"));
    m_who->setWordWrap(true);
    m_startMonth->setObjectName(QStringLiteral("startMonthComboBox"));
    m_startMonth->setEntries(DeclarationText::allowedMonths());
    registerField(QStringLiteral("startMonth"), m_startMonth, "code");
    m_wage->setObjectName(QStringLiteral("wageLineEdit"));
    m_wage->setPlaceholderText(tr("Monthly wage in yuan, e.g. 6500.00"));
    registerField(QStringLiteral("wage"), m_wage);
    m_confirmButton->setObjectName(QStringLiteral("confirmWageButton"));
    m_confirmButton->setAccessibleName(tr("Confirm wage"));
    m_base->setObjectName(QStringLiteral("confirmedBaseLabel"));
    m_base->setWordWrap(true);
    m_clampWarning->setObjectName(QStringLiteral("clampWarningLabel"));
    m_clampWarning->setWordWrap(true);
    m_clampWarning->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; border: 1px solid #e0c36a; "
                                                 "color: #5a4500; padding: 4px; }"));
    m_clampWarning->setVisible(false);
    m_error->setObjectName(QStringLiteral("saveErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c00000"));
    m_error->setVisible(false);

    auto *monthNote = new QLabel(tr("The enrolment can start at most two months back."), this);
    monthNote->setObjectName(QStringLiteral("backdatingNoteLabel"));
    auto *form = new QFormLayout;
    auto *monthColumn = new QVBoxLayout;
    monthColumn->addWidget(m_startMonth);
    monthColumn->addWidget(monthNote);
    form->addRow(requiredCaption(tr("Enrolment start m&onth"), m_startMonth, this), monthColumn);
    auto *wageRow = new QHBoxLayout;
    wageRow->addWidget(m_wage, 1);
    wageRow->addWidget(m_confirmButton);
    auto *wageColumn = new QVBoxLayout;
    wageColumn->setSpacing(2);
    wageColumn->addLayout(wageRow);
    wageColumn->addWidget(m_wageError);
    form->addRow(requiredCaption(tr("&Wage base"), m_wage, this), wageColumn);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_who);
    layout->addLayout(form);
    layout->addWidget(m_base);
    layout->addWidget(m_clampWarning);
    layout->addWidget(m_error);
    layout->addStretch();

    setTabOrder(m_startMonth, m_wage);
    setTabOrder(m_wage, m_confirmButton);

    connect(m_confirmButton, &QPushButton::clicked, this, &AddWagePage::confirmWage);
    // Enter in the wage confirms it (工资基数 → 确认工资 without the mouse) and nothing else: it
    // must not also press 保存, the wizard's default button.
    m_wage->installEventFilter(this);
    connect(m_wage, &QLineEdit::textChanged, this, &AddWagePage::invalidateConfirmation);
    connect(m_startMonth, &CodeComboBox::codeChanged, this, &AddWagePage::invalidateConfirmation);
}

bool AddWagePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_wage && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            confirmWage();
            return true;
        }
    }
    return QWizardPage::eventFilter(watched, event);
}

void AddWagePage::initializePage()
{
    const QString id = field(QStringLiteral("idNumber")).toString();
    m_who->setText(tr("%1: %2, ID number %3")
                       .arg(DeclarationText::kindName(m_data.kind), field(QStringLiteral("name")).toString(),
                            IdNumber::mask(id)));
    m_error->setVisible(false);
    invalidateConfirmation();
    m_wage->setFocus();
    if (!m_wage->text().isEmpty())
        confirmWage(); // a resumed draft shows its base again
}

void AddWagePage::invalidateConfirmation()
{
    if (m_confirmedFor == m_startMonth->code() + u'|' + m_wage->text())
        return;
    m_confirmed.reset();
    m_confirmedFor.clear();
    m_base->setText(tr("Press Confirm wage to see the contribution base that applies."));
    m_clampWarning->setVisible(false);
    showFieldError(m_wageError, m_wage, QString());
    emit completeChanged();
}

void AddWagePage::confirmWage()
{
    const std::optional<Money> wage = Money::parseYuan(m_wage->text().trimmed());
    if (!wage || wage->fen() <= 0) {
        showFieldError(m_wageError, m_wage,
                       tr("Enter the wage base as a positive amount in yuan with at most two decimals."));
        m_wage->setFocus();
        return;
    }
    const std::optional<YearMonth> month = YearMonth::parse(m_startMonth->code());
    Result<PolicyTable> table = PolicyTable::forRegion(PolicyRegion);
    if (!table || !month) {
        showFieldError(m_wageError, m_wage, table ? tr("Choose the enrolment start month.") : table.error().message);
        return;
    }
    const ArrearsCalculator calculator(table.value());
    Result<ClampedBase> clamped = calculator.clampBase(*month, *wage);
    if (!clamped) {
        showFieldError(m_wageError, m_wage, clamped.error().message);
        return;
    }
    const ClampedBase &c = clamped.value();
    // The amount as it will be declared ("6,500" -> "6500.00"); set before the text changes so
    // the confirmation is about the normalized text.
    const QString normalized = wage->toYuanString();
    m_confirmed = c;
    m_confirmedFor = m_startMonth->code() + u'|' + normalized;
    if (m_wage->text() != normalized)
        m_wage->setText(normalized);
    showFieldError(m_wageError, m_wage, QString());
    m_base->setText(tr("Contribution base from %1: %2 yuan (limits %3 – %4 yuan).")
                        .arg(DeclarationText::month(month->toString()), c.base.toDisplayString(),
                             c.lower.toDisplayString(), c.upper.toDisplayString()));
    if (c.clamp != BaseClamp::None) {
        const QString which = c.clamp == BaseClamp::Lower
                                  ? tr("below the lower limit of %1 yuan, so the lower limit applies")
                                        .arg(c.lower.toDisplayString())
                                  : tr("above the upper limit of %1 yuan, so the upper limit applies")
                                        .arg(c.upper.toDisplayString());
        m_clampWarning->setText(tr("The wage of %1 yuan is %2: contributions are based on %3 yuan (policy table "
                                   "\"%4\", period %5).")
                                    .arg(wage->toDisplayString(), which, c.base.toDisplayString(), table.value().name(),
                                         c.period));
        m_clampWarning->setAccessibleName(m_clampWarning->text());
    }
    m_clampWarning->setVisible(c.clamp != BaseClamp::None);
    emit completeChanged();
}

bool AddWagePage::isComplete() const
{
    return m_confirmed.has_value() && !m_busy;
}

bool AddWagePage::validatePage()
{
    if (std::exchange(m_saved, false))
        return true;
    if (!m_busy && m_confirmed)
        save();
    return false;
}

void AddWagePage::save()
{
    DeclarationItem item;
    item.kind = m_data.kind;
    item.name = field(QStringLiteral("name")).toString().trimmed();
    item.idNumber = field(QStringLiteral("idNumber")).toString().trimmed().toUpper();
    const Result<IdNumber> id = IdNumber::parse(item.idNumber);
    if (id) {
        item.idNumber = id.value().number();
        item.person.gender = id.value().genderCode();
        item.person.birthDate = id.value().birthDate().toString(Qt::ISODate);
    }
    item.person.ethnicity = field(QStringLiteral("ethnicity")).toString();
    item.person.hukou = field(QStringLiteral("hukou")).toString();
    item.person.employmentForm = field(QStringLiteral("employmentForm")).toString();
    item.person.identity = field(QStringLiteral("identity")).toString();
    item.person.workStartDate = field(QStringLiteral("workStartDate")).toString();
    const Result<Phone> phone = Phone::parse(field(QStringLiteral("phone")).toString());
    item.person.phone = phone ? phone.value().number() : field(QStringLiteral("phone")).toString();
    for (const QString &code : AddPersonPage::insuranceCodes()) {
        if (field(QStringLiteral("insurance%1").arg(code)).toBool())
            item.insurances.append(code);
    }
    item.startMonth = m_startMonth->code();
    item.wage = m_confirmed->wage;
    item.base = m_confirmed->base;

    m_busy = true;
    m_error->setVisible(false);
    emit completeChanged();
    m_outbox.submit(item, [this](Result<OutboxEntry> result) {
        m_busy = false;
        emit completeChanged();
        if (const std::optional<Error> refusal = OutboxService::refusalOf(result))
            return showRefusal(*refusal);
        m_data.saved = result.value();
        m_saved = true;
        if (wizard())
            wizard()->next();
    });
}

void AddWagePage::showRefusal(const Error &error)
{
    // The server's words first; the fields it names get their message too, on this page or on
    // the person form, so the clerk knows where to go back to.
    QStringList lines{error.message};
    const QJsonArray errors = api::problemOf(error).value(QLatin1String("errors")).toArray();
    for (const QJsonValue &value : errors) {
        const QJsonObject e = value.toObject();
        const QString field = e.value(QLatin1String("field")).toString();
        const QString detail = e.value(QLatin1String("detail")).toString();
        if (detail.isEmpty() || detail == error.message)
            continue;
        if (field.endsWith(QLatin1String("wage")) || field.endsWith(QLatin1String("start_month")))
            showFieldError(m_wageError, m_wage, detail);
        else if (m_personPage)
            m_personPage->showServerFieldError(field, detail);
        lines.append(detail);
    }
    m_error->setText(lines.join(QLatin1Char('\n')));
    m_error->setVisible(true);
    m_error->setAccessibleName(m_error->text());
}

} // namespace shebao::ui
