#pragma once

#include <QList>
#include <QString>

#include "models/core/Result.h"
#include "models/declaration/Declaration.h"
#include "models/domain/Person.h"
#include "models/domain/Unit.h"

namespace shebao {

// .xlsx exports with libxlsxwriter that Excel, WPS and LibreOffice open: text-formatted ID
// numbers (never a number in E notation), Chinese headers, frozen header row, column widths.
// Errors: export.write (the file cannot be written, the message names it).
class XlsxExport
{
public:
    // 人员名单: 个人编号, 姓名, 公民身份号码 (full, the file is the unit's own), 性别, 出生日期, 民族,
    // 户口性质, 用工形式, 联系电话, and per 险种 the status and since when.
    static Result<void> persons(const Unit &unit, const QList<Person> &persons, const QString &path);
    // One batch (with items): 批次号, state and the items as in the 申报表, with state per item.
    static Result<void> batch(const Unit &unit, const DeclarationBatch &batch, const QString &path);
};

} // namespace shebao
