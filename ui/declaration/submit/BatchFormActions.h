#pragma once

#include <QCoreApplication>
#include <QString>

#include "models/declaration/Declaration.h"
#include "models/domain/Unit.h"

class QWidget;

namespace shebao {
class LocalCache;
}

namespace shebao::ui {

class FormPrinter;

// The 《长沙市社会保险参保人员异动申报表》 of one batch (with its items) on paper or as PDF, for
// 申报 and for 申报查询's reprint. Each answers the line to show the clerk (empty when they
// cancelled); prints are recorded in the cache.
class BatchFormActions
{
    Q_DECLARE_TR_FUNCTIONS(shebao::ui::BatchFormActions)

public:
    static QString preview(QWidget *parent, FormPrinter &printer, const DeclarationBatch &batch, const Unit &unit,
                           LocalCache *cache);
    static QString print(QWidget *parent, FormPrinter &printer, const DeclarationBatch &batch, const Unit &unit,
                         LocalCache *cache);
    static QString savePdf(QWidget *parent, const DeclarationBatch &batch, const Unit &unit, LocalCache *cache);
    static QString exportXlsx(QWidget *parent, const DeclarationBatch &batch, const Unit &unit);

private:
    static QString onPaper(QWidget *parent, FormPrinter &printer, const DeclarationBatch &batch, const Unit &unit,
                           LocalCache *cache, bool preview);
    static QString suggestedPath(const QString &name);
};

} // namespace shebao::ui
