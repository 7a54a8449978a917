#pragma once

#include <QCoreApplication>

#include "app/AuthorizationApplication.h"

namespace shebao::ui {

// How a state of the 授权申请 reads to the user: on the status page and in the main window's
// banner at login.
class AuthorizationStateText
{
    Q_DECLARE_TR_FUNCTIONS(AuthorizationStateText)

public:
    static QString title(AuthorizationState state);
    // One sentence: what the unit does next (counterAddress: where to go when waiting).
    static QString description(AuthorizationState state, const QString &counterAddress = QString());
};

} // namespace shebao::ui
