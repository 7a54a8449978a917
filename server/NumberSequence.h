#pragma once

#include <QString>

#include "models/core/Result.h"

namespace shebao::server {

class Database;

// The counters behind the readable numbers (table number_sequences): 异动 items and batches
// (YD/SB + date), 信息维护 requests (BG + date), 参保证明 (ZM + date), new persons' 个人编号, and
// 断档缴费单 (业务单据号). One statement that creates the counter at 1 or increments it and
// returns the new value, so two server processes on one PostgreSQL database never draw the
// same value (the row stays locked until the caller's transaction ends). It runs in that
// transaction: an action that is rolled back gives its number back.
namespace NumberSequence {

Result<qint64> next(Database &db, const QString &name);

} // namespace NumberSequence

} // namespace shebao::server
