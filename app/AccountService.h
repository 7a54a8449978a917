#pragma once

#include <QObject>
#include <QString>

#include <functional>

#include "models/core/Result.h"

namespace shebao {

class ApiClient;

// Account actions of 系统管理 that are not the authorization wizard: 修改密码. (The unit's
// contact changes of issue 3 are 信息维护's non-key fields now: ChangeService, POST /changes.)
class AccountService : public QObject
{
    Q_OBJECT

public:
    explicit AccountService(ApiClient *api, QObject *parent = nullptr);

    // POST /auth/password; 422 password.weak (the rule in Chinese), 401 auth.invalid_credentials.
    // Checked here first with the same rules, so the user hears at once (field "new_password").
    void changePassword(const QString &unitNo, const QString &currentPassword, const QString &newPassword,
                        QObject *context, std::function<void(Result<void>)> done);

    // The password rules of the contract: ≥ 8 characters, letters and digits, not containing
    // the unit number. Error password.weak with a Chinese message.
    static Result<void> checkNewPassword(const QString &unitNo, const QString &password);

private:
    ApiClient *m_api;
};

} // namespace shebao
