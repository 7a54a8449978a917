#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QStringList>

#include "models/domain/Person.h"

namespace shebao::ui {

// The unit's people as the 参保证明 page's person picker offers them: "姓名　个人编号　masked ID"
// (the number masked as on the certificate: the picker may be seen over a shoulder), the 个人编号
// under Qt::UserRole. A plain list model over the cached people: a unit of 100,000 costs no
// widget items, and the texts are made once, when the picker is first needed.
class PersonPickerModel : public QAbstractListModel
{
    Q_OBJECT

public:
    explicit PersonPickerModel(QObject *parent = nullptr);

    void setPersons(QList<Person> persons);
    // The row whose text is exactly `text` or whose 个人编号 is `text`; -1 if none.
    int find(const QString &text) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<Person> m_persons;
    QStringList m_texts;
};

} // namespace shebao::ui
