#include "ui/maintain/ChangeProofsPage.h"

#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/ChangeService.h"
#include "models/files/UploadCheck.h"
#include "ui/declaration/DraftKeeper.h"
#include "ui/maintain/ChangeWizard.h"
#include "ui/widgets/CodeComboBox.h"
#include "ui/widgets/FileDialog.h"

namespace shebao::ui {

ChangeProofsPage::ChangeProofsPage(ChangeWizard &wizard, ChangeWizardData &data, QWidget *parent)
    : QWizardPage(parent)
    , m_wizard(wizard)
    , m_data(data)
    , m_required(new QLabel(this))
    , m_kind(new CodeComboBox(this))
    , m_chooseButton(new QPushButton(tr("Choose the file and &upload..."), this))
    , m_uploaded(new QListWidget(this))
    , m_removeButton(new QPushButton(tr("&Remove"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("changeProofsPage"));
    setTitle(tr("Upload the proofs"));
    setSubTitle(data.target == ChangeTarget::Unit
                    ? tr("Key information needs an image of the original business licence, organisation code "
                         "certificate, the legal representative's ID card or the bank account permit: a JPEG, PNG "
                         "or PDF file of at most 5 MB each.")
                    : tr("Key information needs an image of the person's original ID card: a JPEG, PNG or PDF "
                         "file of at most 5 MB."));
    setButtonText(QWizard::NextButton, tr("&Declare the change"));
    m_required->setObjectName(QStringLiteral("requiredProofsLabel"));
    m_required->setWordWrap(true);
    m_kind->setObjectName(QStringLiteral("proofKindComboBox"));
    m_kind->setAccessibleName(tr("Kind of proof"));
    m_chooseButton->setObjectName(QStringLiteral("chooseProofPushButton"));
    m_chooseButton->setAccessibleName(tr("Choose the file and upload"));
    m_uploaded->setObjectName(QStringLiteral("uploadedProofsListWidget"));
    m_uploaded->setAccessibleName(tr("Uploaded proofs"));
    m_removeButton->setObjectName(QStringLiteral("removeProofPushButton"));
    m_removeButton->setAccessibleName(tr("Remove the proof"));
    m_error->setObjectName(QStringLiteral("proofErrorLabel"));
    m_error->setStyleSheet(QStringLiteral("color: #c00000"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);

    auto *kindRow = new QHBoxLayout;
    auto *kindCaption = new QLabel(tr("&Proof:"), this);
    kindCaption->setBuddy(m_kind);
    kindRow->addWidget(kindCaption);
    kindRow->addWidget(m_kind);
    kindRow->addWidget(m_chooseButton);
    kindRow->addStretch();
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_uploaded, 1);
    listRow->addWidget(m_removeButton, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_required);
    layout->addLayout(kindRow);
    layout->addWidget(m_error);
    layout->addLayout(listRow, 1);
    connect(m_chooseButton, &QPushButton::clicked, this, &ChangeProofsPage::chooseAndUpload);
    connect(m_removeButton, &QPushButton::clicked, this, &ChangeProofsPage::removeSelected);
    connect(m_uploaded, &QListWidget::currentRowChanged, this,
            [this](int row) { m_removeButton->setEnabled(row >= 0 && !m_busy); });
}

void ChangeProofsPage::initializePage()
{
    // The kinds that prove any touched key field, the still missing ones first.
    QList<AttachmentKind> kinds;
    const QStringList provable = m_data.provableMembers();
    for (const QList<AttachmentKind> &group : m_data.missingProofs()) {
        for (AttachmentKind kind : group) {
            if (!kinds.contains(kind))
                kinds.append(kind);
        }
    }
    for (const QString &member : provable) {
        if (const ChangeField *field = ChangeFields::find(m_data.target, member); field && field->key) {
            for (AttachmentKind kind : field->proofs) {
                if (!kinds.contains(kind))
                    kinds.append(kind);
            }
        }
    }
    QList<QPair<QString, QString>> entries;
    for (AttachmentKind kind : kinds)
        entries.append({attachmentKindName(kind), attachmentKindCode(kind)});
    m_kind->setEntries(entries);
    m_error->setVisible(false);
    showState();
}

void ChangeProofsPage::showState()
{
    QStringList lines;
    for (const QList<AttachmentKind> &group : m_data.missingProofs())
        lines.append(ChangeFields::describeProofs(m_data.target, group, m_data.provableMembers()));
    m_required->setText(lines.isEmpty() ? tr("Every proof the change needs is uploaded: press \"Declare the change\".")
                                        : lines.join(QLatin1Char('\n')));
    m_required->setStyleSheet(lines.isEmpty() ? QString() : QStringLiteral("color: #0050b3"));
    m_required->setAccessibleName(m_required->text());
    m_uploaded->clear();
    for (const ChangeAttachment &a : std::as_const(m_data.attachments)) {
        m_uploaded->addItem(tr("%1: %2 (%3, %4)")
                                .arg(attachmentKindName(a.kind), a.fileName, a.mimeType,
                                     QLocale().formattedDataSize(a.size)));
    }
    m_removeButton->setEnabled(m_uploaded->currentRow() >= 0 && !m_busy);
    m_chooseButton->setEnabled(!m_busy);
    emit completeChanged();
}

void ChangeProofsPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setAccessibleName(message);
    m_error->setVisible(!message.isEmpty());
}

void ChangeProofsPage::chooseAndUpload()
{
    AttachmentKind kind;
    if (m_busy || !parseAttachmentKind(m_kind->code(), &kind))
        return;
    const QString path = FileDialog::getOpenFileName(this, tr("Choose the image of the %1").arg(attachmentKindName(kind)),
                                                     QString(), tr("Images and PDF (*.jpg *.jpeg *.png *.pdf)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString()));
        return;
    }
    const QByteArray bytes = file.read(5 * 1024 * 1024 + 1);
    const QString name = QFileInfo(path).fileName();
    // By content, before anything is sent: a renamed program or an oversized scan stops here.
    if (Result<FileKind> checked = checkUpload(name, bytes); !checked) {
        showError(checked.error().message);
        return;
    }
    showError(QString());
    m_busy = true;
    showState();
    m_wizard.service().upload(kind, name, bytes, this, [this](Result<ChangeAttachment> result) {
        m_busy = false;
        if (!result)
            showError(result.error().message);
        else
            m_data.attachments.append(result.value());
        showState();
        m_wizard.draftKeeper().touch();
    });
}

void ChangeProofsPage::removeSelected()
{
    const int row = m_uploaded->currentRow();
    if (m_busy || row < 0 || row >= m_data.attachments.size())
        return;
    // The server forgets an unused upload by itself (after 24 hours).
    m_data.attachments.removeAt(row);
    showState();
    m_wizard.draftKeeper().touch();
}

bool ChangeProofsPage::isComplete() const
{
    return !m_busy;
}

bool ChangeProofsPage::validatePage()
{
    if (std::exchange(m_submitted, false))
        return true;
    if (m_busy)
        return false;
    const QList<QList<AttachmentKind>> missing = m_data.missingProofs();
    if (!missing.isEmpty()) {
        QStringList lines;
        for (const QList<AttachmentKind> &group : missing)
            lines.append(ChangeFields::describeProofs(m_data.target, group, m_data.provableMembers()));
        showError(lines.join(QLatin1Char('\n')));
        return false;
    }
    showError(QString());
    m_busy = true;
    showState();
    m_wizard.submit([this](bool accepted) {
        m_busy = false;
        showState();
        if (accepted && m_wizard.currentId() == ChangeWizard::ProofsPageId) {
            m_submitted = true;
            m_wizard.next();
        }
    });
    return false;
}

void ChangeProofsPage::showRefusal(const Error &error)
{
    showError(error.message);
}

} // namespace shebao::ui
