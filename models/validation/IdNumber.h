#pragma once

#include "models/core/Result.h"

#include <QDate>
#include <QString>
#include <QStringView>

namespace shebao {

// 公民身份号码 (GB 11643-1999): 6-digit region code (GB/T 2260) + birth date YYYYMMDD + 3-digit
// sequence (odd = male) + ISO 7064 MOD 11-2 check character. Old 15-digit numbers (GB 11643-1989)
// are upgraded to 18 characters; callers report that as the warning id.upgraded15.
//
// Error codes (stable, see domain/import.md): id.format, id.checksum, id.birthdate.
class IdNumber
{
public:
    // Folds full-width forms, trims, upper-cases a trailing x. `today` is injectable so checks are
    // reproducible (shebao-cli --today); birth dates after it, or before 1900-01-01, are errors.
    static Result<IdNumber> parse(QStringView text, QDate today = QDate::currentDate());

    // The MOD 11-2 check character ('0'-'9' or 'X') of 17 ASCII digits; a null QChar otherwise.
    static QChar checkCharacter(QStringView first17);
    // For display: first 6 and last 4 kept, "430102********123X". Anything that is not 15 or 18
    // characters long is masked entirely except that it keeps its length.
    static QString mask(QStringView number);
    // The user-facing name of the field, used in Error::field.
    static QString fieldName();

    QString number() const { return m_number; }         // normalized, 18 characters
    QString original() const { return m_original; }     // the folded input (15 digits if upgraded)
    QDate birthDate() const { return m_birthDate; }
    QString regionCode() const { return m_number.left(6); }
    QString genderCode() const;                          // GB/T 2261.1: "1" 男, "2" 女
    QString genderName() const;                          // "男" / "女"
    bool isMale() const;
    bool upgradedFrom15() const { return m_upgradedFrom15; }
    QString masked() const { return mask(m_number); }

private:
    IdNumber() = default;

    QString m_number;
    QString m_original;
    QDate m_birthDate;
    bool m_upgradedFrom15 = false;
};

} // namespace shebao
