#pragma once

#include <QString>

#include "models/cache/PrintedForm.h"
#include "models/certificate/Certificate.h"
#include "models/core/Result.h"
#include "printing/FormData.h"
#include "printing/FormTemplate.h"

namespace shebao {

class LocalCache;

// The printed 参保证明 of an issued record (docs/certificates.md "Printing"; templates
// resources/forms/unit-certificate.json, roster-certificate.json, person-certificate.json): the
// content as the agency signed it, the QR code of the verification URL, the code as text, the
// 证明编号, the electronic seal and the sentence that the paper needs no stamp. The one place that
// fills these forms: the desktop page and `shebao-cli certificate --out` both render through it,
// so the same record always prints the same form (a reprint from the history is the original).
class EnrolmentCertificateForm
{
public:
    // "unit-certificate", "roster-certificate", "person-certificate".
    static QString formId(CertificateKind kind);

    // A date as the certificate states it: Beijing time (UTC+8 all year), "2026年12月4日".
    static QString beijingDate(const QDateTime &utc);

    // The address a holder types the code into: the verification URL without its query
    // ("https://host:8443/verify").
    static QString verifyAddress(const QString &url);

    // The content printed is the signed one: when the record carries its canonical bytes they
    // are decoded and must equal record.content (a record whose content was altered after
    // signing is refused, `certificate.inconsistent`). A history row, which has no content, is
    // refused (`certificate.no_content`): fetch the record first.
    static Result<printing::FormData> data(const IssuedCertificate &certificate);
    // The template of the record's kind, with the PDF title "<title> <number>".
    static Result<printing::FormTemplate> form(const IssuedCertificate &certificate);

    // Writes the PDF (needs a QGuiApplication for the fonts); with a cache, the print is recorded
    // in its printed_forms and the record returned (id 0 otherwise).
    static Result<PrintedForm> writePdf(const IssuedCertificate &certificate, const QString &path,
                                        LocalCache *cache = nullptr);
    // Records a print on paper done by the UI (ui::FormPrinter).
    static Result<PrintedForm> recordPrinted(const IssuedCertificate &certificate, int pages, LocalCache *cache);
};

} // namespace shebao
