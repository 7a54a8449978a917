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
    const auto record = [&](int pages, LocalCache *into) {
        return EnrolmentCertificateForm::recordPrinted(certificate, pages, into);
    };
    Result<int> pages = printer.onPaper(parent, EnrolmentCertificateForm::form(certificate),
                                        EnrolmentCertificateForm::data(certificate), preview, cache, record);
    if (!pages)
        return pages.error().message;
    if (pages.value() == 0)
        return {};
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
