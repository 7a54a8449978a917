#include "ui/declaration/reduce/ReduceWizard.h"

#include <QJsonObject>

#include "app/OutboxService.h"
#include "models/cache/DraftStore.h"
#include "models/cache/LocalCache.h"
#include "models/validation/IdNumber.h"
#include "ui/declaration/DraftKeeper.h"
#include "ui/declaration/SavedPage.h"
#include "ui/declaration/WizardButtons.h"
#include "ui/help/GuideSections.h"
#include "ui/declaration/reduce/ReduceMonthPage.h"
#include "ui/declaration/reduce/ReducePersonPage.h"
#include "ui/declaration/reduce/ReduceTypePage.h"

namespace shebao::ui {

namespace {
// Type before reason: the reasons offered depend on the type.
const QStringList FieldNames{QStringLiteral("changeType"), QStringLiteral("changeReason"), QStringLiteral("idNumber"),
                             QStringLiteral("stopMonth")};

QList<Person> activePersons(LocalCache *cache)
{
    QList<Person> active;
    if (!cache)
        return active;
    Result<QList<Person>> persons = cache->persons();
    if (!persons)
        return active;
    for (const Person &person : persons.value()) {
        for (const Enrolment &enrolment : person.enrolments) {
            if (enrolment.status == EnrolmentStatus::Active && enrolment.endMonth.isEmpty()) {
                active.append(person);
                break;
            }
        }
    }
    return active;
}
} // namespace

QString ReduceWizard::draftKind()
{
    return QStringLiteral("declaration.reduce");
}

ReduceWizard::ReduceWizard(DeclarationService &declarations, OutboxService &outbox, LocalCache *cache, QWidget *parent)
    : QWizard(parent)
    , m_outbox(outbox)
{
    setObjectName(QStringLiteral("reduceWizard"));
    setWindowTitle(tr("Remove staff"));
    setWizardStyle(QWizard::ClassicStyle);
    setMinimumSize(860, 560);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    m_data.activePersons = activePersons(cache);

    m_personPage = new ReducePersonPage(declarations, m_data, this);
    setPage(TypePageId, new ReduceTypePage(this));
    setPage(PersonPageId, m_personPage);
    setPage(MonthPageId, new ReduceMonthPage(outbox, m_data, this));
    setPage(SavedPageId, new SavedPage(m_data.saved, this));
    nameWizardButtons(this);
    guide::addHelpButton(this, guide::declareReduce());

    m_keeper = new DraftKeeper(
        cache, draftKind(),
        [this] {
            const QString id = m_data.selectedIdNumber.isEmpty() ? field(QStringLiteral("idNumber")).toString()
                                                                 : m_data.selectedIdNumber;
            return DraftKeeper::Snapshot{
                tr("Remove staff: %1 %2").arg(m_data.selectedName, IdNumber::mask(id.trimmed().toUpper())).simplified(),
                state()};
        },
        this);
    m_keeper->watch(this);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == SavedPageId) {
            m_keeper->discard();
            if (m_replacesEntry != 0)
                m_outbox.discard(std::exchange(m_replacesEntry, 0));
        } else {
            m_keeper->touch();
        }
    });
}

ReduceWizard::~ReduceWizard()
{
    m_keeper->flush();
}

QJsonObject ReduceWizard::state() const
{
    QJsonObject fields;
    for (const QString &name : FieldNames)
        fields.insert(name, field(name).toString());
    return {{QStringLiteral("page"), currentId()},
            {QStringLiteral("fields"), fields},
            {QStringLiteral("selectedIdNumber"), m_data.selectedIdNumber},
            {QStringLiteral("selectedName"), m_data.selectedName},
            {QStringLiteral("replacesEntry"), QString::number(m_replacesEntry)}};
}

void ReduceWizard::resume(const Draft &draft)
{
    m_keeper->setDraftId(draft.id);
    m_replacesEntry = draft.state.value(QLatin1String("replacesEntry")).toString().toLongLong();
    const QJsonObject fields = draft.state.value(QLatin1String("fields")).toObject();
    for (const QString &name : FieldNames)
        setField(name, fields.value(name).toString());
    m_data.selectedIdNumber = draft.state.value(QLatin1String("selectedIdNumber")).toString();
    m_data.selectedName = draft.state.value(QLatin1String("selectedName")).toString();
    int page = draft.state.value(QLatin1String("page")).toInt(TypePageId);
    if (page < TypePageId || page >= SavedPageId || (page == MonthPageId && m_data.selectedIdNumber.isEmpty()))
        page = field(QStringLiteral("changeReason")).toString().isEmpty() ? TypePageId : PersonPageId;
    setStartId(page);
}

Draft ReduceWizard::draftFor(const OutboxEntry &refused)
{
    const DeclarationItem &item = refused.item;
    Draft draft;
    draft.kind = draftKind();
    draft.title = tr("Remove staff: %1 %2").arg(item.name, IdNumber::mask(item.idNumber));
    draft.state = {{QStringLiteral("page"), PersonPageId},
                   {QStringLiteral("fields"), QJsonObject{{QStringLiteral("changeType"), item.changeType},
                                                          {QStringLiteral("changeReason"), item.changeReason},
                                                          {QStringLiteral("idNumber"), item.idNumber},
                                                          {QStringLiteral("stopMonth"), item.stopMonth}}},
                   {QStringLiteral("replacesEntry"), QString::number(refused.id)}};
    return draft;
}

void ReduceWizard::done(int result)
{
    m_keeper->close();
    QWizard::done(result);
}

} // namespace shebao::ui
