#pragma once

#include <optional>

#include "models/cache/OutboxStore.h"
#include "models/declaration/Declaration.h"

namespace shebao::ui {

// What the pages of 异动新增 share besides their fields: 查询's answer, the kind the clerk
// chose (续保 / 新增), and how 保存 ended.
struct AddDeclarationData
{
    std::optional<PersonLookup> lookup;
    DeclarationKind kind = DeclarationKind::Add;
    bool kindChosen = false;
    std::optional<OutboxEntry> saved;
};

} // namespace shebao::ui
