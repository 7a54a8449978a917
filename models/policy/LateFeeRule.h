#pragma once

#include "models/policy/Rate.h"

namespace shebao {

// When a month's contributions fall due and what lateness costs (社会保险法 第八十六条:
// 0.05% a day). Agencies differ in these details, so they are data, not code.
struct LateFeeRule
{
    static constexpr int kMaxDueDay = 28; // every month has the due day

    Rate dailyRate;              // "0.0005"
    int dueDay = 15;             // day of the month after the contribution month
    bool capAtPrincipal = false; // late fee at most the principal (行政强制法 第四十五条)

    bool operator==(const LateFeeRule &) const = default;
};

} // namespace shebao
