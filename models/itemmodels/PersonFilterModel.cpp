#include "models/itemmodels/PersonFilterModel.h"

#include "models/itemmodels/PersonTableModel.h"
#include "models/validation/TextFold.h"

#include <algorithm>
#include <numeric>
#include <string_view>

namespace shebao {

namespace {

// Separates the parts of one key so that a needle never matches across name and ID number.
constexpr QChar kSeparator = QChar(0x1F);

} // namespace

PersonFilterModel::PersonFilterModel(QObject *parent)
    : QAbstractProxyModel(parent)
{
}

QString PersonFilterModel::normalize(const QString &text)
{
    return TextFold::foldTrimmed(text).toLower();
}

void PersonFilterModel::setPersonModel(PersonTableModel *model)
{
    beginResetModel();
    if (m_people)
        disconnect(m_people, nullptr, this, nullptr);
    m_people = model;
    QAbstractProxyModel::setSourceModel(model);
    if (m_people) {
        connect(m_people, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
        connect(m_people, &QAbstractItemModel::modelReset, this, [this] {
            rebuildKeys();
            refilter(m_filter, false);
            endResetModel();
            emit filterChanged();
        });
        connect(m_people, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                    // The people model changes one row at a time (reveal); map row by row.
                    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                        const QModelIndex left = mapFromSource(topLeft.siblingAtRow(row));
                        if (left.isValid())
                            emit dataChanged(left, mapFromSource(bottomRight.siblingAtRow(row)), roles);
                    }
                });
        connect(m_people, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
    }
    rebuildKeys();
    refilter(m_filter, false);
    endResetModel();
}

void PersonFilterModel::setSourceModel(QAbstractItemModel *model)
{
    setPersonModel(qobject_cast<PersonTableModel *>(model));
}

void PersonFilterModel::rebuildKeys()
{
    m_keys.clear();
    m_keyEnd.clear();
    if (!m_people)
        return;
    const QList<Person> &persons = m_people->persons();
    m_keyEnd.reserve(persons.size());
    qsizetype size = 0;
    for (const Person &person : persons)
        size += person.name.size() + person.idNumber.size() + person.personNo.size() + 2;
    m_keys.reserve(size);
    for (const Person &person : persons) {
        m_keys += person.name.toLower();
        m_keys += kSeparator;
        m_keys += person.idNumber.toLower();
        m_keys += kSeparator;
        m_keys += person.personNo.toLower();
        m_keyEnd.append(m_keys.size());
    }
}

bool PersonFilterModel::matches(int sourceRow, QStringView needle) const
{
    const qsizetype begin = sourceRow == 0 ? 0 : m_keyEnd.at(sourceRow - 1);
    // Keys are a few dozen characters: a plain first-character scan beats QStringView::indexOf's
    // setup (hashing the needle) on every one of 100,000 calls.
    const std::u16string_view key(reinterpret_cast<const char16_t *>(m_keys.constData()) + begin, size_t(m_keyEnd.at(sourceRow) - begin));
    return key.find(std::u16string_view(reinterpret_cast<const char16_t *>(needle.data()), size_t(needle.size()))) != std::u16string_view::npos;
}

void PersonFilterModel::refilter(const QString &needle, bool narrow)
{
    const int total = int(m_keyEnd.size());
    if (needle.isEmpty()) {
        m_rows.resize(total);
        std::iota(m_rows.begin(), m_rows.end(), 0);
    } else if (narrow) {
        // Every row matching the longer text matched the shorter one: compact in place.
        const auto kept = std::remove_if(m_rows.begin(), m_rows.end(),
                                         [&](int row) { return !matches(row, needle); });
        m_rows.erase(kept, m_rows.end());
    } else {
        m_rows.resize(total);
        int shown = 0;
        for (int row = 0; row < total; ++row) {
            if (matches(row, needle))
                m_rows[shown++] = row;
        }
        m_rows.resize(shown);
    }
    m_filter = needle;
}

void PersonFilterModel::setFilterText(const QString &text)
{
    const QString needle = normalize(text);
    if (needle == m_filter)
        return;
    const bool narrow = !m_filter.isEmpty() && needle.contains(m_filter);
    // A reset is cheaper for the view than thousands of scattered row removals.
    beginResetModel();
    refilter(needle, narrow);
    endResetModel();
    emit filterChanged();
}

int PersonFilterModel::totalCount() const
{
    return int(m_keyEnd.size());
}

QModelIndex PersonFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_rows.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex PersonFilterModel::parent(const QModelIndex &) const
{
    return {};
}

int PersonFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PersonFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_people ? 0 : m_people->columnCount();
}

bool PersonFilterModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_rows.isEmpty();
}

QVariant PersonFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_people)
        return {};
    // The base class maps columns through row 0, which loses the headers when nothing matches.
    if (orientation == Qt::Horizontal)
        return m_people->headerData(section, orientation, role);
    if (role == Qt::DisplayRole && section >= 0 && section < m_rows.size())
        return section + 1;
    return {};
}

QModelIndex PersonFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !m_people || proxyIndex.row() >= m_rows.size())
        return {};
    return m_people->index(m_rows.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex PersonFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != m_people)
        return {};
    // m_rows is ascending, so the proxy row is found by binary search.
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), sourceIndex.row());
    if (it == m_rows.cend() || *it != sourceIndex.row())
        return {};
    return createIndex(int(it - m_rows.cbegin()), sourceIndex.column());
}

} // namespace shebao
