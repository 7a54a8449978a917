#pragma once

#include <QWizard>

#include "ui/pay/ArrearsWizardData.h"

namespace shebao {
class BillService;
class Session;
struct Draft;
} // namespace shebao

namespace shebao::ui {

class ArrearsBillPage;
class ArrearsEstimatePage;
class ArrearsOptionsPage;
class ArrearsPersonPage;
class DraftKeeper;
class FormPrinter;

// 网上缴费 → 断档补缴 (guide: 输入身份证号，选择一个单位，选择不参与单位结算，生成断档缴费单): 输入身份证号 →
// 选择一个单位 → 缴费工资 and 不参与单位结算 → the amounts → 生成断档缴费单 → the bill (网上缴费,
// 下载打印). What the clerk typed is a draft until the bill exists, so closing half-way loses
// nothing; a server refusal returns to the page of its field.
class ArrearsWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { PersonPageId, UnitPageId, OptionsPageId, EstimatePageId, BillPageId };
    static QString draftKind(); // "pay.arrears"

    ArrearsWizard(BillService &service, Session &session, FormPrinter &printer, QWidget *parent = nullptr);
    ~ArrearsWizard() override;

    // Fills in what a draft kept; the clerk starts again at 输入身份证号 (the gaps are asked anew).
    void resume(const Draft &draft);
    const ArrearsWizardData &data() const { return m_data; }
    DraftKeeper &draftKeeper() const { return *m_keeper; }
    ArrearsBillPage *billPage() const { return m_billPage; }
    void done(int result) override;

private:
    QJsonObject state() const;
    void backTo(int pageId);

    ArrearsWizardData m_data;
    ArrearsPersonPage *m_personPage;
    ArrearsOptionsPage *m_optionsPage;
    ArrearsEstimatePage *m_estimatePage;
    ArrearsBillPage *m_billPage;
    DraftKeeper *m_keeper;
};

} // namespace shebao::ui
