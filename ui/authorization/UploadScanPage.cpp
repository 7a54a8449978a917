#include "ui/authorization/UploadScanPage.h"

#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/AuthorizationService.h"
#include "ui/widgets/FileDialog.h"

namespace shebao::ui {

UploadScanPage::UploadScanPage(AuthorizationService &service, QWidget *parent)
    : QWizardPage(parent)
    , m_service(service)
    , m_chooseButton(new QPushButton(tr("C&hoose the scan and upload..."), this))
    , m_uploadedLabel(new QLabel(this))
    , m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("uploadScanPage"));
    setTitle(tr("Upload the stamped letter"));
    setSubTitle(tr("Scan or photograph the letter stamped with the unit's official seal: a JPEG, PNG or PDF file "
                   "of at most 5 MB."));
    m_chooseButton->setObjectName(QStringLiteral("chooseScanPushButton"));
    m_chooseButton->setAccessibleName(tr("Choose the scan and upload"));
    m_uploadedLabel->setObjectName(QStringLiteral("uploadedScanLabel"));
    m_uploadedLabel->setWordWrap(true);
    m_errorLabel->setObjectName(QStringLiteral("uploadErrorLabel"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c00000"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_chooseButton, 0, Qt::AlignLeft);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_uploadedLabel);
    layout->addStretch();
    connect(m_chooseButton, &QPushButton::clicked, this, &UploadScanPage::chooseAndUpload);
}

void UploadScanPage::initializePage()
{
    m_errorLabel->setVisible(false);
    showUploaded();
}

bool UploadScanPage::isComplete() const
{
    return !m_busy && m_service.state() == AuthorizationState::Uploaded;
}

void UploadScanPage::showUploaded()
{
    const auto &application = m_service.application();
    if (!application || !application->scan) {
        m_uploadedLabel->clear();
        return;
    }
    const AuthorizationScan &scan = *application->scan;
    m_uploadedLabel->setText(tr("Uploaded: %1 (%2, %3)")
                                 .arg(scan.fileName, scan.kind, QLocale().formattedDataSize(scan.size)));
}

void UploadScanPage::chooseAndUpload()
{
    const QString path = FileDialog::getOpenFileName(this, tr("Choose the scan of the stamped letter"), QString(),
                                                     tr("Scans (*.jpg *.jpeg *.png *.pdf)"));
    if (path.isEmpty())
        return;
    m_busy = true;
    m_errorLabel->setVisible(false);
    m_chooseButton->setEnabled(false);
    emit completeChanged();
    m_service.uploadScan(path, [this](const Result<AuthorizationApplication> &result) {
        m_busy = false;
        m_chooseButton->setEnabled(true);
        if (!result) {
            m_errorLabel->setText(result.error().message);
            m_errorLabel->setVisible(true);
        }
        showUploaded();
        emit completeChanged();
    });
}

} // namespace shebao::ui
