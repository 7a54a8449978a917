#include "ui/LoginDialog.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

#include "app/AppContext.h"
#include "app/LoginService.h"
#include "app/Session.h"
#include "app/Settings.h"
#include "ui/ServerSettingsDialog.h"

namespace shebao {

LoginDialog::LoginDialog(AppContext &context, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_mode(mode)
    , m_unitNoLineEdit(new QLineEdit(this))
    , m_passwordLineEdit(new QLineEdit(this))
    , m_loginButton(new QPushButton(tr("&Log in"), this))
    , m_serverSettingsButton(new QPushButton(tr("&Server settings..."), this))
    , m_cancelButton(new QPushButton(mode == Mode::Initial ? tr("E&xit") : tr("&Cancel"), this))
    , m_errorLabel(new QLabel(this))
    , m_busyLabel(new QLabel(tr("Logging in..."), this))
    , m_serverLabel(new QLabel(this))
{
    setObjectName(mode == Mode::Initial ? QStringLiteral("loginDialog") : QStringLiteral("reloginDialog"));
    setWindowTitle(mode == Mode::Initial ? tr("Unit user login") : tr("Log in again"));

    auto *title = new QLabel(tr("Changsha social insurance online service - unit user"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_unitNoLineEdit->setObjectName(QStringLiteral("unitNoLineEdit"));
    m_unitNoLineEdit->setAccessibleName(tr("Unit number"));
    m_unitNoLineEdit->setPlaceholderText(tr("Enter the unit number"));
    m_unitNoLineEdit->setMaxLength(20);
    m_unitNoLineEdit->setInputMethodHints(Qt::ImhDigitsOnly);

    m_passwordLineEdit->setObjectName(QStringLiteral("passwordLineEdit"));
    m_passwordLineEdit->setAccessibleName(tr("Login password"));
    m_passwordLineEdit->setPlaceholderText(tr("Enter the login password"));
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_passwordLineEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);

    m_loginButton->setObjectName(QStringLiteral("loginButton"));
    m_loginButton->setAccessibleName(tr("Log in"));
    m_loginButton->setDefault(true);
    m_serverSettingsButton->setObjectName(QStringLiteral("serverSettingsButton"));
    m_serverSettingsButton->setAccessibleName(tr("Server settings"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setAccessibleName(m_cancelButton->text().remove(QLatin1Char('&')));

    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setAccessibleName(tr("Login error"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c00000;"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->hide();
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyLabel->hide();
    m_serverLabel->setObjectName(QStringLiteral("serverLabel"));
    m_serverLabel->setStyleSheet(QStringLiteral("color: palette(mid);"));

    const Session &session = m_context.session();
    if (mode == Mode::Relogin) {
        m_unitNoLineEdit->setText(session.unitNo());
        m_unitNoLineEdit->setReadOnly(true);
        m_serverSettingsButton->hide();
    } else {
        m_unitNoLineEdit->setText(m_context.settings().lastUnitNo());
    }

    auto *form = new QFormLayout;
    form->addRow(tr("&Unit number:"), m_unitNoLineEdit);
    form->addRow(tr("Login &password:"), m_passwordLineEdit);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_serverSettingsButton);
    buttons->addStretch(1);
    buttons->addWidget(m_loginButton);
    buttons->addWidget(m_cancelButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    if (mode == Mode::Relogin) {
        auto *why = new QLabel(tr("Your login has expired. Enter the password again to continue; "
                                  "nothing you have open is lost."), this);
        why->setWordWrap(true);
        layout->addWidget(why);
    }
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_busyLabel);
    layout->addWidget(m_serverLabel);
    layout->addLayout(buttons);
    setMinimumWidth(440);

    setTabOrder(m_unitNoLineEdit, m_passwordLineEdit);
    setTabOrder(m_passwordLineEdit, m_loginButton);
    setTabOrder(m_loginButton, m_cancelButton);
    setTabOrder(m_cancelButton, m_serverSettingsButton);
    if (m_unitNoLineEdit->text().isEmpty())
        m_unitNoLineEdit->setFocus();
    else
        m_passwordLineEdit->setFocus();

    connect(m_loginButton, &QPushButton::clicked, this, &LoginDialog::startLogin);
    connect(m_cancelButton, &QPushButton::clicked, this, &LoginDialog::reject);
    connect(m_serverSettingsButton, &QPushButton::clicked, this, &LoginDialog::openServerSettings);

    LoginService &login = m_context.login();
    connect(&login, &LoginService::loggedIn, this, [this](bool offline) {
        if (!m_busy)
            return; // someone else's login (another dialog)
        setBusy(false);
        m_offline = offline; // LoginService has remembered the unit number (never the password)
        m_passwordLineEdit->clear(); // the password leaves memory with the dialog's text
        accept();
    });
    connect(&login, &LoginService::failed, this, [this](const Error &error) {
        if (!m_busy)
            return;
        setBusy(false);
        showError(error.message.isEmpty() ? error.code : error.message);
        m_passwordLineEdit->setFocus();
        m_passwordLineEdit->selectAll();
    });
    updateServerLabel();
}

QString LoginDialog::errorText() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void LoginDialog::startLogin()
{
    if (m_busy)
        return;
    const QString unitNo = m_unitNoLineEdit->text().trimmed();
    if (unitNo.isEmpty()) {
        showError(tr("Enter the unit number."));
        m_unitNoLineEdit->setFocus();
        return;
    }
    if (m_passwordLineEdit->text().isEmpty()) {
        showError(tr("Enter the login password."));
        m_passwordLineEdit->setFocus();
        return;
    }
    // What Settings says (dialog or command line) is what this connection uses.
    const Result<void> applied = m_context.applyServerSettings();
    if (!applied) {
        showError(applied.error().message);
        return;
    }
    m_errorLabel->hide();
    setBusy(true);
    m_context.login().login(unitNo, m_passwordLineEdit->text());
}

void LoginDialog::openServerSettings()
{
    ServerSettingsDialog dialog(m_context.settings(), this);
    if (dialog.exec() == QDialog::Accepted)
        updateServerLabel();
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_unitNoLineEdit->setEnabled(!busy);
    m_passwordLineEdit->setEnabled(!busy);
    m_loginButton->setEnabled(!busy);
    m_serverSettingsButton->setEnabled(!busy);
    m_busyLabel->setVisible(busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void LoginDialog::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->show();
}

void LoginDialog::updateServerLabel()
{
    m_serverLabel->setText(tr("Server: %1").arg(m_context.settings().serverUrl().toDisplayString()));
}

} // namespace shebao
