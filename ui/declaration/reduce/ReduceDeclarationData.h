#pragma once

#include <optional>

#include "models/cache/OutboxStore.h"
#include "models/domain/Person.h"

namespace shebao::ui {

// What the pages of 异动减少 share besides their fields: the person selected (from 查询 or from
// the unit's people in the cache) and how 减少 ended.
struct ReduceDeclarationData
{
    QString selectedIdNumber; // empty until 选中
    QString selectedName;
    QList<Person> activePersons; // the unit's contributing people, from the cache
    std::optional<OutboxEntry> saved;
};

} // namespace shebao::ui
