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

    addTopEntry(QStringLiteral("home"), tr("Home", "entry"));

    QTreeWidgetItem *system = addModule(tr("System management", "module"));
    addEntry(system, QStringLiteral("system.authorization"), tr("Authorization application", "entry"));
    addEntry(system, QStringLiteral("system.password"), tr("Change password", "entry"));
    addEntry(system, QStringLiteral("system.certificate"), tr("Certificate management", "entry"));
    addEntry(system, QStringLiteral("system.backup"), tr("Data backup", "entry"));
    addEntry(system, QStringLiteral("system.restore"), tr("Data restore", "entry"));

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
        if (isEnabledEntry(key))
            emit entryChosen(key);
    });
    // Entries that open a dialog are chosen again by clicking them again.
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        const QString key = item->data(0, EntryKeyRole).toString();
        if (item == currentItem() && (key.startsWith(u"system.") || key.startsWith(u"maintain.") || key == u"pay.arrears")
            && isEnabledEntry(key))
            emit entryChosen(key);
    });
}

QString ModuleTreeWidget::notYetAvailableText()
{
    return tr("This function will be provided in a later version.");
}

QString ModuleTreeWidget::notAuthorizedText()
{
    return tr("This unit is not yet authorized for online business (ordinary user) and cannot use this function. "
              "Submit an application under \"System management > Authorization application\", print the user "
              "commitment letter, stamp it with the unit's official seal and upload it, then have the authorization "
              "opened at the unit business counter of the social insurance collection centre, 2nd floor, Tianxin "
              "District Human Resources and Social Security Bureau.");
}

bool ModuleTreeWidget::isBusinessEntry(const QString &key)
{
    return key.startsWith(u"declare.") || key.startsWith(u"maintain.") || key.startsWith(u"pay.")
           || key == u"query.certificate";
}

bool ModuleTreeWidget::isEnabledEntry(const QString &key) const
{
    return m_available.contains(key) && (m_businessAllowed || !isBusinessEntry(key));
}

void ModuleTreeWidget::setBusinessAllowed(bool allowed)
{
    if (allowed == m_businessAllowed)
        return;
    m_businessAllowed = allowed;
    for (int m = 0; m < topLevelItemCount(); ++m) {
        QTreeWidgetItem *module = topLevelItem(m);
        for (int e = 0; e < module->childCount(); ++e)
            applyState(module->child(e));
    }
}

void ModuleTreeWidget::applyState(QTreeWidgetItem *item)
{
    const QString key = item->data(0, EntryKeyRole).toString();
    QString why;
    // The level comes first: an ordinary user learns how to get the function, built or not.
    if (isBusinessEntry(key) && !m_businessAllowed)
        why = notAuthorizedText();
    else if (!m_available.contains(key))
        why = notYetAvailableText();
    item->setFlags(why.isEmpty() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags);
    item->setToolTip(0, why);
    item->setData(0, Qt::AccessibleDescriptionRole, why);
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
    applyState(item);
}

void ModuleTreeWidget::addTopEntry(const QString &key, const QString &title)
{
    auto *item = new QTreeWidgetItem(this, {title});
    item->setData(0, EntryKeyRole, key);
    item->setData(0, Qt::AccessibleTextRole, title);
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    applyState(item);
}

QTreeWidgetItem *ModuleTreeWidget::itemForKey(const QString &key) const
{
    for (int m = 0; m < topLevelItemCount(); ++m) {
        QTreeWidgetItem *module = topLevelItem(m);
        if (module->data(0, EntryKeyRole).toString() == key)
            return module;
        for (int e = 0; e < module->childCount(); ++e) {
            if (module->child(e)->data(0, EntryKeyRole).toString() == key)
                return module->child(e);
        }
    }
    return nullptr;
}

void ModuleTreeWidget::selectEntry(const QString &key)
{
    if (QTreeWidgetItem *item = itemForKey(key); item && isEnabledEntry(key))
        setCurrentItem(item);
}

} // namespace shebao
