#include "ui/backup/BackupDialog.h"

#include <QDate>
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

namespace shebao::ui {

BackupDialog::BackupDialog(BackupService &service, LocalCache &cache, const Settings &settings, const QUrl &server,
                           const QString &unitNo, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_cache(cache)
    , m_settings(settings)
    , m_server(server)
    , m_fileEdit(new QLineEdit(this))
    , m_browseButton(new QPushButton(tr("&Browse..."), this))
    , m_passwordEdit(new QLineEdit(this))
    , m_repeatEdit(new QLineEdit(this))
    , m_errorLabel(new QLabel(this))
    , m_resultLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Close | QDialogButtonBox::Help, this))
{
    setObjectName(QStringLiteral("backupDialog"));
    setWindowTitle(tr("Data backup"));

    auto *intro = new QLabel(tr("Saves this unit's drafts, the declarations not yet sent, the record of printed forms "
                                "and this program's settings to one file protected by a password you choose, to be "
                                "restored on this or another computer. The login password is not saved; the staff "
                                "list is fetched from the server again."),
                             this);
    intro->setObjectName(QStringLiteral("backupIntroLabel"));
    intro->setWordWrap(true);

    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_fileEdit->setObjectName(QStringLiteral("backupFileLineEdit"));
    m_fileEdit->setAccessibleName(tr("Backup file"));
    m_fileEdit->setText(QDir(documents).filePath(
        BackupText::suggestedFileName(unitNo, QDate::currentDate())));
    m_browseButton->setObjectName(QStringLiteral("browseBackupFileButton"));
    m_browseButton->setAccessibleName(tr("Choose the backup file"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(m_browseButton);

    for (QLineEdit *edit : {m_passwordEdit, m_repeatEdit}) {
        edit->setEchoMode(QLineEdit::Password);
        connect(edit, &QLineEdit::textEdited, m_errorLabel, [this] { m_errorLabel->setVisible(false); });
    }
    m_passwordEdit->setObjectName(QStringLiteral("backupPasswordLineEdit"));
    m_passwordEdit->setAccessibleName(tr("Backup password"));
    m_repeatEdit->setObjectName(QStringLiteral("repeatBackupPasswordLineEdit"));
    m_repeatEdit->setAccessibleName(tr("Backup password again"));
    auto *rule = new QLabel(tr("At least %1 characters. Keep it safe: without it the backup cannot be restored, and "
                               "nobody can recover it.")
                                .arg(BackupFile::MinPasswordLength),
                            this);
    rule->setObjectName(QStringLiteral("backupPasswordRuleLabel"));
    rule->setWordWrap(true);
    m_passwordEdit->setAccessibleDescription(rule->text());

    auto *form = new QFormLayout;
    form->addRow(tr("Backup file"), fileRow);
    form->addRow(tr("Backup password"), m_passwordEdit);
    form->addRow(tr("Password again"), m_repeatEdit);
    form->addRow(QString(), rule);

    m_errorLabel->setObjectName(QStringLiteral("backupErrorLabel"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c00000"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setVisible(false);
    m_resultLabel->setObjectName(QStringLiteral("backupResultLabel"));
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resultLabel->setVisible(false);
    m_progress->setObjectName(QStringLiteral("backupProgressBar"));
    m_progress->setRange(0, 0);
    m_progress->setVisible(false);

    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Back up"));
    ok->setObjectName(QStringLiteral("backupPushButton"));
    // Enter in a field means the dialog's action, never 浏览….
    ok->setDefault(true);
    m_browseButton->setAutoDefault(false);
    ok->setAccessibleName(tr("Back up"));
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closePushButton"));
    m_buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    m_buttons->button(QDialogButtonBox::Help)->setObjectName(QStringLiteral("helpPushButton"));
    m_buttons->button(QDialogButtonBox::Help)->setAccessibleName(tr("Help"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BackupDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::helpRequested, this, [this] { BackupText::openHelp(this); });
    connect(m_browseButton, &QPushButton::clicked, this, &BackupDialog::browse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_resultLabel);
    layout->addWidget(m_progress);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(560);
    m_passwordEdit->setFocus();
}

QString BackupDialog::errorText() const
{
    return m_errorLabel->isVisible() ? m_errorLabel->text() : QString();
}

QString BackupDialog::resultText() const
{
    return m_resultLabel->isVisible() ? m_resultLabel->text() : QString();
}

void BackupDialog::browse()
{
    const QString file = FileDialog::getSaveFileName(this, tr("Save the backup as"), m_fileEdit->text(),
                                                     BackupText::fileFilter());
    if (!file.isEmpty())
        m_fileEdit->setText(BackupText::withSuffix(file));
}

void BackupDialog::showError(const QString &message, QLineEdit *field)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(true);
    m_resultLabel->setVisible(false);
    if (field) {
        field->setFocus();
        field->selectAll();
    }
}

void BackupDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *w : {static_cast<QWidget *>(m_fileEdit), static_cast<QWidget *>(m_browseButton),
                       static_cast<QWidget *>(m_passwordEdit), static_cast<QWidget *>(m_repeatEdit)})
        w->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    m_progress->setVisible(busy);
}

void BackupDialog::submit()
{
    if (m_busy)
        return;
    const QString file = m_fileEdit->text().trimmed();
    if (file.isEmpty()) {
        showError(tr("Choose where to save the backup file."), m_fileEdit);
        return;
    }
    if (Result<void> rule = BackupFile::checkPassword(m_passwordEdit->text()); !rule) {
        showError(rule.error().message, m_passwordEdit);
        return;
    }
    if (m_repeatEdit->text() != m_passwordEdit->text()) {
        showError(tr("The two backup passwords differ."), m_repeatEdit);
        return;
    }
    const QString path = BackupText::withSuffix(file);
    m_fileEdit->setText(path);
    m_errorLabel->setVisible(false);
    m_resultLabel->setVisible(false);
    setBusy(true);
    m_service.backup(m_cache, m_settings, m_server, path, m_passwordEdit->text(), this,
                     [this, path](Result<BackupHeader> result) {
                         setBusy(false);
                         if (!result) {
                             showError(result.error().message, result.error().field == u"password" ? m_passwordEdit
                                                                                                   : m_fileEdit);
                             return;
                         }
                         m_resultLabel->setText(tr("The data of unit %1 was backed up to %2.")
                                                    .arg(result.value().unitNo, QDir::toNativeSeparators(path)));
                         m_resultLabel->setVisible(true);
                         m_buttons->button(QDialogButtonBox::Close)->setFocus();
                     });
}

} // namespace shebao::ui
