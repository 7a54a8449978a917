#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "models/declaration/Declaration.h"

namespace shebao::ui {

// 申报查询: the unit's declared batches, newest first, with their state (已申报, 待交纸质表,
// 已受理, 已生效, 退回 with the reason).
class BatchTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { BatchNoColumn, StateColumn, DeclaredAtColumn, CountColumn, ReporterColumn, PhoneColumn,
                  ReasonColumn, ColumnCount };

    explicit BatchTableModel(QObject *parent = nullptr);

    void setBatches(QList<DeclarationBatch> batches);
    const DeclarationBatch &batchAt(int row) const { return m_batches.at(row); }
    int rowOf(const QString &batchNo) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DeclarationBatch> m_batches;
};

} // namespace shebao::ui
