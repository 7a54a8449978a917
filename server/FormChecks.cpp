#include "server/FormChecks.h"

#include <QRegularExpression>

namespace shebao::server {

QString FormChecks::text(const QJsonObject &object, const QString &member, const QString &label, bool required,
                         QList<Error> *errors, const QString &fieldPrefix)
{
    const QJsonValue value = object.value(member);
    const QString field = fieldPrefix + member;
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().trimmed().isEmpty())) {
        if (required)
            errors->append(Error{QStringLiteral("request.invalid"), QStringLiteral("请填写%1。").arg(label), {}, field});
        return {};
    }
    if (!value.isString()) {
        errors->append(Error{QStringLiteral("request.invalid"), QStringLiteral("%1应为文字。").arg(label), {}, field});
        return {};
    }
    const QString text = value.toString().trimmed();
    if (text.size() > 200)
        errors->append(Error{QStringLiteral("request.invalid"), QStringLiteral("%1过长（最多 200 个字符）。").arg(label), {}, field});
    return text;
}

bool FormChecks::isEmail(const QString &value)
{
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    return value.size() <= 100 && shape.match(value).hasMatch();
}

} // namespace shebao::server
