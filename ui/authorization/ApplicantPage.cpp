#include "ui/authorization/ApplicantPage.h"

#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

#include "app/AuthorizationService.h"
#include "models/validation/IdNumber.h"
#include "models/validation/PersonName.h"
#include "models/validation/Phone.h"

namespace shebao::ui {

namespace {
const QString NameKey = QStringLiteral("name");
const QString IdNumberKey = QStringLiteral("id_number");
const QString MobileKey = QStringLiteral("mobile");
const QString EmailKey = QStringLiteral("email");
} // namespace

ApplicantPage::ApplicantPage(AuthorizationService &service, const Unit &unit, QWidget *parent)
    : QWizardPage(parent)
    , m_service(service)
    , m_form(new QFormLayout)
    , m_rejectedLabel(new QLabel(this))
    , m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("applicantPage"));
    setTitle(tr("Application"));
    setSubTitle(tr("Enter the person handling the application and save. Fields marked * are required."));
    setButtonText(QWizard::NextButton, tr("&Save"));

    m_rejectedLabel->setObjectName(QStringLiteral("rejectedReasonLabel"));
    m_rejectedLabel->setWordWrap(true);
    m_rejectedLabel->setVisible(false);
    m_errorLabel->setObjectName(QStringLiteral("applicantErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c00000"));
    m_errorLabel->setVisible(false);

    registerField(QStringLiteral("applicant.name*"),
                  addRequired(NameKey, tr("Applicant's name"), QStringLiteral("applicantNameLineEdit")));
    registerField(QStringLiteral("applicant.idNumber*"),
                  addRequired(IdNumberKey, tr("Applicant's ID number"), QStringLiteral("applicantIdNumberLineEdit")));
    registerField(QStringLiteral("applicant.mobile*"),
                  addRequired(MobileKey, tr("Applicant's mobile"), QStringLiteral("applicantMobileLineEdit")));
    registerField(QStringLiteral("applicant.email*"),
                  addRequired(EmailKey, tr("E-mail"), QStringLiteral("applicantEmailLineEdit")));
    m_edits.value(IdNumberKey)->setMaxLength(18);
    m_edits.value(MobileKey)->setMaxLength(20);

    addReadOnly(tr("Unit name"), QStringLiteral("unitNameLineEdit"), unit.name);
    addReadOnly(tr("Unit number"), QStringLiteral("unitNoLineEdit"), unit.unitNo);
    addReadOnly(tr("Unified social credit code"), QStringLiteral("creditCodeLineEdit"), unit.creditCode);
    addReadOnly(tr("Legal representative"), QStringLiteral("legalRepresentativeLineEdit"), unit.legalRepresentative);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_rejectedLabel);
    layout->addLayout(m_form);
    layout->addWidget(m_errorLabel);
    layout->addStretch();
}

QLineEdit *ApplicantPage::addRequired(const QString &key, const QString &label, const QString &objectName)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(label);
    const QString description = tr("Required");
    edit->setAccessibleDescription(description);
    auto *caption = new QLabel(QStringLiteral("* %1").arg(label), this);
    // The portal's convention: required items are red (guide: 红字项为必填项).
    caption->setStyleSheet(QStringLiteral("color: #c00000"));
    caption->setBuddy(edit);
    auto *error = new QLabel(this);
    error->setObjectName(objectName.chopped(int(qstrlen("LineEdit"))) + QStringLiteral("ErrorLabel"));
    error->setStyleSheet(QStringLiteral("color: #c00000"));
    error->setWordWrap(true);
    error->setVisible(false);
    auto *column = new QVBoxLayout;
    column->setSpacing(2);
    column->addWidget(edit);
    column->addWidget(error);
    m_form->addRow(caption, column);
    m_edits.insert(key, edit);
    m_errorLabels.insert(key, error);
    m_descriptions.insert(key, description);
    connect(edit, &QLineEdit::textEdited, error, [this, key] { showFieldError(key, QString()); });
    return edit;
}

QLineEdit *ApplicantPage::addReadOnly(const QString &label, const QString &objectName, const QString &value)
{
    auto *edit = new QLineEdit(value, this);
    edit->setObjectName(objectName);
    edit->setAccessibleName(label);
    edit->setReadOnly(true);
    edit->setFocusPolicy(Qt::ClickFocus);
    m_form->addRow(label, edit);
    return edit;
}

