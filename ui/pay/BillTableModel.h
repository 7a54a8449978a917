#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "models/bill/Bill.h"

namespace shebao::ui {

// 银行缴费单查询: the unit's bills, newest first (GET /bills rows: no months). Column 0 holds the
// 业务单据号 also under Qt::UserRole; the state column its BillState code under Qt::UserRole.
class BillTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, State, Person, IdNumber, Months, Total, IssuedAt, PayBy, ColumnCount };

    explicit BillTableModel(QObject *parent = nullptr);

    void setBills(QList<Bill> bills);
    // The next page of the same query goes below.
    void append(const QList<Bill> &bills);
    // A bill seen again (fetched, paid, cancelled) replaces its row, keeping the row's place.
    void update(const Bill &bill);
    const Bill &at(int row) const { return m_rows.at(row); }
    int rowOf(const QString &number) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Bill> m_rows;
};

} // namespace shebao::ui
