#pragma once

#include <QDialog>
#include <QUrl>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace shebao {
class BackupService;
class LocalCache;
class Settings;
} // namespace shebao

namespace shebao::ui {

// 系统管理 → 数据备份: the unit's drafts, unsent items, printed-form record and the program's
// settings to one file sealed with a password the user chooses (docs/backup.md). Works offline.
class BackupDialog : public QDialog
{
    Q_OBJECT

public:
    BackupDialog(BackupService &service, LocalCache &cache, const Settings &settings, const QUrl &server,
                 const QString &unitNo, QWidget *parent = nullptr);

    QString errorText() const;
    QString resultText() const;
    bool isBusy() const { return m_busy; }

private:
    void browse();
    void submit();
    void showError(const QString &message, QLineEdit *field);
    void setBusy(bool busy);

    BackupService &m_service;
    LocalCache &m_cache;
    const Settings &m_settings;
    QUrl m_server;
    QLineEdit *m_fileEdit;
    QPushButton *m_browseButton;
    QLineEdit *m_passwordEdit;
    QLineEdit *m_repeatEdit;
    QLabel *m_errorLabel;
    QLabel *m_resultLabel;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace shebao::ui
