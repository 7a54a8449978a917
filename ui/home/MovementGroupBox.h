#pragma once

#include <QGroupBox>
#include <QList>

#include "models/home/StaffFigures.h"

class QBarSet;
class QChart;
class QChartView;
class QTableWidget;
class QTabWidget;

namespace shebao::ui {

// 首页 → 近12个月人员增减: the people added and removed in each of the last twelve months, as a
// bar chart (click a bar) and as a table (Enter on a figure: the keyboard's and the screen
// reader's way to the same lists).
class MovementGroupBox : public QGroupBox
{
    Q_OBJECT

public:
    explicit MovementGroupBox(QWidget *parent = nullptr);

    void setFigures(const StaffFigures &figures);
    // The people of one month's bar or cell (0 = the oldest month shown).
    void requestMonth(int monthIndex, bool added);
    QChart *chart() const { return m_chart; }

signals:
    void peopleRequested(const QString &title, const QList<qint64> &ids);

private:
    static QString monthTitle(YearMonth month);

    QList<StaffFigures::Month> m_months;
    QTabWidget *m_tabs;
    QChart *m_chart;
    QChartView *m_chartView;
    QTableWidget *m_table;
};

} // namespace shebao::ui
