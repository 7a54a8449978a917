#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include "models/policy/ArrearsEstimate.h"

namespace shebao::ui {

// The months of an estimate (or of a bill) as the 断档补缴 wizard shows them: 所属期, the policy
// period used, 缴费基数 (with the limit it was clamped to), 单位 / 个人 per 险种 of the estimate,
// 本金, 滞纳天数, 滞纳金 and the month's total. Amounts are right-aligned display strings; their
// fen are under Qt::UserRole.
class ArrearsMonthModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit ArrearsMonthModel(QObject *parent = nullptr);

    void setEstimate(const ArrearsEstimate &estimate);
    void clear();
    QStringList insurances() const { return m_codes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    enum Fixed { Month, Period, Base, FixedBefore }; // then two columns per 险种, then the trailing ones
    enum Trailing { Principal, Days, LateFee, Total, TrailingCount };

    ArrearsEstimate m_estimate;
    QStringList m_codes;
};

} // namespace shebao::ui
