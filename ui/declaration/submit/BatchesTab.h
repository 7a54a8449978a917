#pragma once

#include <QWidget>

#include <optional>

#include "models/declaration/Declaration.h"

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace shebao {
class DeclarationService;
class Session;
} // namespace shebao

namespace shebao::ui {

class BatchTableModel;
class CodeComboBox;
class FormPrinter;

// 申报及查询 → 申报查询: the unit's batches with their states (退回 with the reason), one batch's
// items and history, reprint of its 申报表 and export to .xlsx.
class BatchesTab : public QWidget
{
    Q_OBJECT

public:
    BatchesTab(DeclarationService &service, Session &session, FormPrinter &printer, QWidget *parent = nullptr);

    void refresh(const QString &selectBatchNo = QString());
    // Lists the batches of one state (batchStateCode; empty: all), e.g. 首页's 待交纸质表.
    void showState(const QString &stateCode);
    BatchTableModel *model() const { return m_model; }
    const std::optional<DeclarationBatch> &shownBatch() const { return m_detail; }

private:
    void loadDetail();
    void showDetail(const DeclarationBatch &batch);
    void run(int action);

    DeclarationService &m_service;
    Session &m_session;
    FormPrinter &m_printer;
    BatchTableModel *m_model;
    CodeComboBox *m_stateFilter;
    QTableView *m_table;
    QLabel *m_history;
    QTableWidget *m_items;
    QLabel *m_status;
    QPushButton *m_refresh;
    QPushButton *m_reprint;
    QPushButton *m_savePdf;
    QPushButton *m_exportXlsx;
    std::optional<DeclarationBatch> m_detail;
    QString m_selectAfterRefresh;
    int m_request = 0;
};

} // namespace shebao::ui
