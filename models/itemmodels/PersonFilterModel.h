#pragma once

#include <QAbstractProxyModel>
#include <QList>
#include <QString>

namespace shebao {

class PersonTableModel;

// Filters the people table as the clerk types, by name, full ID number or 个人编号.
// QSortFilterProxyModel cannot keep up with 100,000 rows per keystroke (TOOLCHAIN.md), so:
// - one lowercase search key per person is built once per snapshot, all keys in one buffer;
// - when the new text contains the previous one, only the previous matches are searched;
// - the row vector is reused in place, so a keystroke allocates nothing once it has grown.
// The full ID number is matched even though it is shown masked: the clerk types the number
// they hold in their hand.
class PersonFilterModel : public QAbstractProxyModel
{
    Q_OBJECT

public:
    explicit PersonFilterModel(QObject *parent = nullptr);

    // Only PersonTableModel: the keys are built from its Person snapshot.
    void setPersonModel(PersonTableModel *model);
    PersonTableModel *personModel() const { return m_people; }
    // Any other model is refused (the proxy then has no source).
    void setSourceModel(QAbstractItemModel *model) override;

    QString filterText() const { return m_filter; }
    void setFilterText(const QString &text);

    int sourceRowOf(int row) const { return m_rows.at(row); }
    int totalCount() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Normalizes what the clerk typed the way the keys are built: full-width folded, trimmed,
    // lower case (a trailing x of an ID number).
    static QString normalize(const QString &text);

signals:
    void filterChanged();

private:
    void rebuildKeys();
    void refilter(const QString &needle, bool narrow);
    bool matches(int sourceRow, QStringView needle) const;

    PersonTableModel *m_people = nullptr;
    QString m_filter;          // normalized
    QString m_keys;            // every person's key, back to back
    QList<qsizetype> m_keyEnd; // m_keys.mid(m_keyEnd[i-1], ...) is person i's key
    QList<int> m_rows;         // source rows shown, ascending
};

} // namespace shebao
