#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// Demo accounts and small files shared by the issue-3 server tests.
namespace shebao::test::data {

inline const QString Authorized = QStringLiteral("43010000001");
inline const QString Ordinary = QStringLiteral("43010000002");
inline const QString CertificateUnit = QStringLiteral("43010000003");
inline const QString Password = QStringLiteral("Demo1234");

inline const QString NotAuthorizedDetail = QStringLiteral(
    "本单位尚未开通网上经办权限（普通用户），不能办理此业务。请在“系统管理 → 授权申请”中提交申请，"
    "打印《用户承诺书》加盖单位公章并上传，再到天心区人社局二楼社保征缴中心单位业务窗口开通权限。");

// A complete 1x1 PNG.
inline QByteArray png()
{
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}

// A valid applicant (GB 11643 check digit correct, mobile, e-mail).
inline QJsonObject applicant(const QString &name = QStringLiteral("王小明"))
{
    return QJsonObject{{QStringLiteral("applicant"),
                        QJsonObject{{QStringLiteral("name"), name},
                                    {QStringLiteral("id_number"), QStringLiteral("11010519491231002X")},
                                    {QStringLiteral("mobile"), QStringLiteral("13812345678")},
                                    {QStringLiteral("email"), QStringLiteral("wang@example.cn")}}}};
}

} // namespace shebao::test::data
