#pragma once

#include <QWidget>

#include "models/bill/Bill.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace shebao {
class BillService;
class Session;
} // namespace shebao

namespace shebao::ui {

class BillTableModel;
class BillView;
class FormPrinter;

// 网上缴费 → 银行缴费单查询: the unit's bills by state, issue date and person, newest first (加载更多
// for older ones). The chosen bill is shown below with its state followed live, 下载打印 (reprint)
// and 网上缴费; 作废 ends an unpaid (or expired) one after the clerk confirms.
class BillQueryPage : public QWidget
{
    Q_OBJECT

public:
    BillQueryPage(BillService &service, Session &session, FormPrinter &printer, QWidget *parent = nullptr);

    // Asks the server again with the filters as they are.
    void refresh();
    // The bills in one state ("unpaid", "paid", "expired", "cancelled"; empty: all), every other
    // filter cleared, asked at once (首页's 未缴费的缴费单 leads here).
    void showState(const QString &code);
    BillTableModel *model() const { return m_model; }
    BillView *view() const { return m_view; }

signals:
    // For tests and the status bar: a line was shown to the clerk.
    void messageShown(const QString &message);

private:
    void query(bool more);
    void showSelected();
    void cancelSelected();
    void updateState();
    std::optional<Bill> selectedRow() const;
    void showMessage(const QString &message, bool error = false);

    BillService &m_service;
    Session &m_session;
    QComboBox *m_state;
    QCheckBox *m_byDate;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_idNumber;
    QLabel *m_idError;
    QPushButton *m_queryButton;
    BillTableModel *m_model;
    QTableView *m_table;
    QPushButton *m_moreButton;
    QPushButton *m_cancelButton;
    QLabel *m_message;
    BillView *m_view;
    QString m_nextCursor;
    bool m_busy = false;
    int m_request = 0;
};

} // namespace shebao::ui
