#include "ui/declaration/submit/BatchTableModel.h"

#include <QBrush>
#include <QColor>

#include "ui/declaration/DeclarationText.h"

namespace shebao::ui {

BatchTableModel::BatchTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void BatchTableModel::setBatches(QList<DeclarationBatch> batches)
{
    beginResetModel();
    m_batches = std::move(batches);
    endResetModel();
}

int BatchTableModel::rowOf(const QString &batchNo) const
{
    for (int row = 0; row < m_batches.size(); ++row) {
        if (m_batches.at(row).batchNo == batchNo)
            return row;
    }
    return -1;
}

int BatchTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_batches.size());
}

int BatchTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BatchTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeclarationBatch &batch = m_batches.at(index.row());
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        if (batch.state == BatchState::Returned)
            return QBrush(QColor(0xc0, 0x00, 0x00));
        if (batch.state == BatchState::AwaitingPaper)
            return QBrush(QColor(0x8a, 0x5a, 0x00));
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case BatchNoColumn: return batch.batchNo;
    case StateColumn:
        return batch.isSigned && batch.state != BatchState::Returned
                   ? tr("%1 (signed)").arg(DeclarationText::batchStateName(batch.state))
                   : DeclarationText::batchStateName(batch.state);
    case DeclaredAtColumn: return batch.declaredAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case CountColumn:
        return tr("%1 (+%2 / -%3)").arg(batch.itemCount).arg(batch.addCount).arg(batch.reduceCount);
    case ReporterColumn: return batch.reporter;
    case PhoneColumn: return batch.phone;
    case ReasonColumn: return batch.returnReason;
    default: break;
    }
    return {};
}

QVariant BatchTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case BatchNoColumn: return tr("Batch number");
    case StateColumn: return tr("State");
    case DeclaredAtColumn: return tr("Declared at");
    case CountColumn: return tr("People");
    case ReporterColumn: return tr("Reporter");
    case PhoneColumn: return tr("Phone");
    case ReasonColumn: return tr("Return reason");
    default: break;
    }
    return {};
}

} // namespace shebao::ui
