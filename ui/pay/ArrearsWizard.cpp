#include "ui/pay/ArrearsWizard.h"

#include <QJsonObject>

#include "app/Session.h"
#include "models/cache/DraftStore.h"
#include "models/validation/IdNumber.h"
#include "ui/declaration/DraftKeeper.h"
#include "ui/declaration/WizardButtons.h"
#include "ui/pay/ArrearsBillPage.h"
#include "ui/pay/ArrearsEstimatePage.h"
#include "ui/pay/ArrearsOptionsPage.h"
#include "ui/pay/ArrearsPersonPage.h"
#include "ui/pay/ArrearsUnitPage.h"

namespace shebao::ui {

QString ArrearsWizard::draftKind()
{
    return QStringLiteral("pay.arrears");
}

ArrearsWizard::ArrearsWizard(BillService &service, Session &session, FormPrinter &printer, QWidget *parent)
    : QWizard(parent)
    , m_personPage(new ArrearsPersonPage(service, m_data, this))
    , m_optionsPage(new ArrearsOptionsPage(m_data, this))
    , m_estimatePage(new ArrearsEstimatePage(service, m_data, this))
    , m_billPage(new ArrearsBillPage(service, session, printer, m_data, this))
{
    setObjectName(QStringLiteral("arrearsWizard"));
    setWindowTitle(tr("Arrears back payment"));
    setWizardStyle(QWizard::ClassicStyle);
    setMinimumSize(900, 640);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(PersonPageId, m_personPage);
    setPage(UnitPageId, new ArrearsUnitPage(m_data, this));
    setPage(OptionsPageId, m_optionsPage);
    setPage(EstimatePageId, m_estimatePage);
    setPage(BillPageId, m_billPage);
    setStartId(PersonPageId);
    nameWizardButtons(this);

    connect(m_personPage, &ArrearsPersonPage::found, this, [this] {
        if (currentId() == PersonPageId)
            next();
    });
    connect(m_estimatePage, &ArrearsEstimatePage::refused, this, [this](const Error &error) {
        // Back to the page of the field, as the clerk typed it, with the message under the field.
        if (error.field == u"id_number" || error.field == u"employed_from") {
            backTo(PersonPageId);
            m_personPage->showRefusal(error);
        } else {
            backTo(OptionsPageId);
            m_optionsPage->showRefusal(error);
        }
    });

    m_keeper = new DraftKeeper(
        session.cache(), draftKind(),
        [this] {
            const QString id = IdNumber::mask(field(QStringLiteral("idNumber")).toString().trimmed().toUpper());
            const QString name = m_data.gaps ? m_data.gaps->personName : QString();
            return DraftKeeper::Snapshot{tr("Arrears back payment: %1 %2").arg(name, id).simplified(), state()};
        },
        this);
    m_keeper->watch(this);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == BillPageId)
            m_keeper->discard(); // the bill exists: nothing left to resume
        else
            m_keeper->touch();
    });
}

ArrearsWizard::~ArrearsWizard()
{
    m_keeper->flush();
}

QJsonObject ArrearsWizard::state() const
{
    const UnitGaps *unit = m_data.unit();
    return {{QStringLiteral("page"), currentId()},
            {QStringLiteral("idNumber"), field(QStringLiteral("idNumber")).toString()},
            {QStringLiteral("employedFrom"), field(QStringLiteral("employedFrom")).toString()},
            {QStringLiteral("unitNo"), unit ? unit->unitNo : m_data.restoredUnitNo},
            {QStringLiteral("wage"), field(QStringLiteral("wage")).toString()},
            {QStringLiteral("fromMonth"), field(QStringLiteral("fromMonth")).toString()},
            {QStringLiteral("toMonth"), field(QStringLiteral("toMonth")).toString()}};
}

void ArrearsWizard::resume(const Draft &draft)
{
    m_keeper->setDraftId(draft.id);
    for (const char *name : {"idNumber", "employedFrom", "wage", "fromMonth", "toMonth"}) {
        const QString key = QString::fromLatin1(name);
        setField(key, draft.state.value(key).toString());
    }
    m_data.restoredUnitNo = draft.state.value(QLatin1String("unitNo")).toString();
    setStartId(PersonPageId);
}

void ArrearsWizard::backTo(int pageId)
{
    while (currentId() > pageId)
        back();
}

void ArrearsWizard::done(int result)
{
    m_keeper->close();
    QWizard::done(result);
}

} // namespace shebao::ui
