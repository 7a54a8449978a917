#pragma once

#include <QSet>
#include <QTreeWidget>

namespace shebao {

// 首页 and the portal's five modules with their entries (DESIGN.md "The modules"), in the
// portal's words. Entries that later issues build are shown disabled with an explanation, never as a
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
    // The contract's explanation why an ordinary (not authorized) account cannot use an entry.
    static QString notAuthorizedText();
    // 异动申报, 信息维护, 网上缴费 and 参保证明: only authorized and certificate accounts.
    static bool isBusinessEntry(const QString &key);

    // Follows the session's account level (the server tells it on every answer).
    void setBusinessAllowed(bool allowed);
    bool isBusinessAllowed() const { return m_businessAllowed; }
    // Whether the entry can be chosen now (built, and allowed at the account's level).
    bool isEnabledEntry(const QString &key) const;

signals:
    void entryChosen(const QString &key);

private:
    QTreeWidgetItem *addModule(const QString &title);
    void addTopEntry(const QString &key, const QString &title);
    void addEntry(QTreeWidgetItem *module, const QString &key, const QString &title);
    void applyState(QTreeWidgetItem *item);

    QSet<QString> m_available;
    bool m_businessAllowed = false;
};

} // namespace shebao
