#pragma once

class QTableView;

namespace shebao::ui {

// The look every list of the 异动申报 screens shares: compact fixed-height rows (no per-row
// measuring), whole rows selected, no editing, the last column taking the rest of the width.
void setUpTable(QTableView *table, bool rowNumbers = false);
// After new contents: columns fitted to what they show (header included), at least a readable
// minimum when the table is empty, the last column stretched again.
void fitColumns(QTableView *table);

} // namespace shebao::ui
