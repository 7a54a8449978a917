#include "ui/authorization/AuthorizationWizard.h"

#include <QAbstractButton>

#include "ui/authorization/ApplicantPage.h"
#include "ui/authorization/ConfirmPage.h"
#include "ui/authorization/PrintLetterPage.h"
#include "ui/authorization/StatusPage.h"
#include "ui/authorization/UploadScanPage.h"
#include "ui/help/GuideSections.h"

namespace shebao::ui {

AuthorizationWizard::AuthorizationWizard(AuthorizationService &service, FormPrinter &printer, const Unit &unit,
                                         QWidget *parent)
    : QWizard(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("authorizationWizard"));
    setWindowTitle(tr("Authorization application"));
    setWizardStyle(QWizard::ClassicStyle);
    // Room for the field errors under the inputs without squeezing them.
    setMinimumSize(720, 560);
    setOption(QWizard::NoBackButtonOnLastPage);
    // Each step is already on the server: going back would pretend it could be undone.
    setButtonLayout({QWizard::HelpButton, QWizard::Stretch, QWizard::NextButton, QWizard::FinishButton,
                     QWizard::CancelButton});
    guide::addHelpButton(this, guide::authorization());
    setOption(QWizard::NoCancelButtonOnLastPage);

    setPage(ApplicantPageId, new ApplicantPage(service, unit, this));
    setPage(ConfirmPageId, new ConfirmPage(service, this));
    setPage(PrintLetterPageId, new PrintLetterPage(service, printer, this));
    setPage(UploadScanPageId, new UploadScanPage(service, this));
    auto *status = new StatusPage(service, this);
    setPage(StatusPageId, status);
    setStartId(pageFor(service.resumeStep()));

    const std::pair<WizardButton, const char *> buttons[] = {
        {NextButton, "nextPushButton"}, {FinishButton, "finishPushButton"}, {CancelButton, "cancelPushButton"}};
    for (const auto &[which, name] : buttons) {
        button(which)->setObjectName(QString::fromLatin1(name));
    }
    button(NextButton)->setAccessibleName(tr("Next"));
    button(FinishButton)->setAccessibleName(tr("Finish"));
    button(CancelButton)->setAccessibleName(tr("Close"));

    connect(status, &StatusPage::reapplyRequested, this, [this] {
        setStartId(ApplicantPageId);
        restart();
    });
}

AuthorizationWizard::PageId AuthorizationWizard::pageFor(AuthorizationService::Step step)
{
    switch (step) {
    case AuthorizationService::Step::Enter: return ApplicantPageId;
    case AuthorizationService::Step::Confirm: return ConfirmPageId;
    case AuthorizationService::Step::Print: return PrintLetterPageId;
    case AuthorizationService::Step::Upload: return UploadScanPageId;
    case AuthorizationService::Step::Waiting:
    case AuthorizationService::Step::Activated: return StatusPageId;
    }
    return ApplicantPageId;
}

} // namespace shebao::ui
