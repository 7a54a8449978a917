#pragma once

#include <QDialog>
#include <QList>

#include "models/domain/Person.h"

namespace shebao {
class PersonTableModel;
}

namespace shebao::ui {

// The people behind a figure of 首页 (e.g. "2026年3月增加的人员"), from the local cache, as the
// staff list shows them (ID numbers masked).
class PeopleListDialog : public QDialog
{
    Q_OBJECT

public:
    PeopleListDialog(const QString &title, QList<Person> persons, QWidget *parent = nullptr);

    PersonTableModel *model() const { return m_model; }

private:
    PersonTableModel *m_model;
};

} // namespace shebao::ui
