#pragma once

#include <QDialog>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace shebao {

class AccountService;

// 系统管理 → 修改密码: current password, the new one twice. The rules are shown up front and
// checked here before anything is sent; the server's refusal (wrong current password, a weak
// new one) appears in the dialog, which stays open.
class ChangePasswordDialog : public QDialog
{
    Q_OBJECT

public:
    ChangePasswordDialog(AccountService &accounts, const QString &unitNo, QWidget *parent = nullptr);

    QString errorText() const;
    bool isBusy() const { return m_busy; }

private:
    QLineEdit *addPasswordRow(QFormLayout *form, const QString &label, const QString &objectName);
    void submit();
    void showError(const QString &message, QLineEdit *field);
    void setBusy(bool busy);

    AccountService &m_accounts;
    QString m_unitNo;
    QLineEdit *m_currentEdit = nullptr;
    QLineEdit *m_newEdit = nullptr;
    QLineEdit *m_repeatEdit = nullptr;
    QLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace shebao
