#include "server/BillEffect.h"

#include "server/BillStore.h"
#include "server/BulkInsert.h"
#include "server/GapFinder.h"

namespace shebao::server {

Result<void> BillEffect::fill(const BillRecord &bill, const QList<YearMonth> &months)
{
    const QString bigint = QStringLiteral("bigint");
    const QString text = QStringLiteral("text");
    BulkInsert rows(m_db, QStringLiteral("enrolments"),
                    {{QStringLiteral("person_id"), bigint}, {QStringLiteral("unit_id"), bigint},
                     {QStringLiteral("insurance"), text}, {QStringLiteral("start_month"), text},
                     {QStringLiteral("end_month"), text}, {QStringLiteral("status"), text},
                     {QStringLiteral("wage_base_fen"), bigint}, {QStringLiteral("bill_id"), bigint}});
    for (const GapRange &run : GapFinder::rangesOf(months)) {
        for (const QString &insurance : bill.bill.insurances) {
            if (auto r = rows.add({bill.personId, bill.unitId, insurance, run.from.toString(), run.to.toString(),
                                   QStringLiteral("suspended"), bill.bill.wage.fen(), bill.id});
                !r)
                return r;
        }
    }
    return rows.flush();
}

} // namespace shebao::server
