#include "ui/declaration/submit/PendingItemModel.h"

#include <QBrush>
#include <QColor>

#include "models/validation/IdNumber.h"
#include "ui/declaration/DeclarationText.h"

namespace shebao::ui {

PendingItemModel::PendingItemModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PendingItemModel::setItems(QList<DeclarationItem> items)
{
    beginResetModel();
    m_items = std::move(items);
    QSet<qint64> still;
    for (const DeclarationItem &item : std::as_const(m_items)) {
        if (m_checked.contains(item.id))
            still.insert(item.id);
    }
    m_checked = still;
    endResetModel();
    emit checkedChanged();
}

QList<qint64> PendingItemModel::checkedIds() const
{
    QList<qint64> ids;
    for (const DeclarationItem &item : m_items) {
        if (m_checked.contains(item.id))
            ids.append(item.id);
    }
    return ids;
}

void PendingItemModel::setAllChecked(bool checked)
{
    m_checked.clear();
    if (checked) {
        for (const DeclarationItem &item : std::as_const(m_items))
            m_checked.insert(item.id);
    }
    if (!m_items.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::CheckStateRole});
    emit checkedChanged();
}

void PendingItemModel::setChecked(int row, bool checked)
{
    if (row < 0 || row >= m_items.size())
        return;
    const qint64 id = m_items.at(row).id;
    if (checked == m_checked.contains(id))
        return;
    if (checked)
        m_checked.insert(id);
    else
        m_checked.remove(id);
    emit dataChanged(index(row, 0), index(row, 0), {Qt::CheckStateRole});
    emit checkedChanged();
}

int PendingItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int PendingItemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PendingItemModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeclarationItem &item = m_items.at(index.row());
    if (role == Qt::CheckStateRole && index.column() == KindColumn)
        return m_checked.contains(item.id) ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ForegroundRole && !item.returnedReason.isEmpty())
        return QBrush(QColor(0xc0, 0x00, 0x00));
    if (role == Qt::ToolTipRole) {
        QStringList lines;
        if (!item.returnedReason.isEmpty())
            lines.append(tr("Returned by the counter: %1").arg(item.returnedReason));
        for (const DeclarationNotice &notice : item.warnings)
            lines.append(notice.message);
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case KindColumn: return DeclarationText::kindName(item.kind);
    case NameColumn: return item.name;
    case IdNumberColumn: return IdNumber::mask(item.idNumber);
    case MonthColumn: return DeclarationText::month(item.isReduce() ? item.stopMonth : item.startMonth);
    case WageColumn: return item.isReduce() ? QString() : item.base.toDisplayString();
    case DetailColumn:
        if (item.isReduce())
            return QStringLiteral("%1 / %2").arg(DeclarationText::changeTypeName(item.changeType),
                                                 DeclarationText::changeReasonName(item.changeReason));
        return DeclarationText::insuranceList(item.insurances);
    case ItemNoColumn: return item.itemNo;
    default: break;
    }
    return {};
}

bool PendingItemModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != KindColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    setChecked(index.row(), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags PendingItemModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == KindColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant PendingItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn: return tr("Kind");
    case NameColumn: return tr("Name");
    case IdNumberColumn: return tr("ID number");
    case MonthColumn: return tr("Start / stop month");
    case WageColumn: return tr("Contribution base");
    case DetailColumn: return tr("Insurances / reason");
    case ItemNoColumn: return tr("Item number");
    default: break;
    }
    return {};
}

} // namespace shebao::ui
