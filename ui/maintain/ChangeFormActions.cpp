#include "ui/maintain/ChangeFormActions.h"

#include <QDir>
#include <QStandardPaths>

#include "app/ChangeForm.h"
#include "printing/FormTemplate.h"
#include "ui/printing/FormPrinter.h"
#include "ui/widgets/FileDialog.h"

namespace shebao::ui {

QString ChangeFormActions::onPaper(QWidget *parent, FormPrinter &printer, const ChangeRequest &request,
                                   const Unit &unit, LocalCache *cache, bool preview)
{
    const auto record = [&](int pages, LocalCache *into) {
        return ChangeForm::recordPrinted(request, unit, pages, into);
    };
    Result<int> pages = printer.onPaper(parent, printing::FormTemplate::load(ChangeForm::formId(request.target)),
                                        ChangeForm::data(request, unit), preview, cache, record);
    if (!pages)
        return pages.error().message;
    if (pages.value() == 0)
        return {};
    return tr("Printed %1 of request %2 (%n page(s)).", nullptr, pages.value())
        .arg(ChangeForm::title(request.target), request.requestNo);
}

QString ChangeFormActions::preview(QWidget *parent, FormPrinter &printer, const ChangeRequest &request,
                                   const Unit &unit, LocalCache *cache)
{
    return onPaper(parent, printer, request, unit, cache, true);
}

QString ChangeFormActions::print(QWidget *parent, FormPrinter &printer, const ChangeRequest &request, const Unit &unit,
                                 LocalCache *cache)
{
    return onPaper(parent, printer, request, unit, cache, false);
}

QString ChangeFormActions::savePdf(QWidget *parent, const ChangeRequest &request, const Unit &unit, LocalCache *cache)
{
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(ChangeForm::title(request.target) + QLatin1Char(' ') + request.requestNo
                                            + QStringLiteral(".pdf"));
    QString path = FileDialog::getSaveFileName(parent, tr("Save the form as PDF"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return {};
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    Result<PrintedForm> saved = ChangeForm::writePdf(request, unit, path, cache);
    return saved ? tr("Saved as %1.").arg(QDir::toNativeSeparators(path)) : saved.error().message;
}

} // namespace shebao::ui
