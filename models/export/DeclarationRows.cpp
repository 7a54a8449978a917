#include "models/export/DeclarationRows.h"

#include "models/dictionaries/Dictionaries.h"
#include "models/validation/IdNumber.h"

#include <algorithm>
#include <array>

namespace shebao {

namespace {

// The order the portal lists the 险种 in (as the people table does).
constexpr std::array<QStringView, 5> kInsuranceOrder{u"110", u"210", u"410", u"310", u"510"};

QString shortInsuranceName(const QString &code)
{
    const std::optional<DictionaryEntry> entry = Dictionaries::insurance().byCode(code);
    if (!entry)
        return code;
    return entry->shortName.isEmpty() ? entry->name : entry->shortName;
}

} // namespace

QList<DeclarationItem> DeclarationRows::ordered(const QList<DeclarationItem> &items)
{
    QList<DeclarationItem> sorted = items;
    std::stable_partition(sorted.begin(), sorted.end(), [](const DeclarationItem &item) { return !item.isReduce(); });
    return sorted;
}

Money DeclarationRows::appliedBase(const DeclarationItem &item)
{
    return item.base.fen() > 0 ? item.base : item.wage;
}

DeclarationRow DeclarationRows::row(const DeclarationItem &item)
{
    DeclarationRow row;
    row.name = item.name;
    row.idNumber = item.idNumber;
    row.kind = declarationKindName(item.kind);
    row.state = itemStateName(item.state);
    row.phone = item.person.phone;

    QString gender = item.person.gender;
    QString birthDate = item.person.birthDate;
    if (gender.isEmpty() || birthDate.isEmpty()) {
        // A 减少 item carries only name and number; both facts are in the number.
        // The date bound is far away: a stored number is judged for its form, not for today.
        if (const Result<IdNumber> id = IdNumber::parse(item.idNumber, QDate(9999, 12, 31)); id.ok()) {
            if (gender.isEmpty())
                gender = id.value().genderCode();
            if (birthDate.isEmpty())
                birthDate = id.value().birthDate().toString(QStringLiteral("yyyy-MM-dd"));
        }
    }
    row.gender = genderName(gender);
    row.birthDate = birthDate;

    if (item.isReduce()) {
        row.month = item.stopMonth;
        row.changeType = Dictionaries::changeType().nameOf(item.changeType);
        row.changeReason = Dictionaries::changeReason().nameOf(item.changeReason);
        return row;
    }
    row.ethnicity = Dictionaries::ethnicity().nameOf(item.person.ethnicity);
    row.hukou = Dictionaries::hukou().nameOf(item.person.hukou);
    row.employmentForm = Dictionaries::employmentForm().nameOf(item.person.employmentForm);
    row.workStartDate = item.person.workStartDate;
    row.month = item.startMonth;
    const Money base = appliedBase(item);
    row.base = base.fen() > 0 ? base.toDisplayString() : QString();
    row.insurances = insuranceNames(item.insurances);
    return row;
}

QString DeclarationRows::insuranceNames(const QStringList &codes)
{
    QStringList names;
    for (QStringView code : kInsuranceOrder) {
        if (codes.contains(code))
            names << shortInsuranceName(code.toString());
    }
    // Codes the client does not know yet still print, after the known ones.
    for (const QString &code : codes) {
        if (std::find(kInsuranceOrder.begin(), kInsuranceOrder.end(), QStringView(code)) == kInsuranceOrder.end())
            names << shortInsuranceName(code);
    }
    return names.join(QStringLiteral("、"));
}

QString DeclarationRows::genderName(const QString &code)
{
    if (code == u"1")
        return QStringLiteral("男");
    if (code == u"2")
        return QStringLiteral("女");
    return code;
}

DeclarationRows::Counts DeclarationRows::count(const QList<DeclarationItem> &items)
{
    Counts counts;
    for (const DeclarationItem &item : items) {
        switch (item.kind) {
        case DeclarationKind::Add: ++counts.add; break;
        case DeclarationKind::Renew: ++counts.renew; break;
        case DeclarationKind::Reduce: ++counts.reduce; break;
        }
    }
    return counts;
}

} // namespace shebao
