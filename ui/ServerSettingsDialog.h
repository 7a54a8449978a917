#pragma once

#include <QDialog>

#include "models/core/Result.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace shebao {

class Settings;

// Where the client connects: the server URL and an extra CA (PEM) to trust, for an agency
// server with its own CA or a local test server. Stored via Settings; never weakens TLS.
class ServerSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ServerSettingsDialog(Settings &settings, QWidget *parent = nullptr);

    void accept() override;

    // https only: the client never talks to a server in clear text.
    static Result<QUrl> parseServerUrl(const QString &text);

private:
    void chooseCaFile();

    Settings &m_settings;
    QLineEdit *m_serverUrlLineEdit;
    QLineEdit *m_caFileLineEdit;
    QPushButton *m_caFileButton;
    QLabel *m_errorLabel;
};

} // namespace shebao
