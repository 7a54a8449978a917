#include "ui/declaration/add/AddWizard.h"

#include <QAbstractButton>
#include <QJsonObject>

#include "app/OutboxService.h"
#include "models/cache/DraftStore.h"
#include "models/declaration/DeclarationJson.h"
#include "models/validation/IdNumber.h"
#include "ui/declaration/DraftKeeper.h"
#include "ui/declaration/SavedPage.h"
#include "ui/declaration/WizardButtons.h"
#include "ui/help/GuideSections.h"
#include "ui/declaration/add/AddLookupPage.h"
#include "ui/declaration/add/AddPersonPage.h"
#include "ui/declaration/add/AddWagePage.h"

namespace shebao::ui {

QString AddWizard::draftKind()
{
    return QStringLiteral("declaration.add");
}

QStringList AddWizard::fieldNames()
{
    QStringList names{QStringLiteral("idNumber"),       QStringLiteral("name"),          QStringLiteral("ethnicity"),
                      QStringLiteral("hukou"),          QStringLiteral("employmentForm"), QStringLiteral("identity"),
                      QStringLiteral("workStartDate"),  QStringLiteral("phone"),          QStringLiteral("startMonth"),
                      QStringLiteral("wage")};
    for (const QString &code : AddPersonPage::insuranceCodes())
        names.append(QStringLiteral("insurance%1").arg(code));
    return names;
}

AddWizard::AddWizard(DeclarationService &declarations, OutboxService &outbox, LocalCache *cache, QWidget *parent)
    : QWizard(parent)
    , m_outbox(outbox)
    , m_lookupPage(new AddLookupPage(declarations, m_data, this))
{
    setObjectName(QStringLiteral("addWizard"));
    setWindowTitle(tr("Add staff"));
    setWizardStyle(QWizard::ClassicStyle);
    setMinimumSize(760, 600);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);

    auto *personPage = new AddPersonPage(m_data, this);
    setPage(LookupPageId, m_lookupPage);
    setPage(PersonPageId, personPage);
    setPage(WagePageId, new AddWagePage(outbox, m_data, personPage, this));
    setPage(SavedPageId, new SavedPage(m_data.saved, this));
    nameWizardButtons(this);
    guide::addHelpButton(this, guide::declareAdd());

    m_keeper = new DraftKeeper(
        cache, draftKind(),
        [this] {
            const QString name = field(QStringLiteral("name")).toString();
            const QString id = IdNumber::mask(field(QStringLiteral("idNumber")).toString().trimmed().toUpper());
            return DraftKeeper::Snapshot{tr("Add staff: %1 %2").arg(name, id).simplified(), state()};
        },
        this);
    m_keeper->watch(this);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == SavedPageId) {
            m_keeper->discard(); // saved in the outbox: nothing left to resume
            // The correction replaces the refused entry it was made from.
            if (m_replacesEntry != 0)
                m_outbox.discard(std::exchange(m_replacesEntry, 0));
        } else {
            m_keeper->touch();
        }
    });
}

AddWizard::~AddWizard()
{
    m_keeper->flush();
}

QJsonObject AddWizard::state() const
{
    QJsonObject fields;
    for (const QString &name : fieldNames()) {
        const QVariant value = field(name);
        fields.insert(name, value.typeId() == QMetaType::Bool ? QJsonValue(value.toBool()) : QJsonValue(value.toString()));
    }
    QJsonObject state{{QStringLiteral("page"), currentId()},
                      {QStringLiteral("fields"), fields},
                      {QStringLiteral("kind"), declarationKindCode(m_data.kind)},
                      {QStringLiteral("kindChosen"), m_data.kindChosen},
                      {QStringLiteral("replacesEntry"), QString::number(m_replacesEntry)}};
    if (m_data.lookup)
        state.insert(QStringLiteral("lookup"), json::encode(*m_data.lookup));
    return state;
}

void AddWizard::resume(const Draft &draft)
{
    m_keeper->setDraftId(draft.id);
    m_replacesEntry = draft.state.value(QLatin1String("replacesEntry")).toString().toLongLong();
    const QJsonObject fields = draft.state.value(QLatin1String("fields")).toObject();
    for (const QString &name : fieldNames()) {
        const QJsonValue value = fields.value(name);
        if (value.isBool())
            setField(name, value.toBool());
        else if (value.isString())
            setField(name, value.toString());
    }
    int page = draft.state.value(QLatin1String("page")).toInt(LookupPageId);
    if (const QJsonValue lookup = draft.state.value(QLatin1String("lookup")); lookup.isObject()) {
        Result<PersonLookup> decoded = json::decodeLookup(lookup.toObject());
        DeclarationKind kind = DeclarationKind::Add;
        if (decoded && parseDeclarationKind(draft.state.value(QLatin1String("kind")).toString(), &kind)) {
            m_data.kind = kind;
            m_data.kindChosen = draft.state.value(QLatin1String("kindChosen")).toBool();
            m_lookupPage->showLookup(decoded.value(), m_data.kindChosen);
        }
    }
    // Later pages need the lookup and the chosen kind; without them the clerk starts at 查询.
    if (!m_data.lookup || !m_data.kindChosen || page < LookupPageId || page >= SavedPageId)
        page = LookupPageId;
    setStartId(page);
}

Draft AddWizard::draftFor(const OutboxEntry &refused)
{
    const DeclarationItem &item = refused.item;
    QJsonObject fields{{QStringLiteral("idNumber"), item.idNumber},
                       {QStringLiteral("name"), item.name},
                       {QStringLiteral("ethnicity"), item.person.ethnicity},
                       {QStringLiteral("hukou"), item.person.hukou},
                       {QStringLiteral("employmentForm"), item.person.employmentForm},
                       {QStringLiteral("identity"), item.person.identity},
                       {QStringLiteral("workStartDate"), item.person.workStartDate},
                       {QStringLiteral("phone"), item.person.phone},
                       {QStringLiteral("startMonth"), item.startMonth},
                       {QStringLiteral("wage"), item.wage.toYuanString()}};
    for (const QString &code : AddPersonPage::insuranceCodes())
        fields.insert(QStringLiteral("insurance%1").arg(code), item.insurances.contains(code));
    Draft draft;
    draft.kind = draftKind();
    draft.title = tr("Add staff: %1 %2").arg(item.name, IdNumber::mask(item.idNumber));
    draft.state = {{QStringLiteral("page"), LookupPageId},
                   {QStringLiteral("fields"), fields},
                   {QStringLiteral("replacesEntry"), QString::number(refused.id)}};
    return draft;
}

void AddWizard::done(int result)
{
    m_keeper->close();
    QWizard::done(result);
}

} // namespace shebao::ui
