#pragma once

#include <QGroupBox>
#include <QList>

#include "models/home/StaffFigures.h"

class QGridLayout;

namespace shebao::ui {

// 首页 → 当前参保缴费人数: the people enrolled and paying now, in all and per 险种, from the
// cached staff list; each figure asks for its people.
class EnrolledGroupBox : public QGroupBox
{
    Q_OBJECT

public:
    explicit EnrolledGroupBox(QWidget *parent = nullptr);

    void setFigures(const StaffFigures &figures);

signals:
    void peopleRequested(const QString &title, const QList<qint64> &ids);

private:
    QGridLayout *m_grid;
};

} // namespace shebao::ui
