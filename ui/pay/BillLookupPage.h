#pragma once

#include <QWidget>

#include "models/core/Result.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace shebao {
class BillService;
class Session;
} // namespace shebao

namespace shebao::ui {

class BillView;
class FormPrinter;

// 网上缴费 → 有单缴费 (guide: 输入身份证号和业务单据号，点击“下载打印”按钮，打印缴费单，可到任一家长沙银行
// 网点缴费): both are checked locally first (the ID number's rules, the 业务单据号's 17 digits and
// Damm check digit), then the server must find the bill and it must be that person's; the bill
// is shown with 下载打印 and 网上缴费.
class BillLookupPage : public QWidget
{
    Q_OBJECT

public:
    BillLookupPage(BillService &service, Session &session, FormPrinter &printer, QWidget *parent = nullptr);

    BillView *view() const { return m_view; }
    // Shows the bill of these two (used by 银行缴费单查询's 有单缴费 and by tests).
    void lookup();
    void updateState();

private:
    void showRefusal(const Error &error);

    BillService &m_service;
    Session &m_session;
    QLineEdit *m_idNumber;
    QLabel *m_idError;
    QLineEdit *m_number;
    QLabel *m_numberError;
    QPushButton *m_lookupButton;
    QLabel *m_status;
    BillView *m_view;
    bool m_busy = false;
    int m_request = 0;
};

} // namespace shebao::ui
