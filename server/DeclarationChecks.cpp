#include "server/DeclarationChecks.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

#include "models/dictionaries/Dictionaries.h"
#include "models/policy/ArrearsCalculator.h"
#include "models/rules/RetirementAge.h"
#include "models/validation/IdNumber.h"
#include "models/validation/PersonName.h"
#include "models/validation/Phone.h"

namespace shebao::server {

namespace {

constexpr int BeijingOffset = 8 * 3600;

void fail(QList<Error> *errors, const char *code, const QString &field, const QString &message)
{
    errors->append(Error{QLatin1String(code), message, {}, field});
}

// A string member, trimmed. Blank or absent: required.missing when required; another type:
// request.invalid. Empty on any problem.
QString text(const QJsonObject &object, const QString &member, const QString &field, const QString &label,
             bool required, QList<Error> *errors)
{
    const QJsonValue v = object.value(member);
    if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())) {
        if (required)
            fail(errors, "required.missing", field, QStringLiteral("“%1”是必填项，不能为空").arg(label));
        return {};
    }
    if (!v.isString()) {
        fail(errors, "request.invalid", field, QStringLiteral("“%1”应为文字").arg(label));
        return {};
    }
    const QString t = v.toString().trimmed();
    if (t.size() > 100) {
        fail(errors, "request.invalid", field, QStringLiteral("“%1”过长（最多 100 个字符）").arg(label));
        return {};
    }
    return t;
}

QString options(const Dictionary &dictionary, const QString &parent = {})
{
    QStringList list;
    for (const DictionaryEntry &e : dictionary.entries()) {
        if (parent.isEmpty() || e.parent == parent)
            list << e.code + u' ' + e.name;
    }
    return QStringLiteral("可填代码：") + list.join(QStringLiteral("、"));
}

// A code of `dictionary` (restricted to the children of `parent` when given).
QString code(const QJsonObject &object, const QString &member, const QString &field, const Dictionary &dictionary,
             bool required, QList<Error> *errors, const QString &parent = {})
{
    const QString value = text(object, member, field, dictionary.title(), required, errors);
    if (value.isEmpty())
        return {};
    const std::optional<DictionaryEntry> entry = dictionary.byCode(value);
    if (entry && (parent.isEmpty() || entry->parent == parent))
        return entry->code;
    if (entry)
        fail(errors, "dict.unknown", field,
             QStringLiteral("%1“%2 %3”不适用于所选变更类型；%4").arg(dictionary.title(), entry->code, entry->name,
                                                                   options(dictionary, parent)));
    else
        fail(errors, "dict.unknown", field,
             QStringLiteral("“%1”不是有效的%2代码；%3").arg(value, dictionary.title(), options(dictionary, parent)));
    return {};
}

std::optional<QDate> date(const QString &value)
{
    if (value.size() != 10)
        return std::nullopt;
    const QDate d = QDate::fromString(value, Qt::ISODate);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

} // namespace

DeclarationChecks::DeclarationChecks(QDate today, const PolicyTable &policy) : m_today(today), m_policy(policy) {}

QDate DeclarationChecks::beijingDate(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::OffsetFromUTC, BeijingOffset).date();
}

