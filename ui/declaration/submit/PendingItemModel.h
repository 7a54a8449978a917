#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

#include "models/declaration/Declaration.h"

namespace shebao::ui {

// 待申报: the unit's pending items, one row each, checkable in the first column so the clerk
// declares some or all of them. Checks survive a refresh for the items still pending.
class PendingItemModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { KindColumn, NameColumn, IdNumberColumn, MonthColumn, WageColumn, DetailColumn, ItemNoColumn,
                  ColumnCount };

    explicit PendingItemModel(QObject *parent = nullptr);

    void setItems(QList<DeclarationItem> items);
    const QList<DeclarationItem> &items() const { return m_items; }
    const DeclarationItem &itemAt(int row) const { return m_items.at(row); }

    QList<qint64> checkedIds() const; // in list order
    int checkedCount() const { return int(m_checked.size()); }
    void setAllChecked(bool checked);
    void setChecked(int row, bool checked);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void checkedChanged();

private:
    QList<DeclarationItem> m_items;
    QSet<qint64> m_checked;
};

} // namespace shebao::ui
