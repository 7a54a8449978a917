#pragma once

#include <QWizard>

#include "app/AuthorizationService.h"
#include "models/domain/Unit.h"

namespace shebao::ui {

class FormPrinter;

// 系统管理 → 授权申请 (guide: 授权用户申请, steps 四–七). Thin: it wires one page per step
// and starts at the step the application's state calls for; the pages talk to
// AuthorizationService, which holds the application as the server has it.
class AuthorizationWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { ApplicantPageId, ConfirmPageId, PrintLetterPageId, UploadScanPageId, StatusPageId };

    // `service` must be loaded (refresh()) so the wizard resumes where the unit stopped.
    AuthorizationWizard(AuthorizationService &service, FormPrinter &printer, const Unit &unit,
                        QWidget *parent = nullptr);

    static PageId pageFor(AuthorizationService::Step step);

private:
    AuthorizationService &m_service;
};

} // namespace shebao::ui
