#include "ui/maintain/ChangeWizard.h"

#include <QAbstractButton>
#include <QJsonArray>
#include <QJsonObject>

#include "app/ChangeService.h"
#include "app/Session.h"
#include "models/cache/DraftStore.h"
#include "models/cache/LocalCache.h"
#include "models/change/ChangeJson.h"
#include "models/validation/IdNumber.h"
#include "ui/declaration/DraftKeeper.h"
#include "ui/declaration/WizardButtons.h"
#include "ui/help/GuideSections.h"
#include "ui/maintain/ChangeChecks.h"
#include "ui/maintain/ChangeEditPage.h"
#include "ui/maintain/ChangeFormWidget.h"
#include "ui/maintain/ChangeOutcomePage.h"
#include "ui/maintain/ChangeProofsPage.h"
#include "ui/maintain/ChangeSelectPersonPage.h"

namespace shebao::ui {

namespace {
// The unit's staff a change may be about: everybody with an enrolment here that is not
// terminated (the server's person.unknown rule).
QList<Person> currentStaff(LocalCache *cache)
{
    QList<Person> staff;
    if (!cache)
        return staff;
    Result<QList<Person>> persons = cache->persons();
    if (!persons)
        return staff;
    for (const Person &person : persons.value()) {
        if (std::any_of(person.enrolments.begin(), person.enrolments.end(),
                        [](const Enrolment &e) { return e.status != EnrolmentStatus::Terminated; }))
            staff.append(person);
    }
    return staff;
}
} // namespace

QString ChangeWizard::draftKind(ChangeTarget target)
{
    return target == ChangeTarget::Unit ? QStringLiteral("maintain.unit") : QStringLiteral("maintain.person");
}

ChangeWizard::ChangeWizard(ChangeTarget target, ChangeService &service, Session &session, FormPrinter &printer,
                           QWidget *parent)
    : QWizard(parent)
    , m_service(service)
{
    const bool unit = target == ChangeTarget::Unit;
    setObjectName(unit ? QStringLiteral("unitChangeWizard") : QStringLiteral("personChangeWizard"));
    setWindowTitle(unit ? tr("Unit information change") : tr("Personal information change"));
    setWizardStyle(QWizard::ClassicStyle);
    setMinimumSize(900, 640);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setOption(QWizard::HaveCustomButton1);
    setOption(QWizard::HaveCustomButton2);
    setButtonText(QWizard::CustomButton1, tr("&Change information"));
    setButtonText(QWizard::CustomButton2, tr("&Declare the change"));

    m_data.target = target;
    LocalCache *cache = session.cache();
    if (cache && cache->unit())
        m_data.unit = *cache->unit();
    m_data.signedSession = session.level() == AccountLevel::Certificate;
    if (!unit)
        m_data.persons = currentStaff(cache);

    m_editPage = new ChangeEditPage(*this, m_data, this);
    m_proofsPage = new ChangeProofsPage(*this, m_data, this);
    if (!unit)
        setPage(SelectPageId, new ChangeSelectPersonPage(m_data, this));
    setPage(EditPageId, m_editPage);
    setPage(ProofsPageId, m_proofsPage);
    auto *outcome = new ChangeOutcomePage(m_data, printer, cache, this);
    setPage(OutcomePageId, outcome);
    connect(outcome, &ChangeOutcomePage::showRequestsRequested, this, &ChangeWizard::showRequestsRequested);
    setStartId(unit ? EditPageId : SelectPageId);
    nameWizardButtons(this);
    guide::addHelpButton(this, unit ? guide::maintainUnit() : guide::maintainPerson());
    struct
    {
        QWizard::WizardButton which;
        const char *name;
        QString accessible;
    } const custom[] = {{QWizard::CustomButton1, "applyChangePushButton", tr("Change information")},
                        {QWizard::CustomButton2, "declareChangePushButton", tr("Declare the change")}};
    for (const auto &c : custom) {
        button(c.which)->setObjectName(QString::fromLatin1(c.name));
        button(c.which)->setAccessibleName(c.accessible);
    }
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (currentId() != EditPageId)
            return;
        if (which == QWizard::CustomButton1)
            m_editPage->applyNow();
        else if (which == QWizard::CustomButton2)
            m_editPage->declare();
    });

    m_keeper = new DraftKeeper(
        cache, draftKind(target),
        [this] {
            QString title = windowTitle();
            if (m_data.person)
                title += QStringLiteral(": %1 %2").arg(m_data.person->name, IdNumber::mask(m_data.person->idNumber));
            return DraftKeeper::Snapshot{title, state()};
        },
        this);
    m_keeper->watch(this);
    connect(m_editPage, &ChangeEditPage::completeChanged, m_keeper, &DraftKeeper::touch);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        updateButtons(id);
        if (id == OutcomePageId)
            m_keeper->discard();
        else
            m_keeper->touch();
    });
    updateButtons(startId());
}

