#include "ui/home/PeopleListDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "models/itemmodels/PersonTableModel.h"
#include "ui/widgets/TableSetup.h"

namespace shebao::ui {

PeopleListDialog::PeopleListDialog(const QString &title, QList<Person> persons, QWidget *parent)
    : QDialog(parent)
    , m_model(new PersonTableModel(this))
{
    setObjectName(QStringLiteral("peopleListDialog"));
    setWindowTitle(title);
    const qsizetype count = persons.size();
    m_model->setPersons(std::move(persons));

    auto *caption = new QLabel(tr("%1: %n person(s). ID numbers are masked; the staff list shows them in full on "
                                  "request.",
                                  nullptr, int(count))
                                   .arg(title),
                               this);
    caption->setObjectName(QStringLiteral("peopleCountLabel"));
    caption->setWordWrap(true);
    auto *table = new QTableView(this);
    table->setObjectName(QStringLiteral("peopleTableView"));
    table->setAccessibleName(title);
    table->setModel(m_model);
    setUpTable(table);
    fitColumns(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closePushButton"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(caption);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    resize(860, 480);
    table->setFocus();
}

} // namespace shebao::ui
