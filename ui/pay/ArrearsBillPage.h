#pragma once

#include <QWizardPage>

namespace shebao {
class BillService;
class Session;
} // namespace shebao

namespace shebao::ui {

class BillView;
class FormPrinter;
struct ArrearsWizardData;

// 断档补缴, the last step: the generated 断档缴费单 with its 业务单据号, total and 限缴日期, its state
// followed live, 网上缴费 and 下载打印.
class ArrearsBillPage : public QWizardPage
{
    Q_OBJECT

public:
    ArrearsBillPage(BillService &service, Session &session, FormPrinter &printer, ArrearsWizardData &data,
                    QWidget *parent = nullptr);

    void initializePage() override;
    BillView *view() const { return m_view; }

private:
    ArrearsWizardData &m_data;
    BillView *m_view;
};

} // namespace shebao::ui
