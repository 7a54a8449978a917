#pragma once

#include <QString>

namespace shebao {

// What an account may do (guide: 温馨提示). Only authorized and certificate users do business.
enum class AccountLevel { Ordinary, Authorized, Certificate };

QString accountLevelCode(AccountLevel level);          // "ordinary" | "authorized" | "certificate"
bool parseAccountLevel(const QString &code, AccountLevel *level);

// An employer unit (单位) as the agency registered it.
struct Unit
{
    QString unitNo;              // 单位编号, 11 digits
    QString name;                // 单位名称
    QString creditCode;          // 统一社会信用代码 (GB 32100)
    QString legalRepresentative; // 法定代表人
    QString legalRepIdNumber;    // 法定代表人身份证号
    QString unitType;            // 单位类型
    QString economicType;        // 经济类型
    QString affiliation;         // 隶属关系
    QString industry;            // 行业
    int riskClass = 1;           // 工伤行业风险类别 1–8
    QString address;             // 注册地址
    QString district;            // 所属区县 (GB/T 2260 code)
    QString agency;              // 经办机构
    QString bankName;            // 开户银行
    QString bankAccountName;     // 开户户名
    QString bankAccount;         // 银行账号
    QString contactName;         // 联系人
    QString contactPhone;        // 联系电话
    QString mobile;              // 手机
    QString postalCode;          // 邮政编码
    QString postalAddress;       // 通讯地址
    QString email;               // 电子邮箱
    AccountLevel level = AccountLevel::Ordinary;

    bool operator==(const Unit &) const = default;
};

} // namespace shebao
