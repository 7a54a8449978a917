#pragma once

#include <QDialog>
#include <QUrl>

#include <optional>

#include "app/backup/BackupFile.h"

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

// 系统管理 → 数据恢复: a backup file of this unit, opened with its password and merged into this
// computer's cache (docs/backup.md). What the cache holds stays; a wrong password or a damaged
// file changes nothing. A backup of another unit is refused before any password is asked; one
// from another server needs the user's confirmation (its unsent items go to this server).
class RestoreDialog : public QDialog
{
    Q_OBJECT

public:
    RestoreDialog(BackupService &service, LocalCache &cache, Settings &settings, const QUrl &server,
                  const QString &unitNo, QWidget *parent = nullptr);

    QString errorText() const;
    QString headerText() const;
    QString resultText() const;
    bool isBusy() const { return m_busy; }

signals:
    void restored();

private:
    void browse();
    void readFile();
    void submit();
    void showError(const QString &message, QLineEdit *field);
    void setBusy(bool busy);
    void updateButtons();

    BackupService &m_service;
    LocalCache &m_cache;
    Settings &m_settings;
    QUrl m_server;
    QString m_unitNo;
    QLineEdit *m_fileEdit;
    QPushButton *m_browseButton;
    QLabel *m_headerLabel;
    QLineEdit *m_passwordEdit;
    QLabel *m_errorLabel;
    QLabel *m_resultLabel;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    std::optional<BackupHeader> m_header; // of the file named, when it is this unit's backup
    bool m_busy = false;
};

} // namespace shebao::ui
