#include "ui/ChangePasswordDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/AccountService.h"

namespace shebao {

ChangePasswordDialog::ChangePasswordDialog(AccountService &accounts, const QString &unitNo, QWidget *parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_unitNo(unitNo)
    , m_errorLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("changePasswordDialog"));
    setWindowTitle(tr("Change password"));

    auto *rules = new QLabel(tr("The new password must have at least 8 characters, contain letters and digits, "
                                "and must not be or contain the unit number."),
                             this);
    rules->setObjectName(QStringLiteral("passwordRulesLabel"));
    rules->setWordWrap(true);

    auto *form = new QFormLayout;
    m_currentEdit = addPasswordRow(form, tr("Current password"), QStringLiteral("currentPasswordLineEdit"));
    m_newEdit = addPasswordRow(form, tr("New password"), QStringLiteral("newPasswordLineEdit"));
    m_repeatEdit = addPasswordRow(form, tr("New password again"), QStringLiteral("repeatPasswordLineEdit"));
    m_newEdit->setAccessibleDescription(rules->text());

    m_errorLabel->setObjectName(QStringLiteral("passwordErrorLabel"));
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c00000"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setVisible(false);

    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("C&hange"));
    ok->setObjectName(QStringLiteral("changePasswordPushButton"));
    ok->setAccessibleName(tr("Change password"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelPushButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(rules);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);
}

QLineEdit *ChangePasswordDialog::addPasswordRow(QFormLayout *form, const QString &label, const QString &objectName)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setAccessibleName(label);
    form->addRow(label, edit);
    connect(edit, &QLineEdit::textEdited, m_errorLabel, [this] { m_errorLabel->setVisible(false); });
    return edit;
}

QString ChangePasswordDialog::errorText() const
{
    return m_errorLabel->isVisible() ? m_errorLabel->text() : QString();
}

void ChangePasswordDialog::showError(const QString &message, QLineEdit *field)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(true);
    if (field) {
        field->setFocus();
        field->selectAll();
    }
}

void ChangePasswordDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QLineEdit *edit : {m_currentEdit, m_newEdit, m_repeatEdit})
        edit->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void ChangePasswordDialog::submit()
{
    if (m_busy)
        return;
    if (m_currentEdit->text().isEmpty()) {
        showError(tr("Enter the current password."), m_currentEdit);
        return;
    }
    if (Result<void> rule = AccountService::checkNewPassword(m_unitNo, m_newEdit->text()); !rule) {
        showError(rule.error().message, m_newEdit);
        return;
    }
    if (m_repeatEdit->text() != m_newEdit->text()) {
        showError(tr("The two new passwords differ."), m_repeatEdit);
        return;
    }
    if (m_newEdit->text() == m_currentEdit->text()) {
        showError(tr("The new password is the same as the current one."), m_newEdit);
        return;
    }
    setBusy(true);
    m_accounts.changePassword(m_unitNo, m_currentEdit->text(), m_newEdit->text(), this, [this](Result<void> result) {
        setBusy(false);
        if (!result) {
            const bool wrongCurrent = result.error().code == u"auth.invalid_credentials";
            showError(result.error().message, wrongCurrent ? m_currentEdit : m_newEdit);
            return;
        }
        accept();
    });
}

} // namespace shebao
