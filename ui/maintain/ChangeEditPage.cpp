#include "ui/maintain/ChangeEditPage.h"

#include <QJsonArray>
#include <QLabel>
#include <QVBoxLayout>

#include "app/ApiErrors.h"
#include "models/validation/IdNumber.h"
#include "ui/maintain/ChangeChecks.h"
#include "ui/maintain/ChangeFormWidget.h"
#include "ui/maintain/ChangeWizard.h"
#include "ui/widgets/MessageBox.h"

namespace shebao::ui {

namespace {
// The server's refusal as one error per field (problem+json "errors"), else the error itself.
QList<Error> refusalErrors(const Error &error)
{
    QList<Error> errors;
    for (const QJsonValue &value : api::problemOf(error).value(QLatin1String("errors")).toArray()) {
        const QJsonObject entry = value.toObject();
        Error e;
        e.code = entry.value(QLatin1String("code")).toString(error.code);
        e.message = entry.value(QLatin1String("message")).toString(entry.value(QLatin1String("detail")).toString());
        e.field = entry.value(QLatin1String("field")).toString();
        if (!e.message.isEmpty())
            errors.append(e);
    }
    if (errors.isEmpty())
        errors.append(error);
    return errors;
}
} // namespace

ChangeEditPage::ChangeEditPage(ChangeWizard &wizard, ChangeWizardData &data, QWidget *parent)
    : QWizardPage(parent)
    , m_wizard(wizard)
    , m_data(data)
    , m_form(new ChangeFormWidget(data.target, this))
    , m_heading(new QLabel(this))
    , m_message(new QLabel(this))
    , m_note(new QLabel(this))
{
    const bool unit = data.target == ChangeTarget::Unit;
    setObjectName(unit ? QStringLiteral("unitChangeEditPage") : QStringLiteral("personChangeEditPage"));
    setTitle(unit ? tr("Change the unit's information") : tr("Change the person's information"));
    setSubTitle(tr("Enter the new values in the column \"After the change\". Non-key information (black) takes "
                   "effect at once with \"Change information\"; key information (blue) needs proofs and is "
                   "reviewed by the agency: press \"Declare the change\"."));
    m_heading->setObjectName(QStringLiteral("changeHeadingLabel"));
    m_heading->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("changeMessageLabel"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c00000"));
    m_message->setVisible(false);
    m_note->setObjectName(QStringLiteral("changeNoteLabel"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: %1").arg(ChangeFormWidget::keyColor()));
    m_note->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_message);
    layout->addWidget(m_note);
    layout->addWidget(m_form, 1);
    connect(m_form, &ChangeFormWidget::edited, this, [this] {
        m_message->setVisible(false);
        updateNote();
    });
}

void ChangeEditPage::updateNote()
{
    // 升位 is recognised as the clerk types, so they know it needs no proof.
    const QString member = QStringLiteral("id_number");
    const bool upgrade = m_data.target == ChangeTarget::Person
                         && ChangeChecks::isIdUpgrade(m_form->current().value(member), m_form->after().value(member));
    m_note->setText(upgrade ? tr("The new ID number is the 18-digit upgrade of the old 15-digit one: the person "
                                 "stays the same, and this alone needs no proof and takes effect at once with "
                                 "\"Declare the change\".")
                            : QString());
    m_note->setAccessibleName(m_note->text());
    m_note->setVisible(upgrade);
}

void ChangeEditPage::initializePage()
{
    const bool unit = m_data.target == ChangeTarget::Unit;
    const QString whose = unit ? QStringLiteral("unit") : (m_data.person ? m_data.person->personNo : QString());
    if (whose != m_initializedFor) {
        // Another person than the one the proofs were uploaded for: they prove nothing here.
        if (!m_initializedFor.isEmpty())
            m_data.attachments.clear();
        m_initializedFor = whose;
        m_form->setCurrent(unit ? currentValues(m_data.unit)
                                : (m_data.person ? currentValues(*m_data.person) : ChangeValueMap{}));
        m_form->setAfter(std::exchange(m_data.restored, {}));
        m_message->setVisible(false);
        updateNote();
    }
    if (unit) {
        m_heading->setText(tr("Unit: %1 %2").arg(m_data.unit.unitNo, m_data.unit.name));
    } else if (m_data.person) {
        m_heading->setText(tr("Person: %1, ID number %2, person number %3")
                               .arg(m_data.person->name, IdNumber::mask(m_data.person->idNumber),
                                    m_data.person->personNo));
    }
}

void ChangeEditPage::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setAccessibleName(message);
    m_message->setVisible(!message.isEmpty());
}

bool ChangeEditPage::prepare(bool key)
{
    m_form->clearErrors();
    showMessage(QString());
    const QStringList members = m_form->changedMembers();
    if (members.isEmpty()) {
        showMessage(tr("Nothing was changed: enter the new values in the column \"After the change\"."));
        return false;
    }
    const bool touchesKey = ChangeChecks::touchesKeyField(m_data.target, members);
    if (!key && touchesKey) {
        showMessage(tr("Key information (blue) was changed: press \"Declare the change\" to upload the proofs and "
                       "declare it for review."));
        return false;
    }
    if (key && !touchesKey) {
        showMessage(tr("Only non-key information (black) was changed: press \"Change information\"; it takes "
                       "effect at once."));
        return false;
    }
    ChangeValueMap after = m_form->after();
    QList<Error> errors = ChangeChecks::normalize(m_data.target, &after, members);
    bool upgrade = false;
    if (m_data.target == ChangeTarget::Person && errors.isEmpty()) {
        errors = ChangeChecks::personConsistency(m_form->current(), after, members);
        upgrade = members.contains(QStringLiteral("id_number"))
                  && ChangeChecks::isIdUpgrade(m_form->current().value(QStringLiteral("id_number")),
                                               after.value(QStringLiteral("id_number")));
    }
    if (!errors.isEmpty()) {
        const QList<Error> unplaced = m_form->showErrors(errors);
        showMessage(unplaced.isEmpty() ? tr("Please correct the fields marked in red.") : unplaced.first().message);
        m_form->focusFirstError();
        return false;
    }
    bool override = false;
    if (m_data.target == ChangeTarget::Unit && key) {
        const QString warning = ChangeChecks::creditCodeWarning(after, members);
        if (!warning.isEmpty()) {
            if (!MessageBox::confirm(this, tr("Check the credit code"),
                                     tr("%1\n\nThe credit code fails the national check (GB 32100). Declare it "
                                        "anyway? The agency will see that you confirmed it.")
                                         .arg(warning))) {
                m_form->showErrors({Error{QStringLiteral("creditcode.checksum"), warning, QString(),
                                          ChangeChecks::fieldOf(QStringLiteral("credit_code"))}});
                m_form->focusFirstError();
                return false;
            }
            override = true;
        }
    }
    m_data.members = members;
    m_data.after.clear();
    for (const QString &member : members)
        m_data.after.insert(member, after.value(member));
    m_data.creditCodeOverride = override;
    m_data.idUpgrade = upgrade;
    m_data.submitted.clear();
    return true;
}

void ChangeEditPage::applyNow()
{
    if (m_busy || !prepare(false))
        return;
    m_busy = true;
    emit completeChanged();
    m_wizard.submit([this](bool accepted) {
        m_busy = false;
        emit completeChanged();
        if (accepted)
            leave();
    });
}

void ChangeEditPage::declare()
{
    if (m_busy || !prepare(true))
        return;
    if (ChangeChecks::touchesKeyField(m_data.target, m_data.provableMembers())) {
        leave(); // on to the proofs
        return;
    }
    // A 15 → 18 升位 alone needs no proof: the old number proves it.
    m_busy = true;
    emit completeChanged();
    m_wizard.submit([this](bool accepted) {
        m_busy = false;
        emit completeChanged();
        if (accepted)
            leave();
    });
}

void ChangeEditPage::leave()
{
    m_leaving = true;
    if (wizard())
        wizard()->next();
    m_leaving = false;
}

bool ChangeEditPage::validatePage()
{
    return m_leaving;
}

int ChangeEditPage::nextId() const
{
    return m_data.submitted.isEmpty() ? ChangeWizard::ProofsPageId : ChangeWizard::OutcomePageId;
}

void ChangeEditPage::showRefusal(const Error &error)
{
    const QList<Error> errors = refusalErrors(error);
    const QList<Error> unplaced = m_form->showErrors(errors);
    QStringList lines;
    for (const Error &e : unplaced)
        lines.append(e.message);
    showMessage(lines.isEmpty() ? tr("The server refused the change: see the fields marked in red.")
                                : lines.join(QLatin1Char('\n')));
    m_form->focusFirstError();
}

} // namespace shebao::ui
