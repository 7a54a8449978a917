#include "ui/maintain/ChangeValues.h"

namespace shebao::ui {

ChangeValueMap currentValues(const Unit &unit)
{
    return {{QStringLiteral("name"), unit.name},
            {QStringLiteral("credit_code"), unit.creditCode},
            {QStringLiteral("legal_representative"), unit.legalRepresentative},
            {QStringLiteral("legal_rep_id_number"), unit.legalRepIdNumber},
            {QStringLiteral("unit_type"), unit.unitType},
            {QStringLiteral("economic_type"), unit.economicType},
            {QStringLiteral("affiliation"), unit.affiliation},
            {QStringLiteral("industry"), unit.industry},
            {QStringLiteral("risk_class"), QString::number(unit.riskClass)},
            {QStringLiteral("address"), unit.address},
            {QStringLiteral("district"), unit.district},
            {QStringLiteral("bank_name"), unit.bankName},
            {QStringLiteral("bank_account_name"), unit.bankAccountName},
            {QStringLiteral("bank_account"), unit.bankAccount},
            {QStringLiteral("contact_name"), unit.contactName},
            {QStringLiteral("contact_phone"), unit.contactPhone},
            {QStringLiteral("mobile"), unit.mobile},
            {QStringLiteral("postal_code"), unit.postalCode},
            {QStringLiteral("postal_address"), unit.postalAddress},
            {QStringLiteral("email"), unit.email}};
}

ChangeValueMap currentValues(const Person &person)
{
    return {{QStringLiteral("name"), person.name},
            {QStringLiteral("id_number"), person.idNumber},
            {QStringLiteral("gender"), person.gender},
            {QStringLiteral("birth_date"), person.birthDate},
            {QStringLiteral("ethnicity"), person.ethnicity},
            {QStringLiteral("hukou"), person.hukou},
            {QStringLiteral("phone"), person.phone}};
}

QString memberObjectStem(const QString &member)
{
    QString stem;
    bool upper = false;
    for (const QChar c : member) {
        if (c == u'_') {
            upper = true;
            continue;
        }
        stem.append(upper ? c.toUpper() : c);
        upper = false;
    }
    return stem;
}

} // namespace shebao::ui
