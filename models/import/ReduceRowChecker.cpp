#include "models/import/ReduceRowChecker.h"

#include "models/dictionaries/Dictionaries.h"
#include "models/import/ImportColumns.h"
#include "models/import/ImportValues.h"

namespace shebao {

ReduceRowChecker::ReduceRowChecker(ImportRowChecks &checks) : m_checks(checks) {}

ReduceImportItem ReduceRowChecker::check(const ImportRow &row)
{
    m_checks.beginRow();
    ReduceImportItem item;
    item.row = row.number;
    item.name = m_checks.name(row).value_or(QString());
    if (const std::optional<IdNumber> id = m_checks.idNumber(row))
        item.idNumber = id->number();
    const std::optional<DictionaryEntry> type =
        m_checks.dictionaryValue(row, ImportColumns::changeType(), Dictionaries::changeType(), true);
    if (type) {
        item.changeTypeCode = type->code;
        if (auto reason = m_checks.dictionaryValue(row, ImportColumns::changeReason(), Dictionaries::changeReason(), true,
                                                   type->code))
            item.changeReasonCode = reason->code;
    } else if (m_checks.needsValue(row, ImportColumns::changeReason(), true)) {
        // Without a valid 变更类型 the reason can only be checked against the whole dictionary.
        if (auto reason = m_checks.dictionaryValue(row, ImportColumns::changeReason(), Dictionaries::changeReason(), true))
            item.changeReasonCode = reason->code;
    }
    if (const std::optional<YearMonth> month = m_checks.recentMonth(row, ImportColumns::stopMonth()))
        item.stopMonth = *month;
    item.valid = !m_checks.rowHasErrors(row);
    return item;
}

} // namespace shebao
