#include "ui/certificate/CertificateActions.h"

#include <QDir>
#include <QStandardPaths>

#include "app/EnrolmentCertificateForm.h"
#include "ui/printing/FormPrinter.h"
#include "ui/widgets/FileDialog.h"

namespace shebao::ui {

QString CertificateActions::onPaper(QWidget *parent, FormPrinter &printer, const IssuedCertificate &certificate,
                                    LocalCache *cache, bool preview)
{
    Result<printing::FormTemplate> form = EnrolmentCertificateForm::form(certificate);
    if (!form)
        return form.error().message;
    Result<printing::FormData> data = EnrolmentCertificateForm::data(certificate);
    if (!data)
        return data.error().message;
    Result<int> pages = preview ? printer.preview(parent, form.value(), data.value())
                                : printer.print(parent, form.value(), data.value());
    if (!pages)
        return pages.error().message;
    if (pages.value() == 0)
        return {};
    if (cache) {
        if (Result<PrintedForm> recorded = EnrolmentCertificateForm::recordPrinted(certificate, pages.value(), cache);
            !recorded)
            return recorded.error().message;
    }
    return tr("Printed certificate %1 (%n page(s)).", nullptr, pages.value()).arg(certificate.content.number);
}

QString CertificateActions::preview(QWidget *parent, FormPrinter &printer, const IssuedCertificate &certificate,
                                    LocalCache *cache)
{
    return onPaper(parent, printer, certificate, cache, true);
}

QString CertificateActions::print(QWidget *parent, FormPrinter &printer, const IssuedCertificate &certificate,
                                  LocalCache *cache)
{
    return onPaper(parent, printer, certificate, cache, false);
}

QString CertificateActions::savePdf(QWidget *parent, const IssuedCertificate &certificate, LocalCache *cache)
{
    const QString name = certificateKindName(certificate.content.kind) + QLatin1Char(' ') + certificate.content.number
                         + QStringLiteral(".pdf");
    QString path = FileDialog::getSaveFileName(
        parent, tr("Save the certificate as PDF"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name),
        tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return {};
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    Result<PrintedForm> saved = EnrolmentCertificateForm::writePdf(certificate, path, cache);
    return saved ? tr("Saved as %1.").arg(QDir::toNativeSeparators(path)) : saved.error().message;
}

} // namespace shebao::ui
