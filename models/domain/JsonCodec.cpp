#include "models/domain/JsonCodec.h"

#include <QJsonArray>
#include <QObject>

#include "models/core/JsonNumber.h"

namespace shebao::json {

namespace {

Error fieldError(const QString &path, const QString &what)
{
    return Error{QStringLiteral("json.field"),
                 QObject::tr("The server sent data this client cannot read (%1).").arg(path),
                 what, path};
}

// Reads a string member; absent or null is empty when optional.
bool readString(const QJsonObject &o, const char *key, const QString &path, QString *out, Error *err,
                bool required = true)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isString()) {
        *out = v.toString();
        return true;
    }
    if (!required && (v.isUndefined() || v.isNull())) {
        out->clear();
        return true;
    }
    *err = fieldError(path + u'.' + QLatin1String(key), QStringLiteral("expected a string"));
    return false;
}

} // namespace

QJsonObject encode(const Unit &u)
{
    return QJsonObject{
        {QStringLiteral("unit_no"), u.unitNo},
        {QStringLiteral("name"), u.name},
        {QStringLiteral("credit_code"), u.creditCode},
        {QStringLiteral("legal_representative"), u.legalRepresentative},
        {QStringLiteral("legal_rep_id_number"), u.legalRepIdNumber},
        {QStringLiteral("unit_type"), u.unitType},
        {QStringLiteral("economic_type"), u.economicType},
        {QStringLiteral("affiliation"), u.affiliation},
        {QStringLiteral("industry"), u.industry},
        {QStringLiteral("risk_class"), u.riskClass},
        {QStringLiteral("address"), u.address},
        {QStringLiteral("district"), u.district},
        {QStringLiteral("agency"), u.agency},
        {QStringLiteral("bank_name"), u.bankName},
        {QStringLiteral("bank_account_name"), u.bankAccountName},
        {QStringLiteral("bank_account"), u.bankAccount},
        {QStringLiteral("contact_name"), u.contactName},
        {QStringLiteral("contact_phone"), u.contactPhone},
        {QStringLiteral("mobile"), u.mobile},
        {QStringLiteral("postal_code"), u.postalCode},
        {QStringLiteral("postal_address"), u.postalAddress},
        {QStringLiteral("email"), u.email},
        {QStringLiteral("level"), accountLevelCode(u.level)},
    };
}

QJsonObject encode(const Enrolment &e)
{
    return QJsonObject{
        {QStringLiteral("insurance"), e.insurance},
        {QStringLiteral("start"), e.startMonth},
        {QStringLiteral("end"), e.endMonth.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.endMonth)},
        {QStringLiteral("status"), enrolmentStatusCode(e.status)},
        {QStringLiteral("wage_base"), e.wageBase.toYuanString()},
    };
}

QJsonObject encode(const Person &p)
{
    QJsonArray enrolments;
    for (const Enrolment &e : p.enrolments)
        enrolments.append(encode(e));
    return QJsonObject{
        {QStringLiteral("id"), p.id},
        {QStringLiteral("person_no"), p.personNo},
        {QStringLiteral("name"), p.name},
        {QStringLiteral("id_number"), p.idNumber},
        {QStringLiteral("gender"), p.gender},
        {QStringLiteral("birth_date"), p.birthDate},
        {QStringLiteral("ethnicity"), p.ethnicity},
        {QStringLiteral("hukou"), p.hukou},
        {QStringLiteral("employment_form"), p.employmentForm},
        {QStringLiteral("identity"), p.identity},
        {QStringLiteral("work_start_date"), p.workStartDate},
        {QStringLiteral("phone"), p.phone},
        {QStringLiteral("enrolments"), enrolments},
    };
}

