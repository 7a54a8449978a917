#pragma once

#include "models/import/ImportResult.h"
#include "models/import/ImportRowChecks.h"
#include "models/policy/PolicyTable.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace shebao {

// Every rule of the 新增/续保 sheet (shared/domain/import.md) applied to one row: each column is
// checked on its own so a row reports all its problems, and a bad row never stops the next.
// person.enrolled needs the server or the cache and is not checked here.
class AddRowChecker
{
public:
    // `policy` gives the contribution base limits for wage.out_of_range.
    AddRowChecker(ImportRowChecks &checks, const PolicyTable &policy);

    AddImportItem check(const ImportRow &row);

private:
    void checkGender(const ImportRow &row, const IdNumber &id);
    void checkAge(const ImportRow &row, const IdNumber &id, const AddImportItem &item);
    void checkWage(const ImportRow &row, AddImportItem &item);
    void checkInsurances(const ImportRow &row, AddImportItem &item);
    void checkPhone(const ImportRow &row, AddImportItem &item);

    const PolicyPeriod *periodFor(YearMonth month);

    ImportRowChecks &m_checks;
    const PolicyTable &m_policy;
    // The last month asked for and its period (rows share a handful of months).
    YearMonth m_periodMonth;
    qsizetype m_periodIndex = -1;
    // 险种 cell text -> (sorted codes, unknown parts).
    QHash<QString, std::pair<QStringList, QStringList>> m_insuranceMemo;
};

} // namespace shebao