DeclarationItem DeclarationChecks::item(const QJsonObject &body, QList<Error> *errors) const
{
    DeclarationItem item;
    const QString kind = text(body, QStringLiteral("kind"), QStringLiteral("kind"), QStringLiteral("异动类型"), true, errors);
    const bool kindOk = kind.isEmpty() || parseDeclarationKind(kind, &item.kind);
    if (!kindOk)
        fail(errors, "dict.unknown", QStringLiteral("kind"),
             QStringLiteral("异动类型“%1”无效；可填：add 新增、renew 续保、reduce 减少").arg(kind));

    const QString name = text(body, QStringLiteral("name"), QStringLiteral("name"), PersonName::fieldName(), true, errors);
    if (!name.isEmpty()) {
        const Result<QString> normalized = PersonName::normalize(name);
        if (normalized)
            item.name = normalized.value();
        else
            fail(errors, "name.invalid", QStringLiteral("name"), normalized.error().message);
    }

    const QString idText = text(body, QStringLiteral("id_number"), QStringLiteral("id_number"), IdNumber::fieldName(), true, errors);
    std::optional<IdNumber> id;
    if (!idText.isEmpty()) {
        const Result<IdNumber> parsed = IdNumber::parse(idText, m_today);
        if (parsed) {
            id = parsed.value();
            item.idNumber = id->number();
            if (id->upgradedFrom15())
                item.warnings.append({QStringLiteral("id.upgraded15"),
                                      QStringLiteral("15 位旧号码 %1 已升级为 18 位：%2").arg(id->original(), id->number()),
                                      QStringLiteral("id_number")});
        } else {
            errors->append(Error{parsed.error().code, parsed.error().message, {}, QStringLiteral("id_number")});
        }
    }
    if (kind.isEmpty() || !kindOk)
        return item;

    if (item.isReduce()) {
        checkReduce(body, &item, errors);
        return item;
    }
    if (id) {
        item.person.gender = id->genderCode();
        item.person.birthDate = id->birthDate().toString(Qt::ISODate);
    }
    const QJsonValue person = body.value(QLatin1String("person"));
    if (person.isObject())
        checkPerson(person.toObject(), &item, errors);
    else
        fail(errors, "required.missing", QStringLiteral("person"), QStringLiteral("“人员信息”是必填项，不能为空"));
    item.startMonth = recentMonth(body, QStringLiteral("start_month"), QStringLiteral("参保开始年月"), errors).toString();
    if (id)
        checkAge(&item, errors);
    checkInsurances(body, &item, errors);
    checkWage(body, &item, errors);
    return item;
}

void DeclarationChecks::checkPerson(const QJsonObject &p, DeclarationItem *item, QList<Error> *errors) const
{
    const QString prefix = QStringLiteral("person.");
    auto field = [&](const char *member) { return prefix + QLatin1String(member); };
    DeclarationPerson &person = item->person;

    // 性别 and 出生日期 come from the ID number; a form that sends them must agree with it.
    const QString gender = text(p, QStringLiteral("gender"), field("gender"), QStringLiteral("性别"), false, errors);
    if (!gender.isEmpty()) {
        if (gender != u"1" && gender != u"2")
            fail(errors, "dict.unknown", field("gender"), QStringLiteral("性别“%1”无效；可填代码：1 男、2 女").arg(gender));
        else if (!item->idNumber.isEmpty() && gender != person.gender)
            fail(errors, "gender.mismatch", field("gender"),
                 QStringLiteral("性别与公民身份号码不符：按号码第 17 位应为“%1”")
                     .arg(person.gender == u"1" ? QStringLiteral("男") : QStringLiteral("女")));
    }
    const QString birth = text(p, QStringLiteral("birth_date"), field("birth_date"), QStringLiteral("出生日期"), false, errors);
    if (!birth.isEmpty()) {
        if (!date(birth))
            fail(errors, "date.invalid", field("birth_date"),
                 QStringLiteral("出生日期“%1”不是有效的日期；请写成 1990-03-05").arg(birth));
        else if (!item->idNumber.isEmpty() && birth != person.birthDate)
            fail(errors, "birthdate.mismatch", field("birth_date"),
                 QStringLiteral("出生日期 %1 与公民身份号码不符：按号码应为 %2").arg(birth, person.birthDate));
    }
    person.ethnicity = code(p, QStringLiteral("ethnicity"), field("ethnicity"), Dictionaries::ethnicity(), true, errors);
    person.hukou = code(p, QStringLiteral("hukou"), field("hukou"), Dictionaries::hukou(), true, errors);
    person.employmentForm =
        code(p, QStringLiteral("employment_form"), field("employment_form"), Dictionaries::employmentForm(), true, errors);
    person.identity = code(p, QStringLiteral("identity"), field("identity"), Dictionaries::identity(), false, errors);

    const QString work = text(p, QStringLiteral("work_start_date"), field("work_start_date"), QStringLiteral("参加工作日期"), true, errors);
    if (!work.isEmpty()) {
        const std::optional<QDate> d = date(work);
        const QDate born = QDate::fromString(person.birthDate, Qt::ISODate);
        if (!d)
            fail(errors, "date.invalid", field("work_start_date"),
                 QStringLiteral("参加工作日期“%1”不是有效的日期；请写成 2024-03-05").arg(work));
        else if (born.isValid() && *d < born)
            fail(errors, "date.invalid", field("work_start_date"),
                 QStringLiteral("参加工作日期 %1 早于出生日期 %2").arg(work, person.birthDate));
        else if (*d > m_today)
            fail(errors, "date.invalid", field("work_start_date"),
                 QStringLiteral("参加工作日期 %1 晚于今天 %2").arg(work, m_today.toString(Qt::ISODate)));
        else
            person.workStartDate = d->toString(Qt::ISODate);
    }
    const QString phone = text(p, QStringLiteral("phone"), field("phone"), Phone::fieldName(), true, errors);
    if (!phone.isEmpty()) {
        const Result<Phone> parsed = Phone::parse(phone);
        if (parsed)
            person.phone = parsed.value().number();
        else
            fail(errors, "phone.invalid", field("phone"), parsed.error().message);
    }
}