void ApplicantPage::initializePage()
{
    clearErrors();
    const auto &application = m_service.application();
    if (!application)
        return;
    // A saved or refused application comes back filled in: the user corrects, not retypes.
    const Applicant &a = application->applicant;
    const std::pair<QString, QString> values[] = {
        {NameKey, a.name}, {IdNumberKey, a.idNumber}, {MobileKey, a.mobile}, {EmailKey, a.email}};
    for (const auto &[key, value] : values) {
        if (m_edits.value(key)->text().isEmpty())
            m_edits.value(key)->setText(value);
    }
    const bool rejected = application->state == AuthorizationState::Rejected;
    m_rejectedLabel->setVisible(rejected);
    if (rejected)
        m_rejectedLabel->setText(tr("The counter returned the application: %1").arg(application->rejectReason));
}

void ApplicantPage::showFieldError(const QString &key, const QString &message)
{
    QLabel *label = m_errorLabels.value(key);
    QLineEdit *edit = m_edits.value(key);
    if (!label || !edit)
        return;
    label->setText(message);
    label->setVisible(!message.isEmpty());
    edit->setAccessibleDescription(message.isEmpty() ? m_descriptions.value(key)
                                                     : m_descriptions.value(key) + QStringLiteral("; ") + message);
}

void ApplicantPage::clearErrors()
{
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        showFieldError(it.key(), QString());
    m_errorLabel->clear();
    m_errorLabel->setVisible(false);
}

bool ApplicantPage::checkLocally()
{
    bool ok = true;
    auto fail = [&](const QString &key, const QString &message) {
        showFieldError(key, message);
        if (ok)
            m_edits.value(key)->setFocus();
        ok = false;
    };
    if (Result<QString> name = PersonName::normalize(m_edits.value(NameKey)->text()); !name)
        fail(NameKey, name.error().message);
    if (Result<IdNumber> id = IdNumber::parse(m_edits.value(IdNumberKey)->text().trimmed()); !id)
        fail(IdNumberKey, id.error().message);
    if (Result<Phone> phone = Phone::parse(m_edits.value(MobileKey)->text()); !phone)
        fail(MobileKey, phone.error().message);
    else if (phone.value().kind() != Phone::Kind::Mobile)
        fail(MobileKey, tr("Enter a mobile number (11 digits starting with 1)."));
    static const QRegularExpression emailShape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (!emailShape.match(m_edits.value(EmailKey)->text().trimmed()).hasMatch())
        fail(EmailKey, tr("Enter an e-mail address like name@example.com."));
    return ok;
}

void ApplicantPage::showServerError(const Error &error)
{
    // 422 request.invalid names every field; ApiErrors keeps the whole problem in detail.
    bool shown = false;
    const QJsonArray errors = QJsonDocument::fromJson(error.detail.toUtf8()).object().value(QLatin1String("errors")).toArray();
    for (const QJsonValue &value : errors) {
        const QJsonObject fieldError = value.toObject();
        const QString key = fieldError.value(QLatin1String("field")).toString().section(u'.', -1);
        if (m_edits.contains(key)) {
            showFieldError(key, fieldError.value(QLatin1String("message")).toString());
            shown = true;
        }
    }
    if (!shown && m_edits.contains(error.field.section(u'.', -1))) {
        showFieldError(error.field.section(u'.', -1), error.message);
        shown = true;
    }
    if (!shown || errors.isEmpty()) {
        m_errorLabel->setText(error.message);
        m_errorLabel->setVisible(true);
    }
}

bool ApplicantPage::validatePage()
{
    if (std::exchange(m_saved, false))
        return true;
    if (m_busy)
        return false;
    clearErrors();
    if (!checkLocally())
        return false;
    Applicant applicant;
    applicant.name = m_edits.value(NameKey)->text().trimmed();
    applicant.idNumber = m_edits.value(IdNumberKey)->text().trimmed().toUpper();
    applicant.mobile = m_edits.value(MobileKey)->text().trimmed();
    applicant.email = m_edits.value(EmailKey)->text().trimmed();
    m_busy = true;
    setEnabled(false);
    m_service.save(applicant, [this](const Result<AuthorizationApplication> &result) {
        m_busy = false;
        setEnabled(true);
        if (!result) {
            showServerError(result.error());
            return;
        }
        m_saved = true;
        if (wizard())
            wizard()->next();
    });
    return false;
}

} // namespace shebao::ui
