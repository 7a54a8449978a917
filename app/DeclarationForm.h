#pragma once

#include "models/cache/PrintedForm.h"
#include "models/core/Result.h"
#include "models/declaration/Declaration.h"
#include "models/domain/Unit.h"
#include "printing/FormData.h"

namespace shebao {

class LocalCache;

// The 《长沙市社会保险参保人员异动申报表》 of one declared batch (form template
// resources/forms/declaration-form.json; columns and footer from domain/research.md §2.1):
// header 单位名称 / 单位编号 / 统一社会信用代码 / 申报批次号 / 申报日期, one row per item (增 before 减),
// footer 合计人数, 报送人, 联系电话, the 单位（盖章） box and the counter's 受理人 / 受理日期. Pages
// repeat the table header and are numbered 第 x 页 共 y 页.
class DeclarationForm
{
public:
    static constexpr const char *FormId = "declaration-form";

    // The placeholders for the batch (which must carry its items) of `unit`.
    static Result<printing::FormData> data(const DeclarationBatch &batch, const Unit &unit);
    // Writes the PDF (needs a QGuiApplication for the fonts); when `cache` is given the print is
    // recorded in its printed_forms and the record returned (id 0 otherwise).
    static Result<PrintedForm> writePdf(const DeclarationBatch &batch, const Unit &unit, const QString &path,
                                        LocalCache *cache = nullptr);
    // Records a print on paper done by the UI (ui::FormPrinter).
    static Result<PrintedForm> recordPrinted(const DeclarationBatch &batch, const Unit &unit, int pages,
                                             LocalCache *cache);
};

} // namespace shebao