void DeclarationChecks::checkAge(DeclarationItem *item, QList<Error> *errors) const
{
    const QDate birth = QDate::fromString(item->person.birthDate, Qt::ISODate);
    const std::optional<YearMonth> start = YearMonth::parse(item->startMonth);
    // Age counts on the first day the enrolment covers; without a usable start month, today.
    const YearMonth month = start ? *start : currentMonth();
    const QDate onDay = start ? start->firstDay() : m_today;
    if (birth.addYears(16) > onDay) {
        fail(errors, "age.under_16", QStringLiteral("id_number"),
             QStringLiteral("出生日期 %1，%2 时未满 16 周岁，不能参保").arg(item->person.birthDate, month.toString()));
        return;
    }
    if (auto warning = retirementWarning(item->person, month))
        item->warnings.append(*warning);
}

std::optional<DeclarationNotice> DeclarationChecks::retirementWarning(const DeclarationPerson &person, YearMonth month)
{
    const QDate birth = QDate::fromString(person.birthDate, Qt::ISODate);
    if (!birth.isValid())
        return std::nullopt;
    const RetirementAge::Category category = RetirementAge::categoryOf(person.gender == u"1", person.identity);
    const YearMonth retirement = RetirementAge::retirementMonth(birth, category);
    if (!retirement.isValid() || retirement > month)
        return std::nullopt;
    const int age = RetirementAge::ageInMonths(YearMonth::ofDate(birth), category);
    return DeclarationNotice{QStringLiteral("age.over_retirement"),
                             QStringLiteral("已达到法定退休年龄（%1，%2 起），请核实并提供相关说明材料")
                                 .arg(RetirementAge::ageText(age), retirement.toString()),
                             QStringLiteral("id_number")};
}

void DeclarationChecks::checkInsurances(const QJsonObject &body, DeclarationItem *item, QList<Error> *errors) const
{
    const QJsonValue v = body.value(QLatin1String("insurances"));
    if (v.isUndefined() || v.isNull()) {
        item->insurances = {QStringLiteral("110"), QStringLiteral("210"), QStringLiteral("410")};
        return;
    }
    const QString field = QStringLiteral("insurances");
    if (!v.isArray() || v.toArray().isEmpty()) {
        fail(errors, "required.missing", field, QStringLiteral("“险种”至少选择一项"));
        return;
    }
    QStringList codes;
    QStringList unknown;
    for (const QJsonValue &c : v.toArray()) {
        const std::optional<DictionaryEntry> e = c.isString() ? Dictionaries::insurance().byCode(c.toString().trimmed())
                                                              : std::nullopt;
        if (!e)
            unknown << (c.isString() ? c.toString() : QStringLiteral("?"));
        else if (!codes.contains(e->code))
            codes << e->code;
    }
    if (!unknown.isEmpty()) {
        fail(errors, "dict.unknown", field,
             QStringLiteral("险种“%1”无效；%2").arg(unknown.join(QStringLiteral("、")), options(Dictionaries::insurance())));
        return;
    }
    std::sort(codes.begin(), codes.end());
    item->insurances = codes;
}

