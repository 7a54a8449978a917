#pragma once

#include <QList>

#include "models/core/Result.h"
#include "models/policy/YearMonth.h"

namespace shebao::server {

class Database;
struct BillRecord;

// What a paid bill does to the agency's records (docs/bills.md): for each run of consecutive
// months and each of the bill's 险种 one closed enrolment period (status suspended, the declared
// wage as its base, bill_id the bill), in the payment's transaction, so the months are no longer
// gaps once the payment is committed. All rows in one statement (BulkInsert).
class BillEffect
{
public:
    explicit BillEffect(Database &db) : m_db(db) {}

    Result<void> fill(const BillRecord &bill, const QList<YearMonth> &months);

private:
    Database &m_db;
};

} // namespace shebao::server
