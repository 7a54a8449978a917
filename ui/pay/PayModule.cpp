#include "ui/pay/PayModule.h"

#include <QStackedWidget>

#include "app/AppContext.h"
#include "app/BillService.h"
#include "app/Session.h"
#include "models/cache/DraftStore.h"
#include "models/cache/LocalCache.h"
#include "ui/pay/ArrearsWizard.h"
#include "ui/pay/BillLookupPage.h"
#include "ui/pay/BillQueryPage.h"

namespace shebao::ui {

PayModule::PayModule(AppContext &context, FormPrinter &printer, QStackedWidget *pages, QWidget *window)
    : QObject(window)
    , m_context(context)
    , m_printer(printer)
    , m_pages(pages)
    , m_window(window)
    , m_lookupPage(new BillLookupPage(context.bills(), context.session(), printer, pages))
    , m_queryPage(new BillQueryPage(context.bills(), context.session(), printer, pages))
{
    m_pages->addWidget(m_lookupPage);
    m_pages->addWidget(m_queryPage);
}

ArrearsWizard *PayModule::arrearsWizard() const
{
    return m_wizard;
}

QStringList PayModule::entryKeys()
{
    return {QStringLiteral("pay.arrears"), QStringLiteral("pay.bill"), QStringLiteral("pay.slips")};
}

bool PayModule::isEntry(const QString &key)
{
    return entryKeys().contains(key);
}

QString PayModule::keyOf(QWidget *page) const
{
    if (page == m_lookupPage)
        return QStringLiteral("pay.bill");
    if (page == m_queryPage)
        return QStringLiteral("pay.slips");
    return QString();
}

bool PayModule::show(const QString &key)
{
    if (key == u"pay.bill") {
        m_pages->setCurrentWidget(m_lookupPage);
        m_lookupPage->updateState();
        return true;
    }
    if (key == u"pay.slips") {
        m_pages->setCurrentWidget(m_queryPage);
        m_queryPage->refresh();
        return true;
    }
    if (key == u"pay.arrears")
        return openWizard() != nullptr;
    return false;
}

bool PayModule::showSlips(const QString &state)
{
    m_pages->setCurrentWidget(m_queryPage);
    m_queryPage->showState(state);
    return true;
}

ArrearsWizard *PayModule::openWizard()
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    const Session &session = m_context.session();
    if (!session.isActive() || session.isOffline()) {
        emit message(tr("Arrears back payment needs a connection to the server."));
        return nullptr;
    }
    m_wizard = new ArrearsWizard(m_context.bills(), m_context.session(), m_printer, m_window);
    // The clerk comes back to what they typed last time.
    if (LocalCache *cache = m_context.session().cache()) {
        if (Result<QList<Draft>> drafts = DraftStore(*cache).list(ArrearsWizard::draftKind());
            drafts && !drafts.value().isEmpty()) {
            m_wizard->resume(drafts.value().constFirst());
            m_wizard->restart();
        }
    }
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    m_wizard->setWindowModality(Qt::WindowModal);
    connect(m_wizard, &QDialog::finished, this, &PayModule::dialogClosed);
    m_wizard->open();
    return m_wizard;
}

} // namespace shebao::ui
