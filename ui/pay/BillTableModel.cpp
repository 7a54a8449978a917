#include "ui/pay/BillTableModel.h"

#include <QBrush>
#include <QColor>

namespace shebao::ui {

namespace {

QString beijing(const QDateTime &utc, const char *format)
{
    return utc.isValid() ? utc.toOffsetFromUtc(8 * 3600).toString(QString::fromLatin1(format)) : QString();
}

} // namespace

BillTableModel::BillTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void BillTableModel::setBills(QList<Bill> bills)
{
    beginResetModel();
    m_rows = std::move(bills);
    endResetModel();
}

void BillTableModel::append(const QList<Bill> &bills)
{
    QList<Bill> fresh;
    for (const Bill &b : bills) {
        if (rowOf(b.number) < 0)
            fresh.append(b);
    }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
    m_rows += fresh;
    endInsertRows();
}

void BillTableModel::update(const Bill &bill)
{
    const int row = rowOf(bill.number);
    if (row < 0)
        return;
    m_rows[row] = bill;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int BillTableModel::rowOf(const QString &number) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).number == number)
            return i;
    }
    return -1;
}

int BillTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BillTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BillTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Bill &b = m_rows.at(index.row());
    const Column column = Column(index.column());
    if (role == Qt::UserRole) {
        if (column == Number)
            return b.number;
        if (column == State)
            return billStateCode(b.state);
        if (column == Total)
            return b.total.fen();
        return {};
    }
    if (role == Qt::ForegroundRole && column == State) {
        switch (b.state) {
        case BillState::Paid: return QBrush(QColor(0x1A, 0x7F, 0x37));
        case BillState::Unpaid: return QBrush(QColor(0xB0, 0x60, 0x00));
        case BillState::Expired:
        case BillState::Cancelled: return QBrush(QColor(0x80, 0x80, 0x80));
        }
    }
    if (role == Qt::TextAlignmentRole && column == Total)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (column) {
    case Number: return b.number;
    case State:
        if (role == Qt::ToolTipRole && b.state == BillState::Paid && b.payment)
            return tr("Paid on %1 (%2)").arg(beijing(b.payment->paidAt, "yyyy-MM-dd HH:mm"), b.payment->transactionId);
        return billStateName(b.state);
    case Person: return b.personName;
    case IdNumber: return b.idNumberMasked;
    case Months:
        if (!b.firstMonth.isValid())
            return QString();
        return tr("%1 to %2 (%n month(s))", nullptr, b.monthCount).arg(b.firstMonth.toString(), b.lastMonth.toString());
    case Total: return b.total.toDisplayString();
    case IssuedAt: return beijing(b.createdAt, "yyyy-MM-dd HH:mm");
    case PayBy: return b.payBy.toString(Qt::ISODate);
    case ColumnCount: break;
    }
    return {};
}

QVariant BillTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Number: return tr("Business document number");
    case State: return tr("State");
    case Person: return tr("Name");
    case IdNumber: return tr("ID number");
    case Months: return tr("Months");
    case Total: return tr("Total (yuan)");
    case IssuedAt: return tr("Issued at (Beijing time)");
    case PayBy: return tr("Pay by");
    case ColumnCount: break;
    }
    return {};
}

} // namespace shebao::ui
