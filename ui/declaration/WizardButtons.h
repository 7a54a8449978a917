#pragma once

class QWizard;

namespace shebao::ui {

// Names the standard buttons of a 异动 wizard by their job (nextPushButton, backPushButton,
// finishPushButton, cancelPushButton) and gives them accessible names.
void nameWizardButtons(QWizard *wizard);

} // namespace shebao::ui
