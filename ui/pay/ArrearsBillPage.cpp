#include "ui/pay/ArrearsBillPage.h"

#include <QLabel>
#include <QVBoxLayout>

#include "ui/pay/ArrearsWizardData.h"
#include "ui/pay/BillView.h"

namespace shebao::ui {

ArrearsBillPage::ArrearsBillPage(BillService &service, Session &session, FormPrinter &printer, ArrearsWizardData &data,
                                 QWidget *parent)
    : QWizardPage(parent)
    , m_data(data)
    , m_view(new BillView(service, session, printer, this))
{
    setObjectName(QStringLiteral("arrearsBillPage"));
    setTitle(tr("Arrears bill"));
    setSubTitle(tr("Pay online through the bank's payment page, or download and print the payment slip and pay at any "
                   "branch of Bank of Changsha before the pay-by date. The bill is also listed under Bank payment slip "
                   "query."));
    setFinalPage(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    layout->addStretch(1);
}

void ArrearsBillPage::initializePage()
{
    if (m_data.bill)
        m_view->setBill(*m_data.bill);
}

} // namespace shebao::ui
