#pragma once

#include "models/core/Result.h"

#include <QString>
#include <QStringView>

namespace shebao {

// 联系电话: a mobile number 1[3-9]xxxxxxxxx, or a landline with its area code and an optional
// extension. Accepted spellings: "13812345678", "138 1234 5678", "+86 13812345678",
// "0731-88886666", "0731 88886666", "073188886666", "(0731)88886666", "0731-88886666-123",
// "0731-88886666转123"; full-width forms are folded first.
//
// Area codes follow the national plan: 010 and 02x have three digits, all others (03xx-09xx)
// four; that is what makes "073188886666" unambiguous. Local numbers have 7-8 digits and never
// start with 0 or 1. Error code: phone.invalid.
class Phone
{
public:
    enum class Kind { Mobile, Landline };

    static Result<Phone> parse(QStringView text);
    static QString fieldName();

    Kind kind() const { return m_kind; }
    // "13812345678", "0731-88886666", "0731-88886666-123".
    QString number() const;
    QString areaCode() const { return m_areaCode; }       // landline only
    QString localNumber() const { return m_local; }       // the mobile number, or the landline's
    QString extension() const { return m_extension; }     // landline only, may be empty

private:
    Phone() = default;

    Kind m_kind = Kind::Mobile;
    QString m_areaCode;
    QString m_local;
    QString m_extension;
};

} // namespace shebao
