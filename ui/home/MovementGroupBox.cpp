#include "ui/home/MovementGroupBox.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace shebao::ui {

namespace {

const QColor AddedColor(0x2e, 0x7d, 0x32);   // green: people came
const QColor RemovedColor(0xc6, 0x28, 0x28); // red: people left

} // namespace

MovementGroupBox::MovementGroupBox(QWidget *parent)
    : QGroupBox(tr("People added and removed, last 12 months"), parent)
    , m_tabs(new QTabWidget(this))
    , m_chart(new QChart)
    , m_chartView(new QChartView(m_chart, this))
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("movementGroupBox"));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chartView->setObjectName(QStringLiteral("staffChartView"));
    m_chartView->setAccessibleName(tr("People added and removed in the last twelve months (chart)"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumSize(320, 200);
    m_chartView->setMinimumSize(320, 200);
    // The chart is for the mouse; the table holds the same figures for the keyboard.
    m_chartView->setFocusPolicy(Qt::NoFocus);

    m_table->setObjectName(QStringLiteral("monthTableWidget"));
    m_table->setAccessibleName(tr("People added and removed in the last twelve months (table)"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Month"), tr("Added"), tr("Removed")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int column) {
        if (column > 0) // newest month first in the table
            requestMonth(int(m_months.size()) - 1 - row, column == 1);
    });

    m_tabs->setObjectName(QStringLiteral("monthTabWidget"));
    m_tabs->setAccessibleName(title());
    m_tabs->addTab(m_chartView, tr("Chart"));
    m_tabs->addTab(m_table, tr("Table"));
    auto *hint = new QLabel(tr("Click a bar, or press Enter on a figure of the table, to see who it was."), this);
    hint->setObjectName(QStringLiteral("monthsHintLabel"));
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(hint);
}

QString MovementGroupBox::monthTitle(YearMonth month)
{
    return tr("%1-%2").arg(month.year()).arg(month.month());
}

void MovementGroupBox::requestMonth(int monthIndex, bool added)
{
    if (monthIndex < 0 || monthIndex >= m_months.size())
        return;
    const StaffFigures::Month &m = m_months.at(monthIndex);
    emit peopleRequested(added ? tr("People added in %1").arg(monthTitle(m.month))
                               : tr("People removed in %1").arg(monthTitle(m.month)),
                         added ? m.added : m.removed);
}

void MovementGroupBox::setFigures(const StaffFigures &figures)
{
    m_months = figures.months;
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);
    auto *series = new QBarSeries;
    auto *added = new QBarSet(tr("Added"));
    auto *removed = new QBarSet(tr("Removed"));
    added->setColor(AddedColor);
    removed->setColor(RemovedColor);
    QStringList categories;
    int highest = 0;
    m_table->setRowCount(int(m_months.size()));
    for (int i = 0; i < m_months.size(); ++i) {
        const StaffFigures::Month &m = m_months.at(i);
        *added << qreal(m.added.size());
        *removed << qreal(m.removed.size());
        highest = std::max({highest, int(m.added.size()), int(m.removed.size())});
        // Short labels fit twelve bars; the axis title says which year is which.
        categories << tr("%1", "month number on the chart").arg(m.month.month());
        const int row = int(m_months.size()) - 1 - i;
        const QStringList cells{monthTitle(m.month), QString::number(m.added.size()), QString::number(m.removed.size())};
        for (int column = 0; column < 3; ++column) {
            auto *cell = new QTableWidgetItem(cells.at(column));
            if (column > 0)
                cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, cell);
        }
    }
    series->append(added);
    series->append(removed);
    m_chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(categories);
    if (!m_months.isEmpty())
        axisX->setTitleText(tr("%1 to %2").arg(monthTitle(m_months.constFirst().month), monthTitle(m_months.constLast().month)));
    auto *axisY = new QValueAxis;
    // Whole people: integer ticks, and at least 0..5 so a quiet year does not look odd.
    const int top = std::max(5, highest + (highest + 4) / 5);
    axisY->setRange(0, top);
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->setTickType(QValueAxis::TicksDynamic);
    axisY->setTickAnchor(0);
    axisY->setTickInterval(std::max(1, (top + 4) / 5));
    m_chart->addAxis(axisX, Qt::AlignBottom);
    m_chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    connect(added, &QBarSet::clicked, this, [this](int index) { requestMonth(index, true); });
    connect(removed, &QBarSet::clicked, this, [this](int index) { requestMonth(index, false); });
    m_table->resizeColumnsToContents();
}

} // namespace shebao::ui
