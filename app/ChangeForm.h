#pragma once

#include <QString>

#include "models/cache/PrintedForm.h"
#include "models/change/ChangeRequest.h"
#include "models/core/Result.h"
#include "models/domain/Unit.h"
#include "printing/FormData.h"

namespace shebao {

class LocalCache;

// The paper of a 信息维护 request (docs/changes.md "Paper"): 《长沙市社会保险单位信息变更登记表》
// (resources/forms/unit-change-form.json) for a unit request, 《长沙市社会保险个人信息修改表》
// (person-change-form.json) for a person request, A4 portrait. Header 单位名称 / 单位编号 /
// 统一社会信用代码 (person: 个人编号, 姓名, 公民身份号码 as the agency held them) / 变更申请编号 /
// 申请日期 / 办理状态; one row per changed field with 变更前 and 变更后 side by side (values as
// ChangeFields::displayValue shows them), key rows marked ★关键; the proofs the key rows need and
// the uploaded ones; 经办人, the 单位（盖章） box and the 经办机构审核意见 box. A signed request's
// form says it was signed with the unit's certificate and needs no stamp.
class ChangeForm
{
public:
    static constexpr const char *UnitFormId = "unit-change-form";
    static constexpr const char *PersonFormId = "person-change-form";

    static QString formId(ChangeTarget target);
    static QString title(ChangeTarget target); // the agency's name of the form

    // The placeholders for `request` (which must carry its fields) of `unit` (the unit as it is
    // now: 统一社会信用代码 and 联系电话 of the header).
    static Result<printing::FormData> data(const ChangeRequest &request, const Unit &unit);
    // Writes the PDF (needs a QGuiApplication for the fonts); when `cache` is given the print is
    // recorded in its printed_forms and the record returned (id 0 otherwise).
    static Result<PrintedForm> writePdf(const ChangeRequest &request, const Unit &unit, const QString &path,
                                        LocalCache *cache = nullptr);
    // Records a print on paper done by the UI (ui::FormPrinter).
    static Result<PrintedForm> recordPrinted(const ChangeRequest &request, const Unit &unit, int pages,
                                             LocalCache *cache);
};

} // namespace shebao
