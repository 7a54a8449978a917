#include "ui/pay/BillActions.h"

#include <QDir>
#include <QStandardPaths>

#include "app/BillSlip.h"
#include "ui/printing/FormPrinter.h"
#include "ui/widgets/FileDialog.h"

namespace shebao::ui {

QString BillActions::onPaper(QWidget *parent, FormPrinter &printer, const Bill &bill, LocalCache *cache, bool preview)
{
    const auto record = [&](int pages, LocalCache *into) { return BillSlip::recordPrinted(bill, pages, into); };
    Result<int> pages = printer.onPaper(parent, BillSlip::form(bill), BillSlip::data(bill), preview, cache, record);
    if (!pages)
        return pages.error().message;
    if (pages.value() == 0)
        return {};
    return tr("Printed the payment slip of %1 (%n page(s)).", nullptr, pages.value()).arg(bill.number);
}

QString BillActions::preview(QWidget *parent, FormPrinter &printer, const Bill &bill, LocalCache *cache)
{
    return onPaper(parent, printer, bill, cache, true);
}

QString BillActions::print(QWidget *parent, FormPrinter &printer, const Bill &bill, LocalCache *cache)
{
    return onPaper(parent, printer, bill, cache, false);
}

QString BillActions::savePdf(QWidget *parent, const Bill &bill, LocalCache *cache)
{
    // Refused before asking for a file name: an expired or cancelled bill has no slip.
    if (Result<printing::FormData> data = BillSlip::data(bill); !data)
        return data.error().message;
    const QString name = QStringLiteral("断档缴费单 %1.pdf").arg(bill.number);
    QString path = FileDialog::getSaveFileName(
        parent, tr("Save the payment slip as PDF"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name),
        tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return {};
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    Result<PrintedForm> saved = BillSlip::writePdf(bill, path, cache);
    return saved ? tr("Saved as %1.").arg(QDir::toNativeSeparators(path)) : saved.error().message;
}

} // namespace shebao::ui
