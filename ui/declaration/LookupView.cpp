#include "ui/declaration/LookupView.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "models/validation/IdNumber.h"
#include "ui/declaration/DeclarationText.h"
#include "ui/widgets/TableSetup.h"

namespace shebao::ui {

LookupView::LookupView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_history(new QTableWidget(this))
    , m_notices(new QLabel(this))
{
    setObjectName(QStringLiteral("lookupView"));
    m_summary->setObjectName(QStringLiteral("lookupSummaryLabel"));
    m_summary->setWordWrap(true);
    m_notices->setObjectName(QStringLiteral("lookupNoticesLabel"));
    m_notices->setWordWrap(true);
    m_notices->setTextFormat(Qt::RichText);

    m_history->setObjectName(QStringLiteral("historyTableWidget"));
    m_history->setAccessibleName(tr("Enrolment history"));
    m_history->setColumnCount(5);
    m_history->setHorizontalHeaderLabels(
        {tr("Insurance"), tr("From"), tr("To"), tr("Status"), tr("Unit", "this or another unit")});
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setSelectionMode(QAbstractItemView::NoSelection);
    m_history->setFocusPolicy(Qt::NoFocus);
    setUpTable(m_history);
    // Only to read: the keyboard moves on to 选中.
    m_history->setSelectionMode(QAbstractItemView::NoSelection);
    m_history->setMinimumHeight(120);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_history, 1);
    layout->addWidget(m_notices);
    // Without a history the summary stays at the top rather than floating in the middle.
    layout->addStretch();
    clear();
}

void LookupView::clear()
{
    m_summary->clear();
    m_notices->clear();
    m_notices->setVisible(false);
    m_history->setRowCount(0);
    m_history->setVisible(false);
}

void LookupView::setLookup(const PersonLookup &lookup)
{
    QString summary;
    if (lookup.known) {
        summary = tr("%1, ID number %2, person number %3. Known to the agency.")
                      .arg(lookup.name, IdNumber::mask(lookup.idNumber), lookup.personNo);
    } else {
        summary = tr("ID number %1 is not known to the agency: the person is enrolled for the first time (new "
                     "enrolment).")
                      .arg(IdNumber::mask(lookup.idNumber));
    }
    QStringList states;
    if (lookup.activeHere)
        states.append(tr("contributing in this unit"));
    if (lookup.activeElsewhere)
        states.append(tr("contributing in another unit"));
    if (lookup.pendingKeyChange)
        states.append(tr("a change of key information awaits review"));
    if (lookup.pendingItem)
        states.append(tr("this unit already has an item for the person that is not yet effective"));
    if (!states.isEmpty())
        summary += QLatin1Char(' ') + tr("Currently: %1.").arg(states.join(QStringLiteral("; ")));
    m_summary->setText(summary);

    m_history->setRowCount(int(lookup.history.size()));
    for (int row = 0; row < lookup.history.size(); ++row) {
        const LookupPeriod &p = lookup.history.at(row);
        const QStringList cells{DeclarationText::insuranceName(p.insurance), DeclarationText::month(p.startMonth),
                                p.endMonth.isEmpty() ? tr("open") : DeclarationText::month(p.endMonth),
                                DeclarationText::periodStatus(p.status),
                                p.thisUnit ? tr("This unit") : tr("Another unit")};
        for (int column = 0; column < cells.size(); ++column)
            m_history->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    fitColumns(m_history);
    m_history->setVisible(!lookup.history.isEmpty());

    QStringList notices;
    for (const DeclarationNotice &n : lookup.blockers)
        notices.append(QStringLiteral("<span style=\"color:#c00000\">%1</span>").arg(n.message.toHtmlEscaped()));
    for (const DeclarationNotice &n : lookup.warnings)
        notices.append(QStringLiteral("<span style=\"color:#8a5a00\">%1</span>").arg(n.message.toHtmlEscaped()));
    m_notices->setText(notices.join(QStringLiteral("<br>")));
    m_notices->setVisible(!notices.isEmpty());
    // What the colours say, for screen readers.
    QStringList plain;
    for (const DeclarationNotice &n : lookup.blockers)
        plain.append(n.message);
    for (const DeclarationNotice &n : lookup.warnings)
        plain.append(n.message);
    m_notices->setAccessibleName(plain.join(QLatin1Char(' ')));
}

} // namespace shebao::ui
