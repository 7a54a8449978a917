#include "ui/pay/ArrearsUnitPage.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "models/export/DeclarationRows.h"
#include "ui/pay/ArrearsWizardData.h"

namespace shebao::ui {

namespace {

constexpr int UnitIndexRole = Qt::UserRole + 1;

QString rangeText(const GapRange &r)
{
    return r.from == r.to ? r.from.toString() : QStringLiteral("%1 – %2").arg(r.from.toString(), r.to.toString());
}

} // namespace

ArrearsUnitPage::ArrearsUnitPage(ArrearsWizardData &data, QWidget *parent)
    : QWizardPage(parent)
    , m_data(data)
    , m_person(new QLabel(this))
    , m_units(new QTreeWidget(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("arrearsUnitPage"));
    setTitle(tr("Choose a unit"));
    setSubTitle(tr("Choose the unit for which the gaps are paid back. Only gaps older than three months (and not "
                   "before 1995-01) can be paid back here."));
    m_person->setObjectName(QStringLiteral("arrearsPersonLabel"));
    m_person->setWordWrap(true);
    m_units->setObjectName(QStringLiteral("unitsTreeWidget"));
    m_units->setAccessibleName(tr("Units with gaps"));
    m_units->setColumnCount(2);
    m_units->setHeaderLabels({tr("Unit and gaps"), tr("Months")});
    m_units->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_units->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_units->header()->setStretchLastSection(false);
    m_units->setSelectionMode(QAbstractItemView::SingleSelection);
    m_hint->setObjectName(QStringLiteral("unitHintLabel"));
    m_hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_person);
    layout->addWidget(m_units, 1);
    layout->addWidget(m_hint);
    connect(m_units, &QTreeWidget::currentItemChanged, this, &ArrearsUnitPage::choose);
}

void ArrearsUnitPage::initializePage()
{
    const QSignalBlocker blocker(m_units);
    m_units->clear();
    m_hint->clear();
    if (!m_data.gaps)
        return;
    const ArrearsGaps &g = *m_data.gaps;
    m_person->setText(tr("%1, ID number %2. Current month %3: gaps up to %4 can be paid back here.")
                          .arg(g.personName, g.idNumberMasked, g.currentMonth.toString(), g.latestEligible.toString()));
    QTreeWidgetItem *chosen = nullptr;
    int choosable = 0;
    bool recent = false;
    for (int i = 0; i < g.units.size(); ++i) {
        const UnitGaps &u = g.units.at(i);
        auto *item = new QTreeWidgetItem(m_units, {QStringLiteral("%1 %2").arg(u.unitNo, u.unitName),
                                                   tr("%n month(s) to pay back", nullptr, u.eligibleMonths())});
        item->setData(0, UnitIndexRole, i);
        const auto addLine = [item](const QString &text, const QString &months, const QString &tip = {}) {
            auto *line = new QTreeWidgetItem(item, {text, months});
            line->setFlags(Qt::ItemIsEnabled);
            line->setToolTip(0, tip);
        };
        addLine(tr("Enrolled with this unit: %1 to %2; risk class %3; insurances %4")
                    .arg(u.windowFrom.toString(), u.windowTo.toString())
                    .arg(u.riskClass)
                    .arg(DeclarationRows::insuranceNames(u.insurances)),
                QString());
        for (const GapRange &r : u.eligible)
            addLine(tr("Can be paid back: %1").arg(rangeText(r)), QString::number(r.months));
        for (const GapRange &r : u.recent) {
            recent = true;
            addLine(tr("Within the last three months: %1 (declare it as a staff change)").arg(rangeText(r)),
                    QString::number(r.months), tr("Gaps of the last three months are handled by staff change declarations."));
        }
        for (const GapRange &r : u.billed)
            addLine(tr("Already in the unpaid bill %1: %2").arg(r.billNumber, rangeText(r)), QString::number(r.months),
                    tr("Pay or cancel that bill first (Bank payment slip query)."));
        if (u.eligibleMonths() == 0) {
            item->setFlags(Qt::ItemIsEnabled);
            item->setToolTip(0, tr("This unit has no gaps older than three months to pay back."));
        } else {
            ++choosable;
            if (!chosen || u.unitNo == m_data.restoredUnitNo || i == m_data.unitIndex)
                chosen = item;
        }
        item->setExpanded(true);
    }
    QStringList hints;
    if (choosable == 0)
        hints << tr("The person has no gaps older than three months with this unit that can be paid back.");
    if (recent)
        hints << tr("Gaps within the last three months are declared under Staff change declaration.");
    m_hint->setText(hints.join(u' '));
    m_data.unitIndex = -1;
    if (chosen) {
        m_units->setCurrentItem(chosen);
        m_data.unitIndex = chosen->data(0, UnitIndexRole).toInt();
    }
    m_units->setFocus();
    emit completeChanged();
}

bool ArrearsUnitPage::isComplete() const
{
    const UnitGaps *unit = m_data.unit();
    return unit && unit->eligibleMonths() > 0;
}

void ArrearsUnitPage::choose()
{
    QTreeWidgetItem *item = m_units->currentItem();
    // A line under a unit stands for its unit.
    while (item && item->parent())
        item = item->parent();
    const int index = item ? item->data(0, UnitIndexRole).toInt() : -1;
    if (m_data.unitIndex != index) {
        m_data.unitIndex = index;
        m_data.estimate.reset();
        m_data.restoredUnitNo.clear();
    }
    emit completeChanged();
}

} // namespace shebao::ui
