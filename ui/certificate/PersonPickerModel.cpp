#include "ui/certificate/PersonPickerModel.h"

#include "models/validation/IdNumber.h"

namespace shebao::ui {

PersonPickerModel::PersonPickerModel(QObject *parent) : QAbstractListModel(parent) {}

void PersonPickerModel::setPersons(QList<Person> persons)
{
    beginResetModel();
    m_persons = std::move(persons);
    m_texts.clear();
    m_texts.reserve(m_persons.size());
    for (const Person &p : m_persons)
        m_texts << QStringLiteral("%1　%2　%3").arg(p.name, p.personNo, IdNumber::mask(p.idNumber));
    endResetModel();
}

int PersonPickerModel::find(const QString &text) const
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty())
        return -1;
    for (qsizetype i = 0; i < m_persons.size(); ++i) {
        if (m_texts.at(i) == wanted || m_persons.at(i).personNo == wanted)
            return int(i);
    }
    return -1;
}

int PersonPickerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_persons.size());
}

QVariant PersonPickerModel::data(const QModelIndex &index, int role) const
{
    // QComboBox asks for row -1 of an empty model (its current item's icon): no data, no warning.
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return m_texts.at(index.row());
    case Qt::UserRole: return m_persons.at(index.row()).personNo;
    default: return {};
    }
}

} // namespace shebao::ui
