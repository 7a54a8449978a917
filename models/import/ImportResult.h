#pragma once

#include "models/import/ImportColumns.h"
#include "models/import/ImportProblem.h"
#include "models/money/Money.h"
#include "models/policy/YearMonth.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace shebao {

// A 新增/续保 row, normalized: codes of the standard dictionaries, the 18-character ID number,
// money in fen. Fields that failed their check are left empty / invalid; `valid` is true when
// the row has no error (warnings allowed), i.e. it can become a declaration item as it is.
struct AddImportItem
{
    int row = 0;
    bool valid = false;
    QString name;
    QString idNumber;
    QDate birthDate;
    QString genderCode;         // "1" 男 / "2" 女, from the ID number
    QString ethnicityCode;      // "01"
    QString hukouCode;
    QString employmentFormCode;
    QString identityCode;       // empty when the column is absent or empty
    QDate workStartDate;
    YearMonth startMonth;
    Money wage;                 // as declared
    Money base;                 // clamped to the policy limits of startMonth (== wage if none apply)
    QStringList insurances;     // codes, sorted; 110, 210, 410 by default
    QString phone;              // Phone::number()
};

// A 减少 row, normalized like AddImportItem.
struct ReduceImportItem
{
    int row = 0;
    bool valid = false;
    QString name;
    QString idNumber;
    QString changeTypeCode;   // "2" 停保 / "3" 终止
    QString changeReasonCode; // child of changeTypeCode
    YearMonth stopMonth;
};

// The outcome of checking one sheet: every data row (blank rows skipped) as an item, every
// problem in row order, and the rules that were not applied because they need the server.
struct ImportResult
{
    ImportKind kind = ImportKind::Add;
    QString sheetName;
    int headerRow = 0;
    QList<AddImportItem> addItems;       // kind == Add
    QList<ReduceImportItem> reduceItems; // kind == Reduce
    QList<ImportProblem> problems;
    int rows = 0;  // data rows checked
    int valid = 0; // rows without errors
    QStringList skippedRules; // codes of rules not applied ("person.enrolled")

    int errorCount() const;
    int warningCount() const;
    bool hasErrors() const { return errorCount() > 0; }
};

inline int ImportResult::errorCount() const
{
    int n = 0;
    for (const ImportProblem &p : problems)
        n += p.isError() ? 1 : 0;
    return n;
}

inline int ImportResult::warningCount() const
{
    return int(problems.size()) - errorCount();
}

} // namespace shebao
