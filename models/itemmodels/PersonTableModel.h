#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QStringList>

#include "models/domain/Person.h"

namespace shebao {

// The unit's people as a read-only table: one snapshot (from the local cache), one row per
// person. The 公民身份号码 column shows the masked number unless the row was revealed on
// purpose (setRevealed), so a glance over the clerk's shoulder shows no full ID numbers.
class PersonTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum FixedColumn { PersonNoColumn, NameColumn, IdNumberColumn, GenderColumn, BirthDateColumn };
    enum Role {
        PersonIdRole = Qt::UserRole + 1, // qint64 server id
        RevealedRole,                    // bool
    };

    explicit PersonTableModel(QObject *parent = nullptr);

    // Replaces the snapshot; reveal flags of people still present are kept.
    void setPersons(QList<Person> persons);
    const QList<Person> &persons() const { return m_persons; }
    const Person &personAt(int row) const { return m_persons.at(row); }

    bool isRevealed(int row) const;
    void setRevealed(int row, bool revealed);

    // The 险种 codes that have a column, in display order, and the column of one of them (-1).
    QStringList insuranceColumns() const { return m_insurances; }
    int columnOfInsurance(const QString &insurance) const;
    int phoneColumn() const { return BirthDateColumn + 1 + int(m_insurances.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Display texts, shared with other views of people.
    static QString insuranceName(const QString &insurance);
    static QString statusText(EnrolmentStatus status);
    static QString notEnrolledText();
    static QString genderText(const QString &genderCode);

private:
    QString insuranceCell(const Person &person, int insuranceIndex) const;

    QList<Person> m_persons;
    QStringList m_insurances;
    QSet<qint64> m_revealed; // by person id, so a refreshed snapshot keeps the choice
};

} // namespace shebao
