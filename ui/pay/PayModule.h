#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QStackedWidget;
class QWidget;

namespace shebao {
class AppContext;
}

namespace shebao::ui {

class ArrearsWizard;
class BillLookupPage;
class BillQueryPage;
class FormPrinter;

// 网上缴费 in the main window (DESIGN.md "The modules"): 断档补缴 opens its wizard (resuming the
// newest draft), 有单缴费 and 银行缴费单查询 are pages of the workspace. MainWindow only asks
// which keys are here, shows them, and which entry a page belongs to.
class PayModule : public QObject
{
    Q_OBJECT

public:
    PayModule(AppContext &context, FormPrinter &printer, QStackedWidget *pages, QWidget *window);

    // "pay.arrears", "pay.bill", "pay.slips".
    static QStringList entryKeys();
    static bool isEntry(const QString &key);
    // Shows the entry's page or opens its wizard; false when it cannot be shown (offline).
    bool show(const QString &key);
    // 银行缴费单查询 with the bills of one state ("pay.slips#unpaid" from 首页).
    bool showSlips(const QString &state);
    // The entry of a page of this module, or empty.
    QString keyOf(QWidget *page) const;

    ArrearsWizard *arrearsWizard() const;
    BillLookupPage *lookupPage() const { return m_lookupPage; }
    BillQueryPage *queryPage() const { return m_queryPage; }

signals:
    // The wizard closed: the tree marks the page still shown.
    void dialogClosed();
    // A line for the status bar.
    void message(const QString &text);

private:
    ArrearsWizard *openWizard();

    AppContext &m_context;
    FormPrinter &m_printer;
    QStackedWidget *m_pages;
    QWidget *m_window;
    BillLookupPage *m_lookupPage;
    BillQueryPage *m_queryPage;
    QPointer<ArrearsWizard> m_wizard;
};

} // namespace shebao::ui
