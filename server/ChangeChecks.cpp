#include "server/ChangeChecks.h"

#include <QRegularExpression>

#include "models/dictionaries/Dictionaries.h"
#include "models/validation/CreditCode.h"
#include "models/validation/IdNumber.h"
#include "models/validation/PersonName.h"
#include "models/validation/Phone.h"
#include "models/validation/TextFold.h"
#include "server/FormChecks.h"

namespace shebao::server {

namespace {

using T = ChangeValueType;

Error fieldError(const char *code, const ChangeField &field, const QString &message)
{
    return Error{QString::fromLatin1(code), field.label + QStringLiteral("：") + message, {},
                 ChangeChecks::fieldOf(field.member)};
}

// A validator's own message, prefixed with the field it is about.
Error fromValidator(const Error &e, const ChangeField &field)
{
    return Error{e.code, field.label + QStringLiteral("：") + e.message, e.detail, ChangeChecks::fieldOf(field.member)};
}

} // namespace

Result<ChangeChecks::Value> ChangeChecks::check(const ChangeField &field, const QJsonValue &raw, bool creditCodeOverride) const
{
    QString text;
    if (raw.isString())
        text = raw.toString();
    else if (raw.isDouble() && field.type == T::RiskClass)
        text = QString::number(raw.toInteger());
    else if (raw.isNull())
        text.clear();
    else
        return fieldError("request.invalid", field, QStringLiteral("应为文字"));
    text = TextFold::foldTrimmed(text);

    if (text.isEmpty()) {
        // Key fields make up the unit's or the person's registration: they can be corrected,
        // never emptied. Contact fields may be cleared.
        if (field.key)
            return fieldError("required.missing", field, QStringLiteral("为关键信息，不能为空"));
        return Value{};
    }
    if (text.size() > field.maxLength && field.type != T::IdNumber && field.type != T::CreditCode)
        return fieldError("request.invalid", field, QStringLiteral("最多 %1 个字符").arg(field.maxLength));

    switch (field.type) {
    case T::Text:
        if (field.target == ChangeTarget::Person && field.member == u"name") {
            auto name = PersonName::normalize(text);
            if (!name)
                return fromValidator(name.error(), field);
            return Value{name.value()};
        }
        return Value{text};
    case T::Code: {
        const auto entry = Dictionaries::byId(field.dictionary).byCode(text);
        if (!entry)
            return fieldError("dict.unknown", field, QStringLiteral("代码 %1 不在《%2》字典中")
                                                         .arg(text, Dictionaries::byId(field.dictionary).title()));
        return Value{text};
    }
    case T::Gender:
        if (text != u"1" && text != u"2")
            return fieldError("request.invalid", field, QStringLiteral("须为 1（男）或 2（女）"));
        return Value{text};
    case T::Date: {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid() || text.size() != 10)
            return fieldError("date.invalid", field, QStringLiteral("“%1”不是有效日期，格式为 YYYY-MM-DD").arg(text));
        if (date > m_today || date.year() < 1900)
            return fieldError("date.invalid", field, QStringLiteral("%1 不在 1900-01-01 至今天之间").arg(text));
        return Value{text};
    }
    case T::RiskClass: {
        bool ok = false;
        const int risk = text.toInt(&ok);
        if (!ok || risk < 1 || risk > 8)
            return fieldError("request.invalid", field, QStringLiteral("须为 1 至 8 类"));
        return Value{QString::number(risk)};
    }
    case T::IdNumber: {
        auto id = IdNumber::parse(text, m_today);
        if (!id)
            return fromValidator(id.error(), field);
        return Value{id.value().number()};
    }
    case T::CreditCode: {
        const QList<Error> problems = CreditCode::check(text);
        const QString code = text.toUpper();
        if (problems.isEmpty())
            return Value{code};
        for (const Error &e : problems) {
            if (e.code == u"creditcode.format")
                return fromValidator(e, field);
        }
        if (!creditCodeOverride) {
            Error e = fromValidator(problems.first(), field);
            e.message += QStringLiteral("。如确认营业执照上的代码就是如此，请确认后重新提交（credit_code_override）");
            return e;
        }
        return Value{code, true};
    }
    case T::Phone: {
        auto phone = Phone::parse(text);
        if (!phone)
            return fromValidator(phone.error(), field);
        if (field.member == u"mobile" && phone.value().kind() != Phone::Kind::Mobile)
            return fieldError("phone.invalid", field, QStringLiteral("须为 11 位手机号码，如 13812345678"));
        return Value{phone.value().number()};
    }
    case T::Email:
        if (!FormChecks::isEmail(text))
            return fieldError("request.invalid", field, QStringLiteral("格式不正确，例如 hr@example.cn"));
        return Value{text};
    case T::PostalCode:
        if (text.size() != 6 || !TextFold::isAsciiDigits(text))
            return fieldError("request.invalid", field, QStringLiteral("须为 6 位数字，如 410005"));
        return Value{text};
    }
    return Value{text};
}

QList<Error> ChangeChecks::personConsistency(const QString &idNumber, const QString &gender, const QString &birthDate,
                                             const QStringList &changed) const
{
    QList<Error> errors;
    auto id = IdNumber::parse(idNumber, m_today);
    if (!id)
        return errors; // an agency record the rules cannot read: the ID's own check reports a new one
    const auto pick = [&](const QString &member) {
        return ChangeChecks::fieldOf(changed.contains(member) ? member : QStringLiteral("id_number"));
    };
    if (!gender.isEmpty() && gender != id.value().genderCode())
        errors.append(Error{QStringLiteral("gender.mismatch"),
                            QStringLiteral("性别（%1）与变更后的公民身份号码不符：号码第 17 位表示%2")
                                .arg(gender == u"1" ? QStringLiteral("男") : QStringLiteral("女"), id.value().genderName()),
                            {}, pick(QStringLiteral("gender"))});
    const QString idBirth = id.value().birthDate().toString(Qt::ISODate);
    if (!birthDate.isEmpty() && birthDate != idBirth)
        errors.append(Error{QStringLiteral("birthdate.mismatch"),
                            QStringLiteral("出生日期（%1）与变更后的公民身份号码不符：号码中的出生日期为 %2").arg(birthDate, idBirth),
                            {}, pick(QStringLiteral("birth_date"))});
    return errors;
}

} // namespace shebao::server
