#pragma once

#include <QList>
#include <QWidget>

#include "models/change/ChangeRequest.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace shebao {
class ChangeService;
class Session;
} // namespace shebao

namespace shebao::ui {

class CodeComboBox;
class FormPrinter;

// 变更记录: the unit's 信息维护 requests, newest first, with their state in the guide's words
// (已生效, 待审核, 已退回 with the reviewer's reason, 已撤回); 撤回 for a pending one, and the request's
// form printed again. Both wizards lead here, and the entries 单位信息变更 / 个人信息变更 show it.
class ChangeRequestsPage : public QWidget
{
    Q_OBJECT

public:
    ChangeRequestsPage(ChangeService &service, Session &session, FormPrinter &printer, QWidget *parent = nullptr);

    // Shows the requests of `target` (the entry chosen) and asks the server again.
    void showTarget(ChangeTarget target);
    // Lists the requests in one state (changeStateCode; empty: all), e.g. 首页's 待审核.
    void showState(const QString &stateCode);
    void refresh();
    const QList<ChangeRequest> &requests() const { return m_requests; }

signals:
    void newChangeRequested(shebao::ChangeTarget target);
    // The clerk switched between the unit's and the staff's requests.
    void targetShown(shebao::ChangeTarget target);

private:
    void showRequests();
    void showSelected();
    const ChangeRequest *selected() const;
    void withdrawSelected();
    void printSelected(int action);

    ChangeService &m_service;
    Session &m_session;
    FormPrinter &m_printer;
    CodeComboBox *m_target;
    CodeComboBox *m_state;
    QPushButton *m_refreshButton;
    QPushButton *m_newButton;
    QTableWidget *m_table;
    QLabel *m_details;
    QPushButton *m_withdrawButton;
    QPushButton *m_previewButton;
    QPushButton *m_printButton;
    QPushButton *m_pdfButton;
    QLabel *m_status;
    QList<ChangeRequest> m_requests;
    int m_generation = 0;
};

} // namespace shebao::ui
