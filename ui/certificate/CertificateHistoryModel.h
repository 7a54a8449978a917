#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "models/certificate/Certificate.h"

namespace shebao::ui {

// The unit's issued 参保证明, newest first (GET /certificates rows: no content). Column 0 holds
// the 证明编号 also under Qt::UserRole, which the page uses to fetch the record for a reprint.
class CertificateHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Number, Kind, Purpose, Person, IssuedAt, ValidUntil, State, ColumnCount };

    explicit CertificateHistoryModel(QObject *parent = nullptr);

    void setCertificates(QList<IssuedCertificate> certificates);
    // A freshly issued one goes to the top (or replaces the row of the same number).
    void prepend(const IssuedCertificate &certificate);
    const IssuedCertificate &at(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<IssuedCertificate> m_rows;
};

} // namespace shebao::ui
