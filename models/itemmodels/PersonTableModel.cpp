#include "models/itemmodels/PersonTableModel.h"

#include "models/validation/IdNumber.h"

#include <array>

namespace shebao {

namespace {

// Display order of the 险种 columns: the order the portal lists them in.
constexpr std::array<QStringView, 5> kInsuranceOrder{u"110", u"210", u"410", u"310", u"510"};

} // namespace

PersonTableModel::PersonTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PersonTableModel::setPersons(QList<Person> persons)
{
    beginResetModel();
    m_persons = std::move(persons);

    QSet<QString> present;
    for (const Person &person : std::as_const(m_persons)) {
        for (const Enrolment &enrolment : person.enrolments)
            present.insert(enrolment.insurance);
    }
    m_insurances.clear();
    for (QStringView code : kInsuranceOrder) {
        const QString insurance = code.toString();
        if (present.remove(insurance))
            m_insurances << insurance;
    }
    // Codes the client does not know yet still get a column, after the known ones.
    QStringList unknown(present.cbegin(), present.cend());
    unknown.sort();
    m_insurances << unknown;

    QSet<qint64> stillPresent;
    for (const Person &person : std::as_const(m_persons)) {
        if (m_revealed.contains(person.id))
            stillPresent.insert(person.id);
    }
    m_revealed = stillPresent;
    endResetModel();
}

bool PersonTableModel::isRevealed(int row) const
{
    return row >= 0 && row < m_persons.size() && m_revealed.contains(m_persons.at(row).id);
}

void PersonTableModel::setRevealed(int row, bool revealed)
{
    if (row < 0 || row >= m_persons.size() || isRevealed(row) == revealed)
        return;
    if (revealed)
        m_revealed.insert(m_persons.at(row).id);
    else
        m_revealed.remove(m_persons.at(row).id);
    const QModelIndex cell = index(row, IdNumberColumn);
    emit dataChanged(cell, cell, {Qt::DisplayRole, Qt::ToolTipRole, Qt::AccessibleTextRole, RevealedRole});
}

int PersonTableModel::columnOfInsurance(const QString &insurance) const
{
    const auto i = m_insurances.indexOf(insurance);
    return i < 0 ? -1 : BirthDateColumn + 1 + int(i);
}

int PersonTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_persons.size());
}

int PersonTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : phoneColumn() + 1;
}

QVariant PersonTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Person &person = m_persons.at(index.row());
    const int column = index.column();

    if (role == PersonIdRole)
        return person.id;
    if (role == RevealedRole)
        return m_revealed.contains(person.id);
    if (role == Qt::ToolTipRole && column == IdNumberColumn && !m_revealed.contains(person.id))
        return tr("Masked. Use \"Show ID number\" to see the full number.");
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};

    switch (column) {
    case PersonNoColumn: return person.personNo;
    case NameColumn: return person.name;
    case IdNumberColumn:
        return m_revealed.contains(person.id) ? person.idNumber : IdNumber::mask(person.idNumber);
    case GenderColumn: return genderText(person.gender);
    case BirthDateColumn: return person.birthDate;
    default: break;
    }
    if (column == phoneColumn())
        return person.phone;
    return insuranceCell(person, column - BirthDateColumn - 1);
}

QString PersonTableModel::insuranceCell(const Person &person, int insuranceIndex) const
{
    EnrolmentStatus status;
    if (!person.statusOf(m_insurances.at(insuranceIndex), &status))
        return notEnrolledText();
    return statusText(status);
}

QVariant PersonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PersonNoColumn: return tr("Person No.");
    case NameColumn: return tr("Name");
    case IdNumberColumn: return tr("ID number");
    case GenderColumn: return tr("Gender");
    case BirthDateColumn: return tr("Date of birth");
    default: break;
    }
    if (section == phoneColumn())
        return tr("Phone");
    if (section > BirthDateColumn && section < phoneColumn()) {
        const QString insurance = m_insurances.at(section - BirthDateColumn - 1);
        return role == Qt::ToolTipRole ? tr("Insurance %1: %2").arg(insurance, insuranceName(insurance))
                                       : insuranceName(insurance);
    }
    return {};
}

QString PersonTableModel::insuranceName(const QString &insurance)
{
    if (insurance == u"110")
        return tr("Pension", "insurance type (column header)");
    if (insurance == u"210")
        return tr("Unemployment", "insurance type (column header)");
    if (insurance == u"310")
        return tr("Medical", "insurance type (column header)");
    if (insurance == u"410")
        return tr("Work injury", "insurance type (column header)");
    if (insurance == u"510")
        return tr("Maternity", "insurance type (column header)");
    return insurance;
}

QString PersonTableModel::statusText(EnrolmentStatus status)
{
    switch (status) {
    case EnrolmentStatus::Active: return tr("Contributing", "enrolment status");
    case EnrolmentStatus::Suspended: return tr("Suspended", "enrolment status");
    case EnrolmentStatus::Terminated: return tr("Terminated", "enrolment status");
    }
    return {};
}

QString PersonTableModel::notEnrolledText()
{
    return tr("Not enrolled", "enrolment status");
}

QString PersonTableModel::genderText(const QString &genderCode)
{
    if (genderCode == u"1")
        return tr("Male");
    if (genderCode == u"2")
        return tr("Female");
    return tr("Unknown", "gender");
}

} // namespace shebao
