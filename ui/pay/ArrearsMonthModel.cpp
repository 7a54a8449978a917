#include "ui/pay/ArrearsMonthModel.h"

#include "models/export/DeclarationRows.h"

namespace shebao::ui {

ArrearsMonthModel::ArrearsMonthModel(QObject *parent) : QAbstractTableModel(parent) {}

void ArrearsMonthModel::setEstimate(const ArrearsEstimate &estimate)
{
    beginResetModel();
    m_estimate = estimate;
    m_codes.clear();
    for (const ArrearsMonth &m : m_estimate.months) {
        for (const ArrearsItem &item : m.items) {
            if (!m_codes.contains(item.insurance))
                m_codes.append(item.insurance);
        }
    }
    endResetModel();
}

void ArrearsMonthModel::clear()
{
    setEstimate({});
}

int ArrearsMonthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_estimate.months.size());
}

int ArrearsMonthModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedBefore + 2 * int(m_codes.size()) + TrailingCount;
}

QVariant ArrearsMonthModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ArrearsMonth &m = m_estimate.months.at(index.row());
    const int column = index.column();
    const int perInsuranceEnd = FixedBefore + 2 * int(m_codes.size());
    if (role == Qt::TextAlignmentRole)
        return column <= Period ? QVariant(int(Qt::AlignCenter)) : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));

    // What each cell holds: its text and, for amounts, the fen.
    QString text;
    std::optional<Money> amount;
    QString tip;
    if (column == Month) {
        text = m.month.toString();
    } else if (column == Period) {
        text = m.period;
    } else if (column == Base) {
        amount = m.base.base;
        text = m.base.base.toDisplayString();
        if (m.base.clamp == BaseClamp::Lower) {
            text += tr(" (lower limit)");
            tip = tr("The wage %1 is below this period's lower limit %2; the lower limit applies.")
                      .arg(m.base.wage.toDisplayString(), m.base.lower.toDisplayString());
        } else if (m.base.clamp == BaseClamp::Upper) {
            text += tr(" (upper limit)");
            tip = tr("The wage %1 is above this period's upper limit %2; the upper limit applies.")
                      .arg(m.base.wage.toDisplayString(), m.base.upper.toDisplayString());
        }
    } else if (column < perInsuranceEnd) {
        const int i = (column - FixedBefore) / 2;
        const bool unit = (column - FixedBefore) % 2 == 0;
        for (const ArrearsItem &item : m.items) {
            if (item.insurance == m_codes.at(i)) {
                amount = unit ? item.unit : item.person;
                text = amount->toDisplayString();
                tip = tr("%1: rate %2").arg(item.name, (unit ? item.unitRate : item.personRate).toString());
            }
        }
    } else {
        switch (Trailing(column - perInsuranceEnd)) {
        case Principal: amount = m.principal; break;
        case Days:
            text = QString::number(m.lateFeeDays);
            tip = tr("Due on %1; late fee from the next day up to and including %2.")
                      .arg(m.dueDate.toString(Qt::ISODate), m_estimate.calculationDate.toString(Qt::ISODate));
            break;
        case LateFee:
            amount = m.lateFee;
            if (m.lateFeeCapped)
                tip = tr("The late fee is capped at the principal.");
            break;
        case Total: amount = m.total(); break;
        case TrailingCount: break;
        }
        if (amount)
            text = amount->toDisplayString();
    }
    switch (role) {
    case Qt::DisplayRole: return text;
    case Qt::ToolTipRole: return tip.isEmpty() ? QVariant() : QVariant(tip);
    case Qt::UserRole: return amount ? QVariant(amount->fen()) : QVariant();
    default: return {};
    }
}

QVariant ArrearsMonthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const int perInsuranceEnd = FixedBefore + 2 * int(m_codes.size());
    if (section == Month)
        return tr("Month");
    if (section == Period)
        return tr("Policy period");
    if (section == Base)
        return tr("Contribution base");
    if (section < perInsuranceEnd) {
        const QString name = DeclarationRows::insuranceNames({m_codes.at((section - FixedBefore) / 2)});
        return (section - FixedBefore) % 2 == 0 ? tr("%1 unit", "insurance column").arg(name)
                                                : tr("%1 person", "insurance column").arg(name);
    }
    switch (Trailing(section - perInsuranceEnd)) {
    case Principal: return tr("Principal");
    case Days: return tr("Late days");
    case LateFee: return tr("Late fee");
    case Total: return tr("Subtotal");
    case TrailingCount: break;
    }
    return {};
}

} // namespace shebao::ui
