#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>

#include "models/core/Result.h"
#include "models/domain/Unit.h"

namespace shebao {

class ApiClient;

// The unit's contact details that change at once (issue 3: 联系人, 联系电话, 通讯地址, 电子邮箱);
// an empty member is not sent. Key information goes through 单位信息变更 (issue 5).
struct UnitContactChanges
{
    QString contactName;
    QString contactPhone;
    QString postalAddress;
    QString email;

    QJsonObject toJson() const; // {"contact_name": ..., ...} without the empty ones
};

// The result of POST /unit/changes.
struct UnitChangeReply
{
    qint64 id = 0;
    QString state; // "effective"
    Unit unit;
};

// Account actions of 系统管理 that are not the authorization wizard: 修改密码 and the first
// business action, the unit's contact changes (refused with 403 auth.not_authorized for an
// ordinary account; the problem's Chinese detail is the message).
class AccountService : public QObject
{
    Q_OBJECT

public:
    explicit AccountService(ApiClient *api, QObject *parent = nullptr);

    // POST /auth/password; 422 password.weak (the rule in Chinese), 401 auth.invalid_credentials.
    // Checked here first with the same rules, so the user hears at once (field "new_password").
    void changePassword(const QString &unitNo, const QString &currentPassword, const QString &newPassword,
                        QObject *context, std::function<void(Result<void>)> done);
    void submitUnitChanges(const UnitContactChanges &changes, QObject *context,
                           std::function<void(Result<UnitChangeReply>)> done);
    // Any member set, for callers that go beyond the four fields (the server says which are
    // refused with change.field_unsupported).
    void submitUnitChanges(const QJsonObject &changes, QObject *context,
                           std::function<void(Result<UnitChangeReply>)> done);

    // The password rules of the contract: ≥ 8 characters, letters and digits, not containing
    // the unit number. Error password.weak with a Chinese message.
    static Result<void> checkNewPassword(const QString &unitNo, const QString &password);

private:
    ApiClient *m_api;
};

} // namespace shebao