Result<Unit> decodeUnit(const QJsonObject &o)
{
    const QString path = QStringLiteral("$");
    Unit u;
    Error err;
    QString level;
    if (!readString(o, "unit_no", path, &u.unitNo, &err) || !readString(o, "name", path, &u.name, &err)
        || !readString(o, "credit_code", path, &u.creditCode, &err, false)
        || !readString(o, "legal_representative", path, &u.legalRepresentative, &err, false)
        || !readString(o, "legal_rep_id_number", path, &u.legalRepIdNumber, &err, false)
        || !readString(o, "unit_type", path, &u.unitType, &err, false)
        || !readString(o, "economic_type", path, &u.economicType, &err, false)
        || !readString(o, "affiliation", path, &u.affiliation, &err, false)
        || !readString(o, "industry", path, &u.industry, &err, false)
        || !readString(o, "address", path, &u.address, &err, false)
        || !readString(o, "district", path, &u.district, &err, false)
        || !readString(o, "agency", path, &u.agency, &err, false)
        || !readString(o, "bank_name", path, &u.bankName, &err, false)
        || !readString(o, "bank_account_name", path, &u.bankAccountName, &err, false)
        || !readString(o, "bank_account", path, &u.bankAccount, &err, false)
        || !readString(o, "contact_name", path, &u.contactName, &err, false)
        || !readString(o, "contact_phone", path, &u.contactPhone, &err, false)
        || !readString(o, "mobile", path, &u.mobile, &err, false)
        || !readString(o, "postal_code", path, &u.postalCode, &err, false)
        || !readString(o, "postal_address", path, &u.postalAddress, &err, false)
        || !readString(o, "email", path, &u.email, &err, false)
        || !readString(o, "level", path, &level, &err))
        return err;
    if (!parseAccountLevel(level, &u.level))
        return fieldError(QStringLiteral("$.level"), QStringLiteral("unknown level"));
    const QJsonValue risk = o.value(QLatin1String("risk_class"));
    if (!risk.isDouble() || risk.toInt() < 1 || risk.toInt() > 8)
        return fieldError(QStringLiteral("$.risk_class"), QStringLiteral("expected 1..8"));
    u.riskClass = risk.toInt();
    return u;
}

Result<Enrolment> decodeEnrolment(const QJsonObject &o, const QString &path)
{
    Enrolment e;
    Error err;
    QString status;
    QString wage;
    if (!readString(o, "insurance", path, &e.insurance, &err) || !readString(o, "start", path, &e.startMonth, &err)
        || !readString(o, "end", path, &e.endMonth, &err, false) || !readString(o, "status", path, &status, &err)
        || !readString(o, "wage_base", path, &wage, &err, false))
        return err;
    if (!parseEnrolmentStatus(status, &e.status))
        return fieldError(path + QStringLiteral(".status"), QStringLiteral("unknown status"));
    if (!wage.isEmpty()) {
        const auto money = Money::parseYuan(wage);
        if (!money)
            return fieldError(path + QStringLiteral(".wage_base"), QStringLiteral("not an amount"));
        e.wageBase = *money;
    }
    return e;
}

Result<Person> decodePerson(const QJsonObject &o, const QString &path)
{
    Person p;
    Error err;
    const auto id = wholeNumber(o.value(QLatin1String("id")));
    if (!id)
        return fieldError(path + QStringLiteral(".id"), QStringLiteral("expected a whole number"));
    p.id = *id;
    if (!readString(o, "person_no", path, &p.personNo, &err, false) || !readString(o, "name", path, &p.name, &err)
        || !readString(o, "id_number", path, &p.idNumber, &err) || !readString(o, "gender", path, &p.gender, &err, false)
        || !readString(o, "birth_date", path, &p.birthDate, &err, false)
        || !readString(o, "ethnicity", path, &p.ethnicity, &err, false)
        || !readString(o, "hukou", path, &p.hukou, &err, false)
        || !readString(o, "employment_form", path, &p.employmentForm, &err, false)
        || !readString(o, "identity", path, &p.identity, &err, false)
        || !readString(o, "work_start_date", path, &p.workStartDate, &err, false)
        || !readString(o, "phone", path, &p.phone, &err, false))
        return err;
    const QJsonValue list = o.value(QLatin1String("enrolments"));
    if (!list.isUndefined() && !list.isArray())
        return fieldError(path + QStringLiteral(".enrolments"), QStringLiteral("expected an array"));
    const QJsonArray array = list.toArray();
    p.enrolments.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = path + QStringLiteral(".enrolments[%1]").arg(i);
        if (!array.at(i).isObject())
            return fieldError(itemPath, QStringLiteral("expected an object"));
        auto e = decodeEnrolment(array.at(i).toObject(), itemPath);
        if (!e)
            return e.error();
        p.enrolments.append(std::move(e).value());
    }
    return p;
}

} // namespace shebao::json
