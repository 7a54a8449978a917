#include "ui/ModuleTreeWidget.h"

#include <QHeaderView>

namespace shebao {

ModuleTreeWidget::ModuleTreeWidget(const QSet<QString> &available, QWidget *parent)
    : QTreeWidget(parent)
    , m_available(available)
{
    setObjectName(QStringLiteral("moduleTreeWidget"));
    setAccessibleName(tr("Business modules"));
    setHeaderHidden(true);
    setColumnCount(1);
    setRootIsDecorated(true);
    setSelectionMode(QAbstractItemView::SingleSelection);

    QTreeWidgetItem *system = addModule(tr("System management", "module"));
    addEntry(system, QStringLiteral("system.authorization"), tr("Authorization application", "entry"));
    addEntry(system, QStringLiteral("system.password"), tr("Change password", "entry"));
    addEntry(system, QStringLiteral("system.certificate"), tr("Certificate management", "entry"));

    QTreeWidgetItem *declare = addModule(tr("Staff change declaration", "module"));
    addEntry(declare, QStringLiteral("declare.add"), tr("Add staff", "entry"));
    addEntry(declare, QStringLiteral("declare.reduce"), tr("Remove staff", "entry"));
    addEntry(declare, QStringLiteral("declare.submit"), tr("Declare and query", "entry"));
    addEntry(declare, QStringLiteral("declare.import"), tr("Batch import", "entry"));

    QTreeWidgetItem *maintain = addModule(tr("Information maintenance", "module"));
    addEntry(maintain, QStringLiteral("maintain.unit"), tr("Unit information change", "entry"));
    addEntry(maintain, QStringLiteral("maintain.person"), tr("Personal information change", "entry"));

    QTreeWidgetItem *pay = addModule(tr("Online payment", "module"));
    addEntry(pay, QStringLiteral("pay.arrears"), tr("Arrears back payment", "entry"));
    addEntry(pay, QStringLiteral("pay.bill"), tr("Pay by bill", "entry"));
    addEntry(pay, QStringLiteral("pay.slips"), tr("Bank payment slip query", "entry"));

    QTreeWidgetItem *query = addModule(tr("Unit query", "module"));
    addEntry(query, QStringLiteral("query.unit"), tr("Unit information", "entry"));
    addEntry(query, QStringLiteral("query.persons"), tr("Staff list", "entry"));
    addEntry(query, QStringLiteral("query.certificate"), tr("Enrolment certificate", "entry"));

    expandAll();
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        if (!current)
            return;
        const QString key = current->data(0, EntryKeyRole).toString();
        if (m_available.contains(key))
            emit entryChosen(key);
    });
}

QString ModuleTreeWidget::notYetAvailableText()
{
    return tr("This function will be provided in a later version.");
}

QTreeWidgetItem *ModuleTreeWidget::addModule(const QString &title)
{
    auto *item = new QTreeWidgetItem(this, {title});
    // A module only groups its entries: it cannot be chosen itself.
    item->setFlags(Qt::ItemIsEnabled);
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    item->setData(0, Qt::AccessibleTextRole, title);
    return item;
}

void ModuleTreeWidget::addEntry(QTreeWidgetItem *module, const QString &key, const QString &title)
{
    auto *item = new QTreeWidgetItem(module, {title});
    item->setData(0, EntryKeyRole, key);
    item->setData(0, Qt::AccessibleTextRole, title);
    if (m_available.contains(key)) {
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    } else {
        item->setFlags(Qt::NoItemFlags);
        item->setToolTip(0, notYetAvailableText());
        item->setData(0, Qt::AccessibleDescriptionRole, notYetAvailableText());
    }
}

QTreeWidgetItem *ModuleTreeWidget::itemForKey(const QString &key) const
{
    for (int m = 0; m < topLevelItemCount(); ++m) {
        QTreeWidgetItem *module = topLevelItem(m);
        for (int e = 0; e < module->childCount(); ++e) {
            if (module->child(e)->data(0, EntryKeyRole).toString() == key)
                return module->child(e);
        }
    }
    return nullptr;
}

void ModuleTreeWidget::selectEntry(const QString &key)
{
    if (QTreeWidgetItem *item = itemForKey(key); item && m_available.contains(key))
        setCurrentItem(item);
}

} // namespace shebao
