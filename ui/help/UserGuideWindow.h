#pragma once

#include <QHash>
#include <QWidget>

class QTextBrowser;
class QTreeWidget;

namespace shebao::ui {

// Help → 使用指南: docs/user-guide.zh.md with its screenshots, embedded in the program (qrc
// :/guide/), shown with QTextBrowser's Markdown support. The headings form a contents tree on
// the left; each heading gets its GitHub anchor (guide::slugOf), so the guide's own links and
// the wizards' help buttons land on the section. One window for the whole program, not modal:
// it stays open beside a wizard.
class UserGuideWindow : public QWidget
{
    Q_OBJECT

public:
    // Shows the window (creating it on first use) at `anchor`; empty: where it was.
    static UserGuideWindow *showSection(const QString &anchor = QString());
    // The open window, or null.
    static UserGuideWindow *instance();

    ~UserGuideWindow() override;

    // The headings' anchors in the guide's order.
    QStringList anchors() const { return m_order; }
    bool hasAnchor(const QString &anchor) const { return m_order.contains(anchor); }
    // The section last scrolled to.
    QString currentAnchor() const { return m_current; }
    // The images the guide shows (their qrc paths), each loaded once.
    QStringList imageSources() const { return m_images; }
    QTextBrowser *browser() const { return m_browser; }

    void scrollToSection(const QString &anchor);

private:
    UserGuideWindow();
    void load();

    QTreeWidget *m_contents;
    QTextBrowser *m_browser;
    QStringList m_order;
    QStringList m_images;
    QString m_current;
};

} // namespace shebao::ui