void DeclarationChecks::checkWage(const QJsonObject &body, DeclarationItem *item, QList<Error> *errors) const
{
    const QString field = QStringLiteral("wage");
    const QJsonValue v = body.value(field);
    if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())) {
        fail(errors, "required.missing", field, QStringLiteral("“工资基数”是必填项，不能为空"));
        return;
    }
    const QString shown = v.isString() ? v.toString().trimmed() : QString::number(v.toDouble());
    // Amounts travel as yuan strings with two decimals: a JSON number would round.
    const std::optional<Money> wage = v.isString() ? Money::parseYuan(shown) : std::nullopt;
    if (!wage || wage->fen() <= 0) {
        fail(errors, "wage.invalid", field,
             QStringLiteral("工资基数“%1”无效：须为大于 0 的金额（元），最多两位小数，写成文字如 \"6500.00\"").arg(shown));
        return;
    }
    item->wage = *wage;
    item->base = *wage;
    const std::optional<YearMonth> start = YearMonth::parse(item->startMonth);
    const qsizetype index = m_policy.indexOf(start ? *start : currentMonth());
    if (index < 0)
        return; // no policy period covers the month: the limits are unknown, nothing to clamp
    const PolicyPeriod &period = m_policy.periods().at(index);
    if (period.baseLower <= *wage && *wage <= period.baseUpper)
        return;
    const ClampedBase c = ArrearsCalculator::clampBase(period, *wage);
    item->base = c.base;
    const bool lower = c.clamp == BaseClamp::Lower;
    item->warnings.append(
        {QStringLiteral("wage.out_of_range"),
         QStringLiteral("工资基数 %1 元%2 %3 期间的缴费基数%4 %5 元（范围 %6–%7 元），将按 %8 元申报")
             .arg(c.wage.toYuanString(), lower ? QStringLiteral("低于") : QStringLiteral("高于"), c.period,
                  lower ? QStringLiteral("下限") : QStringLiteral("上限"), (lower ? c.lower : c.upper).toYuanString(),
                  c.lower.toYuanString(), c.upper.toYuanString(), c.base.toYuanString()),
         field});
}

void DeclarationChecks::checkReduce(const QJsonObject &body, DeclarationItem *item, QList<Error> *errors) const
{
    item->changeType = code(body, QStringLiteral("change_type"), QStringLiteral("change_type"), Dictionaries::changeType(),
                            true, errors);
    if (!item->changeType.isEmpty())
        item->changeReason = code(body, QStringLiteral("change_reason"), QStringLiteral("change_reason"),
                                  Dictionaries::changeReason(), true, errors, item->changeType);
    else // without a usable 变更类型 the reason cannot be checked; still say when it is missing
        text(body, QStringLiteral("change_reason"), QStringLiteral("change_reason"), QStringLiteral("变更原因"), true, errors);
    item->stopMonth = recentMonth(body, QStringLiteral("stop_month"), QStringLiteral("停保年月"), errors).toString();
}

YearMonth DeclarationChecks::recentMonth(const QJsonObject &object, const QString &member, const QString &label,
                                         QList<Error> *errors) const
{
    const QString value = text(object, member, member, label, true, errors);
    if (value.isEmpty())
        return {};
    const std::optional<YearMonth> month = YearMonth::parse(value);
    if (!month) {
        fail(errors, "date.invalid", member, QStringLiteral("%1“%2”不是有效的年月；请写成 2024-03").arg(label, value));
        return {};
    }
    const YearMonth current = currentMonth();
    const YearMonth earliest = current.addMonths(-2);
    if (*month < earliest) {
        fail(errors, "start.too_early", member,
             QStringLiteral("%1 %2 早于 %3：最多只能往前选两个月").arg(label, month->toString(), earliest.toString()));
        return {};
    }
    if (*month > current) {
        fail(errors, "start.future", member,
             QStringLiteral("%1 %2 晚于本月 %3").arg(label, month->toString(), current.toString()));
        return {};
    }
    return *month;
}

void DeclarationChecks::reporter(const QJsonObject &body, QString *reporter, QString *phone, QList<Error> *errors) const
{
    const QString name = text(body, QStringLiteral("reporter"), QStringLiteral("reporter"), QStringLiteral("报送人"), true, errors);
    if (!name.isEmpty()) {
        const Result<QString> normalized = PersonName::normalize(name);
        if (normalized)
            *reporter = normalized.value();
        else
            fail(errors, "name.invalid", QStringLiteral("reporter"),
                 QStringLiteral("报送人：") + normalized.error().message);
    }
    const QString number = text(body, QStringLiteral("phone"), QStringLiteral("phone"), Phone::fieldName(), true, errors);
    if (!number.isEmpty()) {
        const Result<Phone> parsed = Phone::parse(number);
        if (parsed)
            *phone = parsed.value().number();
        else
            fail(errors, "phone.invalid", QStringLiteral("phone"), parsed.error().message);
    }
}

} // namespace shebao::server
