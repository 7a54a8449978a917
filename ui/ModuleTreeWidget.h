#pragma once

#include <QSet>
#include <QTreeWidget>

namespace shebao {

// The portal's five modules and their entries (DESIGN.md "The modules"), in the portal's
// words. Entries that later issues build are shown disabled with an explanation, never as a
// screen that pretends to work.
class ModuleTreeWidget : public QTreeWidget
{
    Q_OBJECT

public:
    static constexpr int EntryKeyRole = Qt::UserRole + 1;

    // `available`: the entry keys this build implements (e.g. "query.persons").
    explicit ModuleTreeWidget(const QSet<QString> &available, QWidget *parent = nullptr);

    QTreeWidgetItem *itemForKey(const QString &key) const;
    bool isAvailable(const QString &key) const { return m_available.contains(key); }
    void selectEntry(const QString &key);

    static QString notYetAvailableText();

signals:
    void entryChosen(const QString &key);

private:
    QTreeWidgetItem *addModule(const QString &title);
    void addEntry(QTreeWidgetItem *module, const QString &key, const QString &title);

    QSet<QString> m_available;
};

} // namespace shebao
