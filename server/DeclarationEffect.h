#pragma once

#include <QList>

#include "models/core/Result.h"
#include "models/declaration/Declaration.h"

namespace shebao::server {

class Database;
class DeclarationStore;

// What an effective batch does to the agency's records (docs/declarations.md, 已生效):
// 新增 creates the person and opens one active enrolment per 险种 from start_month with the
// base; 续保 updates the person from the item and opens enrolments; 减少 closes the person's
// open enrolments in the unit (end = the month before stop_month, not before their start;
// suspended for 停保 "2", terminated for 终止 "3"). The items become effective. The caller's
// transaction holds it all.
class DeclarationEffect
{
public:
    DeclarationEffect(Database &db, DeclarationStore &store) : m_db(db), m_store(store) {}

    // Whether the items can still take effect: between saving and now another unit may have
    // enrolled the person, or the counter closed the enrolment. The first conflict, naming
    // the item (person.enrolled / person.not_enrolled); nothing is written.
    Result<void> check(qint64 unitId, const QList<DeclarationItem> &items);
    Result<void> apply(qint64 unitId, const QList<DeclarationItem> &items);

private:
    Result<void> enrol(qint64 unitId, const DeclarationItem &item);
    Result<void> close(qint64 unitId, const DeclarationItem &item);

    Database &m_db;
    DeclarationStore &m_store;
};

} // namespace shebao::server
