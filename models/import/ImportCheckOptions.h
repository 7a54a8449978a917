#pragma once

#include "models/policy/PolicyTable.h"

#include <QDate>

#include <functional>

#include <optional>

namespace shebao {

// What a check depends on besides the file: the day it runs ("the current month" of import.md;
// shebao-cli --today) and the policy table for the wage limits (--policy; the embedded 430100
// table when absent).
struct ImportCheckOptions
{
    QDate today = QDate::currentDate();
    std::optional<PolicyTable> policy;
    // Rows are checked in parallel chunks (results identical to one thread); 0 = one thread per
    // core. Small files (< 2 × 1,000 rows) always use one.
    int threads = 0;
    // For the wizard's progress bar and cancel button: called on the calling thread every few
    // thousand rows and at the end with (rows checked, data rows in total); returning false
    // cancels the check, which then fails with import.cancelled.
    std::function<bool(qsizetype done, qsizetype total)> progress;
};

} // namespace shebao
