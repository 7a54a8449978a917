#include "ui/maintain/ChangeChecks.h"

#include <QDate>
#include <QRegularExpression>

#include "models/validation/CreditCode.h"
#include "models/validation/IdNumber.h"

namespace shebao::ui {

namespace {
Error fieldError(const QString &code, const QString &message, const QString &member)
{
    return Error{code, message, QString(), ChangeChecks::fieldOf(member)};
}
} // namespace

QStringList ChangeChecks::changedMembers(ChangeTarget target, const ChangeValueMap &current, const ChangeValueMap &after)
{
    QStringList members;
    for (const ChangeField &field : ChangeFields::of(target)) {
        if (!after.contains(field.member))
            continue;
        if (after.value(field.member).trimmed() != current.value(field.member).trimmed())
            members.append(field.member);
    }
    return members;
}

bool ChangeChecks::touchesKeyField(ChangeTarget target, const QStringList &members)
{
    for (const QString &member : members) {
        if (const ChangeField *field = ChangeFields::find(target, member); field && field->key)
            return true;
    }
    return false;
}

QList<Error> ChangeChecks::normalize(ChangeTarget target, ChangeValueMap *after, const QStringList &members)
{
    QList<Error> errors;
    for (const QString &member : members) {
        const ChangeField *field = ChangeFields::find(target, member);
        if (!field)
            continue;
        QString value = after->value(member).trimmed();
        if (value.isEmpty() && field->key) {
            errors.append(fieldError(QStringLiteral("required.missing"),
                                     tr("%1 is key information and cannot be emptied.").arg(field->label), member));
            continue;
        }
        if (value.size() > field->maxLength) {
            errors.append(fieldError(QStringLiteral("request.invalid"),
                                     tr("%1 is at most %2 characters long.").arg(field->label).arg(field->maxLength),
                                     member));
            continue;
        }
        if (field->type == ChangeValueType::IdNumber && !value.isEmpty()) {
            Result<IdNumber> id = IdNumber::parse(value);
            if (!id) {
                errors.append(fieldError(id.error().code, field->label + QStringLiteral("：") + id.error().message,
                                         member));
                continue;
            }
            value = id.value().number();
        } else if (field->type == ChangeValueType::CreditCode) {
            value = value.toUpper();
            for (const Error &problem : CreditCode::check(value)) {
                if (problem.code == u"creditcode.format") {
                    errors.append(fieldError(problem.code, problem.message, member));
                    break;
                }
            }
        } else if (field->type == ChangeValueType::PostalCode && !value.isEmpty()
                   && !QRegularExpression(QStringLiteral("^[0-9]{6}$")).match(value).hasMatch()) {
            errors.append(fieldError(QStringLiteral("request.invalid"),
                                     tr("%1 must be six digits.").arg(field->label), member));
        } else if (field->type == ChangeValueType::Date && !value.isEmpty()
                   && !QDate::fromString(value, Qt::ISODate).isValid()) {
            errors.append(fieldError(QStringLiteral("date.invalid"),
                                     tr("%1 must be a date written YYYY-MM-DD.").arg(field->label), member));
        } else if (field->type == ChangeValueType::Email && !value.isEmpty()
                   && !QRegularExpression(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")).match(value).hasMatch()) {
            errors.append(fieldError(QStringLiteral("request.invalid"),
                                     tr("%1 is not an e-mail address.").arg(field->label), member));
        }
        after->insert(member, value);
    }
    return errors;
}

QList<Error> ChangeChecks::personConsistency(const ChangeValueMap &current, const ChangeValueMap &after,
                                             const QStringList &members)
{
    auto valueAfter = [&](const QString &member) {
        return members.contains(member) ? after.value(member) : current.value(member);
    };
    Result<IdNumber> id = IdNumber::parse(valueAfter(QStringLiteral("id_number")));
    if (!id) // a malformed new number is refused by normalize(); an old one is the agency's
        return {};
    QList<Error> errors;
    const QString gender = valueAfter(QStringLiteral("gender"));
    if (!gender.isEmpty() && gender != id.value().genderCode()) {
        const QString member = members.contains(QStringLiteral("gender")) ? QStringLiteral("gender")
                                                                          : QStringLiteral("id_number");
        errors.append(fieldError(QStringLiteral("gender.mismatch"),
                                 tr("Gender (%1) does not agree with the ID number %2, which is that of a %3.")
                                     .arg(gender == u"1" ? tr("male") : tr("female"), id.value().masked(),
                                          id.value().isMale() ? tr("man") : tr("woman")),
                                 member));
    }
    const QString birth = valueAfter(QStringLiteral("birth_date"));
    const QString idBirth = id.value().birthDate().toString(Qt::ISODate);
    if (!birth.isEmpty() && birth != idBirth) {
        const QString member = members.contains(QStringLiteral("birth_date")) ? QStringLiteral("birth_date")
                                                                              : QStringLiteral("id_number");
        errors.append(fieldError(QStringLiteral("birthdate.mismatch"),
                                 tr("Date of birth %1 does not agree with the ID number %2, which gives %3.")
                                     .arg(birth, id.value().masked(), idBirth),
                                 member));
    }
    return errors;
}

bool ChangeChecks::isIdUpgrade(const QString &oldNumber, const QString &newNumber)
{
    const QString old = oldNumber.trimmed();
    if (old.size() != 15)
        return false;
    Result<IdNumber> upgraded = IdNumber::parse(old);
    Result<IdNumber> fresh = IdNumber::parse(newNumber);
    return upgraded && fresh && upgraded.value().number() == fresh.value().number();
}

QString ChangeChecks::creditCodeWarning(const ChangeValueMap &after, const QStringList &members)
{
    if (!members.contains(QStringLiteral("credit_code")))
        return {};
    QStringList messages;
    for (const Error &problem : CreditCode::check(after.value(QStringLiteral("credit_code")))) {
        if (problem.code != u"creditcode.format")
            messages.append(problem.message);
    }
    return messages.join(QLatin1Char('\n'));
}

} // namespace shebao::ui
