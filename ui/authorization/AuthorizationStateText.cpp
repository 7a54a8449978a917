#include "ui/authorization/AuthorizationStateText.h"

namespace shebao::ui {

QString AuthorizationStateText::title(AuthorizationState state)
{
    switch (state) {
    case AuthorizationState::None: return tr("No authorization application");
    case AuthorizationState::Saved: return tr("Application saved");
    case AuthorizationState::Confirmed: return tr("Application confirmed");
    case AuthorizationState::Uploaded: return tr("Waiting for the counter to open the authorization");
    case AuthorizationState::Activated: return tr("Authorization opened");
    case AuthorizationState::Rejected: return tr("Application returned");
    }
    return QString();
}

QString AuthorizationStateText::description(AuthorizationState state, const QString &counterAddress)
{
    switch (state) {
    case AuthorizationState::None:
        return tr("Apply under System management > Authorization application to do business online.");
    case AuthorizationState::Saved:
        return tr("Confirm the application under System management > Authorization application.");
    case AuthorizationState::Confirmed:
        return tr("Print the user commitment letter, stamp it and upload its scan under System management > "
                  "Authorization application.");
    case AuthorizationState::Uploaded:
        return tr("Bring the stamped letter to %1 to open the authorization.")
            .arg(counterAddress.isEmpty() ? QStringLiteral("天心区人社局二楼社保征缴中心单位业务窗口") : counterAddress);
    case AuthorizationState::Activated: return tr("The business modules are open.");
    case AuthorizationState::Rejected:
        return tr("Correct the application and apply again under System management > Authorization application.");
    }
    return QString();
}

} // namespace shebao::ui
