#include "models/rules/RetirementAge.h"

#include <algorithm>

namespace shebao {

namespace {

struct Schedule
{
    int oldAgeYears;
    int firstYear;       // the first birth month affected is January of this year
    int birthMonthsPerStep;
    int maxDelayMonths;
};

Schedule scheduleOf(RetirementAge::Category category)
{
    switch (category) {
    case RetirementAge::Category::WomanWorker: return {50, 1975, 2, 60};
    case RetirementAge::Category::WomanCadre: return {55, 1970, 4, 36};
    case RetirementAge::Category::Man: break;
    }
    return {60, 1965, 4, 36};
}

} // namespace

RetirementAge::Category RetirementAge::categoryOf(bool male, const QString &identityCode)
{
    if (male)
        return Category::Man;
    return identityCode == QLatin1String("2") ? Category::WomanCadre : Category::WomanWorker;
}

int RetirementAge::ageInMonths(YearMonth birthMonth, Category category)
{
    const Schedule s = scheduleOf(category);
    const int oldAge = s.oldAgeYears * 12;
    const YearMonth first = *YearMonth::of(s.firstYear, 1);
    if (!birthMonth.isValid() || birthMonth < first)
        return oldAge;
    const int b = first.monthsTo(birthMonth);
    return oldAge + std::min(s.maxDelayMonths, b / s.birthMonthsPerStep + 1);
}

YearMonth RetirementAge::retirementMonth(YearMonth birthMonth, Category category)
{
    if (!birthMonth.isValid())
        return {};
    return birthMonth.addMonths(ageInMonths(birthMonth, category));
}

YearMonth RetirementAge::retirementMonth(QDate birthDate, Category category)
{
    return retirementMonth(YearMonth::ofDate(birthDate), category);
}

QString RetirementAge::ageText(int months)
{
    const int years = months / 12;
    const int rest = months % 12;
    if (rest == 0)
        return QStringLiteral("%1岁").arg(years);
    return QStringLiteral("%1岁%2个月").arg(years).arg(rest);
}

} // namespace shebao
