#include "models/import/AddRowChecker.h"

#include "models/dictionaries/Dictionaries.h"
#include "models/import/ImportColumns.h"
#include "models/import/ImportValues.h"
#include "models/policy/ArrearsCalculator.h"
#include "models/rules/RetirementAge.h"
#include "models/validation/Phone.h"
#include "models/validation/TextFold.h"

#include <algorithm>
#include <utility>

namespace shebao {

namespace {

// "110,210、410；养老 工伤" -> its parts. By hand rather than with a QRegularExpression, which
// the checker threads would share.
QStringList splitList(const QString &text)
{
    QStringList parts;
    QString part;
    for (const QChar c : text) {
        if (c == u',' || c == u';' || c == u'，' || c == u'、' || c == u'；' || c.isSpace()) {
            if (!part.isEmpty())
                parts.append(std::exchange(part, QString()));
        } else {
            part += c;
        }
    }
    if (!part.isEmpty())
        parts.append(part);
    return parts;
}

} // namespace

AddRowChecker::AddRowChecker(ImportRowChecks &checks, const PolicyTable &policy) : m_checks(checks), m_policy(policy) {}

const PolicyPeriod *AddRowChecker::periodFor(YearMonth month)
{
    if (month != m_periodMonth) {
        m_periodMonth = month;
        m_periodIndex = m_policy.indexOf(month);
    }
    return m_periodIndex < 0 ? nullptr : &m_policy.periods().at(m_periodIndex);
}

AddImportItem AddRowChecker::check(const ImportRow &row)
{
    m_checks.beginRow();
    AddImportItem item;
    item.row = row.number;
    item.name = m_checks.name(row).value_or(QString());
    const std::optional<IdNumber> id = m_checks.idNumber(row);
    if (id) {
        item.idNumber = id->number();
        item.birthDate = id->birthDate();
        item.genderCode = id->genderCode();
        checkGender(row, *id);
    }
    if (auto e = m_checks.dictionaryValue(row, ImportColumns::ethnicity(), Dictionaries::ethnicity(), true))
        item.ethnicityCode = e->code;
    if (auto e = m_checks.dictionaryValue(row, ImportColumns::hukou(), Dictionaries::hukou(), true))
        item.hukouCode = e->code;
    if (auto e = m_checks.dictionaryValue(row, ImportColumns::employmentForm(), Dictionaries::employmentForm(), true))
        item.employmentFormCode = e->code;
    if (auto e = m_checks.dictionaryValue(row, ImportColumns::identity(), Dictionaries::identity(), false))
        item.identityCode = e->code;
    item.workStartDate = m_checks.date(row, ImportColumns::workStartDate(), true).value_or(QDate());
    if (const std::optional<YearMonth> start = m_checks.recentMonth(row, ImportColumns::startMonth()))
        item.startMonth = *start;
    if (id)
        checkAge(row, *id, item);
    checkWage(row, item);
    checkPhone(row, item);
    checkInsurances(row, item);
    item.valid = !m_checks.rowHasErrors(row);
    return item;
}

void AddRowChecker::checkGender(const ImportRow &row, const IdNumber &id)
{
    const QString header = ImportColumns::gender();
    if (!m_checks.needsValue(row, header, false))
        return;
    const QString text = ImportValues::text(m_checks.cell(row, header));
    QString code;
    if (text == u"男" || text == u"男性" || text == u"1")
        code = QStringLiteral("1");
    else if (text == u"女" || text == u"女性" || text == u"2")
        code = QStringLiteral("2");
    if (code.isEmpty()) {
        m_checks.error(row, header, "dict.unknown", QStringLiteral("性别“%1”无效；可填：男、女").arg(text));
        return;
    }
    if (code != id.genderCode()) {
        m_checks.error(row, header, "gender.mismatch",
                       QStringLiteral("性别“%1”与公民身份号码不符：按号码第 17 位应为“%2”").arg(text, id.genderName()));
    }
}

void AddRowChecker::checkAge(const ImportRow &row, const IdNumber &id, const AddImportItem &item)
{
    const QString header = ImportColumns::idNumber();
    // Age counts on the first day the enrolment covers; without a usable start month, today.
    const YearMonth month = item.startMonth.isValid() ? item.startMonth : m_checks.currentMonth();
    const QDate onDay = item.startMonth.isValid() ? item.startMonth.firstDay() : m_checks.today();
    if (id.birthDate().addYears(16) > onDay) {
        m_checks.error(row, header, "age.under_16",
                       QStringLiteral("出生日期 %1，%2 时未满 16 周岁，不能参保")
                           .arg(id.birthDate().toString(Qt::ISODate), month.toString()));
        return;
    }
    const RetirementAge::Category category = RetirementAge::categoryOf(id.isMale(), item.identityCode);
    const YearMonth retirement = RetirementAge::retirementMonth(id.birthDate(), category);
    if (retirement.isValid() && retirement <= month) {
        const int age = RetirementAge::ageInMonths(YearMonth::ofDate(id.birthDate()), category);
        m_checks.warning(row, header, "age.over_retirement",
                         QStringLiteral("已达到法定退休年龄（%1，%2 起），请核实并提供相关说明材料")
                             .arg(RetirementAge::ageText(age), retirement.toString()));
    }
}

void AddRowChecker::checkWage(const ImportRow &row, AddImportItem &item)
{
    const QString header = ImportColumns::wage();
    if (!m_checks.needsValue(row, header, true))
        return;
    const ImportCell &cell = m_checks.cell(row, header);
    const std::optional<Money> wage = ImportValues::wage(cell);
    if (!wage) {
        m_checks.error(row, header, "wage.invalid",
                       QStringLiteral("工资基数“%1”无效：须为大于 0 的金额（元），最多两位小数").arg(ImportValues::text(cell)));
        return;
    }
    item.wage = *wage;
    item.base = *wage;
    const YearMonth month = item.startMonth.isValid() ? item.startMonth : m_checks.currentMonth();
    const PolicyPeriod *period = periodFor(month);
    if (!period)
        return; // no policy period covers the month: the limits are unknown, nothing to warn about
    if (period->baseLower <= *wage && *wage <= period->baseUpper)
        return;
    const ClampedBase c = ArrearsCalculator::clampBase(*period, *wage);
    item.base = c.base;
    const bool lower = c.clamp == BaseClamp::Lower;
    m_checks.warning(row, header, "wage.out_of_range",
                     QStringLiteral("工资基数 %1 元%2 %3 期间的缴费基数%4 %5 元（范围 %6–%7 元），将按 %8 元申报")
                         .arg(c.wage.toYuanString(), lower ? QStringLiteral("低于") : QStringLiteral("高于"), c.period,
                              lower ? QStringLiteral("下限") : QStringLiteral("上限"),
                              (lower ? c.lower : c.upper).toYuanString(), c.lower.toYuanString(),
                              c.upper.toYuanString(), c.base.toYuanString()));
}

void AddRowChecker::checkPhone(const ImportRow &row, AddImportItem &item)
{
    const QString header = ImportColumns::phone();
    if (!m_checks.needsValue(row, header, true))
        return;
    const Result<Phone> phone = Phone::parse(ImportValues::text(m_checks.cell(row, header)));
    if (!phone) {
        m_checks.error(row, header, "phone.invalid", phone.error().message);
        return;
    }
    item.phone = phone.value().number();
}

void AddRowChecker::checkInsurances(const ImportRow &row, AddImportItem &item)
{
    const QString header = ImportColumns::insurances();
    if (!m_checks.needsValue(row, header, false)) {
        item.insurances = {QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")};
        return;
    }
    const QString text = ImportValues::text(m_checks.cell(row, header));
    auto memo = m_insuranceMemo.constFind(text);
    if (memo == m_insuranceMemo.constEnd()) {
        QStringList codes;
        QStringList unknown;
        for (const QString &part : splitList(text)) {
            if (const std::optional<DictionaryEntry> e = Dictionaries::insurance().find(part)) {
                if (!codes.contains(e->code))
                    codes.append(e->code);
            } else {
                unknown.append(part);
            }
        }
        std::sort(codes.begin(), codes.end());
        memo = m_insuranceMemo.insert(text, {codes, unknown});
    }
    const QStringList &codes = memo->first;
    const QStringList &unknown = memo->second;
    if (!unknown.isEmpty() || codes.isEmpty()) {
        m_checks.error(row, header, "dict.unknown",
                       QStringLiteral("险种“%1”无效；可填代码或名称：110 养老、210 失业、310 医疗、410 工伤、510 生育，"
                                      "多个用逗号或顿号分隔")
                           .arg(unknown.isEmpty() ? text : unknown.join(QStringLiteral("、"))));
        return;
    }
    item.insurances = codes;
}

} // namespace shebao
