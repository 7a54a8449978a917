#pragma once

#include "models/policy/YearMonth.h"

#include <QDate>
#include <QString>

namespace shebao {

// Statutory retirement age with the gradual reform in force from 2025-01
// (《国务院关于渐进式提高职工法定退休年龄的决定》 2024, shared/domain/research.md §1.8).
//
// Method: the old ages are 60 (men), 55 (women cadres, 干部) and 50 (women workers, 工人).
// People born from the first birth month whose old retirement month falls in 2025-01 or later
// (men 1965-01, women cadres 1970-01, women workers 1975-01) retire later by
//   men, women cadres: 1 month per 4 birth months, i.e. delay = min(36, b / 4 + 1)
//   women workers:     1 month per 2 birth months, i.e. delay = min(60, b / 2 + 1)
// where b = birth months after that first month (0 for the first). So a man born 1965-01..04
// retires at 60 years 1 month (2025-02..05), one born 1976-09 or later at 63. The retirement
// month is birth month + age (in months). Earlier cohorts keep the old age. The flexible
// (voluntary early/late, up to 3 years) options are not modelled: this is the warning threshold.
class RetirementAge
{
public:
    enum class Category { Man, WomanWorker, WomanCadre };

    // Men are Man whatever 个人身份 says; women are WomanCadre when `identityCode` is the
    // 个人身份 code of 干部 ("2"), WomanWorker otherwise (also when unknown: the lower age, so
    // the warning errs on the side of being shown).
    static Category categoryOf(bool male, const QString &identityCode);

    // The statutory age in months (720 = 60 years; 756 = 63 years).
    static int ageInMonths(YearMonth birthMonth, Category category);
    // The month in which the person reaches it.
    static YearMonth retirementMonth(YearMonth birthMonth, Category category);
    static YearMonth retirementMonth(QDate birthDate, Category category);
    // "60岁1个月", "63岁", for messages.
    static QString ageText(int months);
};

} // namespace shebao
