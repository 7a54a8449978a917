#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

#include "models/core/Result.h"
#include "models/domain/Unit.h"

namespace shebao {

class AppContext;

// One figure of 首页's 待办事项 (pending items): a number, and the link to the list behind it.
// Local figures come from the unit's cache and are current offline too; figures that need the
// server are not asked while offline, and the page says so instead of showing an old number.
class PendingFigure
{
public:
    using Done = std::function<void(Result<int>)>;

    virtual ~PendingFigure() = default;

    // Stable and ASCII: the figure's button is "<key>FigureButton".
    virtual QString key() const = 0;
    virtual QString title() const = 0;
    // Where the list behind it is, for the main window to open: "<entry>#<part>", e.g.
    // "declare.submit#drafts", "declare.submit#batches:awaiting_paper",
    // "maintain.unit#requests:pending", or "draft:<kind prefix>" (the newest such draft).
    virtual QString link() const = 0;
    virtual bool needsServer() const = 0;
    // Whether it means anything at this account level (business figures are not for an ordinary
    // account; 待交纸质表 not for a certificate user, whose batches need no paper).
    virtual bool appliesTo(AccountLevel level) const = 0;
    // The number now. Answers exactly once, unless `context` died first.
    virtual void count(QObject *context, Done done) = 0;
};

using PendingFigures = std::vector<std::unique_ptr<PendingFigure>>;

// The figures of this build, in the order 首页 shows them: 异动申报 drafts, 信息变更 drafts,
// unsent items, 待申报 items, batches 待交纸质表, 待审核 unit and personal changes.
PendingFigures standardPendingFigures(AppContext &context);

} // namespace shebao
