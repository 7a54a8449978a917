#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "models/core/Result.h"

namespace shebao::server {

// Checks of submitted form fields shared by the routes; each failure is an Error whose field
// is the JSON member and whose message is the Chinese rule.
class FormChecks
{
public:
    // A string member, trimmed; errors: missing (when required) or not a string.
    static QString text(const QJsonObject &object, const QString &member, const QString &label, bool required,
                        QList<Error> *errors, const QString &fieldPrefix = {});
    // 电子邮箱: one "@", a dot in the domain, no spaces, at most 100 characters.
    static bool isEmail(const QString &value);
};

} // namespace shebao::server
