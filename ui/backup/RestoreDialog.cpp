#include "ui/backup/RestoreDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

#include "app/backup/BackupService.h"
#include "ui/backup/BackupText.h"
#include "ui/widgets/FileDialog.h"
#include "ui/widgets/MessageBox.h"

namespace shebao::ui {

RestoreDialog::RestoreDialog(BackupService &service, LocalCache &cache, Settings &settings, const QUrl &server,
                             const QString &unitNo, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_cache(cache)
    , m_settings(settings)
    , m_server(server)
    , m_unitNo(unitNo)
    , m_fileEdit(new QLineEdit(this))
    , m_browseButton(new QPushButton(tr("&Browse..."), this))
    , m_headerLabel(new QLabel(this))
    , m_passwordEdit(new QLineEdit(this))
    , m_errorLabel(new QLabel(this))
    , m_resultLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Close | QDialogButtonBox::Help, this))
{
    setObjectName(QStringLiteral("restoreDialog"));
    setWindowTitle(tr("Data restore"));

    auto *intro = new QLabel(tr("Adds the drafts, declarations not yet sent and printed-form records of a backup of "
                                "this unit to this computer. Nothing on this computer is deleted or overwritten, and "
                                "what is already here is not added twice."),
                             this);
    intro->setObjectName(QStringLiteral("restoreIntroLabel"));
    intro->setWordWrap(true);

    m_fileEdit->setObjectName(QStringLiteral("restoreFileLineEdit"));
    m_fileEdit->setAccessibleName(tr("Backup file"));
    m_browseButton->setObjectName(QStringLiteral("browseRestoreFileButton"));
    m_browseButton->setAccessibleName(tr("Choose the backup file"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(m_browseButton);
    m_headerLabel->setObjectName(QStringLiteral("backupHeaderLabel"));
    m_headerLabel->setWordWrap(true);
    m_headerLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_passwordEdit->setObjectName(QStringLiteral("restorePasswordLineEdit"));
    m_passwordEdit->setAccessibleName(tr("Backup password"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->addRow(tr("Backup file"), fileRow);
    form->addRow(QString(), m_headerLabel);
    form->addRow(tr("Backup password"), m_passwordEdit);

    m_errorLabel->setObjectName(QStringLiteral("restoreErrorLabel"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c00000"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setVisible(false);
    m_resultLabel->setObjectName(QStringLiteral("restoreResultLabel"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setVisible(false);
    m_progress->setObjectName(QStringLiteral("restoreProgressBar"));
    m_progress->setRange(0, 0);
    m_progress->setVisible(false);

    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Restore"));
    ok->setObjectName(QStringLiteral("restorePushButton"));
    // Enter in a field means the dialog's action, never 浏览….
    ok->setDefault(true);
    m_browseButton->setAutoDefault(false);
    ok->setAccessibleName(tr("Restore"));
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closePushButton"));
    m_buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    m_buttons->button(QDialogButtonBox::Help)->setObjectName(QStringLiteral("helpPushButton"));
    m_buttons->button(QDialogButtonBox::Help)->setAccessibleName(tr("Help"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RestoreDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::helpRequested, this, [this] { BackupText::openHelp(this); });
    connect(m_browseButton, &QPushButton::clicked, this, &RestoreDialog::browse);
    connect(m_fileEdit, &QLineEdit::editingFinished, this, &RestoreDialog::readFile);
    connect(m_fileEdit, &QLineEdit::textEdited, this, [this] {
        m_header.reset();
        m_headerLabel->clear();
        updateButtons();
    });
    connect(m_passwordEdit, &QLineEdit::textEdited, m_errorLabel, [this] { m_errorLabel->setVisible(false); });
    connect(m_passwordEdit, &QLineEdit::textChanged, this, &RestoreDialog::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_resultLabel);
    layout->addWidget(m_progress);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(560);
    m_browseButton->setFocus();
    updateButtons();
}

QString RestoreDialog::errorText() const
{
    return m_errorLabel->isVisible() ? m_errorLabel->text() : QString();
}

QString RestoreDialog::headerText() const
{
    return m_headerLabel->text();
}

QString RestoreDialog::resultText() const
{
    return m_resultLabel->isVisible() ? m_resultLabel->text() : QString();
}

void RestoreDialog::browse()
{
    const QString start = m_fileEdit->text().isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                              : m_fileEdit->text();
    const QString file = FileDialog::getOpenFileName(this, tr("Choose a backup"), start, BackupText::fileFilter());
    if (file.isEmpty())
        return;
    m_fileEdit->setText(file);
    readFile();
}

void RestoreDialog::readFile()
{
    m_header.reset();
    m_headerLabel->clear();
    m_resultLabel->setVisible(false);
    m_errorLabel->setVisible(false);
    const QString file = m_fileEdit->text().trimmed();
    if (!file.isEmpty()) {
        Result<BackupHeader> header = BackupService::readHeader(file);
        if (!header) {
            showError(header.error().message, m_fileEdit);
        } else if (Result<void> target = BackupService::checkTarget(header.value(), m_unitNo, m_server, true);
                   !target) {
            m_headerLabel->setText(BackupText::describe(header.value()));
            showError(target.error().message, m_fileEdit);
        } else {
            m_header = header.value();
            QString text = BackupText::describe(header.value());
            // Said before the password is typed, and asked again at 恢复.
            if (Result<void> sameServer = BackupService::checkTarget(header.value(), m_unitNo, m_server, false);
                !sameServer)
                text += QLatin1Char('\n') + sameServer.error().message;
            m_headerLabel->setText(text);
            m_passwordEdit->setFocus();
        }
    }
    updateButtons();
}

void RestoreDialog::showError(const QString &message, QLineEdit *field)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(true);
    m_resultLabel->setVisible(false);
    if (field) {
        field->setFocus();
        field->selectAll();
    }
}

void RestoreDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : {static_cast<QWidget *>(m_fileEdit), static_cast<QWidget *>(m_browseButton),
                       static_cast<QWidget *>(m_passwordEdit)})
        w->setEnabled(!busy);
    m_progress->setVisible(busy);
    updateButtons();
}

void RestoreDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_busy && m_header && !m_passwordEdit->text().isEmpty());
}

void RestoreDialog::submit()
{
    if (m_busy || !m_header)
        return;
    if (m_passwordEdit->text().isEmpty()) {
        showError(tr("Enter the password of the backup."), m_passwordEdit);
        return;
    }
    bool otherServer = false;
    if (Result<void> same = BackupService::checkTarget(*m_header, m_unitNo, m_server, false); !same) {
        if (!MessageBox::confirm(this, tr("Restore a backup of another server"),
                                 same.error().message + QLatin1Char('\n') + tr("Restore it anyway?")))
            return;
        otherServer = true;
    }
    m_errorLabel->setVisible(false);
    m_resultLabel->setVisible(false);
    setBusy(true);
    m_service.restore(m_fileEdit->text().trimmed(), m_passwordEdit->text(), m_cache, m_settings, m_server, otherServer,
                      this, [this](Result<SnapshotMerge> result) {
                          setBusy(false);
                          if (!result) {
                              const bool password = result.error().code == u"backup.password";
                              showError(result.error().message, password ? m_passwordEdit : m_fileEdit);
                              return;
                          }
                          m_resultLabel->setText(BackupText::summary(result.value()));
                          m_resultLabel->setVisible(true);
                          m_buttons->button(QDialogButtonBox::Close)->setFocus();
                          emit restored();
                      });
}

} // namespace shebao::ui
