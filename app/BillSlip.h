#pragma once

#include <QString>

#include "models/bill/Bill.h"
#include "models/cache/PrintedForm.h"
#include "models/core/Result.h"
#include "printing/FormData.h"
#include "printing/FormTemplate.h"

namespace shebao {

class LocalCache;

// The printed 缴费单 of a bill (docs/bills.md "The slip"; template resources/forms/bill-slip.json):
// the 业务单据号 in text and as a QR code whose text is exactly the number, unit, person (masked ID),
// 限缴日期, the total in figures and in Chinese capitals, the months table, the policy table and
// the periods used. The one place that fills this form: the desktop (断档补缴, 有单缴费, 银行缴费单查询)
// and `shebao-cli` render through it.
class BillSlip
{
public:
    static QString formId() { return QStringLiteral("bill-slip"); }

    // A bill without its estimate (a list row) is refused (bill.no_estimate): fetch it first.
    static Result<printing::FormData> data(const Bill &bill);
    static Result<printing::FormTemplate> form(const Bill &bill);
    // Writes the PDF (needs a QGuiApplication for the fonts); with a cache the print is recorded.
    static Result<PrintedForm> writePdf(const Bill &bill, const QString &path, LocalCache *cache = nullptr);
    static Result<PrintedForm> recordPrinted(const Bill &bill, int pages, LocalCache *cache);
};

} // namespace shebao
