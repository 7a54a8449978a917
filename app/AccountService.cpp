#include "app/AccountService.h"

#include <QJsonDocument>

#include "app/ApiClient.h"

namespace shebao {

namespace {

Error weak(const QString &message)
{
    return Error{QStringLiteral("password.weak"), message, {}, QStringLiteral("new_password")};
}

} // namespace

AccountService::AccountService(ApiClient *api, QObject *parent) : QObject(parent), m_api(api) {}

Result<void> AccountService::checkNewPassword(const QString &unitNo, const QString &password)
{
    // The same wording as the server's, so the user reads one rule whichever side refuses.
    if (password.size() < 8)
        return weak(QStringLiteral("新密码至少 8 位。"));
    bool letter = false;
    bool digit = false;
    for (QChar c : password) {
        letter = letter || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
        digit = digit || (c >= u'0' && c <= u'9');
    }
    if (!letter || !digit)
        return weak(QStringLiteral("新密码须同时包含字母和数字。"));
    if (!unitNo.isEmpty() && password.contains(unitNo))
        return weak(QStringLiteral("新密码不能是单位编号，也不能包含单位编号。"));
    return {};
}

void AccountService::changePassword(const QString &unitNo, const QString &currentPassword,
                                    const QString &newPassword, QObject *context,
                                    std::function<void(Result<void>)> done)
{
    if (Result<void> ok = checkNewPassword(unitNo, newPassword); !ok) {
        done(ok.error());
        return;
    }
    const QJsonObject body{{QStringLiteral("current_password"), currentPassword},
                           {QStringLiteral("new_password"), newPassword}};
    m_api->postJson(QStringLiteral("/auth/password"), body, {}, context,
                    [done = std::move(done)](Result<QJsonDocument> reply) {
                        if (!reply)
                            return done(reply.error());
                        done(Result<void>());
                    });
}

} // namespace shebao
