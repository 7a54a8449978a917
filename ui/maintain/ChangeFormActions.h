#pragma once

#include <QCoreApplication>
#include <QString>

#include "models/change/ChangeRequest.h"
#include "models/domain/Unit.h"

class QWidget;

namespace shebao {
class LocalCache;
}

namespace shebao::ui {

class FormPrinter;

// The paper of a 信息维护 request (《长沙市社会保险单位信息变更登记表》 or the 个人信息修改表, app/
// ChangeForm) previewed, printed or saved as PDF, after 变更申报 and from 变更记录 alike. Each
// answers the line to show the clerk (empty when they cancelled); prints are recorded in the cache.
class ChangeFormActions
{
    Q_DECLARE_TR_FUNCTIONS(shebao::ui::ChangeFormActions)

public:
    static QString preview(QWidget *parent, FormPrinter &printer, const ChangeRequest &request, const Unit &unit,
                           LocalCache *cache);
    static QString print(QWidget *parent, FormPrinter &printer, const ChangeRequest &request, const Unit &unit,
                         LocalCache *cache);
    static QString savePdf(QWidget *parent, const ChangeRequest &request, const Unit &unit, LocalCache *cache);

private:
    static QString onPaper(QWidget *parent, FormPrinter &printer, const ChangeRequest &request, const Unit &unit,
                           LocalCache *cache, bool preview);
};

} // namespace shebao::ui
