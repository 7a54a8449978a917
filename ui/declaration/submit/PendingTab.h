#pragma once

#include <QWidget>

#include <optional>

#include "models/declaration/Declaration.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace shebao {
class DeclarationService;
class Session;
} // namespace shebao

namespace shebao::ui {

class FormPrinter;
class PendingItemModel;

// 申报及查询 → 待申报 (guide step 四–五): the pending items with their details, checkable; 报送人
// and 联系电话 below (remembered per unit); 申报 at the top left. An authorized unit then prints
// the 《人员异动申报表》 (preview, print, PDF) and takes it stamped to the counter; a certificate
// unit's batch is signed and accepted at once.
class PendingTab : public QWidget
{
    Q_OBJECT

public:
    PendingTab(DeclarationService &service, Session &session, FormPrinter &printer, QWidget *parent = nullptr);

    void refresh();
    PendingItemModel *model() const { return m_model; }
    const std::optional<DeclarationBatch> &lastBatch() const { return m_lastBatch; }

signals:
    void declared(const shebao::DeclarationBatch &batch);

private:
    void declare();
    void withdrawCurrent();
    void showDetails();
    void updateButtons();
    void showResult(const QString &text, bool error);
    void showBatchResult(const DeclarationBatch &batch);
    void runForm(int action);
    void loadRemembered();

    DeclarationService &m_service;
    Session &m_session;
    FormPrinter &m_printer;
    PendingItemModel *m_model;
    QTableView *m_table;
    QPushButton *m_declareButton;
    QPushButton *m_selectAllButton;
    QPushButton *m_withdrawButton;
    QPushButton *m_refreshButton;
    QLabel *m_count;
    QLabel *m_details;
    QLineEdit *m_reporter;
    QLineEdit *m_phone;
    QLabel *m_reporterError;
    QLabel *m_phoneError;
    QLabel *m_result;
    QWidget *m_formButtons;
    std::optional<DeclarationBatch> m_lastBatch;
    bool m_busy = false;
};

} // namespace shebao::ui
