#pragma once

#include "models/core/Result.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace shebao {

// 统一社会信用代码 (GB 32100-2015): 登记管理部门 + 机构类别 + 6-digit region code + 9-character
// 主体标识码 (a GB 11714 organisation code with its own check character) + check character.
// 31 symbols: 0-9 and A-Z without I, O, S, V, Z.
//
// Error codes: creditcode.format, creditcode.checksum, creditcode.orgcode. A few real codes fail
// one of the checks, so callers treat them as findings to show, and the server has the last word.
class CreditCode
{
public:
    // Folds full-width forms, trims and upper-cases. Fails with creditcode.format or
    // creditcode.checksum; an embedded organisation code that fails its own check does not stop
    // the parse: see organizationCodeValid() / organizationCodeError().
    static Result<CreditCode> parse(QStringView text);
    // Every problem of `text`, independently: format alone, or checksum and/or orgcode.
    static QList<Error> check(QStringView text);

    // The GB 32100 check character of 17 charset symbols; a null QChar otherwise.
    static QChar checkCharacter(QStringView first17);
    // The GB 11714 check character ('0'-'9' or 'X') of 8 symbols 0-9/A-Z; a null QChar otherwise.
    static QChar organizationCheckCharacter(QStringView first8);
    static QString fieldName();

    QString code() const { return m_code; }
    QString registrationAuthority() const { return m_code.left(1); } // 登记管理部门代码
    QString category() const { return m_code.mid(1, 1); }            // 机构类别代码
    QString regionCode() const { return m_code.mid(2, 6); }
    QString organizationCode() const { return m_code.mid(8, 9); }    // 主体标识码
    bool organizationCodeValid() const;
    // creditcode.orgcode when the embedded organisation code fails its check.
    Result<void> organizationCodeError() const;

private:
    CreditCode() = default;

    QString m_code;
};

} // namespace shebao
