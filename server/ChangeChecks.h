#pragma once

#include <QDate>
#include <QJsonValue>
#include <QList>
#include <QString>

#include "models/change/ChangeFields.h"
#include "models/core/Result.h"

namespace shebao::server {

// The per-field rules of 信息维护 (docs/changes.md "Rules"): one submitted value of one
// catalogue field becomes its stored form (trimmed, codes, "0731-88886666", 18-character ID
// numbers, upper-case credit codes) or an Error whose field is "changes.<member>" and whose
// Chinese message names the field. Nothing here reads the database.
class ChangeChecks
{
public:
    explicit ChangeChecks(QDate today) : m_today(today) {}

    struct Value
    {
        QString value;
        bool creditCodeOverridden = false; // a credit code failing GB 32100 / GB 11714, accepted
    };
    Result<Value> check(const ChangeField &field, const QJsonValue &raw, bool creditCodeOverride) const;

    // A person's gender and birth date after the change against the ID number after the
    // change (gender.mismatch / birthdate.mismatch). `changed` names the members the user
    // changed; the error names the changed one of the pair, or id_number.
    QList<Error> personConsistency(const QString &idNumber, const QString &gender, const QString &birthDate,
                                   const QStringList &changed) const;

    static QString fieldOf(const QString &member) { return QStringLiteral("changes.") + member; }

private:
    QDate m_today;
};

} // namespace shebao::server
