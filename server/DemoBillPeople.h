#pragma once

#include <QDate>
#include <QStringList>

#include "models/core/Result.h"

namespace shebao::server {

class Database;

// The sandbox's people for trying 断档补缴 (docs/bills.md; listed in docs/cli.md), in units
// 43010000001 and 43010000003: a suspended period and a later one with the same unit (a gap older
// than three months), a gap that starts before 1995 (only 1995-01 on can be paid), a gap in the
// last three months only (异动申报's, no bill), a unit that enrolled someone late (用工起始年月
// extends the window), and months paid with another unit (not gaps). Fixed names and numbers;
// the recent gaps are placed relative to the month the sandbox is created. Added once.
namespace DemoBillPeople {

// Their 公民身份号码, in the order of docs/cli.md's table; the stream generator never uses them.
QStringList idNumbers();

// today: the Beijing date of the server's clock.
Result<void> seed(Database &db, QDate today);

} // namespace DemoBillPeople

} // namespace shebao::server
