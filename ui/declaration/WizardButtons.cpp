#include "ui/declaration/WizardButtons.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QWizard>

namespace shebao::ui {

void nameWizardButtons(QWizard *wizard)
{
    const struct
    {
        QWizard::WizardButton which;
        const char *name;
        const char *accessible;
    } buttons[] = {{QWizard::BackButton, "backPushButton", QT_TRANSLATE_NOOP("shebao::ui::WizardButtons", "Back")},
                   {QWizard::NextButton, "nextPushButton", QT_TRANSLATE_NOOP("shebao::ui::WizardButtons", "Next")},
                   {QWizard::FinishButton, "finishPushButton", QT_TRANSLATE_NOOP("shebao::ui::WizardButtons", "Finish")},
                   {QWizard::CancelButton, "cancelPushButton", QT_TRANSLATE_NOOP("shebao::ui::WizardButtons", "Close")}};
    for (const auto &b : buttons) {
        QAbstractButton *button = wizard->button(b.which);
        button->setObjectName(QString::fromLatin1(b.name));
        button->setAccessibleName(QCoreApplication::translate("shebao::ui::WizardButtons", b.accessible));
    }
}

} // namespace shebao::ui
