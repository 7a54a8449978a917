#include "ui/certificate/EnrolmentCertificatePage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QDesktopServices>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

#include "app/EnrolmentCertificateForm.h"
#include "app/EnrolmentCertificateService.h"
#include "app/Session.h"
#include "models/certificate/CertificateJson.h"
#include "ui/certificate/CertificateActions.h"
#include "ui/certificate/CertificateHistoryModel.h"
#include "ui/certificate/PersonPickerModel.h"
#include "ui/declaration/FieldCaption.h"

namespace shebao::ui {

EnrolmentCertificatePage::EnrolmentCertificatePage(EnrolmentCertificateService &service, Session &session,
                                                   FormPrinter &printer, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_session(session)
    , m_printer(printer)
    , m_kindGroup(new QButtonGroup(this))
    , m_unitRadio(new QRadioButton(tr("Unit enrolment certificate"), this))
    , m_rosterRadio(new QRadioButton(tr("Roster of insured staff"), this))
    , m_personRadio(new QRadioButton(tr("Personal enrolment and contribution certificate"), this))
    , m_personCombo(new QComboBox(this))
    , m_personModel(new PersonPickerModel(this))
    , m_personError(fieldErrorLabel(QStringLiteral("personErrorLabel"), this))
    , m_purposeEdit(new QLineEdit(this))
    , m_purposeError(fieldErrorLabel(QStringLiteral("purposeErrorLabel"), this))
    , m_generateButton(new QPushButton(tr("&Generate certificate"), this))
    , m_issuedLabel(new QLabel(this))
    , m_previewButton(new QPushButton(tr("Pre&view..."), this))
    , m_printButton(new QPushButton(tr("&Print..."), this))
    , m_savePdfButton(new QPushButton(tr("&Save as PDF..."), this))
    , m_openVerificationButton(new QPushButton(tr("Open the verificat&ion page"), this))
    , m_messageLabel(new QLabel(this))
    , m_history(new CertificateHistoryModel(this))
    , m_historyView(new QTableView(this))
    , m_refreshButton(new QPushButton(tr("&Refresh"), this))
    , m_reprintButton(new QPushButton(tr("Print &again..."), this))
    , m_reprintPdfButton(new QPushButton(tr("Save agai&n as PDF..."), this))
{
    setObjectName(QStringLiteral("enrolmentCertificatePage"));
    setAccessibleName(tr("Enrolment certificate"));

    auto *title = new QLabel(tr("Enrolment certificate"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title->setFont(titleFont);
    auto *intro = new QLabel(tr("Choose what to print, enter its purpose and generate the certificate. Printed "
                                "certificates can be verified online by their QR code or verification code; they "
                                "need no stamp."),
                             this);
    intro->setWordWrap(true);

    // 选择想打印的项目
    auto *kindBox = new QGroupBox(tr("Choose what to print"), this);
    kindBox->setObjectName(QStringLiteral("kindGroupBox"));
    m_unitRadio->setObjectName(QStringLiteral("unitKindRadioButton"));
    m_rosterRadio->setObjectName(QStringLiteral("rosterKindRadioButton"));
    m_personRadio->setObjectName(QStringLiteral("personKindRadioButton"));
    m_kindGroup->addButton(m_unitRadio, int(CertificateKind::Unit));
    m_kindGroup->addButton(m_rosterRadio, int(CertificateKind::Roster));
    m_kindGroup->addButton(m_personRadio, int(CertificateKind::Person));
    m_unitRadio->setChecked(true);
    m_personCombo->setObjectName(QStringLiteral("personComboBox"));
    m_personCombo->setEditable(true);
    m_personCombo->setModel(m_personModel);
    m_personCombo->setInsertPolicy(QComboBox::NoInsert);
    m_personCombo->lineEdit()->setPlaceholderText(tr("Name or personal number"));
    m_personCombo->completer()->setFilterMode(Qt::MatchContains);
    m_personCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_personCombo->setMinimumContentsLength(28);
    auto *kindLayout = new QVBoxLayout(kindBox);
    kindLayout->addWidget(m_unitRadio);
    kindLayout->addWidget(m_rosterRadio);
    kindLayout->addWidget(m_personRadio);
    auto *personRow = new QHBoxLayout;
    personRow->setContentsMargins(24, 0, 0, 0);
    personRow->addWidget(requiredCaption(tr("Person"), m_personCombo, this));
    personRow->addWidget(m_personCombo, 1);
    kindLayout->addLayout(personRow);
    kindLayout->addWidget(m_personError);

    // 打印用途
    auto *form = new QFormLayout;
    m_purposeEdit->setObjectName(QStringLiteral("purposeLineEdit"));
    m_purposeEdit->setMaxLength(EnrolmentCertificateService::PurposeMaxLength);
    m_purposeEdit->setPlaceholderText(tr("e.g. tender, residence permit, school enrolment"));
    form->addRow(requiredCaption(tr("Purpose"), m_purposeEdit, this), m_purposeEdit);
    form->addRow(QString(), m_purposeError);

    m_generateButton->setObjectName(QStringLiteral("generateCertificateButton"));
    m_generateButton->setDefault(true);
    m_issuedLabel->setObjectName(QStringLiteral("issuedCertificateLabel"));
    m_issuedLabel->setWordWrap(true);
    m_issuedLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_previewButton->setObjectName(QStringLiteral("previewCertificateButton"));
    m_printButton->setObjectName(QStringLiteral("printCertificateButton"));
    m_savePdfButton->setObjectName(QStringLiteral("saveCertificatePdfButton"));
    m_openVerificationButton->setObjectName(QStringLiteral("openVerificationButton"));
    auto *issuedButtons = new QHBoxLayout;
    issuedButtons->addWidget(m_previewButton);
    issuedButtons->addWidget(m_printButton);
    issuedButtons->addWidget(m_savePdfButton);
    issuedButtons->addWidget(m_openVerificationButton);
    issuedButtons->addStretch(1);

    m_messageLabel->setObjectName(QStringLiteral("certificateMessageLabel"));
    m_messageLabel->setWordWrap(true);

    // The history
    auto *historyBox = new QGroupBox(tr("Issued certificates"), this);
    historyBox->setObjectName(QStringLiteral("historyGroupBox"));
    m_historyView->setObjectName(QStringLiteral("certificateHistoryTableView"));
    m_historyView->setModel(m_history);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->setAlternatingRowColors(true);
    m_refreshButton->setObjectName(QStringLiteral("refreshHistoryButton"));
    m_reprintButton->setObjectName(QStringLiteral("reprintCertificateButton"));
    m_reprintPdfButton->setObjectName(QStringLiteral("reprintCertificatePdfButton"));
    auto *historyButtons = new QHBoxLayout;
    historyButtons->addWidget(m_reprintButton);
    historyButtons->addWidget(m_reprintPdfButton);
    historyButtons->addStretch(1);
    historyButtons->addWidget(m_refreshButton);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(m_historyView, 1);
    historyLayout->addLayout(historyButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(kindBox);
    layout->addLayout(form);
    auto *generateRow = new QHBoxLayout;
    generateRow->addWidget(m_generateButton);
    generateRow->addStretch(1);
    layout->addLayout(generateRow);
    layout->addWidget(m_issuedLabel);
    layout->addLayout(issuedButtons);
    layout->addWidget(m_messageLabel);
    layout->addWidget(historyBox, 1);

    connect(m_kindGroup, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            updateState();
    });
    connect(m_purposeEdit, &QLineEdit::textEdited, this, [this] { ui::showFieldError(m_purposeError, m_purposeEdit, {}); });
    connect(m_personCombo, &QComboBox::currentTextChanged, this,
            [this] { ui::showFieldError(m_personError, m_personCombo, {}); });
    connect(m_purposeEdit, &QLineEdit::returnPressed, this, &EnrolmentCertificatePage::generate);
    connect(m_generateButton, &QPushButton::clicked, this, &EnrolmentCertificatePage::generate);
    connect(m_previewButton, &QPushButton::clicked, this, [this] {
        if (m_current)
            showMessage(CertificateActions::preview(this, m_printer, *m_current, m_session.cache()));
    });
    connect(m_printButton, &QPushButton::clicked, this, [this] {
        if (m_current)
            showMessage(CertificateActions::print(this, m_printer, *m_current, m_session.cache()));
    });
    connect(m_savePdfButton, &QPushButton::clicked, this, [this] {
        if (m_current)
            showMessage(CertificateActions::savePdf(this, *m_current, m_session.cache()));
    });
    connect(m_openVerificationButton, &QPushButton::clicked, this, &EnrolmentCertificatePage::openVerificationPage);
    connect(m_refreshButton, &QPushButton::clicked, this, &EnrolmentCertificatePage::refresh);
    connect(m_reprintButton, &QPushButton::clicked, this, [this] {
        withSelectedRecord([this](const IssuedCertificate &c) {
            showMessage(CertificateActions::preview(this, m_printer, c, m_session.cache()));
        });
    });
    connect(m_historyView, &QTableView::doubleClicked, m_reprintButton, &QPushButton::click);
    connect(m_reprintPdfButton, &QPushButton::clicked, this, [this] {
        withSelectedRecord([this](const IssuedCertificate &c) {
            showMessage(CertificateActions::savePdf(this, c, m_session.cache()));
        });
    });
    connect(m_historyView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EnrolmentCertificatePage::updateState);
    connect(&m_session, &Session::changed, this, &EnrolmentCertificatePage::updateState);
    updateState();
}

void EnrolmentCertificatePage::setPersons(const QList<Person> &persons)
{
    m_persons = persons;
    m_pickerFilled = false;
    if (chosenKind() == CertificateKind::Person)
        fillPicker();
}

void EnrolmentCertificatePage::fillPicker()
{
    if (m_pickerFilled)
        return;
    const QString typed = m_personCombo->currentText();
    m_personModel->setPersons(m_persons);
    m_pickerFilled = true;
    m_personCombo->setCurrentIndex(-1);
    m_personCombo->setEditText(typed);
}

CertificateKind EnrolmentCertificatePage::chosenKind() const
{
    return CertificateKind(m_kindGroup->checkedId());
}

QString EnrolmentCertificatePage::chosenPersonNo() const
{
    // A typed text counts only when it is one of the offered people (or exactly a 个人编号).
    const int row = m_personModel->find(m_personCombo->currentText());
    return row >= 0 ? m_personModel->index(row).data(Qt::UserRole).toString() : QString();
}

void EnrolmentCertificatePage::updateState()
{
    const bool online = m_session.isActive() && !m_session.isOffline();
    const bool person = chosenKind() == CertificateKind::Person;
    if (person)
        fillPicker();
    m_personCombo->setEnabled(person);
    m_generateButton->setEnabled(online && !m_busy);
    m_generateButton->setToolTip(online ? QString() : tr("Certificates are issued by the server: connect first."));
    const bool issued = m_current.has_value();
    m_previewButton->setEnabled(issued);
    m_printButton->setEnabled(issued);
    m_savePdfButton->setEnabled(issued);
    m_openVerificationButton->setEnabled(issued);
    const bool selected = m_historyView->selectionModel()->hasSelection();
    m_reprintButton->setEnabled(online && selected && !m_busy);
    m_reprintPdfButton->setEnabled(online && selected && !m_busy);
    m_refreshButton->setEnabled(online && !m_busy);
}

void EnrolmentCertificatePage::refresh()
{
    updateState();
    if (!m_session.isActive() || m_session.isOffline()) {
        showMessage(tr("Certificates need a connection to the server; the history cannot be loaded offline."));
        return;
    }
    m_service.history(this, [this](Result<QList<IssuedCertificate>> rows) {
        if (!rows) {
            showMessage(rows.error().message, true);
            return;
        }
        m_history->setCertificates(std::move(rows).value());
        m_historyView->resizeColumnsToContents();
        updateState();
    });
}

void EnrolmentCertificatePage::generate()
{
    if (m_busy || !m_generateButton->isEnabled())
        return;
    ui::showFieldError(m_purposeError, m_purposeEdit, {});
    ui::showFieldError(m_personError, m_personCombo, {});
    CertificateRequest request;
    request.kind = chosenKind();
    request.purpose = m_purposeEdit->text();
    if (request.kind == CertificateKind::Person) {
        request.personNo = chosenPersonNo();
        if (request.personNo.isEmpty() && !m_personCombo->currentText().trimmed().isEmpty()) {
            showFieldError(QStringLiteral("person_no"), tr("Choose the person from the list of the unit's staff."));
            return;
        }
    }
    if (Result<CertificateRequest> checked = EnrolmentCertificateService::checked(request); !checked) {
        showFieldError(checked.error().field, checked.error().message);
        return;
    }
    m_busy = true;
    updateState();
    showMessage(tr("Generating the certificate..."));
    m_service.issue(request, this, [this](Result<IssuedCertificate> issued) {
        m_busy = false;
        updateState();
        if (!issued) {
            const Error &e = issued.error();
            if (e.field == u"purpose" || e.field == u"person_no" || e.code == u"certificate.person")
                showFieldError(e.code == u"certificate.person" ? QStringLiteral("person_no") : e.field, e.message);
            else
                showMessage(e.message, true);
            return;
        }
        showIssued(issued.value());
    });
}

void EnrolmentCertificatePage::showIssued(const IssuedCertificate &certificate)
{
    m_current = certificate;
    m_history->prepend(certificate);
    m_historyView->resizeColumnsToContents();
    const CertificateContent &c = certificate.content;
    m_issuedLabel->setText(tr("%1 %2 was issued. Verification code: %3, valid until %4.")
                               .arg(certificateKindName(c.kind), c.number, CertificateCode::grouped(c.code),
                                    EnrolmentCertificateForm::beijingDate(c.validUntil)));
    showMessage(tr("Preview, print or save the certificate. It can be printed again from the history below."));
    updateState();
    m_previewButton->setFocus();
}

void EnrolmentCertificatePage::showMessage(const QString &message, bool error)
{
    if (message.isEmpty())
        return;
    m_messageLabel->setStyleSheet(error ? QStringLiteral("color: #b01010;") : QString());
    m_messageLabel->setText(message);
    emit messageShown(message);
}

void EnrolmentCertificatePage::showFieldError(const QString &field, const QString &message)
{
    if (field == u"purpose") {
        ui::showFieldError(m_purposeError, m_purposeEdit, message);
        m_purposeEdit->setFocus();
    } else if (field == u"person_no") {
        ui::showFieldError(m_personError, m_personCombo, message);
        m_personCombo->setFocus();
    }
    showMessage(message, true);
}

void EnrolmentCertificatePage::withSelectedRecord(const std::function<void(const IssuedCertificate &)> &action)
{
    const QModelIndexList rows = m_historyView->selectionModel()->selectedRows();
    if (rows.isEmpty() || m_busy)
        return;
    const QString number = m_history->data(rows.first().siblingAtColumn(0), Qt::UserRole).toString();
    // The history rows carry no content: the record is fetched with its signed bytes, so the
    // reprint is the certificate as issued (and a revoked one says so before it is printed).
    m_busy = true;
    updateState();
    m_service.certificate(number, this, [this, action](Result<IssuedCertificate> record) {
        m_busy = false;
        updateState();
        if (!record) {
            showMessage(record.error().message, true);
            return;
        }
        m_history->prepend(record.value());
        if (record.value().state != CertificateState::Valid) {
            showMessage(tr("Certificate %1 is %2 and is not printed again.")
                            .arg(record.value().content.number, certificateStateName(record.value().state)),
                        true);
            return;
        }
        action(record.value());
    });
}

void EnrolmentCertificatePage::openVerificationPage()
{
    if (m_current)
        QDesktopServices::openUrl(QUrl(m_current->url));
}

} // namespace shebao::ui
