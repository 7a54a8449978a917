#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "models/change/ChangeRequest.h"
#include "models/domain/Person.h"
#include "models/domain/Unit.h"
#include "ui/maintain/ChangeValues.h"

namespace shebao::ui {

// What the pages of a 信息变更 wizard share: whose registration changes, the new values the clerk
// confirmed, the proofs uploaded so far, and what the server answered.
struct ChangeWizardData
{
    ChangeTarget target = ChangeTarget::Unit;
    Unit unit;                      // the unit as last synced
    QList<Person> persons;          // 个人信息变更: the unit's staff in the local cache
    std::optional<Person> person;   // the person chosen on 选择人员
    ChangeValueMap after;           // the changed members' new values, normalized
    QStringList members;            // the changed members, in form order
    QList<ChangeAttachment> attachments;
    bool creditCodeOverride = false;
    bool idUpgrade = false;         // the new ID number is the old 15-digit one's upgrade
    bool signedSession = false;     // a certificate user: the request is signed, no paper
    QList<ChangeRequest> submitted; // the server's answer to 信息变更 / 变更申报
    ChangeValueMap restored;        // a resumed draft's typed values, until the form takes them

    QList<AttachmentKind> providedKinds() const
    {
        QList<AttachmentKind> kinds;
        for (const ChangeAttachment &a : attachments)
            kinds.append(a.kind);
        return kinds;
    }
    // The key members that need proofs: a 15 → 18 upgrade alone is proven by the old number.
    QStringList provableMembers() const
    {
        QStringList provable = members;
        if (idUpgrade)
            provable.removeAll(QStringLiteral("id_number"));
        return provable;
    }
    QList<QList<AttachmentKind>> missingProofs() const
    {
        return ChangeFields::missingProofs(target, provableMembers(), providedKinds());
    }
};

} // namespace shebao::ui
