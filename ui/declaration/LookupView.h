#pragma once

#include <QWidget>

#include "models/declaration/Declaration.h"

class QLabel;
class QTableWidget;

namespace shebao::ui {

// 查询's answer as the agency knows the person (guide: 下方此处将出现欲新增人员相关信息): who
// they are, their enrolment history (本单位 / 其他单位 — another unit is never named), pending
// changes, and why nothing can be declared (blockers, red) or what to mind (warnings).
class LookupView : public QWidget
{
    Q_OBJECT

public:
    explicit LookupView(QWidget *parent = nullptr);

    void setLookup(const PersonLookup &lookup);
    void clear();

    QLabel *summaryLabel() const { return m_summary; }
    QLabel *noticesLabel() const { return m_notices; }
    QTableWidget *historyTable() const { return m_history; }

private:
    QLabel *m_summary;
    QTableWidget *m_history;
    QLabel *m_notices;
};

} // namespace shebao::ui
