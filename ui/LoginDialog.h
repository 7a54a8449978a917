#pragma once

#include <QDialog>

#include "models/core/Result.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace shebao {

class AppContext;

// 单位用户登录 as in the guide: 单位编号 + 登录密码. Remembers the last unit number (never the
// password), shows the services' message when a login fails and keeps what was typed.
// In re-login mode (the token expired while the main window is open) the unit is fixed.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Initial, Relogin };

    explicit LoginDialog(AppContext &context, Mode mode = Mode::Initial, QWidget *parent = nullptr);

    bool loggedInOffline() const { return m_offline; }
    bool isBusy() const { return m_busy; }
    QString errorText() const;

private:
    void startLogin();
    void openServerSettings();
    void setBusy(bool busy);
    void showError(const QString &message);
    void updateServerLabel();

    AppContext &m_context;
    Mode m_mode;
    QLineEdit *m_unitNoLineEdit;
    QLineEdit *m_passwordLineEdit;
    QPushButton *m_loginButton;
    QPushButton *m_serverSettingsButton;
    QPushButton *m_cancelButton;
    QLabel *m_errorLabel;
    QLabel *m_busyLabel;
    QLabel *m_serverLabel;
    bool m_busy = false;
    bool m_offline = false;
};

} // namespace shebao