ChangeWizard::~ChangeWizard()
{
    m_keeper->flush();
}

void ChangeWizard::updateButtons(int id)
{
    // The form has the guide's two buttons instead of 下一步.
    QList<QWizard::WizardButton> layout{QWizard::HelpButton, QWizard::Stretch};
    if (id == EditPageId) {
        if (m_data.target == ChangeTarget::Person)
            layout.append(QWizard::BackButton);
        layout.append({QWizard::CustomButton1, QWizard::CustomButton2, QWizard::CancelButton});
    } else {
        layout.append({QWizard::BackButton, QWizard::NextButton, QWizard::FinishButton, QWizard::CancelButton});
    }
    setButtonLayout(layout);
}

QJsonObject ChangeWizard::state() const
{
    QJsonObject after;
    const ChangeValueMap current = m_editPage->form().current();
    const ChangeValueMap typed = m_editPage->form().after();
    for (const QString &member : ChangeChecks::changedMembers(m_data.target, current, typed))
        after.insert(member, typed.value(member));
    QJsonArray attachments;
    for (const ChangeAttachment &a : m_data.attachments)
        attachments.append(json::encode(a));
    int page = currentId();
    if (page == OutcomePageId || page < 0)
        page = startId();
    return {{QStringLiteral("page"), page},
            {QStringLiteral("personNo"), m_data.person ? m_data.person->personNo : QString()},
            {QStringLiteral("after"), after},
            {QStringLiteral("attachments"), attachments},
            {QStringLiteral("creditCodeOverride"), m_data.creditCodeOverride}};
}

void ChangeWizard::resume(const Draft &draft)
{
    m_keeper->setDraftId(draft.id);
    const QString personNo = draft.state.value(QLatin1String("personNo")).toString();
    for (const Person &person : std::as_const(m_data.persons)) {
        if (!personNo.isEmpty() && person.personNo == personNo)
            m_data.person = person;
    }
    const QJsonObject after = draft.state.value(QLatin1String("after")).toObject();
    for (auto it = after.begin(); it != after.end(); ++it)
        m_data.restored.insert(it.key(), it.value().toString());
    for (const QJsonValue &value : draft.state.value(QLatin1String("attachments")).toArray()) {
        if (Result<ChangeAttachment> a = json::decodeAttachment(value.toObject()))
            m_data.attachments.append(a.value());
    }
    m_data.creditCodeOverride = draft.state.value(QLatin1String("creditCodeOverride")).toBool();
    const bool personChosen = m_data.target == ChangeTarget::Unit || m_data.person;
    // The proofs page needs what 变更申报 worked out: the form is where the clerk resumes.
    setStartId(personChosen ? EditPageId : SelectPageId);
    updateButtons(startId());
}

void ChangeWizard::submit(std::function<void(bool)> done)
{
    if (std::exchange(m_submitting, true))
        return;
    ChangeSubmission submission;
    submission.target = m_data.target;
    if (m_data.person)
        submission.personNo = m_data.person->personNo;
    for (const QString &member : std::as_const(m_data.members))
        submission.after.append({member, m_data.after.value(member)});
    // Proofs go with key changes only: after 上一步 the clerk may have kept non-key ones alone.
    if (ChangeChecks::touchesKeyField(m_data.target, m_data.members)) {
        for (const ChangeAttachment &a : std::as_const(m_data.attachments))
            submission.attachmentIds.append(a.id);
    }
    submission.creditCodeOverride = m_data.creditCodeOverride;
    m_service.submit(submission, this, [this, done = std::move(done)](Result<QList<ChangeRequest>> result) {
        m_submitting = false;
        if (!result) {
            const Error &error = result.error();
            const bool aboutProofs = error.field == u"attachments" || error.code.startsWith(u"attachment.")
                                     || error.code.startsWith(u"upload.");
            if (aboutProofs && currentId() == ProofsPageId) {
                m_proofsPage->showRefusal(error);
            } else {
                // Back on the form, as the clerk typed it, with the message under the field.
                while (currentId() != EditPageId && currentId() > EditPageId)
                    back();
                m_editPage->showRefusal(error);
            }
            done(false);
            return;
        }
        m_data.submitted = result.value();
        done(true);
    });
}

void ChangeWizard::done(int result)
{
    m_keeper->close();
    QWizard::done(result);
}

} // namespace shebao::ui
