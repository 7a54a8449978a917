#include "ui/pay/ArrearsOptionsPage.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

#include <tuple>

#include "app/BillService.h"
#include "ui/declaration/FieldCaption.h"
#include "ui/pay/ArrearsWizardData.h"

namespace shebao::ui {

ArrearsOptionsPage::ArrearsOptionsPage(ArrearsWizardData &data, QWidget *parent)
    : QWizardPage(parent)
    , m_data(data)
    , m_wage(new QLineEdit(this))
    , m_wageError(fieldErrorLabel(QStringLiteral("wageErrorLabel"), this))
    , m_separate(new QRadioButton(tr("Not part of the unit's settlement"), this))
    , m_unitSettlement(new QRadioButton(tr("Part of the unit's settlement"), this))
    , m_settlementError(fieldErrorLabel(QStringLiteral("settlementErrorLabel"), this))
    , m_from(new QLineEdit(this))
    , m_to(new QLineEdit(this))
    , m_monthsError(fieldErrorLabel(QStringLiteral("monthsErrorLabel"), this))
    , m_monthsHint(new QLabel(this))
{
    setObjectName(QStringLiteral("arrearsOptionsPage"));
    setTitle(tr("Wage and settlement"));
    setSubTitle(tr("Confirm the contribution wage, choose \"not part of the unit's settlement\", and if only part of "
                   "the gaps is to be paid back, the first and last month."));
    m_wage->setObjectName(QStringLiteral("wageLineEdit"));
    m_wage->setPlaceholderText(tr("yuan per month, e.g. 5000.00"));
    m_wage->setMaximumWidth(m_wage->fontMetrics().horizontalAdvance(QStringLiteral("0")) * 24);
    m_wage->setToolTip(tr("Each month's contribution base is this wage clamped to that month's lower and upper "
                          "limits."));
    m_separate->setObjectName(QStringLiteral("separateSettlementRadioButton"));
    m_unitSettlement->setObjectName(QStringLiteral("unitSettlementRadioButton"));
    m_separate->setChecked(true);
    // Shown, as the portal shows it, but not offered: this system issues separate bills only.
    m_unitSettlement->setEnabled(false);
    m_unitSettlement->setToolTip(BillService::settlementRefusal());
    m_unitSettlement->setAccessibleDescription(BillService::settlementRefusal());
    m_from->setObjectName(QStringLiteral("fromMonthLineEdit"));
    m_to->setObjectName(QStringLiteral("toMonthLineEdit"));
    for (QLineEdit *edit : {m_from, m_to}) {
        edit->setMaxLength(7);
        edit->setPlaceholderText(tr("YYYY-MM, optional"));
    }
    m_monthsHint->setObjectName(QStringLiteral("monthsHintLabel"));
    m_monthsHint->setWordWrap(true);
    registerField(QStringLiteral("wage"), m_wage);
    registerField(QStringLiteral("fromMonth"), m_from);
    registerField(QStringLiteral("toMonth"), m_to);

    auto *settlementBox = new QGroupBox(tr("Unit settlement"), this);
    settlementBox->setObjectName(QStringLiteral("settlementGroupBox"));
    auto *settlementLayout = new QVBoxLayout(settlementBox);
    settlementLayout->addWidget(m_separate);
    settlementLayout->addWidget(m_unitSettlement);
    auto *unitSettlementNote = new QLabel(BillService::settlementRefusal(), settlementBox);
    unitSettlementNote->setWordWrap(true);
    unitSettlementNote->setStyleSheet(QStringLiteral("color: #666666;"));
    settlementLayout->addWidget(unitSettlementNote);
    settlementLayout->addWidget(m_settlementError);

    auto *monthsRow = new QHBoxLayout;
    monthsRow->addWidget(m_from);
    monthsRow->addWidget(new QLabel(tr("to"), this));
    monthsRow->addWidget(m_to);
    monthsRow->addStretch(1);
    auto *form = new QFormLayout;
    form->addRow(requiredCaption(tr("Contribution &wage (yuan)"), m_wage, this), m_wage);
    form->addRow(QString(), m_wageError);
    auto *monthsCaption = optionalCaption(tr("Back-payment &months"), m_from, this);
    m_to->setAccessibleName(tr("Back-payment months, last"));
    form->addRow(monthsCaption, monthsRow);
    form->addRow(QString(), m_monthsHint);
    form->addRow(QString(), m_monthsError);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(settlementBox);
    layout->addStretch(1);
    setTabOrder(m_wage, m_separate);
    setTabOrder(m_separate, m_from);
    setTabOrder(m_from, m_to);

    connect(m_wage, &QLineEdit::textEdited, this, [this] { showFieldError(m_wageError, m_wage, {}); });
    for (QLineEdit *edit : {m_from, m_to})
        connect(edit, &QLineEdit::textEdited, this, [this, edit] { showFieldError(m_monthsError, edit, {}); });
}

void ArrearsOptionsPage::initializePage()
{
    const UnitGaps *unit = m_data.unit();
    if (!unit)
        return;
    // The person's last wage base with the unit, unless the clerk typed one for this person and
    // unit already (or a resumed draft brought one).
    const QString whose = m_data.idNumber + u'/' + unit->unitNo;
    if (m_suggestedFor != whose) {
        if (m_wage->text().trimmed().isEmpty() || !m_suggestedFor.isEmpty())
            m_wage->setText(unit->suggestedWage.fen() > 0 ? unit->suggestedWage.toYuanString() : QString());
        m_suggestedFor = whose;
    }
    QStringList ranges;
    for (const GapRange &r : unit->eligible)
        ranges << (r.from == r.to ? r.from.toString() : QStringLiteral("%1 – %2").arg(r.from.toString(), r.to.toString()));
    m_monthsHint->setText(tr("Empty: every month that can be paid back (%1).").arg(ranges.join(QStringLiteral(", "))));
    m_wage->setFocus();
    m_wage->selectAll();
}

void ArrearsOptionsPage::clearErrors()
{
    showFieldError(m_wageError, m_wage, {});
    showFieldError(m_monthsError, m_from, {});
    showFieldError(m_monthsError, m_to, {});
    showFieldError(m_settlementError, m_separate, {});
}

bool ArrearsOptionsPage::showRefusal(const Error &error)
{
    if (error.field == u"wage") {
        showFieldError(m_wageError, m_wage, error.message);
        m_wage->setFocus();
    } else if (error.field == u"from" || error.field == u"to") {
        QLineEdit *edit = error.field == u"from" ? m_from : m_to;
        showFieldError(m_monthsError, edit, error.message);
        edit->setFocus();
    } else if (error.field == u"settlement") {
        showFieldError(m_settlementError, m_separate, error.message);
        m_separate->setFocus();
    } else {
        return false;
    }
    return true;
}

bool ArrearsOptionsPage::validatePage()
{
    clearErrors();
    BillRequest r;
    r.idNumber = m_data.idNumber;
    r.employedFrom = m_data.employedFrom;
    r.settlement = m_separate->isChecked() ? QStringLiteral("separate") : QStringLiteral("unit");
    const std::optional<Money> wage = Money::parseYuan(m_wage->text());
    if (!wage) {
        showRefusal(Error{QStringLiteral("arrears.wage"),
                          tr("The contribution wage must be an amount greater than 0 with at most two decimals."), {},
                          QStringLiteral("wage")});
        return false;
    }
    r.wage = *wage;
    for (const auto &[edit, month, field] : {std::tuple{m_from, &r.from, QStringLiteral("from")},
                                             std::tuple{m_to, &r.to, QStringLiteral("to")}}) {
        const QString typed = edit->text().trimmed();
        if (typed.isEmpty())
            continue;
        *month = YearMonth::parse(typed);
        if (!*month) {
            showRefusal(Error{QStringLiteral("arrears.window"),
                              tr("The back-payment months must be written YYYY-MM, and the first may not be after "
                                 "the last."),
                              {}, field});
            return false;
        }
    }
    Result<BillRequest> checked = BillService::checked(r);
    if (!checked) {
        showRefusal(checked.error());
        return false;
    }
    if (!(checked.value() == m_data.request))
        m_data.estimate.reset();
    m_data.request = checked.value();
    return true;
}

} // namespace shebao::ui
