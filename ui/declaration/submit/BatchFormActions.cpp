#include "ui/declaration/submit/BatchFormActions.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include "app/DeclarationForm.h"
#include "models/export/XlsxExport.h"
#include "printing/FormTemplate.h"
#include "ui/printing/FormPrinter.h"
#include "ui/widgets/FileDialog.h"

namespace shebao::ui {

QString BatchFormActions::onPaper(QWidget *parent, FormPrinter &printer, const DeclarationBatch &batch, const Unit &unit,
                LocalCache *cache, bool preview)
{
    const auto record = [&](int pages, LocalCache *into) {
        return DeclarationForm::recordPrinted(batch, unit, pages, into);
    };
    Result<int> pages = printer.onPaper(parent, printing::FormTemplate::load(QString::fromLatin1(DeclarationForm::FormId)),
                                        DeclarationForm::data(batch, unit), preview, cache, record);
    if (!pages)
        return pages.error().message;
    if (pages.value() == 0)
        return {};
    return tr("Printed the form of batch %1 (%n page(s)).", nullptr, pages.value()).arg(batch.batchNo);
}

QString BatchFormActions::suggestedPath(const QString &name)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name);
}

QString BatchFormActions::preview(QWidget *parent, FormPrinter &printer, const DeclarationBatch &batch,
                                  const Unit &unit, LocalCache *cache)
{
    return onPaper(parent, printer, batch, unit, cache, true);
}

QString BatchFormActions::print(QWidget *parent, FormPrinter &printer, const DeclarationBatch &batch, const Unit &unit,
                                LocalCache *cache)
{
    return onPaper(parent, printer, batch, unit, cache, false);
}

QString BatchFormActions::savePdf(QWidget *parent, const DeclarationBatch &batch, const Unit &unit, LocalCache *cache)
{
    QString path = FileDialog::getSaveFileName(
        parent, tr("Save the declaration form as PDF"),
        suggestedPath(tr("Staff change declaration form") + QLatin1Char(' ') + batch.batchNo + QStringLiteral(".pdf")),
        tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return {};
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    Result<PrintedForm> saved = DeclarationForm::writePdf(batch, unit, path, cache);
    return saved ? tr("Saved as %1.").arg(QDir::toNativeSeparators(path)) : saved.error().message;
}

QString BatchFormActions::exportXlsx(QWidget *parent, const DeclarationBatch &batch, const Unit &unit)
{
    QString path = FileDialog::getSaveFileName(parent, tr("Export the batch to Excel"),
                                               suggestedPath(batch.batchNo + QStringLiteral(".xlsx")),
                                               tr("Excel workbooks (*.xlsx)"));
    if (path.isEmpty())
        return {};
    if (!path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive))
        path += QStringLiteral(".xlsx");
    Result<void> written = XlsxExport::batch(unit, batch, path);
    return written ? tr("Exported to %1.").arg(QDir::toNativeSeparators(path)) : written.error().message;
}

} // namespace shebao::ui
