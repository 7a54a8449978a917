#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "models/core/Result.h"
#include "ui/maintain/ChangeValues.h"

namespace shebao::ui {

// What the desktop checks before a 信息变更 goes to the server, so the clerk hears at once what
// the server would refuse. The server checks everything again (docs/changes.md "Rules").
// Errors carry `field` = "changes.<member>", as the server's do, so the form shows both alike.
class ChangeChecks
{
    Q_DECLARE_TR_FUNCTIONS(shebao::ui::ChangeChecks)

public:
    // Every member whose new value differs from the current one, in form order.
    static QStringList changedMembers(ChangeTarget target, const ChangeValueMap &current, const ChangeValueMap &after);
    static bool touchesKeyField(ChangeTarget target, const QStringList &members);

    // Formats each changed value as the server wants it (an ID number normalized to 18
    // characters, a credit code upper-cased) and refuses what is malformed: the first problem
    // of each field, in form order.
    static QList<Error> normalize(ChangeTarget target, ChangeValueMap *after, const QStringList &members);

    // 个人信息变更: the gender and birth date after the change must agree with the ID number after
    // the change. The error names the field the clerk changed (gender or birth date), else the
    // ID number.
    static QList<Error> personConsistency(const ChangeValueMap &current, const ChangeValueMap &after,
                                          const QStringList &members);
    // The new ID number is the GB 11643 upgrade of the old 15-digit one (升位).
    static bool isIdUpgrade(const QString &oldNumber, const QString &newNumber);

    // 单位信息变更: a credit code failing GB 32100 or GB 11714 the clerk must confirm
    // (credit_code_override); empty when the code passes or was not changed.
    static QString creditCodeWarning(const ChangeValueMap &after, const QStringList &members);

    static QString fieldOf(const QString &member) { return QStringLiteral("changes.") + member; }
};

} // namespace shebao::ui
