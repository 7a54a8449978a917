#pragma once

#include <QWidget>

#include <memory>
#include <optional>

#include "models/bill/Bill.h"

class QLabel;
class QPushButton;

namespace shebao {
class BillService;
class BillWatcher;
class Session;
} // namespace shebao

namespace shebao::ui {

class FormPrinter;

// One 断档缴费单 as the clerk acts on it (断档补缴's last step, 有单缴费, 银行缴费单查询): the 业务单据号,
// the state — followed live while the view is shown (BillWatcher: 未缴费 → 已缴费 without the clerk
// doing anything) —, the person, months, amounts in figures and capitals, 限缴日期, the policy
// table and periods; 网上缴费 opens the bank's payment page in the browser (disabled with the
// reason when the bill cannot be paid online), 下载打印 / 打印 / 保存为PDF the 缴费单.
class BillView : public QWidget
{
    Q_OBJECT

public:
    BillView(BillService &service, Session &session, FormPrinter &printer, QWidget *parent = nullptr);
    ~BillView() override;

    // A bill with its months (GET /bills/{number}); an unpaid one is followed from now on.
    void setBill(const Bill &bill);
    void clear();
    const std::optional<Bill> &bill() const { return m_bill; }
    // How often an unpaid bill is asked for (tests shorten it).
    void setPollInterval(int milliseconds);
    bool isFollowing() const;

signals:
    // The bill changed (paid, expired): lists showing it update their row.
    void billChanged(const shebao::Bill &bill);
    // A line was shown to the clerk.
    void messageShown(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showBill();
    void updateButtons();
    void follow();
    void payOnline();
    void showMessage(const QString &message, bool error = false);

    BillService &m_service;
    Session &m_session;
    FormPrinter &m_printer;
    std::optional<Bill> m_bill;
    std::unique_ptr<BillWatcher> m_watcher;
    int m_pollInterval;
    QLabel *m_number;
    QLabel *m_state;
    QLabel *m_person;
    QLabel *m_months;
    QLabel *m_total;
    QLabel *m_capitals;
    QLabel *m_payBy;
    QLabel *m_policy;
    QPushButton *m_payOnline;
    QPushButton *m_download;
    QPushButton *m_print;
    QPushButton *m_savePdf;
    QLabel *m_payOnlineNote;
    QLabel *m_message;
};

} // namespace shebao::ui
